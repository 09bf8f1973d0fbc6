"""The indicator tree the UI shows and validates overrides against: the latest run's weights.

Parsing rules/indicators.yaml takes a noticeable fraction of a second, so the published tree is
parsed once per app and re-weighted per request (with_weights is cheap).
"""

from __future__ import annotations

import sqlite_utils
from flask import current_app

from citydx.errors import UnknownIndicatorError
from citydx.indicators import IndicatorTree, load_indicator_tree
from scoring.results import latest_run_id, run_info


def published_tree() -> IndicatorTree:
    tree = current_app.config.get("AUDIT_TREE")
    if tree is None:
        tree = current_app.config["AUDIT_TREE"] = load_indicator_tree()
    return tree


def current_tree(db: sqlite_utils.Database) -> IndicatorTree:
    """Weights of the latest run (so maxima match the scores shown), else what a run would use."""
    run_id = latest_run_id(db)
    if run_id is None:
        from scoring.weights import resolve_tree

        return resolve_tree()[0]
    weights = run_info(db, run_id)["weights"]
    return published_tree().with_weights(weights) if weights else published_tree()


def level_label(indicator: str, key: str | None) -> str:
    """The ladder label of a level key (labels do not depend on weights); the key if unknown."""
    if not key:
        return "—"
    tree = published_tree()
    try:
        return tree.tertiary(indicator).level(key).label
    except (KeyError, UnknownIndicatorError):
        return key
