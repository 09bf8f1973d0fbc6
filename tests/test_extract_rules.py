"""The rules loader: good files load, every kind of bad file fails with file, line and fix."""

import shutil
from pathlib import Path

import pytest

from citydx.errors import RulesFileError
from citydx.indicators import load_indicator_tree
from citydx.paths import PROJECT_ROOT
from extractors.rules import load_ruleset

RULES = PROJECT_ROOT / "rules" / "extraction"

GOOD = """\
indicator: 智慧应急
rules:
  - id: platform
    keywords: [智慧应急平台]
    levels: {built: built, planned: planned}
"""

BAD = [
    ("indicator: 不存在的指标\nrules: []\n", 1,
     "unknown indicator '不存在的指标': use a tertiary indicator name from rules/indicators.yaml"),
    ("indicator: 智慧应急\nrules: []\n", 1, "rules file: 'rules' must be a non-empty list"),
    ("indicator: 智慧应急\nrulez: []\n", 1,
     "rules file: unknown key 'rulez' (allowed: combine, count, indicator, note, rules)"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    levels: {built: built}\n", 3,
     "rule 'a': missing 'keywords'"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: huge}\n",
     5, "rule 'a': '智慧应急' has no level 'huge' (use planned, built)"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {done: built}\n",
     5, "rule 'a': unknown status 'done' (use issued, built, planned, negated, mentioned)"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    colour: red\n", 3,
     "rule: unknown key 'colour' (allowed: all_groups, all_of, any_of, confidence, id, "
     "keywords, kind, levels, near, none_of, none_of_clause, note, quantity, scope, status, "
     "status_map, title_only, unmarked)"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    none_of_clause: 尚未\n", 3,
     "rule 'a': 'none_of_clause' must be a list of non-empty strings"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    near: {words: [平台], side: left}\n", 6,
     "rule 'a': near: 'side' must be one of after, before, both"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    scope: paragraph\n", 3, "rule 'a': scope must be one of sentence, clause"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    status_map: {issued: done}\n", 3,
     "rule 'a': 'status_map' must map statuses to statuses "
     "(issued, built, planned, negated, mentioned)"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    all_groups: [[获评], []]\n", 3,
     "rule 'a': 'all_groups' must be a list of non-empty lists of non-empty strings"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    all_groups: [获评, 入选]\n", 3,
     "rule 'a': 'all_groups' must be a list of non-empty lists of non-empty strings"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "  - id: a\n    keywords: [y]\n    levels: {built: built}\n", 6,
     "rule 'a': id is used twice in this file"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x, '']\n    levels: {built: built}\n",
     3, "rule 'a': 'keywords' must be a list of non-empty strings"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    status: done\n", 3,
     "rule 'a': status must be 'detect' or one of issued, built, planned, negated, mentioned"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    confidence: 2\n", 3, "rule 'a': 'confidence' must be a number above 0 and at most 1"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "    quantity: {unit: 个}\n", 6, "rule 'a': quantity: missing 'units'"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "combine:\n  - level: built\n    status: built\n    from_levels: [nope]\n", 7,
     "combine: '智慧应急' has no level 'nope'"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "combine:\n  - level: built\n    status: built\n    from_levels: [built]\n"
     "    names: yes please\n", 7, "combine: 'names' must be true or false"),
    ("indicator: 智慧应急\nrules:\n  - id: a\n    keywords: [x]\n    levels: {built: built}\n"
     "count:\n  unit: 个\n  levels: [built]\n  domains: {}\n", 7,
     "count: 'domains' must map each domain to its keywords"),
    ("indicator: 智慧应急\nrules: [\n", 3,
     "invalid YAML: expected the node content, but found '<stream end>'"),
]


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "extraction"
    folder.mkdir()
    shutil.copy(RULES / "_common.yaml", folder / "_common.yaml")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_project_rules_cover_every_tertiary_indicator():
    tree = load_indicator_tree()
    ruleset = load_ruleset(RULES, tree)
    names = sorted(i.indicator for i in ruleset.indicators)
    assert names == sorted(t.name for t in tree.tertiaries)
    assert len(ruleset.version) == 12
    assert ruleset.userdict.endswith("userdict.txt")


def test_good_file_loads(tmp_path):
    ruleset = load_ruleset(_folder(tmp_path, "smart_emergency.yaml", GOOD))
    (rule,) = ruleset.rules
    assert rule.id == "smart_emergency.platform"
    assert rule.levels == {"built": "built", "planned": "planned"}
    assert rule.status == "detect"


@pytest.mark.parametrize(("text", "line", "message"), BAD)
def test_bad_file_names_file_line_and_fix(tmp_path, text, line, message):
    folder = _folder(tmp_path, "smart_emergency.yaml", text)
    with pytest.raises(RulesFileError) as info:
        load_ruleset(folder)
    assert str(info.value) == f"{folder / 'smart_emergency.yaml'}:{line}: {message}"


def test_file_must_be_named_for_its_indicator(tmp_path):
    folder = _folder(tmp_path, "emergency.yaml", GOOD)
    with pytest.raises(RulesFileError) as info:
        load_ruleset(folder)
    assert str(info.value) == (f"{folder / 'emergency.yaml'}:1: the file for '智慧应急' must be "
                               "named smart_emergency.yaml")


