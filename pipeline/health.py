"""`citydx status` at a glance: last run, per-source nights, database size, evidence counts."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import sqlite_utils

# One character per night; the legend is printed under the grid.
NIGHT_MARKS = {"ok": "●", "empty": "○", "blocked": "B", "broken": "X", "unreachable": "U",
               "interrupted": "I", "skipped": "-", "running": "R"}
NO_RUN = "·"
LEGEND = ("● 正常 ok  ○ 无内容 empty  B 被拦截 blocked  X 解析失败 broken  "
          "U 无法访问 unreachable  I 中断 interrupted  - 跳过 skipped  · 未运行 no run")

_NIGHTS = """
SELECT s.id, s.city, s.url, substr(c.started_at, 1, 10), r.status
FROM source_runs r JOIN crawl_runs c ON c.id = r.run_id JOIN sources s ON s.id = r.source_id
WHERE substr(c.started_at, 1, 10) >= ? ORDER BY r.run_id
"""


def source_grid(db: sqlite_utils.Database, today: dt.date,
                nights: int = 14) -> list[dict[str, Any]]:
    """Per source: a string of one mark per night, oldest first; a night with several runs
    shows the last. Sources never crawled in the window are left out."""
    days = [(today - dt.timedelta(days=n)).isoformat() for n in range(nights - 1, -1, -1)]
    seen: dict[int, dict[str, Any]] = {}
    for source_id, city, url, day, status in db.conn.execute(_NIGHTS, [days[0]]):
        entry = seen.setdefault(source_id, {"city": city, "url": url, "nights": {}})
        entry["nights"][day] = status
    rows = []
    for entry in seen.values():
        marks = "".join(NIGHT_MARKS.get(entry["nights"].get(d, ""), NO_RUN) for d in days)
        last = entry["nights"][max(entry["nights"])]
        rows.append({"city": entry["city"], "url": entry["url"], "grid": marks, "last": last})
    return sorted(rows, key=lambda r: (r["city"], r["url"]))


def database_bytes(path: Path) -> int:
    """The file plus its WAL, which holds recent writes until a checkpoint."""
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists())


def evidence_counts(db: sqlite_utils.Database) -> dict[str, int]:
    counts = dict(db.conn.execute(
        "SELECT review_status, count(*) FROM evidence GROUP BY review_status"))
    counts["overrides"] = db.conn.execute(
        "SELECT count(*) FROM overrides WHERE active = 1").fetchone()[0]
    counts["documents"] = db.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    return counts
