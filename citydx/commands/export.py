"""`citydx export sheets`: pre-filled xlsx score sheets for the assessors.

`export` takes a kind as its subcommand, so other export kinds can be added beside `sheets`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from citydx.commands.common import add_db_option, open_project_db

ORDER = 70


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="导出 export files for people (score sheets)",
                            description="Export files for people. Kinds: sheets.")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    sheets = kinds.add_parser(
        "sheets", help="评分表 pre-filled xlsx score sheets, one per city",
        description="Write the latest scoring run as pre-filled score sheets: one xlsx per city "
                    "(or one workbook with --combined) for assessors to fill in the 评审得分 "
                    "column; read them back with `citydx import sheets`. Example: citydx export "
                    "sheets --city 杭州 --out out/sheets",
    )
    add_db_option(sheets)
    sheets.add_argument("--city", action="append", default=[], metavar="NAME",
                        help="只导出该城市 only this city (repeatable; default all)")
    sheets.add_argument("--combined", action="store_true",
                        help="合并为一个工作簿 one workbook, a sheet per city plus a summary")
    sheets.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="输出目录 output directory (created if missing)")
    sheets.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from scoring.cli_support import check_cities
    from scoring.sheets_export import export_sheets

    db = open_project_db(args.db)
    check_cities(db, args.city)
    written = export_sheets(db, args.out, args.city or None, args.combined)
    _record_export(db, len(written))
    for path in written:
        print(path)
    print(f"已导出评分表 exported {len(written)} 个文件 file(s) 到 to {args.out}")
    return 0


def _record_export(db: sqlite_utils.Database, files: int) -> None:
    """Audit the export, so the review queue can list scores changed since the last one."""
    import os

    from audit.exports import record_export
    from scoring.results import latest_run_id

    run_id = latest_run_id(db)
    if run_id is not None:
        record_export(db, os.environ.get("USER") or "cli", run_id, "sheets", files)
