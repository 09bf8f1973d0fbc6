"""Options shared by several verbs, defined once."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from citydx.paths import default_db_path
from citydx.registry import load_registry
from db import open_db
from db.cities import sync_cities


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help="数据库文件 SQLite database file (default: $CITYDX_DB or data/citydx.db)",
    )


def open_project_db(path: Path | None) -> sqlite_utils.Database:
    """Open the database and make sure the registry's cities are in it."""
    db = open_db(path or default_db_path())
    sync_cities(db, load_registry())
    return db
