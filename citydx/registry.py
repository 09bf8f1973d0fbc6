"""The city registry (rules/cities.yaml): who is assessed, where, and which hosts are theirs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from citydx.errors import RulesFileError, UnknownCityError
from citydx.paths import rules_dir
from citydx.yamlio import line_of, load_yaml

KINDS = ("municipality", "separately_planned", "capital", "prefecture")
KIND_LABELS = {"municipality": "直辖市", "separately_planned": "计划单列市",
               "capital": "省会", "prefecture": "地级市"}


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

    def get(self, name: str) -> City:
        for city in self.cities:
            if city.name == name:
                return city
        raise UnknownCityError(name)

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
    return Registry(tuple(cities), spath)


def _parse_city(path: str, node: object, seen: set[str]) -> City:
    line = line_of(node)
    if not isinstance(node, dict):
        raise RulesFileError(path, line, "each city must be a mapping")
    name = node.get("name")
    if not isinstance(name, str) or not name:
        raise RulesFileError(path, line, "city: missing 'name'")
    if name in seen:
        raise RulesFileError(path, line, f"city '{name}' is listed twice")
    seen.add(name)
    for key in ("province", "portal"):
        if not isinstance(node.get(key), str) or not node.get(key):
            raise RulesFileError(path, line, f"city '{name}': missing '{key}'")
    kind = node.get("kind", "prefecture")
    if kind not in KINDS:
        raise RulesFileError(path, line, f"city '{name}': kind must be one of {', '.join(KINDS)}")
    domains = node.get("domains") or []
    if not domains or not all(isinstance(d, str) and "." in d for d in domains):
        raise RulesFileError(path, line, f"city '{name}': 'domains' must list its gov.cn domains")
    return City(name, node["province"], kind, bool(node.get("assessed", True)), node["portal"],
                tuple(d.lower() for d in domains), str(node.get("portal_evidence", "guessed")),
                bool(node.get("verified", False)))
