"""`citydx status`: last run, one character per night per source, size and counts."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from crawl_support import ROOT, env

from db import open_db
from pipeline.health import source_grid

URL = "http://www.hangzhou.gov.cn/col/col1/index.html"


def seed(path, today: dt.date):
    db = open_db(path)
    db["cities"].insert({"name": "杭州", "province": "浙江", "kind": "capital"})
    db["sources"].insert({"id": 1, "city": "杭州", "url": URL})
    # Nights ago -> statuses; two runs 2 nights ago: the later (broken) one counts.
    for ago, status in ((13, "ok"), (5, "ok"), (2, "ok"), (2, "broken"), (1, "blocked"),
                        (0, "empty"), (20, "ok")):
        day = (today - dt.timedelta(days=ago)).isoformat()
        run = db["crawl_runs"].insert({"started_at": f"{day}T02:30:00+00:00",
                                       "status": "finished"}).last_pk
        db["source_runs"].insert({"run_id": run, "source_id": 1, "status": status})
    return db


def test_grid_has_one_mark_per_night_oldest_first(tmp_path):
    today = dt.date(2026, 11, 26)
    db = seed(tmp_path / "s.db", today)
    rows = source_grid(db, today, 14)
    # 14 nights: 13 ago ok, 12..6 none, 5 ok, 4..3 none, 2 broken (last of two), 1 blocked,
    # today empty; the run 20 nights ago is outside the window.
    assert rows == [{"city": "杭州", "url": URL, "grid": "●·······●··XB○",
                     "last": "empty"}]


def test_status_command_prints_run_grid_and_counts(tmp_path):
    today = dt.datetime.now(dt.UTC).date()
    db = seed(tmp_path / "s.db", today)
    db["documents"].insert({"id": 1, "city": "杭州", "url": "http://www.hangzhou.gov.cn/a"})
    for status in ("pending", "pending", "accepted"):
        db["evidence"].insert({"document_id": 1, "city": "杭州", "indicator": "智慧应急",
                               "level": "built", "status": "built", "snippet": "x",
                               "rule_id": "r", "rules_version": "v", "start_offset": None,
                               "review_status": status})
    db["pipeline_runs"].insert({"started_at": "2026-11-26T02:30:00+00:00",
                                "finished_at": "2026-11-26T02:40:00+00:00", "status": "failed",
                                "exit_code": 1, "out_dir": "out/runs/x"})
    db.close()
    done = subprocess.run([sys.executable, "-m", "citydx.cli", "status", "--db",
                           str(tmp_path / "s.db")], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env=env())
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ("最近运行 last run #1: 2026-11-26T02:30:00+00:00 → "
                        "2026-11-26T02:40:00+00:00, 有失败 failures (exit 1), out/runs/x")
    assert f"  ●·······●··XB○  杭州 {URL}" in lines
    assert "证据 evidence: 3 (accepted 1, pending 2); 人工改分 active overrides: 0" in lines


def test_status_of_a_missing_database_is_one_line(tmp_path):
    missing = tmp_path / "none.db"
    done = subprocess.run([sys.executable, "-m", "citydx.cli", "status", "--db", str(missing)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, env=env())
    assert (done.returncode, done.stderr.strip()) == (2, (
        f"错误 error: 数据库不存在 database {missing} does not exist: run `citydx init` or "
        "`citydx run` first, or pass --db"))
