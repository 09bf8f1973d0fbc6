"""`citydx init`: create or upgrade the database and load the city registry into it."""

from __future__ import annotations

import argparse

from citydx.commands.common import add_db_option, open_project_db
from citydx.indicators import load_indicator_tree
from db.connection import schema_version

ORDER = 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init", help="建库/升级数据库 create or upgrade the database and load the registry",
        description="Create the database (or upgrade an older one in place), validate the "
                    "indicator tree and load the city registry. Example: citydx init --db my.db",
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    tree = load_indicator_tree()
    db = open_project_db(args.db)
    # Province entries own provincial documents but are not cities: they are not counted.
    cities = db.execute("SELECT COUNT(*) FROM cities WHERE kind != 'province'").fetchone()[0]
    print(f"数据库已就绪 database ready: schema v{schema_version(db)}, {cities} cities, "
          f"{len(tree.tertiaries)} tertiary indicators (rules {tree.version})")
    return 0
