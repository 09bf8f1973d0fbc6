"""`citydx serve` as a user starts it, and `citydx export sheets` recording the export the
review queue compares against."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from audit.exports import last_export
from citydx.cli import main
from db import open_db
from tests.audit_support import prepare

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def audit_db(tmp_path, monkeypatch):
    return prepare(tmp_path, monkeypatch)


def test_serve_starts_and_answers(audit_db):
    env = {**os.environ, "CITYDX_SECRET": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "citydx.cli", "serve", "--db", str(audit_db.path), "--port", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{found.group(1)}/",
                                            timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert "<h1>城市排名</h1>" in page
        assert 'data-city="杭州"' in page
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def test_export_sheets_is_recorded_for_the_queue(audit_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("USER", "王五")
    code = main(["export", "sheets", "--db", str(audit_db.path), "--out", str(tmp_path / "out"),
                 "--city", "杭州"])
    assert code == 0, capsys.readouterr().err
    db = open_db(audit_db.path)
    export = last_export(db)
    db.conn.close()
    # The database holds one scoring run (#1), exported by $USER.
    assert (export["run_id"], export["actor"]) == (1, "王五")
