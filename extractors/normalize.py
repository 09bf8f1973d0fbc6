"""A matching copy of a text that has exactly the stored text's length.

Rules match on the copy (full-width forms folded, traditional characters made simplified, ASCII
lower-cased) while offsets stay valid in the stored text, so a reviewer sees the original snippet.
Chinese punctuation (，：；（）“” and the ideographic space) is left as it is: it is in almost
every document, and folding it would send every text through the slow path. Code that looks for
punctuation accepts both widths.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

_KEEP = set("，：；（）“”‘’、。！？《》【】〔〕—…·\u3000")
# Characters that OpenCC lists as traditional but that simplified texts use every day.
_KEEP_SIMPLIFIED = set("著乾瞭藉甚夥於")
_SPACES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t"}


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
        if len(source) == 1 and len(target) == 1 and source != target \
                and source not in _KEEP_SIMPLIFIED:
            table[source] = target
    return table


def _fold_char(ch: str) -> str:
    if ch in _KEEP or ord(ch) < 128:
        return ch
    if ch in _SPACES:
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1 or folded in _KEEP:
        folded = ch
    if ord(folded) < 128:
        return folded
    return _t2s_table().get(folded, folded)


@functools.cache
def _table() -> tuple[dict[int, int], re.Pattern, re.Pattern]:
    """One-to-one folds of the Basic Multilingual Plane, a pattern that finds any of them, and
    one that finds any character folding or lower-casing changes."""
    table = {}
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = ord(folded)
    table[ord("\t")] = ord(" ")
    cased = [c for c in range(0x10000) if chr(c).lower() != chr(c)]
    pattern = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")
    # Characters beyond the plane (some have cases) go as one range: a list of single ones
    # would be tried one by one at every character of the text.
    changing = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted({*table, *cased}))
                          + "\U00010000-\U0010ffff]")
    return table, pattern, changing


def normalize_for_matching(text: str) -> str:
    """Same-length copy of text for matching; position i of the copy is character i of text."""
    table, pattern, changing = _table()
    # Most pages have no capital letter and nothing to fold: then the text is its own copy,
    # found by one scan instead of a scan and a lower-cased copy.
    first = changing.search(text)
    if first is None:
        return text
    if pattern.search(text, first.start()):  # full-width letters, traditional, odd spaces
        text = text.translate(table)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few non-ASCII capitals grow under lower()
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered
