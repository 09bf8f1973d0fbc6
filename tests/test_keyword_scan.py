"""The keyword pass finds exactly what a character-by-character search finds."""

from __future__ import annotations

import pytest

from extractors.keyword_scan import KeywordScanner
from extractors.rule_filters import RuleFilters
from extractors.rules import Rule

WORDS = ("数据", "数据安全", "安全管理", "5G", "IPv6", "城市大脑", "脑", "𠀋村")


def brute_force(text: str, words: tuple[str, ...]) -> set[tuple[int, int, str]]:
    return {(i, i + len(w), w) for w in words for i in range(len(text)) if text.startswith(w, i)}


@pytest.mark.parametrize("text", [
    "",
    "数据安全管理办法",  # overlapping hits: 数据, 数据安全, 安全管理
    "全市建成5G基站1.2万个，IPv6改造完成",  # ASCII keywords among Chinese text
    "城市大脑2.0上线，脑",  # a one-character keyword inside a longer one
    "ASCII only: 5G and IPv6",  # the ASCII-only path
    "😀数据😀𠀋村数据",  # characters of four UTF-8 bytes before and between hits
    "ｄａｔａ数据\n数据",
])
def test_hits_are_those_of_a_plain_search(text: str) -> None:
    scanner = KeywordScanner((w, w) for w in WORDS)
    assert set(scanner.hits(text)) == brute_force(text, WORDS)


def test_hits_within_a_span_keep_document_positions() -> None:
    text = "前言。数据安全管理办法。数据"
    scanner = KeywordScanner((w, w) for w in WORDS)
    # the span 3..11 is the middle sentence: 数据 at 3, 数据安全 at 3, 安全管理 at 5
    assert sorted(scanner.hits(text, 3, 11)) == [(3, 5, "数据"), (3, 7, "数据安全"),
                                                 (5, 9, "安全管理")]


def test_hits_come_in_order_of_their_end() -> None:
    scanner = KeywordScanner((w, w) for w in WORDS)
    ends = [end for _, end, _ in scanner.hits("城市大脑与数据安全管理")]
    assert ends == sorted(ends)


def test_values_are_the_words_found_in_a_span() -> None:
    scanner = KeywordScanner((w, w) for w in WORDS)
    assert scanner.values("前言。数据安全管理办法。5G", 3, 11) == {"数据", "数据安全", "安全管理"}


def test_a_scanner_without_words_finds_nothing() -> None:
    scanner = KeywordScanner([("", "empty")])
    assert list(scanner.hits("数据")) == [] and scanner.values("数据") == frozenset()


@pytest.mark.parametrize("text", [
    "",
    "数据安全管理办法。城市大脑上线！\n数据；脑?",
    "😀数据。😀𠀋村；数据\n\n",
    "没有句末的数据安全",
])
def test_marks_are_found_apart_from_the_keywords(text: str) -> None:
    marks = "。!?;！？；\n"
    scanner = KeywordScanner(((w, w) for w in WORDS), marks=marks)
    hits, found = scanner.hits_and_marks(text)
    assert set(hits) == brute_force(text, WORDS)
    assert found == [i for i, ch in enumerate(text) if ch in marks]
    assert set(scanner.hits(text)) == brute_force(text, WORDS)  # no mark among the hits
    assert scanner.values(text) == {w for _, _, w in brute_force(text, WORDS)}


@pytest.mark.parametrize("pairs, longest, message", [
    ([("。", 1)], False, "keyword '。' is also a mark"),
    ([("数据", 1)], True, "marks are found only with every occurrence, not longest matches"),
])
def test_marks_that_cannot_be_told_apart_are_refused(pairs, longest, message) -> None:
    with pytest.raises(ValueError) as raised:
        KeywordScanner(pairs, longest=longest, marks="。\n")
    assert str(raised.value) == message


def _rule(**filters) -> Rule:
    return Rule(id="r", indicator="数据安全保护", keywords=("数据安全",), levels={}, **filters)


