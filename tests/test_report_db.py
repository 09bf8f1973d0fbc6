"""`citydx report` from the database: the latest scoring run, with unsearched cities flagged.

Rows are inserted into scoring_runs, aggregate_scores and city_results directly, as the scoring
stage stores them (tier 'primary' rows named after the primary, tier 'total' named 总分).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from citydx.cli import main
from citydx.registry import load_registry
from db import open_db
from db.cities import sync_cities

PRIMARIES = ("数字化支撑力", "网络化共治力", "智能化引领力", "一体化创新力")
# Latest run: city -> (primaries, total, searched). 北京 has unsearched indicators.
LATEST = {
    "杭州": ((25, 25, 15, 15), 80, 1),
    "宁波": ((20, 20, 15, 15), 70, 1),
    "北京": ((25, 20, 10, 15), 70, 0),
    "郑州": ((15, 15, 8, 7), 45, 1),
    "拉萨": ((10, 10, 8, 7), 35, 1),
}
# An older run with other numbers: the report must not read it.
OLDER = {"杭州": ((5, 5, 5, 5), 20, 1), "北京": ((6, 6, 6, 6), 24, 1)}


def insert_run(db, run_id: int, computed_at: str, scores: dict) -> None:
    db.execute("INSERT INTO scoring_runs (id, as_of, computed_at) VALUES (?, ?, ?)",
               [run_id, "2024-11-30", computed_at])
    for city, (parts, total, searched) in scores.items():
        for name, points in zip(PRIMARIES, parts, strict=True):
            db.execute("INSERT INTO aggregate_scores VALUES (?, ?, 'primary', ?, ?)",
                       [run_id, city, name, points])
        db.execute("INSERT INTO aggregate_scores VALUES (?, ?, 'total', '总分', ?)",
                   [run_id, city, total])
        db.execute("INSERT INTO city_results VALUES (?, ?, ?, ?, ?)",
                   [run_id, city, total, searched, 0 if searched else 3])


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "citydx.db"
    db = open_db(path)
    sync_cities(db, load_registry())
    # A city outside the assessment, scored by the engine but not part of the report.
    db.execute("INSERT INTO cities (name, province, kind, assessed, portal) "
               "VALUES ('测试市', '测试省', 'prefecture', 0, 'www.example.gov.cn')")
    with db.atomic():
        insert_run(db, 1, "2024-12-01T08:00:00+00:00", OLDER)
        insert_run(db, 2, "2024-12-02T08:00:00+00:00", {**LATEST, "测试市": ((1, 1, 1, 1), 4, 1)})
    db.conn.close()
    return path


def test_latest_run_with_flagged_city(db_path: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["report", "--db", str(db_path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"报告 report: 5 个城市 cities from {db_path} (scoring run 2); "
                              "1 个城市含未检索指标 flagged unsearched\n")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["cities"] == 5  # 测试市 is not assessed
    assert summary["flagged"] == ["北京"]
    # Searched cities ranked 80, 70, 45, 35; 北京 follows unranked and marked.
    assert [(e["rank"], e["city"], e["unsearched"]) for e in summary["ranking"]] == [
        (1, "杭州", False), (2, "宁波", False), (3, "郑州", False), (4, "拉萨", False),
        (None, "北京", True)]
    assert [t["city"] for t in summary["indicators"]["总分"]["top10"]] == [
        "杭州", "宁波", "郑州", "拉萨"]
    # Averages still count 北京: (80 + 70 + 70 + 45 + 35) / 5 = 60.
    assert summary["indicators"]["总分"]["average"] == 60
    # 数字化支撑力: (25 + 20 + 25 + 15 + 10) / 5 = 19; rate 19 / 30 = 63.33 %.
    assert summary["indicators"]["数字化支撑力"]["average"] == 19
    assert summary["indicators"]["数字化支撑力"]["score_rate"] == 63.33
    band = summary["bands"][1]  # 70-80 holds 宁波 and 北京
    assert (band["lower"], band["count"], band["unsearched"]) == (70, 2, 1)
    beijing = next(p for p in summary["provinces"] if p["province"] == "北京")
    assert (beijing["average"], beijing["tier"], beijing["unsearched"]) == (70, 1, 1)


def test_flagged_city_marked_in_ranking_sheet(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", "--db", str(db_path), "--out", str(out)]) == 0
    rows = list(load_workbook(out / "report.xlsx")["排名"].iter_rows(min_row=2, values_only=True))
    assert rows[-1] == ("不排名", "北京", "北京", 70, 25, 20, 10, 15, "是")
    assert all(row[-1] is None for row in rows[:-1])


def test_incomplete_run_is_one_clear_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "citydx.db"
    db = open_db(path)
    sync_cities(db, load_registry())
    with db.atomic():
        insert_run(db, 1, "2024-12-01T08:00:00+00:00", LATEST)
        db.execute("DELETE FROM aggregate_scores WHERE city = ? AND indicator = ?",
                   ["郑州", "智能化引领力"])
    db.conn.close()
    out = tmp_path / "out"
    assert main(["report", "--db", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: {path}: 评分结果不完整 scoring run 1 has no '智能化引领力' score for 郑州: "
        "run `citydx score` again\n")
    assert not out.exists()


def test_run_where_no_city_was_searched(tmp_path: Path) -> None:
    """A fresh database scored before any crawl: every city is flagged, none is ranked, and the
    report is still written (top-10 lists empty, the charts say so)."""
    path = tmp_path / "citydx.db"
    db = open_db(path)
    sync_cities(db, load_registry())
    with db.atomic():
        insert_run(db, 1, "2024-12-01T08:00:00+00:00",
                   {city: (parts, total, 0) for city, (parts, total, _) in LATEST.items()})
    db.conn.close()
    out = tmp_path / "out"
    assert main(["report", "--db", str(path), "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["flagged"] == sorted(LATEST)  # in name order, as the run is read
    assert all(e["rank"] is None for e in summary["ranking"])
    assert all(s["top10"] == [] for s in summary["indicators"].values())
    assert (out / "chart_top10_digital_support.png").stat().st_size > 10_000
