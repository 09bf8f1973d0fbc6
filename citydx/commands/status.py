"""`citydx status`: the last run, source health over 14 nights, database size, review counts."""

from __future__ import annotations

import argparse

from citydx.commands.common import add_db_option
from citydx.errors import CitydxError

ORDER = 7


class NoDatabaseError(CitydxError):
    def __init__(self, path: object) -> None:
        super().__init__(f"数据库不存在 database {path} does not exist: run `citydx init` or "
                         "`citydx run` first, or pass --db")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "status", help="运行状态一览 last run, source health, database size, review counts",
        description="Show the last pipeline run, each source's status over the last 14 nights "
                    "(one character a night), the database size and evidence and review "
                    "counts. Example: citydx status --db data/citydx.db",
    )
    add_db_option(parser)
    parser.add_argument("--nights", type=int, default=14, help="显示的夜数 nights shown "
                        "(default 14)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from citydx.paths import default_db_path
    from db import open_db
    from pipeline.health import LEGEND, database_bytes, evidence_counts, source_grid
    from pipeline.store import last_run

    path = args.db or default_db_path()
    if not path.exists():
        raise NoDatabaseError(path)
    db = open_db(path)
    run = last_run(db)
    if run is None:
        print("最近运行 last run: 无 none (run `citydx run`)")
    else:
        print(f"最近运行 last run #{run['id']}: {run['started_at']} → "
              f"{run['finished_at'] or '进行中 running'}, {_status(run)}, {run['out_dir']}")
    today = dt.datetime.now(dt.UTC).date()
    rows = source_grid(db, today, args.nights)
    print(f"\n来源健康 source health, 最近 {args.nights} 晚 last {args.nights} nights "
          f"(旧→新 oldest → newest):")
    for row in rows:
        print(f"  {row['grid']}  {row['city']} {row['url']}")
    if not rows:
        print("  无采集记录 no crawls in these nights")
    print(f"  {LEGEND}")
    counts = evidence_counts(db)
    size = database_bytes(path) / 1024 / 1024
    print(f"\n数据库 database: {path} {size:.1f} MiB; 文件 documents {counts.pop('documents')}")
    overrides = counts.pop("overrides")
    total = sum(counts.values())
    parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"证据 evidence: {total} ({parts or '—'}); 人工改分 active overrides: {overrides}")
    return 0


def _status(run: dict) -> str:
    labels = {"ok": "正常 ok", "failed": "有失败 failures", "running": "进行中 running",
              "interrupted": "中断 interrupted"}
    return f"{labels.get(run['status'], run['status'])} (exit {run['exit_code']})"
