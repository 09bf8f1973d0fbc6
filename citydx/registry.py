"""The city registry (rules/cities.yaml): who is assessed, where, and which hosts are theirs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from citydx.errors import RulesFileError, UnknownCityError
from citydx.paths import rules_dir
from citydx.yamlio import key_line, line_of, load_yaml

KINDS = ("municipality", "separately_planned", "capital", "prefecture")
KIND_LABELS = {"municipality": "直辖市", "separately_planned": "计划单列市",
               "capital": "省会", "prefecture": "地级市", "province": "省级门户"}
# A province's portal registered as a document owner (rules/cities.yaml `provinces:`): its
# documents concern every assessed city of the province; the entry itself is never scored.
PROVINCE_KIND = "province"


@dataclass(frozen=True)
class City:
    name: str
    province: str
    kind: str
    assessed: bool
    portal: str
    domains: tuple[str, ...]
    portal_evidence: str = "guessed"
    verified: bool = False

    @property
    def is_capital(self) -> bool:
        return self.kind == "capital"

    def owns_host(self, host: str) -> bool:
        """True when host is one of the city's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)


@dataclass(frozen=True)
class Registry:
    cities: tuple[City, ...]
    path: str = ""
    provinces: tuple[City, ...] = ()

    def get(self, name: str) -> City:
        """A city or a province entry: both own portals, so sources and documents name either."""
        for city in self.owners:
            if city.name == name:
                return city
        raise UnknownCityError(name)

    @property
    def owners(self) -> tuple[City, ...]:
        """Every portal owner: the cities, then the province entries."""
        return self.cities + self.provinces

    def fan_out(self, name: str) -> tuple[str, ...]:
        """The assessed cities a document owned by `name` is evidence for: a province entry's
        documents concern each assessed city of its province, a city's only the city itself."""
        owner = self.get(name)
        if owner.kind != PROVINCE_KIND:
            return (owner.name,)
        return tuple(c.name for c in self.assessed if c.province == owner.province)

    @property
    def assessed(self) -> tuple[City, ...]:
        return tuple(c for c in self.cities if c.assessed)

    def province_of(self, name: str) -> str:
        return self.get(name).province


def load_registry(path: str | Path | None = None) -> Registry:
    path = Path(path) if path else rules_dir() / "cities.yaml"
    data = load_yaml(path)
    spath = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("cities"), list):
        raise RulesFileError(spath, line_of(data), "expected a top-level 'cities:' list")
    cities: list[City] = []
    seen: set[str] = set()
    for node in data["cities"]:
        cities.append(_parse_city(spath, node, seen))
    provinces = _parse_provinces(spath, data, cities, seen)
    return Registry(tuple(cities), spath, provinces)


def _parse_city(path: str, node: object, seen: set[str]) -> City:
    line = line_of(node)
    name = _entry_name(path, line, node, "city")
    if name in seen:
        raise RulesFileError(path, line, f"city '{name}' is listed twice")
    seen.add(name)
    _require_portal(path, line, node, f"city '{name}'")
    kind = node.get("kind", "prefecture")
    if kind not in KINDS:
        raise RulesFileError(path, line, f"city '{name}': kind must be one of {', '.join(KINDS)}")
    domains = _domains(path, line, node, f"city '{name}'")
    return City(name, node["province"], kind, bool(node.get("assessed", True)), node["portal"],
                domains, str(node.get("portal_evidence", "guessed")),
                bool(node.get("verified", False)))


def _entry_name(path: str, line: int | None, node: object, what: str) -> str:
    """The name of a city or province entry, which must be a mapping."""
    if not isinstance(node, dict):
        raise RulesFileError(path, line, f"each {what} must be a mapping")
    name = node.get("name")
    if not isinstance(name, str) or not name:
        raise RulesFileError(path, line, f"{what}: missing 'name'")
    return name


def _require_portal(path: str, line: int | None, node: dict, label: str) -> None:
    for key in ("province", "portal"):
        if not isinstance(node.get(key), str) or not node.get(key):
            raise RulesFileError(path, line, f"{label}: missing '{key}'")


def _domains(path: str, line: int | None, node: dict, label: str) -> tuple[str, ...]:
    """The entry's registrable domains, lower-cased: the crawler's allow-list."""
    domains = node.get("domains") or []
    if not domains or not all(isinstance(d, str) and "." in d for d in domains):
        raise RulesFileError(path, line, f"{label}: 'domains' must list its gov.cn domains")
    return tuple(d.lower() for d in domains)


def _parse_provinces(path: str, data: dict, cities: list[City],
                     seen: set[str]) -> tuple[City, ...]:
    """The optional `provinces:` section: one portal owner per province with assessed cities."""
    nodes = data.get("provinces")
    if nodes is None:
        return ()
    if not isinstance(nodes, list):
        raise RulesFileError(path, key_line(data, "provinces"), "'provinces:' must be a list")
    assessed = {c.province for c in cities if c.assessed}
    by_province: dict[str, str] = {}
    city_domains = {d: c.name for c in cities for d in c.domains}
    entries = []
    for node in nodes:
        entry = _parse_province(path, node, line_of(node) or line_of(nodes), seen, assessed,
                                by_province)
        for domain in entry.domains:
            if domain in city_domains:
                raise RulesFileError(path, line_of(node), f"province '{entry.name}': domain "
                                     f"'{domain}' belongs to city '{city_domains[domain]}'")
        entries.append(entry)
    return tuple(entries)


def _parse_province(path: str, node: object, line: int | None, seen: set[str],
                    assessed: set[str], by_province: dict[str, str]) -> City:
    name = _entry_name(path, line, node, "province")
    if name in seen:
        raise RulesFileError(path, line, f"province '{name}': the name is already used by a "
                                         "city or province; name the entry after the province, "
                                         "e.g. 浙江省")
    seen.add(name)
    _require_portal(path, line, node, f"province '{name}'")
    province = node["province"]
    if province not in assessed:
        raise RulesFileError(path, line, f"province '{name}': no assessed city has province "
                                         f"'{province}'; spell it as the cities do")
    if province in by_province:
        raise RulesFileError(path, line, f"province '{name}': province '{province}' already "
                                         f"has the entry '{by_province[province]}'")
    by_province[province] = name
    domains = _domains(path, line, node, f"province '{name}'")
    return City(name, province, PROVINCE_KIND, False, node["portal"],
                domains, str(node.get("portal_evidence", "guessed")),
                bool(node.get("verified", False)))
