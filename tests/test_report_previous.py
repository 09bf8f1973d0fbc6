"""`citydx report --previous`: year-on-year change per city, with cities of one year only listed.

Inputs: fixtures/report/small_scores.csv (this year) and previous_scores.csv (hand-made).
This year: 杭州 80, 宁波 70, 北京 70, 郑州 45, 拉萨 35 -> ranks 1, 2, 2, 4, 5;
average 300 / 5 = 60.
Previous: 北京 80, 杭州 70, 郑州 50, 南京 40, 克拉玛依 30 -> ranks 1-5; average 270 / 5 = 54.
克拉玛依 is not in the registry: a previous year may have assessed other cities, so it is kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from citydx.cli import main

HERE = Path(__file__).parent / "fixtures" / "report"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "out"
    assert main(["report", "--scores", str(HERE / "small_scores.csv"),
                 "--previous", str(HERE / "previous_scores.csv"), "--out", str(folder)]) == 0
    return folder


def test_year_on_year_per_city(out: Path) -> None:
    yoy = json.loads((out / "summary.json").read_text(encoding="utf-8"))["year_on_year"]
    # 杭州 80 - 70 = +10, rank 2 -> 1 (+1); 北京 70 - 80 = -10, rank 1 -> 2 (-1);
    # 郑州 45 - 50 = -5, rank 3 -> 4 (-1). Listed in this year's rank order.
    assert yoy["cities"] == [
        {"city": "杭州", "total": 80, "previous_total": 70, "change": 10, "rank": 1,
         "previous_rank": 2, "rank_change": 1},
        {"city": "北京", "total": 70, "previous_total": 80, "change": -10, "rank": 2,
         "previous_rank": 1, "rank_change": -1},
        {"city": "郑州", "total": 45, "previous_total": 50, "change": -5, "rank": 4,
         "previous_rank": 3, "rank_change": -1},
    ]
    assert yoy["only_current"] == ["宁波", "拉萨"]
    assert yoy["only_previous"] == ["南京", "克拉玛依"]


def test_year_on_year_averages_and_bands(out: Path) -> None:
    yoy = json.loads((out / "summary.json").read_text(encoding="utf-8"))["year_on_year"]
    # Each year's own average: 60 now, 54 before (270 / 5), change +6.
    assert (yoy["average"], yoy["previous_average"], yoy["average_change"]) == (60, 54, 6)
    assert yoy["previous_cities"] == 5
    # Previous bands: 80 (>= 80), 70 (70-80), none in 60-70, 50 (50-60), 40 (40-50), 30 (< 40).
    assert [b["count"] for b in yoy["previous_bands"]] == [1, 1, 0, 1, 1, 1]
    assert [b["share"] for b in yoy["previous_bands"]] == [20, 20, 0, 20, 20, 20]


def test_year_on_year_sheet(out: Path) -> None:
    sheet = load_workbook(out / "report.xlsx")["同比变化"]
    assert [c.value for c in sheet[1]] == ["城市", "本年总分", "上年总分", "总分变化", "本年排名",
                                           "上年排名", "名次变化(+为上升)", "备注"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("杭州", 80, 70, 10, 1, 2, 1, None)
    assert rows[3][0] == "宁波" and rows[3][7] == "上年未参评 not in the previous year"
    assert rows[5][0] == "南京" and rows[5][7] == "本年未参评 not in this year"
    assert rows[-1][:4] == ("平均分", 60, 54, 6)
    assert sheet.freeze_panes == "A2"


def test_no_previous_means_no_year_on_year(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert main(["report", "--scores", str(HERE / "small_scores.csv"), "--out", str(folder)]) == 0
    assert "year_on_year" not in json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert "同比变化" not in load_workbook(folder / "report.xlsx").sheetnames
