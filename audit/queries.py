"""Reads the pages need beyond scoring.results: evidence with its documents, review counts,
one indicator across cities, documents, override history and the audit log.

Every query is parameterised; long texts are cut in SQL so a huge document never reaches Python.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

CONTEXT_CHARS = 80
MAX_MARK_CHARS = 600

_EVIDENCE_SQL = """
SELECT e.id, e.city, e.indicator, e.level, e.status, e.quantity, e.unit, e.attribution,
       e.confidence, e.evidence_date, e.repealed, e.review_status, e.rule_id,
       substr(e.snippet, 1, :mark) AS snippet, length(e.snippet) AS snippet_len,
       e.start_offset, e.end_offset, e.document_id, e.attachment_id,
       d.title, d.issuer, d.doc_number, d.written_date, d.published_date, d.url,
       a.filename AS attachment_name,
       CASE WHEN e.start_offset IS NOT NULL AND e.end_offset > e.start_offset THEN
         substr(COALESCE(a.text, d.text), max(e.start_offset - :ctx, 0) + 1,
                e.start_offset - max(e.start_offset - :ctx, 0)) END AS before,
       CASE WHEN e.start_offset IS NOT NULL AND e.end_offset > e.start_offset THEN
         substr(COALESCE(a.text, d.text), e.start_offset + 1,
                min(e.end_offset - e.start_offset, :mark)) END AS marked,
       CASE WHEN e.start_offset IS NOT NULL AND e.end_offset > e.start_offset THEN
         substr(COALESCE(a.text, d.text), e.end_offset + 1, :ctx) END AS after,
       CASE WHEN e.end_offset - e.start_offset > :mark THEN 1 ELSE 0 END AS marked_cut
FROM evidence e
LEFT JOIN documents d ON d.id = e.document_id
LEFT JOIN attachments a ON a.id = e.attachment_id
"""


def _rows(cursor: Any) -> list[dict[str, Any]]:
    keys = [c[0] for c in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor]


def _with_highlight(row: dict[str, Any]) -> dict[str, Any]:
    """The snippet as (before, marked, after) text pieces; the template escapes each piece."""
    if not row["marked"]:
        row["before"], row["after"] = "", ""
        row["marked"] = row["snippet"]
        row["marked_cut"] = int(row["snippet_len"] > MAX_MARK_CHARS)
    return row


def evidence_rows(db: sqlite_utils.Database, where: str, params: dict[str, Any],
                  order: str = "e.id", limit: int = -1) -> list[dict[str, Any]]:
    """where and order are fixed SQL of this package; values always come in params."""
    params = {**params, "ctx": CONTEXT_CHARS, "mark": MAX_MARK_CHARS, "limit": limit}
    cursor = db.conn.execute(f"{_EVIDENCE_SQL} WHERE {where} ORDER BY {order} LIMIT :limit",
                             params)
    return [_with_highlight(r) for r in _rows(cursor)]


def pair_evidence(db: sqlite_utils.Database, city: str, indicator: str) -> list[dict[str, Any]]:
    return evidence_rows(db, "e.city = :city AND e.indicator = :indicator",
                         {"city": city, "indicator": indicator})


def one_evidence(db: sqlite_utils.Database, evidence_id: int) -> dict[str, Any] | None:
    rows = evidence_rows(db, "e.id = :id", {"id": evidence_id})
    return rows[0] if rows else None


def review_counts(db: sqlite_utils.Database, city: str) -> dict[str, dict[str, int]]:
    """{indicator: {"pending": n, "accepted": n, "rejected": n, "total": n}} for one city."""
    result: dict[str, dict[str, int]] = {}
    for indicator, status, n in db.conn.execute(
            "SELECT indicator, review_status, COUNT(*) FROM evidence WHERE city = ? "
            "GROUP BY indicator, review_status", [city]):
        counts = result.setdefault(indicator, {"pending": 0, "accepted": 0, "rejected": 0,
                                               "total": 0})
        counts[status] = counts.get(status, 0) + n
        counts["total"] += n
    return result


def indicator_across(db: sqlite_utils.Database, run_id: int | None,
                     indicator: str) -> list[dict[str, Any]]:
    """Every city's score on one indicator (best first) with evidence and pending counts."""
    cursor = db.conn.execute(
        "SELECT c.name AS city, c.province, s.level, s.points, s.reason, s.override_id, "
        "(SELECT COUNT(*) FROM evidence e WHERE e.city = c.name AND e.indicator = :ind) "
        "AS evidence_count, "
        "(SELECT COUNT(*) FROM evidence e WHERE e.city = c.name AND e.indicator = :ind "
        "AND e.review_status = 'pending') AS pending_count "
        "FROM cities c LEFT JOIN indicator_scores s ON s.city = c.name "
        "AND s.indicator = :ind AND s.scoring_run_id = :run WHERE c.kind != 'province' "
        "ORDER BY COALESCE(s.points, -1) DESC, c.name", {"ind": indicator, "run": run_id})
    return _rows(cursor)


