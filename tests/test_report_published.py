"""`citydx report` on the published 2024 table reproduces every figure the report derives from it.

Expected values are worked out by hand from the CSV (the arithmetic is in the comments) and, where
a figure is a plain mean or count, recomputed here with the csv module as a second witness; the
code under test is never used to produce an expected value.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

from citydx.cli import main
from citydx.paths import PROJECT_ROOT
from citydx.registry import load_registry

# A copy of shared/reference/published_2024_scores.csv, so the tests run wherever the repository
# is cloned; test_fixture_is_the_published_table checks it against the reference when present.
PUBLISHED = Path(__file__).parent / "fixtures" / "report" / "published_2024_scores.csv"
REFERENCES = [PROJECT_ROOT.parent / "shared" / "reference" / PUBLISHED.name,
              Path("/work/shared/reference") / PUBLISHED.name]
PRIMARIES = {"digital_support": "数字化支撑力", "network_governance": "网络化共治力",
             "intelligent_leadership": "智能化引领力", "integrated_innovation": "一体化创新力"}



@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One run for the whole module: the output folder and what the command printed."""
    folder = tmp_path_factory.mktemp("report") / "out"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["report", "--scores", str(PUBLISHED), "--out", str(folder)]) == 0
    return folder, printed.getvalue()


@pytest.fixture(scope="module")
def out(run: tuple[Path, str]) -> Path:
    return run[0]


@pytest.fixture(scope="module")
def summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with PUBLISHED.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_fixture_is_the_published_table() -> None:
    references = [p for p in REFERENCES if p.exists()]
    if not references:
        pytest.skip("shared/reference is not beside this checkout")
    assert PUBLISHED.read_bytes() == references[0].read_bytes()


def test_city_count(summary: dict, rows: list) -> None:
    assert summary["cities"] == len(rows) == 104


# Column sums over the 104 rows (by hand, then checked with sum()):
#   digital_support 1490.3 / 104 = 14.3298 -> 14.33; rate 14.3298 / 30 = 47.77 %
#   network_governance 2049.0 / 104 = 19.7019 -> 19.70; rate / 30 = 65.67 %
#   intelligent_leadership 1149.3 / 104 = 11.0510 -> 11.05; rate / 20 = 55.25 %
#   integrated_innovation 1122.3 / 104 = 10.7913 -> 10.79; rate / 20 = 53.96 %
#   total 5810.9 / 104 = 55.8740 -> 55.87; rate / 100 = 55.87 %
AVERAGES = {"数字化支撑力": (1490.3, 14.33, 47.77), "网络化共治力": (2049.0, 19.70, 65.67),
            "智能化引领力": (1149.3, 11.05, 55.25), "一体化创新力": (1122.3, 10.79, 53.96),
            "总分": (5810.9, 55.87, 55.87)}


@pytest.mark.parametrize("name", list(AVERAGES))
def test_averages_and_score_rates(summary: dict, rows: list, name: str) -> None:
    column = {v: k for k, v in PRIMARIES.items()}.get(name, "total")
    column_sum, average, rate = AVERAGES[name]
    assert sum(float(r[column]) for r in rows) == pytest.approx(column_sum)
    assert summary["indicators"][name]["average"] == average
    assert summary["indicators"][name]["score_rate"] == rate


# Above / below the unrounded average, counted with a plain comparison over the column.
# 总分 by hand: rank 45 昆明 56.3 is the last above 55.874 and rank 46 芜湖 55.8 the first below,
# so 45 above and 104 - 45 = 59 below. 数字化支撑力: 45 above 14.3298, 59 below.
@pytest.mark.parametrize("name,column,above,below", [
    ("数字化支撑力", "digital_support", 45, 59), ("总分", "total", 45, 59),
    ("网络化共治力", "network_governance", 47, 57),
    ("智能化引领力", "intelligent_leadership", 48, 56),
    ("一体化创新力", "integrated_innovation", 51, 53),
])
def test_above_and_below_average(summary: dict, rows: list, name: str, column: str,
                                 above: int, below: int) -> None:
    values = [float(r[column]) for r in rows]
    mean = sum(values) / len(values)
    assert (sum(v > mean for v in values), sum(v < mean for v in values)) == (above, below)
    stats = summary["indicators"][name]
    assert (stats["above_average"], stats["below_average"]) == (above, below)


