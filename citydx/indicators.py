"""The indicator tree (rules/indicators.yaml) as validated, immutable objects.

Scoring, extraction, reports and sheets all read the tree from here, so the weights and level
ladders exist in exactly one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citydx.errors import RulesFileError, UnknownIndicatorError
from citydx.paths import rules_dir
from citydx.yamlio import key_line, line_of, load_yaml

WEIGHT_SOURCES = ("published", "assumed", "derived")
NORMALISATION_METHODS = ("minmax", "log_minmax", "capped")
ATTRIBUTIONS = ("city", "province", "national", "other_city")


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    points: float
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    unit: str
    method: str
    points: float
    cap: float | None = None


@dataclass(frozen=True)
class Tertiary:
    name: str
    key: str
    weight: float
    weight_source: str
    levels: tuple[Level, ...]
    quantity: Quantity | None
    secondary: str
    primary: str

    def level(self, key: str) -> Level:
        for level in self.levels:
            if level.key == key:
                return level
        raise KeyError(key)

    @property
    def level_keys(self) -> tuple[str, ...]:
        return tuple(level.key for level in self.levels)


@dataclass(frozen=True)
class Secondary:
    name: str
    weight: float
    weight_source: str
    tertiaries: tuple[Tertiary, ...]
    primary: str


@dataclass(frozen=True)
class Primary:
    name: str
    key: str
    weight: float
    weight_source: str
    secondaries: tuple[Secondary, ...]


@dataclass(frozen=True)
class IndicatorTree:
    version: str
    total: float
    credit: dict[str, float]
    primaries: tuple[Primary, ...]
    path: str = ""
    _by_name: dict[str, Tertiary] = field(default_factory=dict, compare=False, repr=False)

    @property
    def secondaries(self) -> tuple[Secondary, ...]:
        return tuple(s for p in self.primaries for s in p.secondaries)

    @property
    def tertiaries(self) -> tuple[Tertiary, ...]:
        return tuple(t for s in self.secondaries for t in s.tertiaries)

    def tertiary(self, name: str) -> Tertiary:
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownIndicatorError(name) from None

    def primary_by_key(self, key: str) -> Primary:
        for p in self.primaries:
            if p.key == key:
                return p
        raise KeyError(key)

    def with_weights(self, weights: dict[str, float]) -> IndicatorTree:
        """A copy with tertiary weights replaced (e.g. expert weights) and parents re-summed.

        Level points and quantity points scale with the new weight, so the ladder keeps its shape.
        """
        primaries = []
        for p in self.primaries:
            secondaries = []
            for s in p.secondaries:
                tertiaries = tuple(_rescale(t, weights.get(t.name, t.weight)) for t in s.tertiaries)
                secondaries.append(
                    Secondary(s.name, _round(sum(t.weight for t in tertiaries)), "assumed",
                              tertiaries, s.primary)
                )
            primaries.append(
                Primary(p.name, p.key, _round(sum(s.weight for s in secondaries)), "assumed",
                        tuple(secondaries))
            )
        return _index(IndicatorTree(self.version, self.total, dict(self.credit),
                                    tuple(primaries), self.path))


def _round(x: float) -> float:
    return round(x, 6)


def _rescale(t: Tertiary, weight: float) -> Tertiary:
    if math.isclose(weight, t.weight):
        return t
    factor = weight / t.weight
    levels = tuple(Level(lv.key, lv.label, _round(lv.points * factor), lv.requires)
                   for lv in t.levels)
    quantity = None
    if t.quantity:
        q = t.quantity
        quantity = Quantity(q.unit, q.method, _round(q.points * factor), q.cap)
    return Tertiary(t.name, t.key, _round(weight), "assumed", levels, quantity,
                    t.secondary, t.primary)


def _index(tree: IndicatorTree) -> IndicatorTree:
    tree._by_name.clear()
    tree._by_name.update({t.name: t for t in tree.tertiaries})
    return tree


class _Checker:
    """Collects the context (file) so every error names the file, line and indicator."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: Any, message: str, key: str | None = None) -> None:
        """Name the line of `key` when the problem is its value, else the mapping's line."""
        line = key_line(node, key) if key else line_of(node)
        raise RulesFileError(self.path, line, message)

    def mapping(self, node: Any, what: str) -> dict:
        if not isinstance(node, dict):
            self.fail(node, f"{what} must be a mapping")
        return node

    def field(self, node: dict, key: str, what: str, kind: type | tuple = str) -> Any:
        if key not in node:
            self.fail(node, f"{what}: missing '{key}'")
        value = node[key]
        if kind in (float, int) or kind == (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.fail(node, f"{what}: '{key}' must be a number, got {value!r}", key)
            if value < 0:
                self.fail(node, f"{what}: '{key}' must not be negative", key)
            return float(value)
        if not isinstance(value, kind):
            self.fail(node, f"{what}: '{key}' must be {getattr(kind, '__name__', kind)}", key)
        return value

    def weight_source(self, node: dict, what: str) -> str:
        source = node.get("weight_source")
        if source not in WEIGHT_SOURCES:
            self.fail(node, f"{what}: weight_source must be one of {', '.join(WEIGHT_SOURCES)}")
        return source


def load_indicator_tree(path: str | Path | None = None) -> IndicatorTree:
    """Load and validate the tree; any inconsistency raises RulesFileError naming file and line."""
    path = Path(path) if path else rules_dir() / "indicators.yaml"
    data = load_yaml(path)
    c = _Checker(str(path))
    c.mapping(data, "indicators file")
    total = c.field(data, "total", "indicators file", float)
    credit = _parse_credit(c, data)
    names: set[str] = set()
    primaries = []
    for pnode in _seq(c, data, "primaries", "indicators file"):
        primaries.append(_parse_primary(c, pnode, names))
    tree = IndicatorTree(str(data.get("version", "")), total, credit, tuple(primaries), str(path))
    _check_sum(c, data, total, [p.weight for p in tree.primaries], "the primary weights",
               key="total")
    return _index(tree)


def _seq(c: _Checker, node: dict, key: str, what: str) -> list:
    items = node.get(key)
    if not isinstance(items, list) or not items:
        c.fail(node, f"{what}: '{key}' must be a non-empty list")
    return items


def _check_sum(c: _Checker, node: Any, expected: float, parts: list[float], what: str,
               key: str = "weight") -> None:
    got = sum(parts)
    if not math.isclose(got, expected, abs_tol=1e-6):
        c.fail(node, f"{what} sum to {got:g}, not {expected:g}", key)


def _unique(c: _Checker, node: Any, name: str, names: set[str]) -> None:
    if name in names:
        c.fail(node, f"indicator name '{name}' is used twice")
    names.add(name)


def _parse_credit(c: _Checker, data: dict) -> dict[str, float]:
    node = c.mapping(data.get("credit", {}), "credit")
    credit = {}
    for attribution in ATTRIBUTIONS:
        value = node.get(attribution, 1.0 if attribution == "city" else 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            c.fail(node, f"credit.{attribution} must be a number from 0 to 1")
        credit[attribution] = float(value)
    for key in node:
        if key not in ATTRIBUTIONS:
            c.fail(node, f"credit: unknown attribution '{key}' (use {', '.join(ATTRIBUTIONS)})")
    return credit


def _parse_primary(c: _Checker, node: Any, names: set[str]) -> Primary:
    c.mapping(node, "primary indicator")
    name = c.field(node, "name", "primary indicator")
    what = f"primary indicator '{name}'"
    _unique(c, node, name, names)
    weight = c.field(node, "weight", what, float)
    secondaries = tuple(_parse_secondary(c, s, name, names)
                        for s in _seq(c, node, "secondaries", what))
    _check_sum(c, node, weight, [s.weight for s in secondaries],
               f"{what}: the secondary weights")
    return Primary(name, c.field(node, "key", what), weight, c.weight_source(node, what),
                   secondaries)


def _parse_secondary(c: _Checker, node: Any, primary: str, names: set[str]) -> Secondary:
    c.mapping(node, "secondary indicator")
    name = c.field(node, "name", "secondary indicator")
    what = f"secondary indicator '{name}'"
    _unique(c, node, name, names)
    weight = c.field(node, "weight", what, float)
    tertiaries = tuple(_parse_tertiary(c, t, name, primary, names)
                       for t in _seq(c, node, "tertiaries", what))
    _check_sum(c, node, weight, [t.weight for t in tertiaries], f"{what}: the tertiary weights")
    return Secondary(name, weight, c.weight_source(node, what), tertiaries, primary)


def _parse_tertiary(c: _Checker, node: Any, secondary: str, primary: str,
                    names: set[str]) -> Tertiary:
    c.mapping(node, "tertiary indicator")
    name = c.field(node, "name", "tertiary indicator")
    what = f"tertiary indicator '{name}'"
    _unique(c, node, name, names)
    weight = c.field(node, "weight", what, float)
    levels = _parse_levels(c, node, what)
    quantity = _parse_quantity(c, node.get("quantity"), what) if "quantity" in node else None
    best = levels[-1].points + (quantity.points if quantity else 0.0)
    if not math.isclose(best, weight, abs_tol=1e-6):
        c.fail(node, f"{what}: the top level ({levels[-1].points:g}) plus quantity points "
                     f"({quantity.points if quantity else 0:g}) must equal its weight {weight:g}")
    return Tertiary(name, c.field(node, "key", what), weight, c.weight_source(node, what),
                    levels, quantity, secondary, primary)


def _parse_levels(c: _Checker, node: dict, what: str) -> tuple[Level, ...]:
    levels: list[Level] = []
    for lnode in _seq(c, node, "levels", what):
        c.mapping(lnode, f"{what}: level")
        key = c.field(lnode, "key", f"{what}: level")
        lwhat = f"{what}: level '{key}'"
        points = c.field(lnode, "points", lwhat, float)
        if any(lv.key == key for lv in levels):
            c.fail(lnode, f"{what}: level key '{key}' is used twice")
        if levels and points <= levels[-1].points:
            c.fail(lnode, f"{lwhat}: levels must ascend, but {points:g} follows "
                          f"'{levels[-1].key}' at {levels[-1].points:g}")
        requires = tuple(lnode.get("requires") or ())
        for req in requires:
            if not any(lv.key == req for lv in levels):
                c.fail(lnode, f"{lwhat}: requires '{req}', which is not a lower level")
        levels.append(Level(key, str(lnode.get("label", key)), points, requires))
    return tuple(levels)


def _parse_quantity(c: _Checker, node: Any, what: str) -> Quantity:
    c.mapping(node, f"{what}: quantity")
    qwhat = f"{what}: quantity"
    method = node.get("method")
    if method not in NORMALISATION_METHODS:
        c.fail(node, f"{qwhat}: method must be one of {', '.join(NORMALISATION_METHODS)}")
    cap = None
    if method == "capped":
        cap = c.field(node, "cap", qwhat, float)
        if cap <= 0:
            c.fail(node, f"{qwhat}: cap must be positive")
    return Quantity(c.field(node, "unit", qwhat), method, c.field(node, "points", qwhat, float),
                    cap)
