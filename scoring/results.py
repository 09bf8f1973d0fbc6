"""Reading stored scoring runs: the small API reports, sheets and exports build on.

All functions take an open database and return plain dicts and lists, so callers need not know
the tables. Typical use:

    run = latest_run_id(db)
    for row in city_totals(db, run): ...                 # ranking, flagged cities last
    for row in indicator_breakdown(db, run, "杭州"): ...  # 31 rows in tree order
    for ev in evidence_for_score(db, row["id"]): ...     # evidence behind one score
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from scoring.ranking import competition_ranks


def latest_run_id(db: sqlite_utils.Database) -> int | None:
    row = db.conn.execute("SELECT MAX(id) FROM scoring_runs").fetchone()
    return row[0] if row else None


def run_info(db: sqlite_utils.Database, run_id: int) -> dict[str, Any] | None:
    """The run's as_of, computed_at, rules_version and weights ({tertiary name: weight})."""
    row = db.conn.execute("SELECT id, as_of, computed_at, rules_version, weights "
                          "FROM scoring_runs WHERE id = ?", [run_id]).fetchone()
    if row is None:
        return None
    return {"id": row[0], "as_of": row[1], "computed_at": row[2], "rules_version": row[3],
            "weights": json.loads(row[4] or "{}")}


def city_totals(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    """One row per city: rank, city, province, assessed, searched, not_searched_indicators,
    primaries ({primary name: points}, in tree order) and total.

    Only assessed, searched cities are ranked (competition ranking, best first); flagged
    (未检索) and non-assessed cities follow with rank None, so they are never mixed in.
    """
    primaries: dict[str, dict[str, float]] = {}
    for city, name, points in db.conn.execute(
            "SELECT city, indicator, points FROM aggregate_scores WHERE scoring_run_id = ? "
            "AND tier = 'primary' ORDER BY rowid", [run_id]):
        primaries.setdefault(city, {})[name] = points
    rows = [
        {"rank": None, "city": city, "province": province, "assessed": bool(assessed),
         "searched": bool(searched), "not_searched_indicators": missing,
         "primaries": primaries.get(city, {}), "total": total}
        for city, province, assessed, searched, missing, total in db.conn.execute(
            "SELECT r.city, c.province, c.assessed, r.searched, r.not_searched_indicators, "
            "r.total FROM city_results r JOIN cities c ON c.name = r.city "
            "WHERE r.scoring_run_id = ?", [run_id])
    ]
    ranked = [r for r in rows if r["assessed"] and r["searched"]]
    for row, rank in zip(ranked, competition_ranks([r["total"] for r in ranked]), strict=True):
        row["rank"] = rank
    return sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, -r["total"], r["city"]))


def indicator_breakdown(db: sqlite_utils.Database, run_id: int,
                        city: str) -> list[dict[str, Any]]:
    """The city's tertiary scores in tree order, each with its evidence count."""
    cursor = db.conn.execute(
        "SELECT s.id, s.indicator, s.level, s.level_points, s.quantity, s.normalised, "
        "s.quantity_points, s.points, s.reason, s.override_id, "
        "(SELECT COUNT(*) FROM indicator_score_evidence l WHERE l.score_id = s.id) "
        "FROM indicator_scores s WHERE s.scoring_run_id = ? AND s.city = ? ORDER BY s.id",
        [run_id, city])
    keys = ("id", "indicator", "level", "level_points", "quantity", "normalised",
            "quantity_points", "points", "reason", "override_id", "evidence_count")
    return [dict(zip(keys, row, strict=True)) for row in cursor]


def aggregates(db: sqlite_utils.Database, run_id: int, city: str) -> list[dict[str, Any]]:
    """The city's secondary, primary and total rows (tier, indicator, points) in tree order."""
    cursor = db.conn.execute(
        "SELECT tier, indicator, points FROM aggregate_scores WHERE scoring_run_id = ? "
        "AND city = ? ORDER BY rowid", [run_id, city])
    return [{"tier": t, "indicator": i, "points": p} for t, i, p in cursor]


def evidence_for_score(db: sqlite_utils.Database, score_id: int) -> list[dict[str, Any]]:
    """The evidence rows linked to one indicator score, with their document's title and URL."""
    cursor = db.conn.execute(
        "SELECT e.id, e.level, e.status, e.quantity, e.unit, e.attribution, e.evidence_date, "
        "e.snippet, e.document_id, d.title, d.url, d.published_date "
        "FROM indicator_score_evidence l JOIN evidence e ON e.id = l.evidence_id "
        "LEFT JOIN documents d ON d.id = e.document_id WHERE l.score_id = ? ORDER BY e.id",
        [score_id])
    keys = ("id", "level", "status", "quantity", "unit", "attribution", "evidence_date",
            "snippet", "document_id", "title", "url", "published_date")
    return [dict(zip(keys, row, strict=True)) for row in cursor]
