"""Helpers for the crawl tests: run `citydx crawl` in a subprocess against the sample server
or a few fixture pages served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

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


class _PageProxy(BaseHTTPRequestHandler):
    """A forward proxy over fixed pages of one host (Scrapy and chromium send absolute URLs);
    everything else is 404. Each requested path is recorded in `seen`."""

    protocol_version = "HTTP/1.0"
    host = ""
    pages: dict[str, bytes] = {}
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        self.seen.append(parts.path)
        body = self.pages.get(parts.path) if parts.hostname in (self.host, None) else None
        self.send_response(200 if body is not None else 404)
        body = body if body is not None else b"not found"
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve_pages(host: str, pages: dict[str, bytes]) -> Iterator[tuple[str, list[str]]]:
    """Serve `pages` (path -> HTML) as `host` through a proxy on 127.0.0.1; yields the proxy URL
    and the list of paths requested so far."""
    handler = type("Handler", (_PageProxy,), {"host": host, "pages": pages, "seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.seen
    finally:
        httpd.shutdown()