@pytest.mark.parametrize("filters, present, in_clause, passes", [
    ({}, set(), set(), True),
    ({"all_of": ("办法", "印发")}, {"办法", "印发"}, set(), True),
    ({"all_of": ("办法", "印发")}, {"办法"}, set(), False),
    ({"any_of": ("办法", "细则")}, {"细则"}, set(), True),
    ({"any_of": ("办法", "细则")}, {"印发"}, set(), False),
    ({"none_of": ("征求意见",)}, {"征求意见", "办法"}, set(), False),
    ({"none_of_clause": ("尚未",)}, {"尚未"}, set(), True),  # a denial in another clause
    ({"none_of_clause": ("尚未",)}, {"尚未"}, {"尚未"}, False),
    ({"all_groups": (("获评", "入选"), ("数字", "智慧"))}, {"入选", "智慧"}, set(), True),
    ({"all_groups": (("获评", "入选"), ("数字", "智慧"))}, {"入选"}, set(), False),
])
def test_rule_filters_as_set_questions(filters, present, in_clause, passes) -> None:
    checks = RuleFilters.of(_rule(**filters))
    assert checks.passes(frozenset(present), frozenset(in_clause)) is passes


@pytest.mark.parametrize("filters, gate", [
    ({}, ()),
    ({"all_of": ("：",), "any_of": ("融合", "融通", "汇聚")}, ("：",)),  # one word beats three
    ({"any_of": ("办法", "细则")}, ("办法", "细则")),
    # of two groups of two words, the one whose shortest word is longer is the rarer test
    ({"all_groups": (("数", "智慧"), ("获评", "入选"))}, ("获评", "入选")),
    ({"near": ("实施细则", "管理办法"), "any_of": ("数据", "信息", "网络")},
     ("实施细则", "管理办法")),
    ({"none_of": ("尚未",), "none_of_clause": ("计划",)}, ()),  # words that must be absent
])
def test_the_gate_is_the_smallest_group_of_required_words(filters, gate) -> None:
    assert RuleFilters.of(_rule(**filters)).gate == gate


@pytest.mark.parametrize("filters", [
    {"all_of": ("办法", "印发")},
    {"any_of": ("办法", "细则")},
    {"all_groups": (("获评", "入选"), ("数字", "智慧"))},
    {"near": ("管理办法",), "any_of": ("数据",)},
])
@pytest.mark.parametrize("sentence", [
    "市政府印发《数据安全管理办法》", "全市数据安全工作获评先进", "入选智慧城市试点",
    "数据安全实施细则", "会议强调要深化改革",
])
def test_a_closed_gate_means_the_filters_fail(filters, sentence) -> None:
    """The gate only spares work: a sentence it shuts out never passes the rule's filters."""
    rule = _rule(**filters)
    checks = RuleFilters.of(rule)
    text = "前文。" + sentence + "。后文"
    start, end = 3, 3 + len(sentence)
    present = frozenset(w for w in checks.words if w in sentence)
    could_pass = checks.may_pass(present) and (not rule.near or any(w in sentence
                                                                    for w in rule.near))
    pattern = checks.gate_pattern
    opens = pattern is None or pattern.search(text, start, end) is not None
    assert opens is (not checks.gate or any(w in sentence for w in checks.gate))
    if could_pass:
        assert opens


def test_hits_ending_together_come_longest_first() -> None:
    scanner = KeywordScanner((w, w) for w in ("安全", "数据安全", "据安全"))
    assert scanner.hits("数据安全") == [(0, 4, "数据安全"), (1, 4, "据安全"), (2, 4, "安全")]


def test_a_keyword_given_twice_is_reported_once_with_its_last_value() -> None:
    scanner = KeywordScanner([("平台", "first"), ("平台", "second")])
    assert scanner.hits("平台") == [(0, 2, "second")]


def test_longest_mode_takes_the_longest_keyword_from_the_left_and_no_overlap() -> None:
    scanner = KeywordScanner(((w, w) for w in ("数据", "数据要素", "要素", "要", "建成")),
                             longest=True)
    # 数据要素 wins over 数据 at 0 and hides 要素 and 要 inside it; 要 at 6 stands alone
    assert scanner.hits("数据要素市场要建成") == [(0, 4, "数据要素"), (6, 7, "要"), (7, 9, "建成")]


@pytest.mark.parametrize("gates, sentence, opens", [
    ([("数据", "平台"), ("授权运营",)], "建设城市大脑", False),
    ([("数据", "平台"), ("授权运营",)], "推进授权运营", True),
    ([("数据", "平台"), ("授权运营",)], "建成平台", True),
    ([("数据",), None], "与数据无关的句子也开着", True),
    ([None], "任何句子", True),
    ([("a.b",)], "axb", False),  # gate words are literal, not patterns
])
def test_a_hit_is_open_when_any_of_its_rules_gates_is(gates, sentence, opens) -> None:
    import re

    from extractors.engine import _union_gate

    compiled = [None if g is None else re.compile("|".join(map(re.escape, g))) for g in gates]
    assert bool(_union_gate(compiled).search(sentence, 0, len(sentence))) is opens
