"""The indicator tree the UI shows and validates overrides against: the latest run's weights."""

from __future__ import annotations

import sqlite_utils

from citydx.indicators import IndicatorTree
from scoring.results import latest_run_id, run_info


def current_tree(db: sqlite_utils.Database) -> IndicatorTree:
    """Weights of the latest run (so maxima match the scores shown), else what a run would use."""
    run_id = latest_run_id(db)
    if run_id is None:
        from scoring.weights import resolve_tree

        return resolve_tree()[0]
    from scoring.sheets_export import run_tree

    return run_tree(run_info(db, run_id))
