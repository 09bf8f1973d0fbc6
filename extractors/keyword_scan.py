"""Multi-keyword search (Aho–Corasick) over Chinese text, in character positions.

ahocorasick-rs wraps the Rust `aho-corasick` crate: it builds a compact automaton once, walks
the text in native code and hands back every match as (pattern, start, end) in character
positions, in one list. A Python automaton over characters (or over UTF-8 bytes, with the byte
offsets turned back into characters hit by hit) spent most of its time in that per-hit work
and in walking long child lists; the keyword pass was a fifth of the extraction time.
Overlapping matches are reported in order of their end, the longest first at the same end.
"""

from __future__ import annotations

from typing import Any


class KeywordScanner:
    """Built once from (keyword, value) pairs; `hits` reports every occurrence, overlaps too.

    A keyword given twice keeps its last value, so each occurrence is reported once."""

    def __init__(self, pairs: Any, longest: bool = False, marks: str = "") -> None:
        """longest: report, from the left, the longest keyword at each place and nothing that
        overlaps it (as a reader takes "数据要素" before "要"), instead of every occurrence.

        marks: characters (sentence ends) whose places `hits_and_marks` reports apart from the
        keywords, found in the same walk over the text instead of a second scan.

        The automaton is the library's default (a compact NFA): a full DFA walks a page a fifth
        faster on its own, but its table is large, and with other work between documents (as
        in a pipeline, or the benchmark's turns with jieba) it came out slower."""
        import ahocorasick_rs

        if marks and longest:
            raise ValueError("marks are found only with every occurrence, not longest matches")
        by_word: dict[str, Any] = {}
        mark_set = set(marks)
        for word, value in pairs:
            if word:
                if word in mark_set:
                    raise ValueError(f"keyword {word!r} is also a mark")
                by_word[word] = value
        self._marks = len(marks)
        by_word = {**dict.fromkeys(marks), **by_word}
        self._values = list(by_word.values())
        self._overlapping = not longest
        kind = ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST if longest \
            else ahocorasick_rs.MATCHKIND_STANDARD
        self._automaton = ahocorasick_rs.AhoCorasick(list(by_word), matchkind=kind) \
            if by_word else None

    def hits(self, text: str, start: int = 0, end: int | None = None
             ) -> list[tuple[int, int, Any]]:
        """(start, end, value) of each keyword in text[start:end], end exclusive, positions in
        text, in order of their end (then longest first)."""
        if self._automaton is None:
            return []
        values, marks = self._values, self._marks
        if start == 0 and end is None:
            found = self._automaton.find_matches_as_indexes(text, overlapping=self._overlapping)
            return [(a, b, values[i]) for i, a, b in found if i >= marks]
        found = self._automaton.find_matches_as_indexes(text[start:end],
                                                        overlapping=self._overlapping)
        return [(start + a, start + b, values[i]) for i, a, b in found if i >= marks]

    def hits_and_marks(self, text: str) -> tuple[list[tuple[int, int, Any]], list[int]]:
        """The keywords of the whole text as `hits` gives them, and the places of the marks."""
        if self._automaton is None:
            return [], []
        values, marks = self._values, self._marks
        found = self._automaton.find_matches_as_indexes(text, overlapping=self._overlapping)
        return ([(a, b, values[i]) for i, a, b in found if i >= marks],
                [a for i, a, _ in found if i < marks])

    def values(self, text: str, start: int = 0, end: int | None = None) -> frozenset[Any]:
        """The values of the keywords found in text[start:end]: which, not where."""
        if self._automaton is None:
            return frozenset()
        values, marks = self._values, self._marks
        found = self._automaton.find_matches_as_indexes(text[start:end],
                                                        overlapping=self._overlapping)
        return frozenset([values[i] for i, _, _ in found if i >= marks])
