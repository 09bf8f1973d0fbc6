"""Which cities were actually searched, so a zero can say whether anyone looked.

A zero for a city nobody crawled is a gap in the data, not a finding; scoring keeps the two apart.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

_SQL = """
SELECT DISTINCT s.city FROM sources s JOIN source_runs r ON r.source_id = s.id
WHERE r.status IN ('ok', 'empty') AND (:since IS NULL OR r.finished_at >= :since)
"""


def searched_cities(db: sqlite_utils.Database, since: dt.date | None) -> set[str]:
    """Cities with a source crawled with status ok or empty (finished on or after `since`)."""
    params = {"since": since.isoformat() if since else None}
    return {row[0] for row in db.conn.execute(_SQL, params)}

