"""`citydx score`: score every city from its credited evidence and print the ranking."""

from __future__ import annotations

import argparse
from pathlib import Path

from citydx.commands.common import add_db_option, open_project_db

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "score", help="评分并排名 score every city and print the ranking",
        description="Score every city in the database from its credited evidence (see "
                    "docs/scoring.md), store the run and print the ranking. Example: "
                    "citydx score --as-of 2024-11-30 --city 杭州",
    )
    add_db_option(parser)
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="截止日期 ignore evidence dated later (default: window end)")
    parser.add_argument("--city", action="append", default=[], metavar="NAME",
                        help="只显示该城市 show only this city (repeatable; all are scored)")
    weights = parser.add_mutually_exclusive_group()
    weights.add_argument("--weights", type=Path, metavar="FILE",
                         help="专家权重文件 expert weights file (default: "
                              "rules/expert_weights.yaml if present)")
    weights.add_argument("--no-expert-weights", action="store_true",
                         help="使用公布权重 use the published weights only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from citydx.settings import load_settings
    from scoring.cli_support import check_cities, compute_with_progress, print_summary
    from scoring.results import city_totals
    from scoring.store import write_run
    from scoring.table import ranking_table
    from scoring.weights import resolve_tree
    from scoring.window import window_for

    settings = load_settings()
    window = window_for(settings, args.as_of)
    tree, weights_file = resolve_tree(args.weights, not args.no_expert_weights)
    db = open_project_db(args.db)
    check_cities(db, args.city)
    result = compute_with_progress(db, tree, window, settings.searched_since)
    run_id = write_run(db, result)
    rows = city_totals(db, run_id)
    shown = [r for r in rows if not args.city or r["city"] in args.city]
    console = Console(width=None if Console().is_terminal else 160, soft_wrap=True,
                      markup=False, highlight=False)
    console.print(ranking_table(shown, [p.name for p in tree.primaries]))
    print_summary(console, run_id, result, rows, weights_file)
    return 0
