"""A hit's sentence runs from after the last sentence end before it to the first end at or
after it, whatever the length of the sentence."""

from __future__ import annotations

import pytest

from extractors.engine import _Doc
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
