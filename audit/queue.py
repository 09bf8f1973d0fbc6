"""The "needs review" queue: what a reviewer should look at first.

- conflicting evidence: the same city x indicator has built/issued rows and planned/negated
  rows, and some of them are still pending;
- pending rows from low-confidence rules (confidence below LOW_CONFIDENCE);
- scores that changed since the last export, so the exported sheets are out of date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from audit.exports import changed_since, last_export
from audit.queries import evidence_rows
from scoring.results import latest_run_id

LOW_CONFIDENCE = 0.8
QUEUE_LIMIT = 200

# A pending row conflicts when the same city x indicator has a live row of the opposite kind.
# EXISTS probes the (city, indicator) index and stops at the first match, and the outer query
# walks that index in order, so the first QUEUE_LIMIT rows come without grouping the table.
_OPPOSITE = """EXISTS (SELECT 1 FROM evidence x WHERE x.city = e.city AND x.indicator = e.indicator
    AND x.status IN ({kinds}) AND x.review_status != 'rejected' AND x.repealed = 0)"""
_CONFLICTS = f"""e.review_status = 'pending' AND e.repealed = 0 AND (
    (e.status IN ('built', 'issued') AND {_OPPOSITE.format(kinds="'planned', 'negated'")})
    OR (e.status IN ('planned', 'negated') AND {_OPPOSITE.format(kinds="'built', 'issued'")}))"""


@dataclass
class ReviewQueue:
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    low_confidence: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    export: dict[str, Any] | None = None


def review_queue(db: sqlite_utils.Database) -> ReviewQueue:
    queue = ReviewQueue()
    queue.conflicts = evidence_rows(db, _CONFLICTS, {}, order="e.city, e.indicator, e.id",
                                    limit=QUEUE_LIMIT)
    queue.low_confidence = evidence_rows(
        db, "e.review_status = 'pending' AND e.confidence < :low", {"low": LOW_CONFIDENCE},
        order="e.confidence, e.id", limit=QUEUE_LIMIT)
    queue.export = last_export(db)
    latest = latest_run_id(db)
    if queue.export and latest is not None:
        queue.changed = changed_since(db, queue.export["run_id"], latest)
    return queue
