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


def add_crawl_options(parser: argparse.ArgumentParser) -> None:
    """The crawl options `citydx crawl` and `citydx run` share, so their help cannot drift."""
    parser.add_argument("--samples", action="store_true",
                        help="采集内置样例门户 crawl the bundled sample portals (served here "
                             "unless --proxy points at a running sample server)")
    parser.add_argument("--proxy", help="HTTP 代理 proxy URL, e.g. a running sample server's")
    parser.add_argument("--sites", type=Path,
                        help="站点配置目录或文件 site profile folder or file; all its sources are "
                             "crawled (default: crawler/sites, live or --samples profile)")
    parser.add_argument("--delay", type=float, default=None,
                        help="同一主机请求间隔秒数 seconds between requests per host "
                             "(default 0.5; 0 with --samples)")
    parser.add_argument("--refresh-days", type=int, metavar="N",
                        help="重新检查近 N 天发布的已知文件 re-fetch documents published in the "
                             "last N days and record a new version when they changed (citydx "
                             "run's default: rules/pipeline.yaml refresh_days)")


def check_crawl_options(args: argparse.Namespace) -> None:
    """Reject bad shared crawl options before anything starts, with one message for both verbs."""
    from crawler.errors import CrawlOptionError

    if args.refresh_days is not None and args.refresh_days < 0:
        raise CrawlOptionError("--refresh-days 必须不小于 0 must be 0 or more")
    if args.delay is not None and args.delay < 0:
        raise CrawlOptionError("--delay 必须不小于 0 must be 0 or more")


def crawl_delay(args: argparse.Namespace) -> float:
    """Polite by default on real portals; no wait on the local sample portals."""
    if args.delay is not None:
        return args.delay
    return 0.0 if args.samples else 0.5
