"""Sections under numbered headings are found from the text's numbered lines alone; they must be
what a multiline regex search over the whole text finds, blank lines and odd openings included.
Clause bounds around a hit, and the top and last lines the metadata reader takes, are checked
the same way: against a search by hand and a plain split."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.metadata import _last_lines, top_lines
from extractors.patterns import SENTENCE_END
from extractors.sections import (
    _PLAN_HEADING,
    _TASKS_AHEAD,
    COURSE_HEADING,
    COURSE_WORDS,
    HEADING,
    PROBLEM_HEADING,
    PROBLEM_WORDS,
    Headings,
)
from extractors.status import clause_end_at, clause_start_at

CORPUS = Path(__file__).resolve().parent.parent / "extractors" / "corpus" / "dev"

TEXTS = [
    "一、总体要求\n二、重点任务\n（一）建成平台。\n三、保障措施",
    "\n\n二、重点任务：\n建设城市大脑。\n\n  \n三、下一步工作\n推进数据共享。",
    "二、主要目标。到2026年，建成平台。\n三、存在的问题\n平台不稳定。\n四、下步打算",
    "  一、培训内容\n（二）课程安排：数据安全\n三、会议议程\n（三）学习专题",
    "我局将重点抓好以下工作。\n一、建成平台\n二、出台办法\n三、回顾2023年重点工作",
    "主要任务如下：\n（一）数据共享\n二、问题和不足\n三、工作安排\n",
    "一、" + "很长的标题" * 10 + "重点任务\n二、重点任务",
    "一是加强领导。\n十一、工作重点\n\u3000\u3000十二、短板不足",
    "没有标题的一段文字。",
    "",
    "\n",
    "\n一、",
]


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:400]]


def next_heading_by_search(norm: str, pos: int) -> int:
    found = HEADING.search(norm, pos)
    return found.start() if found else len(norm)


def sections_by_search(norm: str, heading: re.Pattern, words: re.Pattern) -> tuple:
    if not words.search(norm):
        return ()
    return tuple((m.start(), next_heading_by_search(norm, m.end()))
                 for m in heading.finditer(norm))


def plan_sections_by_search(norm: str) -> tuple:
    out: list[tuple[int, int]] = []
    for lead in _TASKS_AHEAD.finditer(norm):
        end = SENTENCE_END.search(norm, lead.end())
        start = end.end() if end else len(norm)
        out.append((start, next_heading_by_search(norm, start)))
    for word in _PLAN_HEADING.finditer(norm):
        if out and word.start() < out[-1][1]:
            continue
        heading = HEADING.match(norm, norm.rfind("\n", 0, word.start()) + 1)
        if heading is None or heading.end() < word.end() or "回顾" in heading["text"]:
            continue
        out.append((heading.end(), next_heading_by_search(norm, heading.end())))
    return tuple(out)


@pytest.mark.parametrize("text", TEXTS)
def test_next_heading_is_what_a_search_finds_from_every_position(text: str) -> None:
    headings = Headings(text)
    for pos in range(len(text) + 1):
        assert headings.next_heading(pos) == next_heading_by_search(text, pos), pos


@pytest.mark.parametrize("text", TEXTS)
def test_sections_are_what_a_search_finds(text: str) -> None:
    headings = Headings(text)
    assert headings.plan_sections() == plan_sections_by_search(text)
    assert headings.sections(PROBLEM_HEADING, PROBLEM_WORDS) == \
        sections_by_search(text, PROBLEM_HEADING, PROBLEM_WORDS)
    assert headings.sections(COURSE_HEADING, COURSE_WORDS) == \
        sections_by_search(text, COURSE_HEADING, COURSE_WORDS)


def test_sections_of_corpus_texts_are_what_a_search_finds() -> None:
    texts = corpus_texts()
    assert len(texts) >= 300
    with_plans = 0
    for text in texts:
        headings = Headings(text)
        found = headings.plan_sections()
        with_plans += bool(found)
        assert found == plan_sections_by_search(text)
        assert headings.sections(PROBLEM_HEADING, PROBLEM_WORDS) == \
            sections_by_search(text, PROBLEM_HEADING, PROBLEM_WORDS)
        assert headings.sections(COURSE_HEADING, COURSE_WORDS) == \
            sections_by_search(text, COURSE_HEADING, COURSE_WORDS)
    assert with_plans >= 20  # the texts do exercise the headings


def test_a_plan_heading_gives_the_body_below_it() -> None:
    text = "一、工作回顾\n建成平台。\n二、2025年重点任务\n推进数据共享。\n三、保障措施\n加强领导。"
    (start, end), = Headings(text).plan_sections()
    assert text[start:end] == "\n推进数据共享。\n"


def clause_by_hand(text: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    left = max((i + 1 for i in range(low, start) if text[i] in ",:，："), default=low)
    right = next((i for i in range(end, high) if text[i] in ",:，："), high)
    return left, right


@pytest.mark.parametrize("text", [
    "为加快建设，全市：已建成平台,并上线：运行",
    "没有分句的一整句话",
    "，开头就断开，",
])
def test_clause_bounds_match_a_search_by_hand(text: str) -> None:
    n = len(text)
    for start in range(n + 1):
        for end in range(start, n + 1):
            for low, high in ((0, n), (1, n - 1)):
                if low <= start <= end <= high:
                    got = (clause_start_at(text, low, start), clause_end_at(text, end, high))
                    assert got == clause_by_hand(text, low, high, start, end)


@pytest.mark.parametrize("text", [
    "",
    "一行",
    "标题\n\n发文机关：杭州市人民政府\n" + "正文。\n" * 30 + "杭州市人民政府\n2024年3月5日\n\n  \n",
    "\n\n\n",
    "a\nb\nc\nd\ne\nf\ng\nh\ni\nj",
    "尾部有全角空格\u3000\n\u3000",
])
def test_top_and_last_lines_are_those_of_a_split(text: str) -> None:
    assert [text[a:b] for a, b in top_lines(text, 20)] == text.split("\n", 20)[:20]
    assert [text[a:b] for a, b in top_lines(text, 3)] == text.split("\n", 3)[:3]
    middle = len(text) // 2
    assert [text[a:b] for a, b in top_lines(text, 3, middle)] == \
        text[middle:].split("\n", 3)[:3]
    assert _last_lines(text, 8) == text.rstrip().rsplit("\n", 8)[-8:]
    assert _last_lines(text, 2) == text.rstrip().rsplit("\n", 2)[-2:]


def test_metadata_labels_are_read_from_thetop_lines_only() -> None:
    from extractors.metadata import parse_metadata

    top = ["关于推进城市大脑建设的通知", "发文机关：杭州市人民政府", "说明：第一段，时间：不限",
           "成文日期：2024年3月5日"]
    text = "\n".join(top + ["正文。"] * 16 + ["文号：杭政〔2024〕9号", "结束。"])
    meta = parse_metadata(text)
    assert (meta.issuer, meta.written_date, meta.doc_number) == (
        "杭州市人民政府", "2024-03-05", "")  # the number's line is the 21st: not read
    assert meta.body_start == text.index("正文")
    assert parse_metadata("标题\n" + "没有标签的正文。\n" * 30).issuer == ""