# Gaps: 数字化支撑力 北京 26.2 - 榆林 6.3 = 19.9; 总分 北京 85.7 - 榆林 34.8 = 50.9;
# 网络化共治力 上海 27.2 - 曲靖 12.8 = 14.4.
def test_max_min_gaps(summary: dict) -> None:
    assert summary["indicators"]["数字化支撑力"]["max_min_gap"] == 19.9
    assert summary["indicators"]["总分"]["max_min_gap"] == 50.9
    assert summary["indicators"]["网络化共治力"]["max_min_gap"] == 14.4


def test_top10_lists(summary: dict) -> None:
    top = summary["indicators"]["数字化支撑力"]["top10"]
    # 26.2 北京, 26.1 上海, 24.3 杭州, 22.9 深圳, 22.0 贵阳, 21.8 重庆, 20.7 苏州,
    # 20.6 广州 and 天津 (tied 8th), 20.4 温州 10th.
    assert [(t["rank"], t["city"], t["score"]) for t in top] == [
        (1, "北京", 26.2), (2, "上海", 26.1), (3, "杭州", 24.3), (4, "深圳", 22.9),
        (5, "贵阳", 22.0), (6, "重庆", 21.8), (7, "苏州", 20.7), (8, "广州", 20.6),
        (8, "天津", 20.6), (10, "温州", 20.4)]
    # 网络化共治力: 无锡 and 南京 tie at 24.7 for 10th, so the list holds 11 cities.
    governance = summary["indicators"]["网络化共治力"]["top10"]
    assert [(t["rank"], t["city"]) for t in governance[-2:]] == [(10, "无锡"), (10, "南京")]
    assert len(governance) == 11
    assert [t["city"] for t in summary["indicators"]["总分"]["top10"]] == [
        "北京", "上海", "杭州", "广州", "无锡", "深圳", "重庆", "宁波", "苏州", "天津"]


# Bands by counting ranks in the CSV: >= 80 ranks 1-3 (3); 70-80 ranks 4-15 (12);
# 60-70 ranks 16-27 (12); 50-60 ranks 28-73 (46, 上饶 50.1 last); 40-50 ranks 74-96 (23);
# < 40 ranks 97-104 (8). Shares: 3/104 = 2.88 %, 12/104 = 11.54 %, 46/104 = 44.23 %,
# 23/104 = 22.12 %, 8/104 = 7.69 %.
def test_bands(summary: dict) -> None:
    assert summary["bands"] == [
        {"lower": 80, "upper": None, "count": 3, "share": 2.88, "unsearched": 0},
        {"lower": 70, "upper": 80, "count": 12, "share": 11.54, "unsearched": 0},
        {"lower": 60, "upper": 70, "count": 12, "share": 11.54, "unsearched": 0},
        {"lower": 50, "upper": 60, "count": 46, "share": 44.23, "unsearched": 0},
        {"lower": 40, "upper": 50, "count": 23, "share": 22.12, "unsearched": 0},
        {"lower": None, "upper": 40, "count": 8, "share": 7.69, "unsearched": 0},
    ]


def test_province_tiers(summary: dict, rows: list) -> None:
    provinces = {p["province"]: p for p in summary["provinces"]}
    assert len(provinces) == 31  # 27 provinces and autonomous regions + 4 municipalities
    # 浙江: 杭州 82.6 + 宁波 73.4 + 温州 68.4 + 金华 63.6 + 台州 62.3 + 嘉兴 59.5 + 湖州 59.3
    # + 绍兴 58.8 = 527.9; 527.9 / 8 = 65.9875 -> 65.99 >= 65: tier 1.
    zhejiang = provinces["浙江"]
    assert (zhejiang["cities"], zhejiang["average"], zhejiang["tier"]) == (8, 65.99, 1)
    assert sorted(zhejiang["members"]) == sorted(
        ["杭州", "宁波", "温州", "金华", "台州", "嘉兴", "湖州", "绍兴"])
    # 江苏: 13 cities, 779.9 / 13 = 59.99 -> tier 2; 河北: 299.5 / 6 = 49.92 -> tier 3
    # (just under 50); 安徽: 217.5 / 4 = 54.375 -> 54.38 (half-up) tier 2.
    assert (provinces["江苏"]["cities"], provinces["江苏"]["average"]) == (13, 59.99)
    assert (provinces["河北"]["average"], provinces["河北"]["tier"]) == (49.92, 3)
    assert provinces["安徽"]["average"] == 54.38
    tiers: dict[int, set[str]] = {}
    for name, p in provinces.items():
        tiers.setdefault(p["tier"], set()).add(name)
    assert tiers[1] == {"北京", "上海", "重庆", "天津", "浙江"}
    assert tiers[3] == {"河北", "湖南", "河南", "陕西", "云南", "甘肃", "青海", "海南"}
    assert tiers[4] == {"新疆", "西藏"}  # 乌鲁木齐 38.0, 拉萨 35.2
    assert len(tiers[2]) == 31 - 5 - 8 - 2
    registry = load_registry()
    for name, p in provinces.items():
        totals = [float(r["total"]) for r in rows if registry.get(r["city"]).province == name]
        assert p["average"] == pytest.approx(sum(totals) / len(totals), abs=0.00501)


