"""A hit's sentence runs from after the last sentence end before it to the first end at or
after it, whatever the length of the sentence; a hit inside a longer one is found by one sweep."""

from __future__ import annotations

import dataclasses

import pytest

from extractors.engine import Evidence, _Doc, _evolve, _held_hits
from extractors.metadata import DocumentMeta

ENDS = "。!?;！？；\n"


def by_hand(text: str, pos: int) -> tuple[int, int]:
    start = max((i + 1 for i in range(pos) if text[i] in ENDS), default=0)
    end = next((i for i in range(pos, len(text)) if text[i] in ENDS), len(text))
    return start, end


@pytest.mark.parametrize("text", [
    "建成城市大脑。平台已上线！下一步将推进；\n数据",
    "没有句末标点的一整段文字",
    "。开头就是句号",
    "数" * 900 + "。" + "据" * 500,  # sentences longer than any look-back window
    "",
])
def test_sentence_bounds_match_a_plain_search(text: str) -> None:
    doc = _Doc(text, text, DocumentMeta(), "city", (0, 0))
    for pos in range(len(text)):
        assert doc.sentence(pos) == by_hand(text, pos), pos


def held_by_hand(hits: list[tuple[int, int, tuple[int, ...]]]) -> set[int]:
    return {i for i, (s, e, _) in enumerate(hits)
            if any(s2 <= s and e2 >= e and (s2, e2) != (s, e) for s2, e2, _ in hits)}


@pytest.mark.parametrize("spans", [
    [],
    [(0, 3)],
    [(0, 1), (0, 3), (2, 3), (4, 9), (5, 6), (8, 12)],  # held at both ends and inside
    [(3, 4), (1, 4), (0, 2), (2, 2)],  # as the automaton reports: in order of their end
    [(0, 5), (6, 7), (7, 8)],  # touching is not holding
])
def test_held_hits_are_those_inside_a_longer_hit(spans) -> None:
    hits = [(s, e, ()) for s, e in spans]
    assert _held_hits(hits) == held_by_hand(hits)


def test_evolve_copies_a_row_with_the_changes_and_refuses_unknown_fields() -> None:
    row = Evidence(indicator="城市运行平台", level="platform_built", status="built",
                   snippet="平台已上线", start=0, end=5, rule_id="r", attribution="city",
                   confidence=0.9)
    other = _evolve(row, attribution="province")
    assert (other.attribution, row.attribution) == ("province", "city")
    assert other == dataclasses.replace(row, attribution="province")
    with pytest.raises(TypeError, match="has no field"):
        _evolve(row, atribution="province")
