"""What a city's score sheet shows, read from a stored scoring run through scoring.results.

Kept apart from the workbook code so the numbers can be checked without opening Excel files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from citydx.indicators import IndicatorTree, Tertiary
from scoring.engine import NOT_SEARCHED, OVERRIDE
from scoring.results import evidence_for_score, indicator_breakdown

REVIEW_LABELS = {"accepted": "已确认", "pending": "待审核", "rejected": "已否决",
                 "superseded": "已被取代"}
OVERRIDDEN = "人工改分 overridden"
NO_EVIDENCE = "无证据 no evidence"
NOT_SEARCHED_LABEL = "未检索 not searched"


@dataclass(frozen=True)
class SheetRow:
    """One tertiary indicator of one city as the sheet shows it."""

    tertiary: Tertiary
    level: str | None
    points: float
    evidence_count: int
    best: dict[str, Any] | None
    status: str
    override_points: float | None
    override_note: str | None


def city_rows(db: sqlite_utils.Database, tree: IndicatorTree, run_id: int,
              city: str) -> list[SheetRow]:
    """The city's 31 rows in tree order; an override shows as assessor points and note."""
    reasons = _override_reasons(db)
    rows = []
    for score in indicator_breakdown(db, run_id, city):
        tertiary = tree.tertiary(score["indicator"])
        evidence = evidence_for_score(db, score["id"])
        override = score["reason"] == OVERRIDE
        rows.append(SheetRow(
            tertiary=tertiary,
            level=_level_label(tertiary, score["level"]),
            points=evidence_points(score, tertiary.weight),
            evidence_count=score["evidence_count"],
            best=_best(tertiary, evidence),
            status=_status(db, score["reason"], evidence),
            override_points=score["points"] if override else None,
            override_note=reasons.get(score["override_id"]) if override else None,
        ))
    return rows


def evidence_points(score: dict[str, Any], weight: float) -> float:
    """What the evidence alone gives (the engine's rule: level + quantity, capped at the weight),
    so the sheet can show it beside an override and fall back to it when the override goes."""
    return round(min(weight, score["level_points"] + score["quantity_points"]), 4)


def _override_reasons(db: sqlite_utils.Database) -> dict[int, str]:
    return dict(db.conn.execute("SELECT id, reason FROM overrides").fetchall())


def _level_label(tertiary: Tertiary, key: str | None) -> str | None:
    if key is None:
        return None
    try:
        return tertiary.level(key).label
    except KeyError:
        return key


def _best(tertiary: Tertiary, evidence: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The evidence an assessor should read first: highest level, the city's own, newest."""
    def rank(ev: dict[str, Any]) -> tuple:
        try:
            level = tertiary.level(ev["level"]).points
        except KeyError:
            level = 0.0
        return (level, ev["attribution"] == "city", ev["quantity"] is not None,
                ev["evidence_date"] or "", -ev["id"])
    return max(evidence, key=rank) if evidence else None


def _status(db: sqlite_utils.Database, reason: str, evidence: list[dict[str, Any]]) -> str:
    """Override first; otherwise how many of the cited evidence rows are reviewed."""
    if reason == OVERRIDE:
        return OVERRIDDEN
    if not evidence:
        return NOT_SEARCHED_LABEL if reason == NOT_SEARCHED else NO_EVIDENCE
    ids = [ev["id"] for ev in evidence]
    marks = ",".join("?" * len(ids))
    counts = Counter(row[0] for row in db.conn.execute(
        f"SELECT review_status FROM evidence WHERE id IN ({marks})", ids))
    return "，".join(f"{REVIEW_LABELS.get(k, k)} {n}" for k, n in sorted(counts.items()))
