"""`citydx import sheets`: assessors' edits become audited overrides, scores recompute, a round
trip gives the same values, and every bad file is refused whole with a message naming the cell.
Numbers: see sheets_support.py (杭州 11.25 before any import)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from scoring_support import TREE, make_db, run_scoring
from sheets_support import EMERGENCY, INNOVATION, OPS, ROW, evaluate, scored_db

from citydx.cli import main
from citydx.errors import CitydxError
from scoring import sheets_import
from scoring.results import city_totals, latest_run_id
from scoring.sheets_export import export_sheets
from scoring.sheets_import import import_sheet_file
from scoring.sheets_layout import META_SHEET
from scoring.sheets_read import default_reason

L_OPS, L_EMERGENCY, L_INNOVATION = (f"L{ROW[OPS]}", f"L{ROW[EMERGENCY]}",
                                    f"L{ROW[INNOVATION]}")


@pytest.fixture
def db(tmp_path: Path):
    return scored_db(tmp_path / "t.db")


@pytest.fixture
def exported(db, tmp_path: Path) -> Path:
    export_sheets(db, tmp_path / "out", cities=["杭州", "宁波"])
    return tmp_path / "out" / "杭州.xlsx"


def edit(path: Path, cells: dict[str, object], sheet: str = "杭州") -> Path:
    book = load_workbook(path)
    for ref, value in cells.items():
        book[sheet][ref] = value
    book.save(path)
    return path


def state(db) -> tuple:
    """Everything an import may change: overrides, audit log, scoring runs."""
    return (db.conn.execute("SELECT * FROM overrides ORDER BY id").fetchall(),
            db["audit_log"].count, latest_run_id(db))


def the_edit(path: Path) -> Path:
    """城市运行平台 2 -> 3 with a note; 智慧应急 0 -> 1.5 without one; 基层创新's pre-filled
    override 4 emptied (back to its evidence, 3)."""
    return edit(path, {L_OPS: 3, f"M{ROW[OPS]}": "已建成一网统管平台", L_EMERGENCY: 1.5,
                       L_INNOVATION: None, f"M{ROW[INNOVATION]}": None})


def test_import_adds_and_clears_overrides_and_audits_file_and_cell(db, exported) -> None:
    done = import_sheet_file(db, the_edit(exported), "李四")
    assert (done.added, done.cleared) == (2, 1)
    active = db.conn.execute("SELECT city, indicator, points, reason, reviewer, origin "
                             "FROM overrides WHERE active = 1 ORDER BY id").fetchall()
    assert active == [
        ("杭州", OPS, 3.0, "已建成一网统管平台", "李四", "sheet"),
        ("杭州", EMERGENCY, 1.5, "评分表导入 imported from 杭州.xlsx 工作表 杭州 单元格 L30",
         "李四", "sheet")]
    rows = db.conn.execute("SELECT actor, entity, details FROM audit_log "
                           "WHERE action = 'sheet_import' ORDER BY id").fetchall()
    details = [json.loads(d) for _, _, d in rows]
    assert [(d["file"], d["sheet"], d["cell"], d["indicator"], d["action"], d["points"])
            for d in details] == [("杭州.xlsx", "杭州", "L19", OPS, "add", 3.0),
                                  ("杭州.xlsx", "杭州", "L30", EMERGENCY, "add", 1.5),
                                  ("杭州.xlsx", "杭州", "L48", INNOVATION, "clear", None)]
    assert {actor for actor, _, _ in rows} == {"李四"}
    summary = db.conn.execute("SELECT details FROM audit_log WHERE action = 'import_sheets'")
    assert json.loads(summary.fetchone()[0])["added"] == 2


def test_scores_recompute_after_import(db, exported) -> None:
    import_sheet_file(db, the_edit(exported), "李四")
    run_id = sheets_import.rescore(db, _settings())
    assert run_id == 2
    totals = {r["city"]: r["total"] for r in city_totals(db, run_id)}
    # 3 (ops) + 1.5 (emergency) + 1.25 (security) + 4 (operation) + 3 (innovation) = 12.75
    assert totals["杭州"] == 12.75
    assert totals["宁波"] == 3


def test_round_trip_gives_the_same_values(db, exported, tmp_path: Path) -> None:
    edited = load_workbook(the_edit(exported))["杭州"]
    import_sheet_file(db, exported, "李四")
    sheets_import.rescore(db, _settings())
    export_sheets(db, tmp_path / "again", cities=["杭州"])
    again_book = load_workbook(tmp_path / "again" / "杭州.xlsx")
    again = again_book["杭州"]
    expected = {(r, c): edited.cell(r, c).value for r in range(1, 53) for c in range(1, 15)}
    # what the import changed, by definition: the new run; the new overrides show as overridden
    # with the assessor's points and note (a default reason when there was none); the cleared
    # row is back to its evidence's review status. Suggested points (evidence) do not move.
    expected[(3, 2)] = "#2"
    for row in (ROW[OPS], ROW[EMERGENCY]):
        expected[(row, 11)] = "人工改分 overridden"
    expected[(ROW[EMERGENCY], 13)] = default_reason(Path("杭州.xlsx"), "杭州", L_EMERGENCY)
    expected[(ROW[INNOVATION], 11)] = "待审核 1"
    actual = {(r, c): again.cell(r, c).value for r in range(1, 53) for c in range(1, 15)}
    assert {k: v for k, v in actual.items() if v != expected[k]} == {}
    # adopted total before and after agree: 12.75
    assert evaluate(edited.parent, "杭州", "N52") == evaluate(again_book, "杭州", "N52") == 12.75
    # suggested (evidence only): 2 + 1.25 + 4 + 3 = 10.25
    assert evaluate(again_book, "杭州", "F52") == 10.25


def test_importing_an_unchanged_sheet_changes_nothing(db, exported) -> None:
    before = state(db)
    done = import_sheet_file(db, exported, "李四")
    assert (done.added, done.cleared) == (0, 0)
    overrides, audit, run = state(db)
    # only the file-level audit row is new
    assert (overrides, audit, run) == (before[0], before[1] + 1, before[2])


def test_a_note_alone_changes_nothing(db, exported) -> None:
    done = import_sheet_file(db, edit(exported, {f"M{ROW[OPS]}": "待核实"}), "李四")
    assert (done.added, done.cleared) == (0, 0)


def rejected(db, path: Path, message: str) -> None:
    before = state(db)
    with pytest.raises(CitydxError) as err:
        import_sheet_file(db, path, "李四")
    assert str(err.value) == message
    assert state(db) == before


def test_out_of_range_is_refused_and_nothing_is_imported(db, exported) -> None:
    # a valid edit above the bad cell is not imported either
    edit(exported, {"L8": 1, L_OPS: 5})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 L19: 评审得分 5 超出 0–3 范围 / "
                           "out of range")


def test_negative_and_non_numeric_points_are_refused(db, exported) -> None:
    edit(exported, {L_OPS: -0.5})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 L19: 评审得分 -0.5 超出 0–3 范围 / "
                           "out of range")
    edit(exported, {L_OPS: "三分"})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 L19: 评审得分 '三分' 不是数字 / "
                           "not a number")


def test_changed_indicator_row_is_refused(db, exported) -> None:
    edit(exported, {f"C{ROW[OPS]}": "城市大脑"})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 C19: 指标行已被修改 / indicator row "
                           "changed (应为 expected '城市运行平台', 现为 found '城市大脑')")


def test_changed_weight_is_refused(db, exported) -> None:
    edit(exported, {f"D{ROW[OPS]}": 5, L_OPS: 5})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 D19: 指标行已被修改 / indicator row "
                           "changed (应为 expected 3.0, 现为 found 5)")


def test_sheet_of_another_city_is_refused(db, exported) -> None:
    edit(exported, {"B2": "宁波", L_OPS: 3})
    rejected(db, exported, "杭州.xlsx 工作表 杭州 单元格 B2: 城市 宁波 与导出记录 杭州 不符 / "
                           "sheet of another city")


def test_another_citys_sheet_copied_in_is_refused(db, exported) -> None:
    book = load_workbook(exported)
    other = load_workbook(exported.parent / "宁波.xlsx")["宁波"]
    copy = book.create_sheet("宁波")
    for row in other.iter_rows():
        for cell in row:
            copy[cell.coordinate] = cell.value
    copy[L_OPS] = 2
    book.save(exported)
    rejected(db, exported, "杭州.xlsx 工作表 宁波: 不是本文件导出的工作表 / sheet not exported in "
                           "this file: remove it or import that city's own file")


def test_renamed_city_sheet_is_refused(db, exported) -> None:
    book = load_workbook(exported)
    book["杭州"].title = "宁波"
    book.save(exported)
    rejected(db, exported, "杭州.xlsx 工作表 宁波: 不是本文件导出的工作表 / sheet not exported in "
                           "this file: remove it or import that city's own file")


def test_foreign_xlsx_is_refused(db, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "杭州"
    book.active["L19"] = 3
    book.save(tmp_path / "杭州.xlsx")
    rejected(db, tmp_path / "杭州.xlsx", "杭州.xlsx: 不是本系统导出的评分表 / not a citydx score "
                                         "sheet (no _citydx sheet): export with `citydx export "
                                         "sheets`")


def test_altered_meta_sheet_is_refused(db, exported) -> None:
    edit(exported, {"F9": "城市大脑"}, sheet=META_SHEET)
    rejected(db, exported, "杭州.xlsx: 隐藏工作表 _citydx 已被修改 / the hidden sheet was altered "
                           "(checksum mismatch): export the sheet again")


@pytest.mark.parametrize("name, content", [("notes.xlsx", b"just text, not a workbook"),
                                           ("scores.csv", "城市,得分\n杭州,3\n".encode())])
def test_not_an_xlsx_is_refused(db, tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    rejected(db, tmp_path / name, f"{name}: 不是 xlsx 工作簿 / not an xlsx workbook: pass a sheet "
                                  "exported by `citydx export sheets`")


def test_missing_file_is_refused(db, tmp_path: Path) -> None:
    missing = tmp_path / "无此文件.xlsx"
    rejected(db, missing, f"{missing}: 文件不存在 / file not found")


def test_sheet_from_another_database_is_refused(exported, tmp_path: Path) -> None:
    other = make_db(tmp_path / "other.db")
    rejected(other, exported, "杭州.xlsx: 评分批次 #1 不在此数据库中 / scoring run not in this "
                              "database: import into the database the sheet was exported from")
    run_scoring(other)  # now run #1 exists there too, and the sheet's rows are checked normally
    assert import_sheet_file(other, exported, "李四").added == 0


def test_a_failure_while_writing_rolls_the_whole_file_back(db, exported, monkeypatch) -> None:
    calls = []

    def failing(*args, **kwargs):
        calls.append(args[3])
        if len(calls) == 2:
            raise CitydxError("disk full")
        return real(*args, **kwargs)

    real = sheets_import.add_override
    monkeypatch.setattr(sheets_import, "add_override", failing)
    the_edit(exported)
    rejected(db, exported, "disk full")
    assert calls == [OPS, EMERGENCY]


def test_import_verb_imports_good_files_reports_bad_ones_and_rescores(db, exported, tmp_path,
                                                                      capsys) -> None:
    db_path = tmp_path / "t.db"
    the_edit(exported)
    bad = edit(exported.parent / "宁波.xlsx", {L_OPS: 4}, sheet="宁波")
    code = main(["import", "sheets", "--db", str(db_path), "--reviewer", "李四", str(exported),
                 str(bad)])
    out = capsys.readouterr()
    assert code == 2
    assert out.out == ("已导入 imported 杭州.xlsx: 新增人工分 overrides added 2，撤销 cleared 1\n"
                       "已重新评分 rescored: 评分批次 scoring run #2\n")
    assert out.err == ("错误 error: 宁波.xlsx 工作表 宁波 单元格 L19: 评审得分 4 超出 0–3 范围 / "
                       "out of range\n1 个文件未导入 file(s) not imported\n")
    totals = {r["city"]: r["total"] for r in city_totals(db, 2)}
    assert (totals["杭州"], totals["宁波"]) == (12.75, 3)


def _settings():
    from citydx.settings import load_settings

    return load_settings()


def test_combined_workbook_imports_every_city_sheet(db, tmp_path: Path) -> None:
    written = export_sheets(db, tmp_path / "out", cities=["杭州", "宁波"], combined=True)
    edit(written[0], {L_OPS: 3}, sheet="杭州")
    edit(written[0], {L_OPS: 1, f"M{ROW[OPS]}": "平台仅在规划"}, sheet="宁波")
    assert import_sheet_file(db, written[0], "李四").added == 2
    run_id = sheets_import.rescore(db, _settings())
    totals = {r["city"]: r["total"] for r in city_totals(db, run_id)}
    # 杭州 11.25 + (3 - 2) = 12.25; 宁波 3 -> 1
    assert (totals["杭州"], totals["宁波"]) == (12.25, 1)
    cells = [json.loads(d)["sheet"] + "!" + json.loads(d)["cell"] for (d,) in db.conn.execute(
        "SELECT details FROM audit_log WHERE action = 'sheet_import' ORDER BY id")]
    assert cells == ["杭州!L19", "宁波!L19"]


def test_combined_workbook_with_one_bad_sheet_imports_nothing(db, tmp_path: Path) -> None:
    written = export_sheets(db, tmp_path / "out", cities=["杭州", "宁波"], combined=True)
    edit(written[0], {L_OPS: 3}, sheet="杭州")
    edit(written[0], {L_OPS: 3.5}, sheet="宁波")
    rejected(db, written[0], "评分表汇总.xlsx 工作表 宁波 单元格 L19: 评审得分 3.5 超出 0–3 范围 / "
                             "out of range")


def test_sheet_of_other_rules_version_is_refused(db, exported) -> None:
    edit(exported, {"B3": "2023.9"}, sheet=META_SHEET)
    rejected(db, exported, f"杭州.xlsx: 规则版本 2023.9 与当前 {TREE.version} 不符 / rules "
                           "version differs: export the sheet again with the current rules")
