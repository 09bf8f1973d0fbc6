"""The workbook and the charts of `citydx report`, opened as a reader would open them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook

from citydx.cli import main
from citydx.indicators import load_indicator_tree
from citydx.registry import load_registry
from scoring import report_charts
from scoring.report_build import build_report
from scoring.report_input import read_scores_csv

HERE = Path(__file__).parent / "fixtures" / "report"
SMALL = HERE / "small_scores.csv"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "out"
    assert main(["report", "--scores", str(SMALL), "--out", str(folder)]) == 0
    return folder


def test_workbook_sheets_and_headers(out: Path) -> None:
    book = load_workbook(out / "report.xlsx")
    assert book.sheetnames == ["排名", "指标统计", "前十名", "分数段", "省份梯队", "省会城市"]
    ranking = book["排名"]
    assert [c.value for c in ranking[1]] == [
        "排名", "城市", "省份", "总分", "数字化支撑力", "网络化共治力", "智能化引领力",
        "一体化创新力", "未检索指标"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.bold, sheet.title
    # small_scores.csv: 杭州 80.0 first, then 宁波 and 北京 tied on 70.0 (input order kept).
    assert [[c.value for c in row] for row in ranking.iter_rows(min_row=2, max_row=4)] == [
        [1, "杭州", "浙江", 80, 25, 25, 15, 15, None],
        [2, "宁波", "浙江", 70, 20, 20, 15, 15, None],
        [2, "北京", "北京", 70, 25, 20, 10, 15, None],
    ]
    assert ranking["D2"].number_format == "0.00"  # 80.0 shows as 80.00, like every score
    # The city column is wide enough for its longest name plus padding, not Excel's default.
    assert ranking.column_dimensions["B"].width >= 8


def test_workbook_tables(out: Path) -> None:
    book = load_workbook(out / "report.xlsx")
    stats = {row[0]: row for row in book["指标统计"].iter_rows(min_row=2, values_only=True)}
    # 总分: (80 + 70 + 70 + 45 + 35) / 5 = 300 / 5 = 60.0; rate 60 %; above: 80, 70, 70 (3);
    # below: 45, 35 (2); gap 80 - 35 = 45.
    assert stats["总分"] == ("总分", 100, 60, 60, 3, 2, 80, 35, 45)
    bands = list(book["分数段"].iter_rows(min_row=2, values_only=True))
    # >= 80: 杭州; 70-80: 宁波 北京; 40-50: 郑州 45; < 40: 拉萨 35. Shares of 5 cities.
    assert bands == [("≥80", 1, 20, 0), ("70–80", 2, 40, 0), ("60–70", 0, 0, 0),
                     ("50–60", 0, 0, 0), ("40–50", 1, 20, 0), ("<40", 1, 20, 0)]
    provinces = list(book["省份梯队"].iter_rows(min_row=2, values_only=True))
    # 浙江 (80 + 70) / 2 = 75 tier 1; 北京 70 tier 1; 河南 45 tier 3; 西藏 35 tier 4.
    assert provinces == [("浙江", 2, 75, "第一梯队（≥65）", "杭州、宁波", 0),
                         ("北京", 1, 70, "第一梯队（≥65）", "北京", 0),
                         ("河南", 1, 45, "第三梯队（≥40）", "郑州", 0),
                         ("西藏", 1, 35, "第四梯队（<40）", "拉萨", 0)]
    capitals = list(book["省会城市"].iter_rows(min_row=2, values_only=True))
    # Capitals: 杭州 80, 郑州 45, 拉萨 35 -> 3 cities, 160 / 3 = 53.33.
    assert [row[1] for row in capitals[:3]] == ["杭州", "郑州", "拉萨"]
    assert (None, "省会城市平均分", None, 53.33) in capitals


def test_pngs_are_real_charts(out: Path) -> None:
    names = ["chart_bands.png", "chart_provinces.png", "chart_top10_digital_support.png",
             "chart_top10_network_governance.png", "chart_top10_intelligent_leadership.png",
             "chart_top10_integrated_innovation.png"]
    for name in names:
        data = (out / name).read_bytes()
        assert data[:8] == PNG_MAGIC, name
        assert len(data) > 15_000, name  # an empty 8 x 4.8 inch canvas is far smaller


def test_charts_render_every_chinese_glyph() -> None:
    """matplotlib warns 'Glyph ... missing from font' when it must draw a box instead."""
    tree, registry = load_indicator_tree(), load_registry()
    table = read_scores_csv(SMALL, tree, registry)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        files = build_report(table, tree, registry, (80, 70, 60, 50, 40), (65, 50, 40),
                             year=2024)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []
    assert len([n for n in files if n.endswith(".png")]) == 6


def test_no_chinese_font_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture) -> None:
    from matplotlib import font_manager

    report_charts.cjk_font.cache_clear()
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    try:
        code = main(["report", "--scores", str(SMALL), "--out", str(tmp_path / "o")])
    finally:
        report_charts.cjk_font.cache_clear()
    assert code == 2
    assert capsys.readouterr().err == (
        "错误 error: 没有可显示中文的字体 no font with Chinese glyphs found: install one with "
        "`bash scripts/system-packages` (Debian package fonts-wqy-microhei)\n")
    assert not (tmp_path / "o").exists()
