"""Extraction rules as data: rules/extraction/<indicator key>.yaml, validated on load.

Every file is checked like a pattern schema: unknown keys, wrong types, levels the indicator
does not have and statuses that do not exist are reported with the file and line, so a rule author
fixes the YAML instead of debugging the matcher.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citydx.errors import RulesFileError
from citydx.indicators import IndicatorTree, Tertiary, load_indicator_tree
from citydx.paths import rules_dir
from citydx.yamlio import line_of, load_yaml

STATUSES = ("issued", "built", "planned", "negated", "mentioned")
DETECT = "detect"
COMMON_FILE = "_common.yaml"
USERDICT_FILE = "userdict.txt"

_RULE_KEYS = {"id", "keywords", "all_of", "any_of", "all_groups", "none_of", "status", "levels",
              "kind",
              "quantity", "confidence", "title_only", "unmarked", "near", "note", "scope",
              "status_map", "none_of_clause"}
SCOPES = ("sentence", "clause")
NEAR_SIDES = ("after", "before", "both")
_FILE_KEYS = {"indicator", "rules", "combine", "count", "note"}
_COMBINE_KEYS = {"level", "status", "from_levels", "from_statuses", "min_kinds", "kinds", "names",
                 "note"}
_COUNT_KEYS = {"unit", "levels", "domains", "note"}
_QUANTITY_KEYS = {"units", "unit", "max_distance", "sum"}
_COMMON_KEYS = {"status_cues", "past_markers", "weak_planned_cues", "negation_cues",
                "issuing_verbs", "national_bodies", "province_bodies", "districts",
                "skip_sentence_cues", "clause_only_cues", "intent_cues", "not_cues", "note",
                "weak_past_markers", "preparatory_steps", "pending_cues", "repeal_verbs",
                "topic_cues", "other_places", "wish_cues", "shortfall_cues"}


@dataclass(frozen=True)
class QuantitySpec:
    units: tuple[str, ...]
    unit: str
    max_distance: int = 40
    sum: bool = False  # "300P 智算和 5P 超算" states one capacity in parts


@dataclass(frozen=True)
class Rule:
    id: str
    indicator: str
    keywords: tuple[str, ...]
    levels: dict[str, str]
    status: str = DETECT
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    # words that drop the hit only when they stand in its own clause ("已上线，但尚未与省平台打通"
    # keeps the fact of the first clause), whatever `scope` says for the other filters
    none_of_clause: tuple[str, ...] = ()
    # each group needs one of its words in the sentence: [[获评, 入选], [数字化, 智慧]]
    all_groups: tuple[tuple[str, ...], ...] = ()
    kind: str = ""
    quantity: QuantitySpec | None = None
    confidence: float = 0.9
    title_only: bool = False
    unmarked: str = ""  # status of a match with no cue at all ("平台实时联动" → built)
    near: tuple[str, ...] = ()  # one of these must follow the keyword closely ("基层治理…平台")
    near_within: int = 12
    near_side: str = "after"  # "before": "…平台" named before its "基层治理"; "both"
    # where all_of / any_of / none_of / all_groups look: the whole sentence or only the hit's
    # clause ("全市算力规模达到1500P，力争2027年突破5000P": the target clause's 力争 spoils only it)
    scope: str = "sentence"
    # a detected status read as another: a published catalogue or 一件事 list is in use (built)
    status_map: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Combine:
    """A higher level a document supports when its rows cover several kinds (e.g. CIM + 3D)."""

    level: str
    status: str
    from_levels: tuple[str, ...]
    from_statuses: tuple[str, ...] = ("issued", "built")
    min_kinds: int = 2
    kinds: tuple[str, ...] = ()
    # parts that name different things ("A中心和B创新园") count as that many, whatever their kind
    names: bool = False


@dataclass(frozen=True)
class CountSpec:
    """Count-type indicators: the number of distinct domains a document names."""

    unit: str
    levels: tuple[str, ...]
    domains: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class IndicatorRules:
    indicator: str
    key: str
    rules: tuple[Rule, ...]
    combine: tuple[Combine, ...] = ()
    count: CountSpec | None = None
    path: str = ""


@dataclass(frozen=True)
class CommonRules:
    status_cues: dict[str, tuple[str, ...]]
    past_markers: tuple[str, ...]
    weak_planned_cues: tuple[str, ...]
    negation_cues: tuple[str, ...]
    issuing_verbs: tuple[str, ...]
    national_bodies: tuple[str, ...]
    province_bodies: tuple[str, ...]
    districts: dict[str, tuple[str, ...]]
    skip_sentence_cues: tuple[str, ...] = ()
    clause_only_cues: tuple[str, ...] = ()
    intent_cues: tuple[str, ...] = ()
    not_cues: tuple[str, ...] = ()
    weak_past_markers: tuple[str, ...] = ()
    preparatory_steps: tuple[str, ...] = ()
    pending_cues: tuple[str, ...] = ()
    repeal_verbs: tuple[str, ...] = ()
    topic_cues: tuple[str, ...] = ()
    # cities outside the assessment (马鞍山, 柳州): places whose work is never the portal city's
    other_places: tuple[str, ...] = ()
    # someone's wish (希望, 呼吁, 期待): what follows it is hoped for, no fact or plan of the city
    wish_cues: tuple[str, ...] = ()
    # a lack told of a thing (功能还不完善, 有待加强, 覆盖不足, 较少): neither a fact nor a plan
    shortfall_cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    indicators: tuple[IndicatorRules, ...]
    common: CommonRules
    version: str
    userdict: str
    tree: IndicatorTree = field(compare=False, repr=False, default=None)  # type: ignore[assignment]

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(r for ind in self.indicators for r in ind.rules)

    def for_indicator(self, name: str) -> IndicatorRules | None:
        for ind in self.indicators:
            if ind.indicator == name:
                return ind
        return None


class _Check:
    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def fail(self, node: Any, message: str) -> None:
        raise RulesFileError(self.path, line_of(node), message)

    def mapping(self, node: Any, what: str, allowed: set[str]) -> dict:
        if not isinstance(node, dict):
            self.fail(node, f"{what} must be a mapping")
        for key in node:
            if key not in allowed:
                self.fail(node, f"{what}: unknown key '{key}' (allowed: "
                                f"{', '.join(sorted(allowed))})")
        return node

    def strings(self, node: dict, key: str, what: str, required: bool = False) -> tuple[str, ...]:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{what}: missing '{key}'")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail(node, f"{what}: '{key}' must be a list of non-empty strings")
        if required and not value:
            self.fail(node, f"{what}: '{key}' must not be empty")
        return tuple(v.strip() for v in value)

    def text(self, node: dict, key: str, what: str, default: str | None = None) -> str:
        value = node.get(key, default)
        if not isinstance(value, str) or not value:
            self.fail(node, f"{what}: missing '{key}'" if key not in node
                      else f"{what}: '{key}' must be a non-empty string")
        return value


def _levels(c: _Check, node: dict, what: str, tertiary: Tertiary) -> dict[str, str]:
    levels = node.get("levels")
    if not isinstance(levels, dict) or not levels:
        c.fail(node, f"{what}: 'levels' must map statuses to level keys, e.g. "
                     f"{{built: {tertiary.level_keys[-1]}}}")
    for status, level in levels.items():
        if status not in STATUSES:
            c.fail(levels, f"{what}: unknown status '{status}' (use {', '.join(STATUSES)})")
        if level not in tertiary.level_keys:
            c.fail(levels, f"{what}: '{tertiary.name}' has no level '{level}' "
                           f"(use {', '.join(tertiary.level_keys)})")
    return dict(levels)


def _quantity(c: _Check, node: Any, what: str) -> QuantitySpec:
    c.mapping(node, f"{what}: quantity", _QUANTITY_KEYS)
    units = c.strings(node, "units", f"{what}: quantity", required=True)
    distance = node.get("max_distance", 40)
    if isinstance(distance, bool) or not isinstance(distance, int) or distance <= 0:
        c.fail(node, f"{what}: quantity: 'max_distance' must be a positive whole number")
    return QuantitySpec(units, c.text(node, "unit", f"{what}: quantity"), distance,
                        bool(node.get("sum", False)))


def _rule(c: _Check, node: Any, tertiary: Tertiary, seen: set[str]) -> Rule:
    c.mapping(node, "rule", _RULE_KEYS)
    rid = c.text(node, "id", "rule")
    what = f"rule '{rid}'"
    if rid in seen:
        c.fail(node, f"{what}: id is used twice in this file")
    seen.add(rid)
    status = node.get("status", DETECT)
    if status != DETECT and status not in STATUSES:
        c.fail(node, f"{what}: status must be '{DETECT}' or one of {', '.join(STATUSES)}")
    confidence = node.get("confidence", 0.9)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0 < confidence <= 1:
        c.fail(node, f"{what}: 'confidence' must be a number above 0 and at most 1")
    quantity = _quantity(c, node["quantity"], what) if "quantity" in node else None
    near_node = node.get("near")
    near, within = (), 12
    if near_node is not None:
        c.mapping(near_node, f"{what}: near", {"words", "within", "side"})
        near = c.strings(near_node, "words", f"{what}: near", required=True)
        within = near_node.get("within", 12)
        if isinstance(within, bool) or not isinstance(within, int) or within <= 0:
            c.fail(near_node, f"{what}: near: 'within' must be a positive whole number")
        side = near_node.get("side", "after")
        if side not in NEAR_SIDES:
            c.fail(near_node, f"{what}: near: 'side' must be one of {', '.join(NEAR_SIDES)}")
    else:
        side = "after"
    scope = node.get("scope", "sentence")
    if scope not in SCOPES:
        c.fail(node, f"{what}: scope must be one of {', '.join(SCOPES)}")
    unmarked = node.get("unmarked", "")
    if unmarked and unmarked not in STATUSES:
        c.fail(node, f"{what}: unmarked must be one of {', '.join(STATUSES)}")
    return Rule(
        id=f"{tertiary.key}.{rid}", indicator=tertiary.name,
        keywords=c.strings(node, "keywords", what, required=True),
        levels=_levels(c, node, what, tertiary), status=status,
        all_of=c.strings(node, "all_of", what), any_of=c.strings(node, "any_of", what),
        none_of=c.strings(node, "none_of", what), kind=str(node.get("kind", "")),
        none_of_clause=c.strings(node, "none_of_clause", what),
        quantity=quantity, confidence=float(confidence),
        title_only=bool(node.get("title_only", False)), unmarked=unmarked,
        near=tuple(near), near_within=within, all_groups=_groups(c, node, what),
        near_side=side, scope=scope, status_map=_status_map(c, node, what),
    )


def _status_map(c: _Check, node: Any, what: str) -> dict[str, str]:
    """`status_map: {issued: built}`: a status the text gives, read as another for this rule."""
    value = node.get("status_map", {})
    if not isinstance(value, dict) or not all(
            k in STATUSES and v in STATUSES for k, v in value.items()):
        c.fail(node, f"{what}: 'status_map' must map statuses to statuses "
                     f"({', '.join(STATUSES)})")
    return dict(value)


def _groups(c: _Check, node: Any, what: str) -> tuple[tuple[str, ...], ...]:
    """`all_groups`: several any_of lists, all of which must match ("an award" and "digital")."""
    value = node.get("all_groups")
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(
            isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g)
            for g in value):
        c.fail(node, f"{what}: 'all_groups' must be a list of non-empty lists of non-empty "
                     "strings")
    return tuple(tuple(w.strip() for w in g) for g in value)


def _combine(c: _Check, node: Any, tertiary: Tertiary) -> Combine:
    c.mapping(node, "combine", _COMBINE_KEYS)
    level = c.text(node, "level", "combine")
    if level not in tertiary.level_keys:
        c.fail(node, f"combine: '{tertiary.name}' has no level '{level}'")
    status = c.text(node, "status", "combine")
    if status not in STATUSES:
        c.fail(node, f"combine: unknown status '{status}' (use {', '.join(STATUSES)})")
    from_levels = c.strings(node, "from_levels", "combine", required=True)
    for lv in from_levels:
        if lv not in tertiary.level_keys:
            c.fail(node, f"combine: '{tertiary.name}' has no level '{lv}'")
    min_kinds = node.get("min_kinds", 2)
    if isinstance(min_kinds, bool) or not isinstance(min_kinds, int) or min_kinds < 1:
        c.fail(node, "combine: 'min_kinds' must be a whole number of at least 1")
    from_statuses = c.strings(node, "from_statuses", "combine") or ("issued", "built")
    for st in from_statuses:
        if st not in STATUSES:
            c.fail(node, f"combine: unknown status '{st}' (use {', '.join(STATUSES)})")
    names = node.get("names", False)
    if not isinstance(names, bool):
        c.fail(node, "combine: 'names' must be true or false")
    return Combine(level, status, from_levels, from_statuses, min_kinds,
                   c.strings(node, "kinds", "combine"), names)


def _count(c: _Check, node: Any, tertiary: Tertiary) -> CountSpec:
    c.mapping(node, "count", _COUNT_KEYS)
    levels = c.strings(node, "levels", "count", required=True)
    for lv in levels:
        if lv not in tertiary.level_keys:
            c.fail(node, f"count: '{tertiary.name}' has no level '{lv}'")
    domains = node.get("domains")
    if not isinstance(domains, dict) or not domains:
        c.fail(node, "count: 'domains' must map each domain to its keywords")
    parsed = {str(name): c.strings(domains, name, f"count: domain '{name}'", required=True)
              for name in domains}
    return CountSpec(c.text(node, "unit", "count"), levels, parsed)


def load_indicator_rules(path: Path, tree: IndicatorTree) -> IndicatorRules:
    data = load_yaml(path)
    c = _Check(path)
    c.mapping(data, "rules file", _FILE_KEYS)
    name = c.text(data, "indicator", "rules file")
    tertiary = next((t for t in tree.tertiaries if t.name == name), None)
    if tertiary is None:
        c.fail(data, f"unknown indicator '{name}': use a tertiary indicator name from "
                     "rules/indicators.yaml")
    if path.stem != tertiary.key:
        c.fail(data, f"the file for '{name}' must be named {tertiary.key}.yaml")
    nodes = data.get("rules")
    if not isinstance(nodes, list) or not nodes:
        c.fail(data, "rules file: 'rules' must be a non-empty list")
    seen: set[str] = set()
    rules = tuple(_rule(c, node, tertiary, seen) for node in nodes)
    combine = tuple(_combine(c, node, tertiary) for node in data.get("combine") or [])
    count = _count(c, data["count"], tertiary) if "count" in data else None
    return IndicatorRules(name, tertiary.key, rules, combine, count, str(path))


def load_common(path: Path) -> CommonRules:
    data = load_yaml(path)
    c = _Check(path)
    c.mapping(data, "common rules", _COMMON_KEYS)
    cues = data.get("status_cues")
    if not isinstance(cues, dict):
        c.fail(data, "common rules: 'status_cues' must map statuses to cue words")
    for status in cues:
        if status not in STATUSES:
            c.fail(cues, f"status_cues: unknown status '{status}' (use {', '.join(STATUSES)})")
    districts = data.get("districts") or {}
    if not isinstance(districts, dict):
        c.fail(data, "common rules: 'districts' must map city names to district names")
    return CommonRules(
        status_cues={s: c.strings(cues, s, f"status_cues.{s}", required=True) for s in cues},
        past_markers=c.strings(data, "past_markers", "common rules"),
        weak_planned_cues=c.strings(data, "weak_planned_cues", "common rules"),
        negation_cues=c.strings(data, "negation_cues", "common rules", required=True),
        issuing_verbs=c.strings(data, "issuing_verbs", "common rules", required=True),
        national_bodies=c.strings(data, "national_bodies", "common rules", required=True),
        province_bodies=c.strings(data, "province_bodies", "common rules"),
        districts={str(k): c.strings(districts, k, f"districts.{k}") for k in districts},
        skip_sentence_cues=c.strings(data, "skip_sentence_cues", "common rules"),
        clause_only_cues=c.strings(data, "clause_only_cues", "common rules"),
        intent_cues=c.strings(data, "intent_cues", "common rules"),
        not_cues=c.strings(data, "not_cues", "common rules"),
        weak_past_markers=c.strings(data, "weak_past_markers", "common rules"),
        preparatory_steps=c.strings(data, "preparatory_steps", "common rules"),
        pending_cues=c.strings(data, "pending_cues", "common rules"),
        repeal_verbs=c.strings(data, "repeal_verbs", "common rules"),
        topic_cues=c.strings(data, "topic_cues", "common rules"),
        other_places=c.strings(data, "other_places", "common rules"),
        wish_cues=c.strings(data, "wish_cues", "common rules"),
        shortfall_cues=c.strings(data, "shortfall_cues", "common rules"),
    )


def rules_version(folder: Path) -> str:
    """A short hash of every rules file, so evidence says which rules produced it."""
    digest = hashlib.sha256()
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.txt"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    indicators = folder.parent / "indicators.yaml"
    if indicators.exists():
        digest.update(indicators.read_bytes())
    return digest.hexdigest()[:12]


def load_ruleset(folder: str | Path | None = None,
                 tree: IndicatorTree | None = None) -> RuleSet:
    """Load rules/extraction/: every <key>.yaml, _common.yaml and the jieba user dictionary."""
    folder = Path(folder) if folder else rules_dir() / "extraction"
    tree = tree or load_indicator_tree()
    if not folder.is_dir():
        raise RulesFileError(str(folder), None, "rules folder not found: create rules/extraction/")
    common_path = folder / COMMON_FILE
    if not common_path.exists():
        raise RulesFileError(str(common_path), None, "missing: status cues and bodies live here")
    indicators = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == COMMON_FILE:
            continue
        ind = load_indicator_rules(path, tree)
        if ind.indicator in seen:
            raise RulesFileError(str(path), None, f"'{ind.indicator}' already has rules in "
                                                  f"{seen[ind.indicator]}")
        seen[ind.indicator] = path.name
        indicators.append(ind)
    userdict = folder / USERDICT_FILE
    return RuleSet(tuple(indicators), load_common(common_path), rules_version(folder),
                   str(userdict) if userdict.exists() else "", tree)
