"""Helpers for the crawl tests: run `citydx crawl` in a subprocess against the sample server."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

from crawler.samples.sites import SITES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_URLS = {s.key: s.list_url for s in SITES}
CITY_OF = {s.key: s.city for s in SITES}
FAMILY_OF = {s.key: s.family for s in SITES}


def write_sites(tmp_path: Path, *keys: str) -> Path:
    """A site profile with the given sample sites, as a user would write one."""
    sources = [{"city": CITY_OF[k], "url": SAMPLE_URLS[k], "cms": FAMILY_OF[k]} for k in keys]
    path = tmp_path / "sites.yaml"
    path.write_text(yaml.safe_dump({"profile": "live", "sources": sources}, allow_unicode=True),
                    encoding="utf-8")
    return path


def crawl_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "citydx.cli", "crawl", "--db", str(db), "--delay", "0", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def crawl(db: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_command(db, *args), capture_output=True, text=True,
                          timeout=timeout, env=env(), cwd=ROOT)


def query(db: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def source_run(db: Path, run_id: int, url: str) -> dict:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT r.* FROM source_runs r JOIN sources s ON s.id = r.source_id "
            "WHERE r.run_id = ? AND s.url = ?", (run_id, url)).fetchone()
        return dict(row)
    finally:
        conn.close()


def last_run(db: Path) -> int:
    return query(db, "SELECT max(id) FROM crawl_runs")[0][0]


def served(server, since: int = 0, host: str | None = None) -> list[tuple[str, str]]:
    """Requests the sample server answered since index `since`, optionally for one host."""
    got = server.requests[since:]
    return [r for r in got if host is None or f"//{host}" in r[1] or f"//{host}:" in r[1]]