def test_missing_common_file(tmp_path):
    folder = tmp_path / "extraction"
    folder.mkdir()
    with pytest.raises(RulesFileError) as info:
        load_ruleset(folder)
    expected = f"{folder / '_common.yaml'}: missing: status cues and bodies live here"
    assert str(info.value) == expected


def test_rules_version_changes_with_any_rule_file(tmp_path):
    folder = _folder(tmp_path, "smart_emergency.yaml", GOOD)
    before = load_ruleset(folder).version
    (folder / "smart_emergency.yaml").write_text(GOOD.replace("智慧应急平台", "应急指挥平台"),
                                                 encoding="utf-8")
    assert load_ruleset(folder).version != before


def test_all_groups_needs_a_word_of_every_group(tmp_path):
    from citydx.registry import load_registry
    from extractors.engine import Extractor

    text = ("indicator: 智慧应急\nrules:\n  - id: award\n    keywords: [应急项目]\n"
            "    levels: {built: built}\n    all_groups: [[获评, 入选], [数字化, 智慧]]\n")
    ruleset = load_ruleset(_folder(tmp_path, "smart_emergency.yaml", text))
    assert ruleset.rules[0].all_groups == (("获评", "入选"), ("数字化", "智慧"))
    extractor = Extractor(ruleset, load_registry())
    rows = extractor.extract("我市数字化应急项目获评省级优秀案例。", "杭州")
    assert [r.indicator for r in rows] == ["智慧应急"]
    assert extractor.extract("我市应急项目获评省级优秀案例。", "杭州") == []  # no digital word
    assert extractor.extract("我市数字化应急项目已完工。", "杭州") == []  # no award word


def _one_rule_extractor(tmp_path, rule: str):
    from citydx.registry import load_registry
    from extractors.engine import Extractor

    text = "indicator: 智慧应急\nrules:\n  - id: a\n" + rule
    tmp_path.mkdir(exist_ok=True)
    return Extractor(load_ruleset(_folder(tmp_path, "smart_emergency.yaml", text)),
                     load_registry())


def _statuses(extractor, text: str) -> list[str]:
    return [r.status for r in extractor.extract(text, "杭州")]


def test_near_may_look_before_the_keyword(tmp_path):
    # "指挥平台" names what kind of 应急 thing it is, whichever side it is written on.
    rule = ("    keywords: [应急]\n    levels: {built: built}\n"
            "    near: {words: [指挥平台], within: 8, side: before}\n")
    extractor = _one_rule_extractor(tmp_path, rule)
    assert _statuses(extractor, "我市指挥平台支撑应急处置已上线。") == ["built"]
    assert _statuses(extractor, "我市应急指挥平台已上线。") == []  # after only: side is before
    both = _one_rule_extractor(tmp_path / "b", rule.replace("side: before", "side: both"))
    assert _statuses(both, "我市应急指挥平台已上线。") == ["built"]
    assert _statuses(both, "我市应急管理局开展演练，已上线。") == []


def test_clause_scope_keeps_another_clauses_words_out(tmp_path):
    # none_of [力争] in the target clause does not spoil the fact clause under scope: clause.
    rule = ("    keywords: [应急平台]\n    levels: {built: built, planned: built}\n"
            "    none_of: [力争]\n")
    text = "我市应急平台已上线，力争明年覆盖全部区县。"
    assert _statuses(_one_rule_extractor(tmp_path, rule), text) == []
    clause = _one_rule_extractor(tmp_path / "c", rule + "    scope: clause\n")
    assert _statuses(clause, text) == ["built"]
    assert _statuses(clause, "我市力争应急平台明年上线。") == []


def test_status_map_reads_one_status_as_another(tmp_path):
    # A published list of services is in use: issued read as built for this rule.
    rule = ("    keywords: [应急服务清单]\n    levels: {built: built}\n"
            "    status_map: {issued: built}\n")
    extractor = _one_rule_extractor(tmp_path, rule)
    assert _statuses(extractor, "我市发布应急服务清单。") == ["built"]
    plain = _one_rule_extractor(tmp_path / "p", rule.replace("    status_map: {issued: built}\n",
                                                             ""))
    assert _statuses(plain, "我市发布应急服务清单。") == []


def test_none_of_clause_drops_a_hit_only_for_its_own_clause(tmp_path):
    # 尚未 in the second clause does not drop the first clause's fact; any_of still looks at the
    # whole sentence (scope stays sentence).
    rule = ("    keywords: [应急平台]\n    levels: {built: built, negated: built}\n"
            "    any_of: [打通]\n    none_of_clause: [尚未]\n")
    extractor = _one_rule_extractor(tmp_path, rule)
    assert _statuses(extractor, "我市应急平台已上线，但尚未与省平台打通。") == ["built"]
    assert _statuses(extractor, "我市应急平台尚未上线，数据未打通。") == []
    sentence_wide = _one_rule_extractor(
        tmp_path / "s", rule.replace("none_of_clause: [尚未]", "none_of: [尚未]"))
    assert _statuses(sentence_wide, "我市应急平台已上线，但尚未与省平台打通。") == []
