"""`citydx export sheets`: rows, formulas (as strings and evaluated), validation, links, frozen
header, print set-up, the 未检索 flag, the combined workbook and the verb. Numbers: see
sheets_support.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from scoring_support import TREE, isolated_rules
from sheets_support import (
    INNOVATION,
    MEASURES_URL,
    OPERATION,
    OPS,
    OPS_URL,
    ROW,
    SECURITY,
    evaluate,
    scored_db,
)

from citydx.cli import main
from citydx.commands.common import open_project_db
from scoring.sheets_export import export_sheets
from scoring.sheets_layout import FORMAT, META_SHEET

HEADERS = ["一级指标", "二级指标", "三级指标", "权重(满分)", "建议等级", "建议得分", "证据数",
           "最佳证据摘录", "文件标题", "链接", "审核状态", "评审得分", "备注(理由)", "采用得分"]


@pytest.fixture
def db(tmp_path: Path):
    return scored_db(tmp_path / "t.db")


@pytest.fixture
def book(db, tmp_path: Path):
    export_sheets(db, tmp_path / "out", cities=["杭州"])
    return load_workbook(tmp_path / "out" / "杭州.xlsx")


def values(ws, row: int) -> list:
    return [c.value for c in ws[row]]


def test_one_file_per_city_with_a_very_hidden_meta_sheet(db, tmp_path: Path) -> None:
    written = export_sheets(db, tmp_path / "out")
    assert sorted(p.name for p in written) == ["北京.xlsx", "宁波.xlsx", "广州.xlsx", "杭州.xlsx"]
    book = load_workbook(tmp_path / "out" / "杭州.xlsx")
    assert book.sheetnames == ["杭州", META_SHEET]
    assert book[META_SHEET].sheet_state == "veryHidden"
    meta = book[META_SHEET]
    assert [meta.cell(i, 1).value for i in range(1, 7)] == [
        "format", "scoring_run_id", "rules_version", "as_of", "exported_at", "checksum"]
    assert (meta["B1"].value, meta["B2"].value, meta["B3"].value, meta["B4"].value) == (
        FORMAT, 1, TREE.version, "2024-11-30")


def test_heading_header_and_tree_rows(book) -> None:
    ws = book["杭州"]
    assert ws["B2"].value == "杭州" and ws["D2"].value == "浙江"
    assert ws["B3"].value == "#1"
    assert ws["A4"].value == "已检索 searched"
    assert values(ws, 5) == HEADERS
    # 4 primary + 11 secondary + 31 tertiary rows from row 6, then the total on row 52
    assert ws.max_row == 52
    tertiary = [r for r in range(6, 52) if ws.cell(r, 3).value not in ("小计 subtotal", None)]
    assert [ws.cell(r, 3).value for r in tertiary] == [t.name for t in TREE.tertiaries]
    assert values(ws, ROW["网络化共治力"])[:4] == ["网络化共治力", "小计 subtotal", None, 30]
    assert values(ws, ROW["大平台"])[:4] == ["网络化共治力", "大平台", "小计 subtotal", 6]
    assert values(ws, ROW["total"])[:4] == [None, None, "总分 total", 100]


def test_tertiary_rows_show_suggestion_best_evidence_and_status(book) -> None:
    ws = book["杭州"]
    assert values(ws, ROW[OPS]) == [
        "网络化共治力", "大平台", OPS, 3, TREE.tertiary(OPS).level("city_brain").label, 2, 1,
        "杭州城市大脑已建成并上线运行", "杭州市城市大脑建设方案", OPS_URL, "已确认 1", None, None,
        f'=IF(L{ROW[OPS]}="",F{ROW[OPS]},L{ROW[OPS]})']
    # province evidence: 2.5 x 0.5 = 1.25, no document
    assert values(ws, ROW[SECURITY])[3:11] == [
        3, TREE.tertiary(SECURITY).level("classification_policy").label, 1.25, 1,
        "杭州数据安全保护classification_policy", None, None, "待审核 1"]
    # two rows linked; the measures (2.5) outranks the platform (2.0) as best evidence
    assert values(ws, ROW[OPERATION])[4:11] == [
        TREE.tertiary(OPERATION).level("measures_and_platform").label, 4, 2,
        "印发公共数据授权运营管理办法", "杭州市公共数据授权运营管理办法", MEASURES_URL, "待审核 2"]
    # an active override: the evidence's 3 suggested, the override's 4 and reason pre-filled
    assert values(ws, ROW[INNOVATION])[5:13] == [
        3, 1, "杭州基层创新national_award", None, None, "人工改分 overridden", 4,
        "国家级和国际奖项"]
    assert values(ws, ROW["城市基础共性平台"])[4:13] == [
        None, 0, 0, None, None, None, "无证据 no evidence", None, None]


def test_links_are_hyperlinks(book) -> None:
    ws = book["杭州"]
    assert ws[f"J{ROW[OPS]}"].hyperlink.target == OPS_URL
    assert ws[f"J{ROW[OPERATION]}"].hyperlink.target == MEASURES_URL
    assert ws[f"J{ROW[SECURITY]}"].hyperlink is None


def test_subtotal_formulas(book) -> None:
    ws = book["杭州"]
    for col in "FN":
        assert ws[f"{col}7"].value == f"=SUM({col}8:{col}11)"
        assert ws[f"{col}18"].value == f"=SUM({col}19:{col}20)"
        assert ws[f"{col}17"].value == f"=SUM({col}18,{col}21,{col}24,{col}29)"
        assert ws[f"{col}44"].value == f"=SUM({col}45,{col}49)"
        assert ws[f"{col}52"].value == f"=SUM({col}6,{col}17,{col}33,{col}44)"


def test_formulas_evaluate_to_the_stored_scores_and_prefer_the_assessor(book, db) -> None:
    # adopted: 网络化共治力 2 + 1.25 = 3.25; 一体化创新力 4 + 4 (override) = 8; total 11.25,
    # as stored; suggested (evidence only) 一体化创新力 4 + 3 = 7, total 10.25
    assert evaluate(book, "杭州", "N17") == 3.25
    assert (evaluate(book, "杭州", "N44"), evaluate(book, "杭州", "F44")) == (8, 7)
    assert (evaluate(book, "杭州", "N52"), evaluate(book, "杭州", "F52")) == (11.25, 10.25)
    assert db.conn.execute("SELECT total FROM city_results WHERE city = '杭州'").fetchone() == (
        11.25,)
    ws = book["杭州"]
    ws[f"L{ROW[OPS]}"] = 3      # 2 -> 3
    ws[f"L{ROW['算力基础设施']}"] = 0.5  # 0 -> 0.5
    # adopted: 11.25 + 1 + 0.5 = 12.75; suggested stays 10.25
    assert evaluate(book, "杭州", "N52") == 12.75
    assert evaluate(book, "杭州", "F52") == 10.25
    assert evaluate(book, "杭州", "N7") == 0.5


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_recalculates_the_same_totals(book, tmp_path: Path) -> None:
    ws = book["杭州"]
    ws[f"L{ROW[OPS]}"] = 3
    source = tmp_path / "edited.xlsx"
    book.save(source)
    out = tmp_path / "calc"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    calc = load_workbook(out / "edited.xlsx", data_only=True)["杭州"]
    # 11.25 + (3 - 2) = 12.25 adopted; 10.25 suggested; 网络化共治力 3 + 1.25 = 4.25
    assert (calc["N52"].value, calc["F52"].value, calc["N17"].value) == (12.25, 10.25, 4.25)


def test_assessor_column_validation(book) -> None:
    ws = book["杭州"]
    rules = {}
    for dv in ws.data_validations.dataValidation:
        assert (dv.type, dv.operator, dv.formula1, dv.allow_blank) == (
            "decimal", "between", "0", True)
        for cell in str(dv.sqref).split():
            rules[cell] = float(dv.formula2)
    tertiary_rows = [r for r in range(6, 52) if ws.cell(r, 3).value in
                     {t.name for t in TREE.tertiaries}]
    assert rules == {f"L{r}": TREE.tertiary(ws.cell(r, 3).value).weight for r in tertiary_rows}
    assert (rules[f"L{ROW[OPS]}"], rules[f"L{ROW[OPERATION]}"], rules["L51"]) == (3, 4, 5)


def test_frozen_header_widths_and_a4_landscape(book) -> None:
    ws = book["杭州"]
    assert ws.freeze_panes == "D6"
    assert ws.column_dimensions["H"].width == 50 and ws.column_dimensions["C"].width == 20
    assert (ws.page_setup.orientation, int(ws.page_setup.paperSize)) == ("landscape", 9)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$5"
    assert ws.print_area == "'杭州'!$A$1:$N$52"


def test_a_city_not_searched_says_so(db, tmp_path: Path) -> None:
    export_sheets(db, tmp_path / "out", cities=["宁波"])
    ws = load_workbook(tmp_path / "out" / "宁波.xlsx")["宁波"]
    assert ws["A4"].value.startswith("未检索 NOT SEARCHED：")
    assert ws[f"K{ROW['城市基础共性平台']}"].value == "未检索 not searched"
    assert evaluate(ws.parent, "宁波", "N52") == 3


def test_combined_workbook_has_a_summary_linked_to_each_sheet(db, tmp_path: Path) -> None:
    written = export_sheets(db, tmp_path / "out", combined=True)
    assert [p.name for p in written] == ["评分表汇总.xlsx"]
    book = load_workbook(written[0])
    # ranked 杭州 first, then the unranked 未检索 cities by total, then name: 宁波 3, 北京 0, 广州 0
    assert book.sheetnames == ["汇总", "杭州", "宁波", "北京", "广州", META_SHEET]
    summary = book["汇总"]
    assert values(summary, 1) == ["排名", "城市", "省份", "检索情况", "本批次总分", "采用总分",
                                  "数字化支撑力(采用)", "网络化共治力(采用)", "智能化引领力(采用)",
                                  "一体化创新力(采用)"]
    assert values(summary, 2)[:6] == [1, "杭州", "浙江", "已检索", 11.25, "='杭州'!N52"]
    assert values(summary, 3)[:6] == ["不排名", "宁波", "浙江", "未检索", 3, "='宁波'!N52"]
    assert values(summary, 2)[6:] == ["='杭州'!N6", "='杭州'!N17", "='杭州'!N33", "='杭州'!N44"]
    assert [evaluate(book, "汇总", f"F{r}") for r in (2, 3, 4, 5)] == [11.25, 3, 0, 0]
    assert evaluate(book, "汇总", "J2") == 8
    assert summary.freeze_panes == "A2"
    rows = load_workbook(written[0])[META_SHEET]
    assert {rows.cell(r, 1).value for r in range(9, 9 + 4 * 31)} == {"杭州", "北京", "宁波",
                                                                     "广州"}


def test_export_verb(tmp_path: Path, monkeypatch, capsys) -> None:
    isolated_rules(tmp_path, monkeypatch)
    path = tmp_path / "cli.db"
    out = tmp_path / "sheets"
    assert main(["export", "sheets", "--db", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: {path} 中没有评分结果 has no scoring run: run `citydx score` first\n")
    assert main(["score", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["export", "sheets", "--db", str(path), "--city", "杭州", "--city", "宁波",
                 "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert sorted(printed[:2]) == sorted([str(out / "杭州.xlsx"), str(out / "宁波.xlsx")])
    assert printed[2] == f"已导出评分表 exported 2 个文件 file(s) 到 to {out}"
    assert main(["export", "sheets", "--db", str(path), "--city", "上海市", "--out",
                 str(out)]) == 2
    assert capsys.readouterr().err == ("错误 error: unknown city '上海市': use a name from "
                                       "rules/cities.yaml or add the city there\n")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["export", "sheets", "--db", str(path), "--out", str(tmp_path / "file")]) == 2
    assert capsys.readouterr().err == (f"错误 error: {tmp_path / 'file'}: 不是目录 is not a "
                                       "directory: pass a directory to --out\n")
    db = open_project_db(path)
    assert db.conn.execute("SELECT COUNT(*) FROM cities WHERE kind != 'province'"
                           ).fetchone()[0] == 104  # province entries own documents, not sheets