def score_row(db: sqlite_utils.Database, run_id: int | None, city: str,
              indicator: str) -> dict[str, Any] | None:
    cursor = db.conn.execute(
        "SELECT id, level, level_points, quantity, quantity_points, points, reason, override_id "
        "FROM indicator_scores WHERE scoring_run_id = ? AND city = ? AND indicator = ?",
        [run_id, city, indicator])
    rows = _rows(cursor)
    if not rows:
        return None
    row = rows[0]
    row["evidence_ids"] = {r[0] for r in db.conn.execute(
        "SELECT evidence_id FROM indicator_score_evidence WHERE score_id = ?", [row["id"]])}
    return row


def city_total(db: sqlite_utils.Database, run_id: int | None, city: str) -> float | None:
    row = db.conn.execute("SELECT total FROM city_results WHERE scoring_run_id = ? AND city = ?",
                          [run_id, city]).fetchone()
    return row[0] if row else None


def city_exists(db: sqlite_utils.Database, city: str) -> bool:
    """Province entries own documents but have no city page (they are never scored)."""
    return db.conn.execute("SELECT 1 FROM cities WHERE name = ? AND kind != 'province'",
                           [city]).fetchone() is not None


def document(db: sqlite_utils.Database, document_id: int) -> dict[str, Any] | None:
    cursor = db.conn.execute(
        "SELECT id, city, url, title, issuer, doc_number, index_number, category, written_date, "
        "published_date, validity, fetched_at, version, html IS NOT NULL AS has_html, "
        "substr(text, 1, 20000) AS text, length(text) AS text_len, "
        "(SELECT kind FROM cities WHERE name = documents.city) AS owner_kind "
        "FROM documents WHERE id = ?", [document_id])
    rows = _rows(cursor)
    if not rows:
        return None
    # A province entry's document is evidence for several cities: the page names them.
    rows[0]["evidence_cities"] = [r[0] for r in db.conn.execute(
        "SELECT DISTINCT city FROM evidence WHERE document_id = ? ORDER BY city", [document_id])]
    return rows[0]


def stored_html(db: sqlite_utils.Database, document_id: int) -> str | None:
    row = db.conn.execute("SELECT html FROM documents WHERE id = ?", [document_id]).fetchone()
    return row[0] if row else None


def override_history(db: sqlite_utils.Database, city: str,
                     indicator: str) -> list[dict[str, Any]]:
    cursor = db.conn.execute(
        "SELECT id, points, reason, reviewer, origin, created_at, active FROM overrides "
        "WHERE city = ? AND indicator = ? ORDER BY id DESC", [city, indicator])
    return _rows(cursor)


def audit_entries(db: sqlite_utils.Database, limit: int, offset: int) -> list[dict[str, Any]]:
    cursor = db.conn.execute(
        "SELECT id, at, actor, action, entity, entity_id, details FROM audit_log "
        "ORDER BY id DESC LIMIT ? OFFSET ?", [limit, offset])
    rows = _rows(cursor)
    for row in rows:
        try:
            row["details"] = json.loads(row["details"] or "{}")
        except ValueError:
            row["details"] = {"raw": row["details"]}
    return rows
