"""Which scoring run was last exported, so the queue can list scores changed since then.

Exports are recorded in the audit log (action 'export', entity scoring_runs, entity_id the run),
which needs no schema change and keeps who exported what beside every other action.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.audit import log_action


def record_export(db: sqlite_utils.Database, actor: str, run_id: int, kind: str,
                  files: int) -> int:
    return log_action(db, actor, "export", "scoring_runs", run_id,
                      {"kind": kind, "files": files})


def last_export(db: sqlite_utils.Database) -> dict[str, Any] | None:
    row = db.conn.execute(
        "SELECT CAST(entity_id AS INTEGER), at, actor FROM audit_log WHERE action = 'export' "
        "AND entity = 'scoring_runs' ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else {"run_id": row[0], "at": row[1], "actor": row[2]}


def changed_since(db: sqlite_utils.Database, exported_run: int,
                  latest_run: int) -> list[dict[str, Any]]:
    """City x indicator pairs whose points differ between the exported and the latest run."""
    cursor = db.conn.execute(
        "SELECT n.city, n.indicator, o.points, n.points, n.reason FROM indicator_scores n "
        "LEFT JOIN indicator_scores o ON o.scoring_run_id = :old AND o.city = n.city "
        "AND o.indicator = n.indicator WHERE n.scoring_run_id = :new "
        "AND (o.points IS NULL OR abs(o.points - n.points) > 1e-9) ORDER BY n.city, n.id",
        {"old": exported_run, "new": latest_run})
    return [{"city": c, "indicator": i, "old": o, "new": n, "reason": r}
            for c, i, o, n, r in cursor]
