"""`citydx override`: a reviewer sets (or clears) the points of a city x indicator."""

from __future__ import annotations

import argparse

from citydx.commands.common import add_db_option, open_project_db

ORDER = 45


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "override", help="人工改分 set or clear a reviewer's points for a city x indicator",
        description="Set a reviewer's points for one city and tertiary indicator (the latest "
                    "active override wins in the next `citydx score`), or clear it with --clear. "
                    "Every change is written to the audit log. Example: citydx override 杭州 "
                    "公共数据授权运营 4 --reason 平台已上线 --reviewer 张三",
    )
    parser.add_argument("city", metavar="CITY", help="城市 city name, e.g. 杭州")
    parser.add_argument("indicator", metavar="INDICATOR", help="三级指标 tertiary indicator name")
    parser.add_argument("points", metavar="POINTS", type=float, nargs="?",
                        help="分值 points, from 0 to the indicator's weight")
    parser.add_argument("--clear", action="store_true",
                        help="撤销 deactivate the active override instead")
    parser.add_argument("--reason", required=True, help="理由 why (required)")
    parser.add_argument("--reviewer", required=True, help="审核人 who decides")
    add_db_option(parser)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from scoring.overrides import add_override, clear_override
    from scoring.weights import resolve_tree

    if args.clear == (args.points is not None):
        args.parser.error("give POINTS, or --clear without POINTS")
    tree, _ = resolve_tree()
    db = open_project_db(args.db)
    if args.clear:
        cleared = clear_override(db, tree, args.city, args.indicator, args.reason, args.reviewer)
        print(f"已撤销人工分 override cleared: {args.city} / {args.indicator} "
              f"(#{', #'.join(map(str, cleared))})")
        return 0
    new_id = add_override(db, tree, args.city, args.indicator, args.points, args.reason,
                          args.reviewer)
    print(f"已记录人工分 override #{new_id}: {args.city} / {args.indicator} = {args.points:g} "
          "(下次 citydx score 生效 applies at the next citydx score)")
    return 0
