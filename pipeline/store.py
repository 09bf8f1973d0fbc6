"""The pipeline_runs table: one row per `citydx run`, opened first and closed with its summary."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from db.audit import now_iso


def begin_run(db: sqlite_utils.Database, options: dict[str, Any], out_dir: str,
              previous_scoring_run: int | None) -> int:
    table = db["pipeline_runs"]
    table.insert({"started_at": now_iso(), "status": "running", "out_dir": out_dir,
                  "previous_scoring_run_id": previous_scoring_run,
                  "options": json.dumps(options, ensure_ascii=False, default=str)})
    return table.last_pk


def set_stage_ids(db: sqlite_utils.Database, run_id: int, **ids: int | None) -> None:
    db["pipeline_runs"].update(run_id, ids)


def finish_run(db: sqlite_utils.Database, run_id: int, exit_code: int,
               summary: dict[str, Any]) -> None:
    db["pipeline_runs"].update(run_id, {
        "finished_at": now_iso(), "status": "ok" if exit_code == 0 else "failed",
        "exit_code": exit_code, "summary": json.dumps(summary, ensure_ascii=False)})


def mark_interrupted(db: sqlite_utils.Database, run_id: int) -> None:
    """Ctrl-C or a kill: the row must not stay 'running' for `citydx status` to show forever."""
    db["pipeline_runs"].update(run_id, {"finished_at": now_iso(), "status": "interrupted"})


def last_run(db: sqlite_utils.Database) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM pipeline_runs ORDER BY id DESC LIMIT 1"))
    return rows[0] if rows else None
