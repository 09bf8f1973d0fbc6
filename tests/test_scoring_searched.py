"""Zeros that say whether anyone looked: searched_nothing_found vs not_searched, and the flag.

城市运行平台 (weight 3): unified_platform 3 points.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from scoring_support import TREE, add_evidence, make_db, mark_searched, run_scoring, score_of

from scoring.results import city_totals

OPS = "城市运行平台"
N = len(TREE.tertiaries)  # 31


@pytest.fixture
def db(tmp_path: Path):
    db = make_db(tmp_path / "t.db")
    mark_searched(db, "杭州", "ok")
    mark_searched(db, "宁波", "empty", finished_at="2024-01-05T09:00:00+00:00")
    mark_searched(db, "北京", "blocked")
    add_evidence(db, "杭州", OPS, "unified_platform")
    add_evidence(db, "北京", OPS, "unified_platform")
    return db


def results(db, run_id: int) -> dict[str, tuple[float, int, int]]:
    return {c: (t, s, n) for c, t, s, n in db.conn.execute(
        "SELECT city, total, searched, not_searched_indicators FROM city_results "
        "WHERE scoring_run_id = ?", [run_id])}


def test_zero_reasons_and_flags(db) -> None:
    run_id, run = run_scoring(db)
    assert score_of(run, "杭州", "智慧应急").reason == "searched_nothing_found"
    assert score_of(run, "宁波", "智慧应急").reason == "searched_nothing_found"
    # 北京's only crawl was blocked, 广州 was never crawled
    assert score_of(run, "北京", "智慧应急").reason == "not_searched"
    assert score_of(run, "北京", OPS).reason == "evidence"
    assert score_of(run, "广州", OPS).reason == "not_searched"
    # 北京: 31 - 1 indicator with evidence = 30 not searched; 广州: all 31
    assert results(db, run_id) == {"杭州": (3.0, 1, 0), "宁波": (0.0, 1, 0),
                                   "北京": (3.0, 0, N - 1), "广州": (0.0, 0, N)}


def test_flagged_cities_are_not_ranked(db) -> None:
    run_id, _ = run_scoring(db)
    rows = [(r["rank"], r["city"], r["total"], r["searched"]) for r in city_totals(db, run_id)]
    # 北京 has 3.0 like 杭州 but is flagged: it follows the ranked cities without a rank
    assert rows == [(1, "杭州", 3.0, True), (2, "宁波", 0.0, True),
                    (None, "北京", 3.0, False), (None, "广州", 0.0, False)]


def test_searched_since_ignores_older_crawls(db) -> None:
    run_id, run = run_scoring(db, searched_since=dt.date(2024, 6, 1))
    # 宁波's crawl finished 2024-01-05, before 2024-06-01: now not searched
    assert score_of(run, "宁波", "智慧应急").reason == "not_searched"
    assert score_of(run, "杭州", "智慧应急").reason == "searched_nothing_found"
    assert results(db, run_id)["宁波"] == (0.0, 0, N)
