"""A matching copy of a text that has exactly the stored text's length.

Rules match on the copy (full-width forms folded, traditional characters made simplified, ASCII
lower-cased) while offsets stay valid in the stored text, so a reviewer sees the original snippet.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t"}
# Punctuation variants folded to one form so rules need list only one.
_PUNCT = {"：": ":", "；": ";", "，": ",", "（": "(", "）": ")", "﹐": ",", "﹔": ";", "﹕": ":",
          "．": ".", "﹒": ".", "～": "~", "－": "-", "—": "-", "–": "-", "＋": "+",
          "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"',
          "』": '"', "〔": "[", "〕": "]", "【": "[", "】": "]"}


@functools.cache
def _t2s_table() -> dict[str, str]:
    """Character-level traditional→simplified map from OpenCC's own dictionary.

    Phrase-level conversion can change the length of the text, so only one-to-one characters are
    used: offsets must stay valid.
    """
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        source, target = parts[0], parts[1].split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[source] = target
    return table


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ord(ch) < 128:
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    folded = _PUNCT.get(folded, folded)
    if ord(folded) < 128:
        return folded.lower()
    return _t2s_table().get(folded, folded)


def normalize_for_matching(text: str) -> str:
    """Same-length copy of text for matching; position i of the copy is character i of text."""
    if text.isascii():
        return text.lower().replace("\t", " ")
    out = "".join(_fold_char(ch) for ch in text)
    if len(out) != len(text):  # pragma: no cover - _fold_char always returns one character
        raise ValueError("normalisation changed the text length")
    return out


def to_simplified(text: str) -> str:
    """Fold a short string (a keyword, a city name) the same way as documents."""
    return normalize_for_matching(text)
