"""What moved between two scoring runs: indicators whose points changed, and the evidence why.

The points come from audit.exports.changed_since (the same comparison the review queue uses);
the evidence is the difference of the two scores' indicator_score_evidence links.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from audit.exports import changed_since

_LINKS = """
SELECT l.evidence_id FROM indicator_score_evidence l JOIN indicator_scores s ON s.id = l.score_id
WHERE s.scoring_run_id = ? AND s.city = ? AND s.indicator = ?
"""
_QUANTITY = """
SELECT quantity, normalised FROM indicator_scores WHERE scoring_run_id = ? AND city = ?
AND indicator = ?
"""
_EVIDENCE = """
SELECT e.id, e.level, e.status, e.quantity, e.snippet, d.title, d.url
FROM evidence e LEFT JOIN documents d ON d.id = e.document_id WHERE e.id = ?
"""


def score_changes(db: sqlite_utils.Database, old_run: int | None,
                  new_run: int) -> list[dict[str, Any]]:
    """One entry per changed city x indicator: old and new points, evidence added and dropped.

    With no previous run every indicator with points is a change from None.
    """
    rows = changed_since(db, old_run if old_run is not None else -1, new_run)
    changes = []
    for row in rows:
        if old_run is None and not row["new"]:
            continue
        new_ids = _linked(db, new_run, row["city"], row["indicator"])
        old_ids = _linked(db, old_run, row["city"], row["indicator"]) if old_run else set()
        change = {**row, "added": [_evidence(db, i) for i in sorted(new_ids - old_ids)],
                  "dropped": [_evidence(db, i) for i in sorted(old_ids - new_ids)]}
        change["cause"] = _cause(db, change, old_run, new_run)
        changes.append(change)
    return changes


def _cause(db: sqlite_utils.Database, change: dict[str, Any], old_run: int | None,
           new_run: int) -> str:
    """'evidence' when cited evidence moved; 'normalisation' when the city's own quantity is
    unchanged but its normalised value moved (another city's value changed the scale);
    'other' (overrides, the searched flag, weights) otherwise."""
    if change["added"] or change["dropped"] or old_run is None:
        return "evidence"
    key = [change["city"], change["indicator"]]
    old = db.conn.execute(_QUANTITY, [old_run, *key]).fetchone()
    new = db.conn.execute(_QUANTITY, [new_run, *key]).fetchone()
    if old and new and old[0] == new[0] and old[1] != new[1]:
        return "normalisation"
    return "other"


def _linked(db: sqlite_utils.Database, run: int, city: str, indicator: str) -> set[int]:
    return {r[0] for r in db.conn.execute(_LINKS, [run, city, indicator])}


def _evidence(db: sqlite_utils.Database, evidence_id: int) -> dict[str, Any]:
    row = db.conn.execute(_EVIDENCE, [evidence_id]).fetchone()
    keys = ("id", "level", "status", "quantity", "snippet", "title", "url")
    return dict(zip(keys, row, strict=True)) if row else {"id": evidence_id}
