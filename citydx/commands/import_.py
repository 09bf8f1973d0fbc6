"""`citydx import sheets`: assessors' edited score sheets back in as overrides, then rescore.

`import` takes a kind as its subcommand, so other import kinds can be added beside `sheets`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citydx.commands.common import add_db_option, open_project_db

ORDER = 71


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="导入 import files from people (score sheets)",
                            description="Import files from people. Kinds: sheets.")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    sheets = kinds.add_parser(
        "sheets", help="评分表 assessors' edited score sheets",
        description="Read score sheets written by `citydx export sheets` and edited by "
                    "assessors. Changed 评审得分 cells become overrides with the 备注 as reason "
                    "(without a note the reason names the file and cell); a pre-filled value "
                    "that was emptied clears its override. Each file is checked first and "
                    "imported whole or not at all; scores are recomputed afterwards. Example: "
                    "citydx import sheets --reviewer 张三 out/sheets/杭州.xlsx",
    )
    add_db_option(sheets)
    sheets.add_argument("--reviewer", default=None, metavar="NAME",
                        help="审核人 who is responsible (default: the login name)")
    sheets.add_argument("files", nargs="+", type=Path, metavar="FILE", help="评分表 xlsx file")
    sheets.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citydx.errors import CitydxError
    from citydx.settings import load_settings
    from scoring.sheets_import import import_sheet_file, rescore

    reviewer = args.reviewer or _login_name()
    db = open_project_db(args.db)
    failed = changed = 0
    for path in args.files:
        try:
            done = import_sheet_file(db, path, reviewer)
        except CitydxError as exc:
            print(f"错误 error: {exc}", file=sys.stderr)
            failed += 1
            continue
        changed += done.added + done.cleared
        print(f"已导入 imported {path.name}: 新增人工分 overrides added {done.added}，"
              f"撤销 cleared {done.cleared}")
    if changed:
        run_id = rescore(db, load_settings())
        print(f"已重新评分 rescored: 评分批次 scoring run #{run_id}")
    if failed:
        print(f"{failed} 个文件未导入 file(s) not imported", file=sys.stderr)
    return 2 if failed else 0


def _login_name() -> str:
    """Who runs the import, when --reviewer is not given (the audit log needs a name)."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
