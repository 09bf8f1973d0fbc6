"""Sections of a text under numbered headings: tasks ahead, shortfalls, course topics.

A section runs from its heading ("二、重点任务", "三、存在的问题", "（二）培训内容") to the next
numbered heading. Headings are lines that open with a Chinese numeral or a bracketed one, and
most pages have none. The lines that could be headings are found once per text with one scan for
a line break followed by a numeral (a literal first character, which the regex engine skips to
quickly); the heading patterns then run only at those lines. Running each `^`-anchored heading
pattern over the whole text tried it at every character, for every kind of section.

Positions are those a multiline search would give: a heading's match starts at the first of the
blank lines before it, as `^\\s*` lets it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extractors.patterns import SENTENCE_END

# "二、2025年重点任务", "三、下一步工作": what follows, up to the next such heading, is planned.
# The heading may run on into its first paragraph: "二、主要目标。到2026年，…".
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]\s*(?P<text>[^\n。：:]{0,24})"
                     r"(?:[。：:]|$)", re.M)
_PLAN_HEADING = re.compile(r"主要任务|重点任务|主要目标|总体目标|发展目标|下一步|下步|工作思路|"
                           r"工作安排|工作打算|工作计划|目标任务|工作重点|重点工作")
# A sentence announcing the tasks that follow: "将重点抓好以下工作", "主要任务如下：".
_TASKS_AHEAD = re.compile(r"(将|要|拟|计划)[^。\n]{0,20}?(抓好|做好|推进|实施|开展|落实|完成)"
                          r"(以下|如下|下列)[^。\n]{0,10}?(工作|任务|事项)|"
                          r"(主要任务|重点任务|工作安排|工作打算)(如下|是)")
# One of these stands in every match of _TASKS_AHEAD.
_TASKS_AHEAD_WORDS = re.compile("以下|如下|下列|主要任务|重点任务|工作安排|工作打算")

# "三、存在的问题", "二、存在不足。…", "四、问题和不足": a self-check's or report's list of what
# is lacking, up to the next numbered heading.
PROBLEM_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]\s*(存在的?(问题|不足|短板|困难)|"
                             r"(问题|困难|短板)(和|与|及)(不足|问题|短板)|短板不足|主要问题|"
                             r"薄弱环节)", re.M)
# Words every such heading carries: a text holding none has no such section.
PROBLEM_WORDS = re.compile("问题|不足|短板")
COURSE_WORDS = re.compile("培训|课程|授课|讲座|议程|学习内容|研讨")
# "二、培训内容。", "（二）课程安排：", "三、会议议程": what follows lists topics taught or heard.
COURSE_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|"
                            r"[(（][一二三四五六七八九十]+[)）])\s*(?:培训|课程|授课|学习|研讨|讲座|会议)"
                            r"(?:内容|安排|课程|议程|主题|专题)", re.M)

# A line (after any blank ones) opening with a numeral or a bracket: all a heading can open with.
_LINE_OPENING = re.compile(r"\n\s*[一二三四五六七八九十(（]")
_TEXT_OPENING = re.compile(r"\s*[一二三四五六七八九十(（]")


class Headings:
    """The numbered lines of one text, found when a section is first asked for."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        # (where a multiline match would start, where the numbered line starts)
        self.lines: list[tuple[int, int]] = []
        first = _TEXT_OPENING.match(norm)
        if first:
            self.lines.append((0, norm.rfind("\n", 0, first.end()) + 1))
        for m in _LINE_OPENING.finditer(norm, first.end() if first else 0):
            self.lines.append((m.start() + 1, norm.rfind("\n", 0, m.end()) + 1))
        self._numbered = [(run, line, found) for run, line in self.lines
                          for found in [HEADING.match(norm, line)] if found]
        self._numbered_starts = [line for _, line, _ in self._numbered]

    def next_heading(self, pos: int) -> int:
        """Where the next numbered heading at or after pos starts (a section's end), or the
        text's end: what `HEADING.search(norm, pos).start()` gives."""
        k = bisect_left(self._numbered_starts, pos)
        if k == len(self._numbered):
            return len(self.norm)
        run = self._numbered[k][0]
        if run >= pos:
            return run
        # pos falls among the blank lines before the heading: the search starts at a line start
        return pos if self.norm[pos - 1] == "\n" else self.norm.index("\n", pos) + 1

    def sections(self, heading: re.Pattern, words: re.Pattern) -> tuple[tuple[int, int], ...]:
        """Spans from each heading the pattern matches to the next numbered heading; none when
        the text holds none of the words every such heading carries."""
        if not self.lines or not words.search(self.norm):
            return ()
        out = []
        for run, _ in self.lines:
            found = heading.match(self.norm, run)
            if found:
                out.append((found.start(), self.next_heading(found.end())))
        return tuple(out)

    def plan_sections(self) -> tuple[tuple[int, int], ...]:
        """Spans under a heading of tasks or aims ("二、重点任务"), or after a sentence that
        announces them ("将重点抓好以下工作。"), each up to the next numbered heading."""
        norm = self.norm
        out: list[tuple[int, int]] = []
        # the lead-in regex tries every 将/要 of the text; run it only where its fixed words are
        leads = _TASKS_AHEAD.finditer(norm) if _TASKS_AHEAD_WORDS.search(norm) else ()
        for lead in leads:
            # "2025年，我局将重点抓好以下工作。": the lines after it list tasks
            end = SENTENCE_END.search(norm, lead.end())
            start = end.end() if end else len(norm)
            out.append((start, self.next_heading(start)))
        for _, line, heading in self._numbered:
            line_end = norm.find("\n", line)
            for word in _PLAN_HEADING.finditer(norm, line, len(norm) if line_end < 0
                                               else line_end):
                if out and word.start() < out[-1][1]:
                    continue
                if heading.end() < word.end() or "回顾" in heading["text"]:
                    continue
                out.append((heading.end(), self.next_heading(heading.end())))
        return tuple(out)
