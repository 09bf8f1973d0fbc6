"""Reviewer actions: accept or reject evidence, set or clear an override, then rescore at once.

Overrides go through scoring.overrides (validated and audited there); the rescore is the one
`citydx import sheets` uses (latest run's as-of date and weights), or the `citydx score` default
when the database has no run yet.
"""

from __future__ import annotations

import sqlite_utils

from citydx.indicators import IndicatorTree
from citydx.settings import load_settings
from db.audit import log_action
from scoring.overrides import add_override, clear_override
from scoring.results import latest_run_id

DECISIONS = {"accept": "accepted", "reject": "rejected", "reset": "pending"}


def rescore(db: sqlite_utils.Database) -> int:
    """Recompute and store a run; returns its id."""
    from scoring.sheets_import import rescore as rescore_latest

    settings = load_settings()
    if latest_run_id(db) is not None:
        return rescore_latest(db, settings)
    from scoring.cli_support import compute_with_progress
    from scoring.store import write_run
    from scoring.weights import resolve_tree
    from scoring.window import window_for

    tree, _ = resolve_tree()
    result = compute_with_progress(db, tree, window_for(settings, None), settings.searched_since)
    return write_run(db, result)


def review_evidence(db: sqlite_utils.Database, evidence_id: int, decision: str,
                    reviewer: str) -> int:
    """Set the row's review status and audit who changed it from what; returns the new run id."""
    new_status = DECISIONS[decision]
    row = db.conn.execute("SELECT review_status, city, indicator FROM evidence WHERE id = ?",
                          [evidence_id]).fetchone()
    if row is None:
        raise LookupError(evidence_id)
    old_status, city, indicator = row
    with db.atomic():
        db.conn.execute("UPDATE evidence SET review_status = ? WHERE id = ?",
                        [new_status, evidence_id])
        log_action(db, reviewer, f"{decision}_evidence", "evidence", evidence_id,
                   {"city": city, "indicator": indicator, "from": old_status,
                    "to": new_status, "origin": "ui"})
    return rescore(db)


def set_override(db: sqlite_utils.Database, tree: IndicatorTree, city: str, indicator: str,
                 points: float, reason: str, reviewer: str) -> int:
    add_override(db, tree, city, indicator, points, reason, reviewer, origin="ui")
    return rescore(db)


def remove_override(db: sqlite_utils.Database, tree: IndicatorTree, city: str, indicator: str,
                    reason: str, reviewer: str) -> int:
    clear_override(db, tree, city, indicator, reason, reviewer)
    return rescore(db)
