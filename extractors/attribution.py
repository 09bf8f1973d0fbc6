"""Whose evidence is it: the city's own, its province's, the nation's, or another city's.

A city portal re-posts national and provincial documents and reports other cities' pilots; only
the city's own documents earn full credit (rules/indicators.yaml `credit` sets the shares).
"""

from __future__ import annotations

from dataclasses import dataclass

from citydx.registry import Registry
from extractors.normalize import normalize_for_matching
from extractors.rules import CommonRules

CITY, PROVINCE, NATIONAL, OTHER_CITY = "city", "province", "national", "other_city"
_OWN_WORDS = ("我市", "本市", "全市", "市政府", "市委", "市人民政府", "市政府办公室", "市数据局",
              "市大数据局", "市数据资源管理局", "市委办公室", "市级", "市发展改革委", "市经信局")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    attribution: str


class Attributor:
    """Finds who a text names, for one city; built once per city and reused for its documents."""

    def __init__(self, city: str, registry: Registry, common: CommonRules) -> None:
        self.city = city
        own = registry.get(city)
        self.province = own.province
        self.own_names = tuple(sorted({city, *common.districts.get(city, ())}, key=len,
                                      reverse=True))
        self.others = tuple(sorted(
            {c.name for c in registry.cities if c.name != city}
            | {d for name, ds in common.districts.items() if name != city for d in ds},
            key=len, reverse=True))
        city_names = {c.name for c in registry.cities}
        self.other_provinces = tuple(sorted({c.province for c in registry.cities}
                                            - {self.province} - city_names))
        self.common = common
        self._automaton = _build_automaton(self._vocabulary())

    def _vocabulary(self) -> dict[str, str]:
        vocab: dict[str, str] = {}
        for name in self.others:
            vocab[normalize_for_matching(name)] = OTHER_CITY
        for name in self.other_provinces:
            vocab[normalize_for_matching(name)] = OTHER_CITY
        for word in self.common.national_bodies:
            vocab[normalize_for_matching(word)] = NATIONAL
        if self.province != self.city:
            vocab[normalize_for_matching(self.province)] = PROVINCE
        for word in self.common.province_bodies:
            vocab[normalize_for_matching(word)] = PROVINCE
        for word in (*self.own_names, *_OWN_WORDS):
            vocab[normalize_for_matching(word)] = CITY
        return vocab

    def mentions(self, norm: str) -> list[Mention]:
        """Longest non-overlapping mentions in a normalised text, left to right."""
        found: list[Mention] = []
        for end, (length, attribution) in self._automaton.iter(norm):
            start = end - length + 1
            if found and start <= found[-1].end - 1:
                if length > found[-1].end - found[-1].start and start <= found[-1].start:
                    found[-1] = Mention(start, end + 1, attribution)
                continue
            found.append(Mention(start, end + 1, attribution))
        return found

    def of_issuer(self, issuer: str) -> str | None:
        """Attribution of a document from its issuing body; None when the issuer is unknown."""
        if not issuer.strip():
            return None
        norm = normalize_for_matching(issuer).strip()
        if any(normalize_for_matching(n) in norm for n in self.own_names):
            return CITY
        if norm.startswith("市") or norm.startswith("中共" + self.city):
            return CITY
        mentions = self.mentions(norm)
        if mentions:
            return mentions[0].attribution
        if "省" in norm or "自治区" in norm:
            return PROVINCE if self.province in norm else OTHER_CITY
        if norm.startswith("国家") or norm.startswith("中国") or norm.endswith("部"):
            return NATIONAL
        return None


def _build_automaton(vocab: dict[str, str]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, attribution in vocab.items():
        if word:
            automaton.add_word(word, (len(word), attribution))
    automaton.make_automaton()
    return automaton
