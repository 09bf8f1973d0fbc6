"""Shared set-up for the score-sheet tests: a scored database built with the real stages, and a
tiny evaluator for the sheets' SUM / IF / cross-sheet formulas.

The database (cities 杭州, 宁波, 北京, 广州; only 杭州 searched) holds, by hand:
  杭州 城市运行平台 (weight 3): city_brain 2.0 beats planned 1.0          -> 2.0, 1 row linked
  杭州 数据安全保护 (weight 3): classification_policy 2.5, province x0.5 -> 1.25
  杭州 公共数据授权运营 (weight 4): measures_issued + platform_built
                                    -> measures_and_platform 4.0, 2 rows linked
  杭州 基层创新 (weight 4): national_award 3.0, overridden to 4 ("国家级和国际奖项") -> 4.0
  杭州 total 2 + 1.25 + 4 + 4 = 11.25
  宁波 城市运行平台: unified_platform 3.0 -> total 3.0, but flagged 未检索 (never crawled)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlite_utils
from scoring_support import TREE, add_document, add_evidence, make_db, mark_searched, run_scoring

from scoring.overrides import add_override

OPS, SECURITY, OPERATION = "城市运行平台", "数据安全保护", "公共数据授权运营"
INNOVATION, EMERGENCY = "基层创新", "智慧应急"
# Rows of the city sheet, counted by hand from the tree: primary row, then each secondary row
# followed by its tertiaries (header on row 5, first tree row 6).
ROW = {"数字化支撑力": 6, "数字基础": 7, "算力基础设施": 8, "网络化共治力": 17, "大平台": 18,
       OPS: 19, "城市基础共性平台": 20, "大安全": 29, EMERGENCY: 30, SECURITY: 31,
       "智能化引领力": 33, "一体化创新力": 44, "适数化实践": 45, OPERATION: 47, INNOVATION: 48,
       "运营体系建设": 51, "total": 52}
OPS_URL = "https://www.hangzhou.gov.cn/art/2024/6/1/ops.html"
MEASURES_URL = "https://www.hangzhou.gov.cn/art/2024/5/1/measures.html"


def scored_db(path: Path) -> sqlite_utils.Database:
    db = make_db(path)
    ops_doc = add_document(db, "杭州", OPS_URL, title="杭州市城市大脑建设方案")
    add_evidence(db, "杭州", OPS, "city_brain", document_id=ops_doc, review_status="accepted",
                 snippet="杭州城市大脑已建成并上线运行")
    add_evidence(db, "杭州", OPS, "planned")
    add_evidence(db, "杭州", SECURITY, "classification_policy", attribution="province")
    measures = add_document(db, "杭州", MEASURES_URL, title="杭州市公共数据授权运营管理办法")
    add_evidence(db, "杭州", OPERATION, "platform_built", evidence_date="2024-08-01")
    add_evidence(db, "杭州", OPERATION, "measures_issued", document_id=measures,
                 snippet="印发公共数据授权运营管理办法")
    add_evidence(db, "杭州", INNOVATION, "national_award")
    add_evidence(db, "宁波", OPS, "unified_platform")
    mark_searched(db, "杭州")
    add_override(db, TREE, "杭州", INNOVATION, 4.0, "国家级和国际奖项", "张三")
    run_scoring(db)
    return db


_IF = re.compile(r'^=IF\(([A-Z]+\d+)="",([A-Z]+\d+),([A-Z]+\d+)\)$')
_SUM = re.compile(r"^=SUM\((.+)\)$")
_LINK = re.compile(r"^='(.+)'!([A-Z]+\d+)$")
_RANGE = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def evaluate(book: Any, sheet: str, ref: str) -> Any:
    """The value Excel would show in `ref`: only the formula shapes the sheets use."""
    value = book[sheet][ref].value
    if not isinstance(value, str) or not value.startswith("="):
        return value
    if m := _IF.match(value):
        test = evaluate(book, sheet, m[1])
        return evaluate(book, sheet, m[2] if test in (None, "") else m[3])
    if m := _LINK.match(value):
        return evaluate(book, m[1], m[2])
    if m := _SUM.match(value):
        return sum(evaluate(book, sheet, cell) or 0 for part in m[1].split(",")
                   for cell in _cells(part))
    raise ValueError(f"formula not understood: {value}")


def _cells(part: str) -> list[str]:
    m = _RANGE.match(part)
    if not m:
        return [part]
    if m[1] != m[3]:
        raise ValueError(f"only single-column ranges are used: {part}")
    return [f"{m[1]}{row}" for row in range(int(m[2]), int(m[4]) + 1)]
