"""The shipped indicator tree, and the loader's messages for broken tree files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from citydx.errors import RulesFileError, UnknownIndicatorError
from citydx.indicators import WEIGHT_SOURCES, load_indicator_tree
from citydx.paths import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "rules" / "indicators.yaml"
PUBLISHED_TERTIARIES = {"数字低空基础设施": 3, "城市基础共性平台": 3, "政务增值化服务": 3,
                        "城市韧性": 3, "公共数据授权运营": 4, "基层创新": 4}
# Derived = the parent's published weight minus its published siblings (methodology.md):
# 城市运行平台 = 大平台 6 - 城市基础共性平台 3; 推进机制 = 适数化实践 10 - 4 - 4.
DERIVED_TERTIARIES = {"城市运行平台": 3, "推进机制": 2}


def test_shipped_tree_has_4_11_31_indicators() -> None:
    tree = load_indicator_tree()
    assert (len(tree.primaries), len(tree.secondaries), len(tree.tertiaries)) == (4, 11, 31)
    assert [p.weight for p in tree.primaries] == [30, 30, 20, 20]
    assert [s.weight for s in tree.secondaries] == [15, 15, 6, 6, 10, 8, 8, 5, 7, 10, 10]


def test_weights_sum_to_100_and_to_each_parent() -> None:
    tree = load_indicator_tree()
    assert tree.total == 100
    assert math.isclose(sum(t.weight for t in tree.tertiaries), 100)
    for p in tree.primaries:
        assert math.isclose(sum(s.weight for s in p.secondaries), p.weight)
        for s in p.secondaries:
            assert math.isclose(sum(t.weight for t in s.tertiaries), s.weight)


def test_every_weight_has_a_source_flag() -> None:
    tree = load_indicator_tree()
    nodes = [*tree.primaries, *tree.secondaries, *tree.tertiaries]
    assert all(n.weight_source in WEIGHT_SOURCES for n in nodes)
    # All primary and secondary weights are published by the report.
    assert {n.weight_source for n in [*tree.primaries, *tree.secondaries]} == {"published"}


def test_published_and_derived_tertiary_weights_are_flagged() -> None:
    tree = load_indicator_tree()
    by_source: dict[str, dict[str, float]] = {s: {} for s in WEIGHT_SOURCES}
    for t in tree.tertiaries:
        by_source[t.weight_source][t.name] = t.weight
    assert by_source["published"] == PUBLISHED_TERTIARIES
    assert by_source["derived"] == DERIVED_TERTIARIES
    assert len(by_source["assumed"]) == 31 - 6 - 2


def test_top_level_plus_quantity_equals_weight_everywhere() -> None:
    for t in load_indicator_tree().tertiaries:
        quantity = t.quantity.points if t.quantity else 0
        assert math.isclose(t.levels[-1].points + quantity, t.weight), t.name


def test_lookup_by_name_and_unknown_name() -> None:
    tree = load_indicator_tree()
    t = tree.tertiary("公共数据授权运营")
    assert (t.secondary, t.primary) == ("适数化实践", "一体化创新力")
    assert t.key == "public_data_operation"
    with pytest.raises(UnknownIndicatorError) as err:
        tree.tertiary("数据中台")
    assert str(err.value) == ("unknown indicator '数据中台': use a tertiary indicator name from "
                              "rules/indicators.yaml")


def test_with_weights_rescales_ladder_and_parents() -> None:
    tree = load_indicator_tree().with_weights({"算力基础设施": 8})
    t = tree.tertiary("算力基础设施")
    # Doubling 4 -> 8 doubles every level (0.5, 1.5) and the quantity points (2.5).
    assert [lv.points for lv in t.levels] == [1.0, 3.0] and t.quantity.points == 5.0
    # 数字基础 15 -> 19, 数字化支撑力 30 -> 34; the others keep their weights.
    assert tree.secondaries[0].weight == 19 and tree.primaries[0].weight == 34
    assert tree.primaries[1].weight == 30


# Each case: (id, old text, new text, marker, expected message). The shipped YAML is edited
# (old -> new, old must occur exactly once); the error must name the line of the first line
# holding `marker` in the edited file, or `{line}` in the message is that line.
BAD_TREES = [
    ("tertiaries do not sum to their secondary",
     "      - name: 数字基础\n        weight: 15", "      - name: 数字基础\n        weight: 16",
     "weight: 16", "secondary indicator '数字基础': the tertiary weights sum to 15, not 16"),
    ("secondaries do not sum to their primary",
     "  - name: 数字化支撑力\n    key: digital_support\n    weight: 30",
     "  - name: 数字化支撑力\n    key: digital_support\n    weight: 31",
     "weight: 31", "primary indicator '数字化支撑力': the secondary weights sum to 30, not 31"),
    ("total is not 100", "total: 100", "total: 90", "total: 90",
     "the primary weights sum to 100, not 90"),
    ("descending levels",
     "{key: built, label: 已建成算力中心, points: 1.5}",
     "{key: built, label: 已建成算力中心, points: 0.4}", "已建成算力中心",
     "tertiary indicator '算力基础设施': level 'built': levels must ascend, but 0.4 follows "
     "'planned' at 0.5"),
    ("duplicate indicator names", "- name: 物联感知体系", "- name: 算力基础设施",
     "- name: 算力基础设施\n            key: iot_sensing",
     "indicator name '算力基础设施' is used twice"),
    ("duplicate level keys",
     "{key: platform_built, label: 建成城市级物联感知平台",
     "{key: planned, label: 建成城市级物联感知平台", "建成城市级物联感知平台",
     "tertiary indicator '物联感知体系': level key 'planned' is used twice"),
    ("unknown normalisation method",
     "{unit: PFLOPS, method: log_minmax", "{unit: PFLOPS, method: zscore", "zscore",
     "tertiary indicator '算力基础设施': quantity: method must be one of minmax, log_minmax, "
     "capped"),
    ("capped without cap",
     "{unit: PFLOPS, method: log_minmax", "{unit: PFLOPS, method: capped", "method: capped",
     "tertiary indicator '算力基础设施': quantity: missing 'cap'"),
    ("top level plus quantity is not the weight",
     "{key: built, label: 已建成算力中心, points: 1.5}",
     "{key: built, label: 已建成算力中心, points: 2}", "- name: 算力基础设施",
     "tertiary indicator '算力基础设施': the top level (2) plus quantity points (2.5) must equal "
     "its weight 4"),
    ("requires names an unknown level",
     "requires: [measures_issued, platform_built]", "requires: [measures_issued, platform_live]",
     "platform_live",
     "tertiary indicator '公共数据授权运营': level 'measures_and_platform': requires "
     "'platform_live', which is not a lower level"),
    ("invalid YAML (unclosed bracket)", "total: 100", "total: [100", "credit:",
     "invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence on line "
     "{previous})"),
    ("missing key", "            key: compute_infrastructure\n", "", "- name: 算力基础设施",
     "tertiary indicator '算力基础设施': missing 'key'"),
    ("missing weight source",
     "            key: iot_sensing\n            weight: 4\n            weight_source: assumed\n",
     "            key: iot_sensing\n            weight: 4\n", "- name: 物联感知体系",
     "tertiary indicator '物联感知体系': weight_source must be one of published, assumed, derived"),
    ("negative weight",
     "            key: iot_sensing\n            weight: 4", "            key: iot_sensing\n"
     "            weight: -4", "weight: -4",
     "tertiary indicator '物联感知体系': 'weight' must not be negative"),
    ("weight is text",
     "            key: iot_sensing\n            weight: 4", "            key: iot_sensing\n"
     "            weight: four", "weight: four",
     "tertiary indicator '物联感知体系': 'weight' must be a number, got 'four'"),
    ("duplicate mapping key",
     "            key: iot_sensing\n", "            key: iot_sensing\n            key: iot2\n",
     "key: iot2", "duplicate key 'key' (first on line {previous})"),
]


def _edit(old: str, new: str) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise ValueError(f"test case needs a unique snippet: {old!r}")
    return text.replace(old, new)


def _line_of(text: str, marker: str) -> int:
    return text[:text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("old, new, marker, message", [c[1:] for c in BAD_TREES],
                         ids=[c[0] for c in BAD_TREES])
def test_bad_tree_file(old: str, new: str, marker: str, message: str, tmp_path: Path) -> None:
    text = _edit(old, new)
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    line = _line_of(text, marker)
    with pytest.raises(RulesFileError) as err:
        load_indicator_tree(path)
    expected = message.format(previous=line - 1)
    assert str(err.value) == f"{path}:{line}: {expected}"
    assert (err.value.path, err.value.line) == (str(path), line)


def test_missing_tree_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(RulesFileError) as err:
        load_indicator_tree(path)
    assert str(err.value) == f"{path}: cannot read file (No such file or directory)"


def test_tree_file_that_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text("# a list, not the tree\n- 算力基础设施\n", encoding="utf-8")
    with pytest.raises(RulesFileError) as err:
        load_indicator_tree(path)
    assert str(err.value) == f"{path}:2: indicators file must be a mapping"
