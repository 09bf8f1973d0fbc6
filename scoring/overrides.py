"""Reviewer overrides: a person's points for a city x indicator, always with a reason, audited.

Only the latest active override counts; adding one deactivates the previous, so the table keeps
the whole history while scoring reads one row per pair.
"""

from __future__ import annotations

import sqlite_utils

from citydx.errors import ProvinceEntryError, UnknownCityError
from citydx.indicators import IndicatorTree
from db.audit import log_action, now_iso
from scoring.errors import (
    EmptyReasonError,
    EmptyReviewerError,
    NoActiveOverrideError,
    OverridePointsError,
)


def active_overrides(db: sqlite_utils.Database) -> dict[tuple[str, str], tuple[int, float]]:
    """(city, indicator) -> (override id, points) of the latest active override."""
    rows = db.conn.execute(
        "SELECT id, city, indicator, points FROM overrides WHERE active = 1 "
        "ORDER BY created_at, id"
    )
    return {(city, indicator): (oid, points) for oid, city, indicator, points in rows}


def add_override(db: sqlite_utils.Database, tree: IndicatorTree, city: str, indicator: str,
                 points: float, reason: str, reviewer: str, origin: str = "cli") -> int:
    """Validate, replace the active override of the pair and audit it, in one transaction."""
    weight = tree.tertiary(indicator).weight
    _check_city(db, city)
    if not 0 <= points <= weight:
        raise OverridePointsError(indicator, points, weight)
    if not reason or not reason.strip():
        raise EmptyReasonError()
    if not reviewer or not reviewer.strip():
        raise EmptyReviewerError()
    with db.atomic():
        previous = _deactivate(db, city, indicator)
        table = db["overrides"]
        table.insert({"city": city, "indicator": indicator, "points": points,
                      "reason": reason.strip(), "reviewer": reviewer.strip(), "origin": origin,
                      "created_at": now_iso(), "active": 1})
        new_id = table.last_pk
        log_action(db, reviewer.strip(), "override", "overrides", new_id,
                   {"city": city, "indicator": indicator, "points": points,
                    "reason": reason.strip(), "origin": origin, "replaces": previous})
    return new_id


def clear_override(db: sqlite_utils.Database, tree: IndicatorTree, city: str, indicator: str,
                   reason: str, reviewer: str) -> list[int]:
    """Deactivate the pair's active overrides (scores go back to evidence) and audit it."""
    tree.tertiary(indicator)
    _check_city(db, city)
    if not reason or not reason.strip():
        raise EmptyReasonError()
    if not reviewer or not reviewer.strip():
        raise EmptyReviewerError()
    with db.atomic():
        cleared = _deactivate(db, city, indicator)
        if not cleared:
            raise NoActiveOverrideError(city, indicator)
        log_action(db, reviewer.strip(), "clear_override", "overrides", cleared[-1],
                   {"city": city, "indicator": indicator, "reason": reason.strip(),
                    "cleared": cleared})
    return cleared


def _check_city(db: sqlite_utils.Database, city: str) -> None:
    row = db.conn.execute("SELECT kind, province FROM cities WHERE name = ?", [city]).fetchone()
    if not row:
        raise UnknownCityError(city)
    if row[0] == "province":  # a province entry is never scored, so it takes no override
        raise ProvinceEntryError(city, row[1])


def _deactivate(db: sqlite_utils.Database, city: str, indicator: str) -> list[int]:
    ids = [row[0] for row in db.conn.execute(
        "SELECT id FROM overrides WHERE city = ? AND indicator = ? AND active = 1 ORDER BY id",
        [city, indicator])]
    if ids:
        db.conn.execute("UPDATE overrides SET active = 0 WHERE city = ? AND indicator = ? "
                        "AND active = 1", [city, indicator])
    return ids
