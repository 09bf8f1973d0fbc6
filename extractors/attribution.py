"""Whose evidence is it: the city's own, its province's, the nation's, or another city's.

A city portal re-posts national and provincial documents and reports other cities' pilots; only
the city's own documents earn full credit (rules/indicators.yaml `credit` sets the shares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citydx.registry import Registry
from extractors.keyword_scan import KeywordScanner
from extractors.normalize import normalize_for_matching
from extractors.rules import CommonRules

CITY, PROVINCE, NATIONAL, OTHER_CITY = "city", "province", "national", "other_city"
_OWN = "own"  # 我市, 本市, 全市: the city of whoever wrote the text
_NOT_A_NAME = "none"
# Words that hold a name but are none: "城市级平台" holds 市级, "省市两级" holds 省市.
_NOT_NAMES = ("城市级", "省市级", "地市级", "县市级", "各市级", "城市政府", "全市场", "直辖市",
              "设区市", "各市", "地级市", "县级市", "省辖市", "单列市", "副省级市",
              # a city's name inside an ordinary word: 确保定期, 大连接, 北京时间, 中山大学
              "确保定", "大连接", "北京时间", "中山大学", "中山路", "中山公园", "南京路", "北京路",
              "创新乡", "新乡村", "复合肥", "出海口", "入海口", "海口岸", "重庆祝", "建成都市",
              "形成都市", "构成都市")
_DISTRICT_BODY = re.compile(r"^[\u4e00-\u9fff]{1,6}(区|县|新区|开发区|高新区)"
                            r"(人民政府|政府|委员会|管委会|办公室|[\u4e00-\u9fff]{0,12}(局|委|办|中心))")
# "省级智能工厂", "获评省级示范": a rank the thing holds, not who built it; "省级部门" acts.
_RANK_WORDS = ("省级",)
_RANK_BODIES = ("部门", "政府", "机关", "层面", "单位", "财政", "统筹", "平台")
# Cities named by a count or a class, not by name: "全国已有20多个城市出台…", "兄弟城市已建成…"
# are other cities' work; "在全国20多个城市中率先…" is a scope, left to the city.
_OTHER_CITIES = re.compile(r"(?<![在于])(?:[\d一二三四五六七八九十百两]+(?:多|余)?个|多个|部分|"
                           r"不少|众多|一批|兄弟|先进|其他|其它|外地|周边)"
                           r"(?:副省级|地级及以上|地级以上|重点|试点|省会|先进)?城市(?![中里之大])")
# Places named by class, not by name: "通过外地数据交易所挂牌", "在省外交易所上架" are elsewhere;
# people and firms from elsewhere ("外地游客", "外省务工人员", "外地企业") do not act for a place.
_ELSEWHERE = re.compile(r"(?<![城全本我])(外地|外省|省外|外市|市外)"
                        r"(?!游客|人员|务工|人口|车辆|来|户籍|企业|人|的|考察|代表|调研|客|嘉宾|"
                        r"来宾|团)")
_OWN_WORDS = ("我市", "本市", "全市", "市政府", "市委", "市人民政府", "市政府办公室", "市数据局",
              "市大数据局", "市数据资源管理局", "市委办公室", "市级", "市发展改革委", "市经信局")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    attribution: str
    generic: bool = False  # "我市", "全市": refers to the author, whoever that is
    # "外地", "省外": elsewhere, named only as where the very next thing is ("外地数据交易所")
    adjacent: bool = False


class NameIndex:
    """Every name attribution looks for, in one automaton shared by all cities."""

    def __init__(self, registry: Registry, common: CommonRules) -> None:
        vocab: dict[str, tuple[str, str]] = {}
        city_names = {c.name for c in registry.cities}
        for province in {c.province for c in registry.cities} - city_names:
            vocab[province] = ("province_name", province)
        for word in common.national_bodies:
            vocab[word] = (NATIONAL, "")
        for word in common.province_bodies:
            vocab[word] = ("province_body", "")
        owners: dict[str, list[str]] = {}
        for city, districts in common.districts.items():
            for district in districts:
                owners.setdefault(district, []).append(city)
        for district, cities in owners.items():  # 鼓楼区 is 南京's and 福州's
            vocab[district] = ("place", tuple(cities))
        for place in common.other_places:  # "马鞍山市": no assessed city
            if place.removesuffix("市") not in city_names and place not in vocab:
                vocab[place] = ("place", ())  # a district's own name stays its city's
        for city in city_names:
            vocab[city] = ("place", (city,))
        for word in _OWN_WORDS:
            vocab[word] = (_OWN, "")
        for word in _NOT_NAMES:
            vocab[word] = (_NOT_A_NAME, "")
        self.automaton = KeywordScanner(
            (normalize_for_matching(w), v) for w, v in vocab.items())


class Attributor:
    """Finds who a text names, for one city; built once per city and reused for its documents."""

    def __init__(self, city: str, registry: Registry, common: CommonRules,
                 names: NameIndex | None = None) -> None:
        self.city = city
        self.province = registry.get(city).province
        self.own_names = tuple(sorted({city, *common.districts.get(city, ())}, key=len,
                                      reverse=True))
        self.names = names or NameIndex(registry, common)

    def _attribution(self, kind: str, owner: str) -> str:
        """What a named entity means for this city."""
        if kind in (CITY, NATIONAL):
            return kind
        if kind == _OWN:
            return CITY
        if kind == _NOT_A_NAME:
            return ""
        if kind == "place":  # a city or one of its districts
            return CITY if self.city in owner else OTHER_CITY
        if kind == "province_name":
            return PROVINCE if owner == self.province else OTHER_CITY
        return PROVINCE  # the province's bodies named without the province ("省政府")

    def mentions(self, norm: str) -> list[Mention]:
        """Longest non-overlapping mentions in a normalised text, left to right."""
        found: list[Mention] = []
        not_names = False
        for start, stop, (kind, owner) in self.names.automaton.hits(norm):
            end, length = stop - 1, stop - start
            if "公司" in norm[end + 1:end + 5]:
                continue  # "中国联通江苏公司" names a company, not the province
            if kind == "place" and norm[end] == "区" and norm[end + 1:end + 2] == "域":
                continue  # "河西区域" is a region, not 天津's 河西区
            if kind == NATIONAL and norm[end] == "部" and norm[end + 1:end + 2] == "门":
                continue  # "市交通部门", "民政部门": a department of any level, not the ministry
            if length == 2 and norm[end - 1:end + 1] in _RANK_WORDS and \
                    not norm.startswith(_RANK_BODIES, end + 1):
                continue
            attribution = self._attribution(kind, owner)
            not_names = not_names or not attribution
            mention = Mention(start, end + 1, attribution, kind == _OWN)
            if kind == _OWN and found and found[-1].end == start and not found[-1].generic:
                # "杭州市数据局": the bureau is the named city's, not the reader's
                found[-1] = Mention(found[-1].start, end + 1, found[-1].attribution)
                continue
            if kind == "place" and norm[end] in "区县" and found and _names_city_of(
                    norm, found[-1], start):
                # "绍兴滨海新区", "南京市鼓楼区": a district named after its city is that city's
                found[-1] = Mention(found[-1].start, end + 1, found[-1].attribution)
                continue
            if found and start <= found[-1].end - 1:
                if length > found[-1].end - found[-1].start and start <= found[-1].start:
                    found[-1] = mention
                continue
            found.append(mention)
        found = _with_other_cities(norm, found)
        return [m for m in found if m.attribution] if not_names else found

    def of_source(self, source: str) -> str | None:
        """"来源：无锡日报": an article taken from another city's or the nation's outlet.

        Only a named place or national body counts: "来源：中国新闻网" may well report this city.
        """
        mentions = self.mentions(normalize_for_matching(source))
        if mentions and mentions[0].attribution in (OTHER_CITY, NATIONAL):
            return mentions[0].attribution
        return None

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
        if _DISTRICT_BODY.match(norm):
            return CITY  # "余杭区人民政府办公室" on 杭州's portal: one of the city's districts
        if "省" in norm or "自治区" in norm:
            return PROVINCE if self.province in norm else OTHER_CITY
        if norm.startswith("国家") or norm.startswith("中国") or norm.endswith("部"):
            return NATIONAL
        return None


def _names_city_of(norm: str, previous: Mention, start: int) -> bool:
    """The mention just before a district's name is a named city (not 我市 or the province),
    right before it or with 市 between: the district is that city's."""
    if previous.generic or previous.attribution not in (CITY, OTHER_CITY):
        return False
    return previous.end == start or previous.end == start - 1 and norm[previous.end] == "市"


def _with_other_cities(norm: str, found: list[Mention]) -> list[Mention]:
    """Named mentions plus cities counted or classed ("20多个城市", "兄弟城市", "外地"), in text
    order."""
    classed = [(m, False) for m in _OTHER_CITIES.finditer(norm)] if "城市" in norm else []
    if "外" in norm:
        classed += [(m, True) for m in _ELSEWHERE.finditer(norm)]
    if not classed:
        return found
    extra = [Mention(m.start(), m.end(), OTHER_CITY, adjacent=adjacent)
             for m, adjacent in classed
             if not any(f.start < m.end() and m.start() < f.end for f in found)]
    return sorted(found + extra, key=lambda m: m.start) if extra else found