def test_capitals(summary: dict) -> None:
    # 27 capitals of kind 'capital' (municipalities excluded); their totals sum to 1588.8;
    # 1588.8 / 27 = 58.844 -> 58.84, 2.97 above the 55.87 national average.
    capitals = summary["capitals"]
    assert (capitals["count"], capitals["average"]) == (27, 58.84)
    assert capitals["national_average"] == 55.87
    assert capitals["difference"] == 2.97
    assert "北京" not in capitals["members"] and "杭州" in capitals["members"]


def test_shared_ranks(summary: dict, rows: list) -> None:
    ranking = summary["ranking"]
    by_rank: dict[int, list[str]] = {}
    for entry in ranking:
        by_rank.setdefault(entry["rank"], []).append(entry["city"])
    assert by_rank[22] == ["郑州", "金华"]  # both 63.6
    assert 23 not in by_rank and by_rank[24] == ["长沙"]
    assert by_rank[31] == ["西安", "珠海", "南宁"]  # all 58.9
    assert by_rank[56] == ["济宁", "赣州", "临沂", "太原"]  # all 54.0
    assert 57 not in by_rank and by_rank[60] == ["长春"]
    # The table's own rank column agrees with the shared ranks for every city.
    assert {e["city"]: e["rank"] for e in ranking} == {r["city"]: int(r["rank"]) for r in rows}
    first = ranking[0]
    assert first == {"rank": 1, "city": "北京", "province": "北京", "total": 85.7,
                     "数字化支撑力": 26.2, "网络化共治力": 25.2, "智能化引领力": 17.2,
                     "一体化创新力": 17.1, "unsearched": False}
    assert "flagged" not in summary  # a CSV carries no searched flag


def test_report_text_against_the_table(summary: dict) -> None:
    """The report's text (methodology.md section 4) next to what its table gives.

    Where the text and the table disagree, citydx follows the table and this test says so.
    - "the four municipalities count as provinces, 31 in all": the table gives 31. Agrees.
    - "provincial capitals (27)": the table gives 27. Agrees.
    - "ties share a rank": the rank column has 22, 22, 24 ... Agrees (test_shared_ranks).
    - Year on year, "2023 average 58.68": not derivable from the 2024 table; against it the
      2024 average 55.87 is 2.81 lower (58.68 - 55.87 = 2.81).
    - "5 cities above 80 in 2023; none below 40 in 2023": the 2024 table has 3 cities at or
      above 80 (北京 85.7, 上海 85.5, 杭州 82.6) and 8 below 40 (岳阳 39.9 ... 榆林 34.8):
      a text that carried the 2023 counts over to 2024 would disagree with the table; the
      table's 3 and 8 are what citydx reports.
    """
    assert len(summary["provinces"]) == 31
    assert summary["capitals"]["count"] == 27
    assert round(58.68 - summary["indicators"]["总分"]["average"], 2) == 2.81
    assert summary["bands"][0]["count"] == 3  # not the 2023 text's 5
    assert summary["bands"][-1]["count"] == 8  # not the 2023 text's none


def test_progress_lists_written_files(run: tuple[Path, str]) -> None:
    folder, output = run
    printed = output.splitlines()
    assert printed[0] == f"报告 report: 104 个城市 cities from {PUBLISHED}"
    written = [line.removeprefix("已写入 written: ") for line in printed
               if line.startswith("已写入 written: ")]
    assert sorted(Path(p).name for p in written) == sorted(p.name for p in folder.iterdir())
    assert len(written) == 8  # summary.json, report.xlsx, bands, 4 x top 10, provinces
