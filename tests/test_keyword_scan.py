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
