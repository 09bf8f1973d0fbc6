"""Writing a computed run: all tables in one transaction, bulk inserts with pre-assigned ids.

Score ids are assigned here (after the run row is inserted, which takes the write lock) so the
evidence links can be inserted with executemany instead of one lookup per score.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import sqlite_utils

from db.audit import now_iso
from scoring.engine import RunResult
from scoring.weights import weights_of


def write_run(db: sqlite_utils.Database, run: RunResult) -> int:
    """Store the run; returns its scoring_runs id."""
    conn = db.conn
    with db.atomic():
        run_id = conn.execute(
            "INSERT INTO scoring_runs (as_of, computed_at, rules_version, weights) "
            "VALUES (?, ?, ?, ?)",
            [run.as_of.isoformat(), now_iso(), run.tree.version,
             json.dumps(weights_of(run.tree), ensure_ascii=False)],
        ).lastrowid
        first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM indicator_scores").fetchone()[0]
        conn.executemany(
            "INSERT INTO indicator_scores (id, scoring_run_id, city, indicator, level, "
            "level_points, quantity, normalised, quantity_points, points, reason, override_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((first + i, run_id, s.city, s.indicator, s.level, s.level_points, s.quantity,
              s.normalised, s.quantity_points, s.points, s.reason, s.override_id)
             for i, s in enumerate(run.scores)),
        )
        conn.executemany(
            "INSERT INTO indicator_score_evidence (score_id, evidence_id) VALUES (?, ?)",
            _links(run, first),
        )
        conn.executemany(
            "INSERT INTO aggregate_scores (scoring_run_id, city, tier, indicator, points) "
            "VALUES (?, ?, ?, ?, ?)",
            ((run_id, *row) for row in run.aggregates),
        )
        conn.executemany(
            "INSERT INTO city_results (scoring_run_id, city, total, searched, "
            "not_searched_indicators) VALUES (?, ?, ?, ?, ?)",
            ((run_id, c.city, c.total, int(c.searched), c.not_searched_indicators)
             for c in run.cities),
        )
    return run_id


def _links(run: RunResult, first: int) -> Iterator[tuple[int, int]]:
    for i, score in enumerate(run.scores):
        for evidence_id in score.evidence_ids:
            yield first + i, evidence_id
