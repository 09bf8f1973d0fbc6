"""Bad input to `citydx report`: one clear line on stderr, exit 2, and --out left unwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydx.cli import main
from citydx.indicators import load_indicator_tree
from citydx.registry import load_registry
from scoring.report_input import read_scores_csv

HEADER = "rank,city,digital_support,network_governance,intelligent_leadership," \
         "integrated_innovation,total"
COLUMNS = "city,digital_support,network_governance,intelligent_leadership," \
          "integrated_innovation,total"
GOOD = f"{HEADER}\n1,杭州,25,25,15,15,80\n2,北京,25,20,10,15,70\n"
SMALL = Path(__file__).parent / "fixtures" / "report" / "small_scores.csv"


def run_report(tmp_path: Path, capsys: pytest.CaptureFixture, text: str | None,
               *extra: str) -> tuple[Path, str]:
    """Write `text` as the scores CSV (None: use the small fixture), run, expect failure."""
    scores = SMALL
    if text is not None:
        scores = tmp_path / "scores.csv"
        scores.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["report", "--scores", str(scores), "--out", str(out), *extra])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert not out.exists(), "nothing may be written on bad input"
    return scores, captured.err


def test_missing_column(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    text = GOOD.replace(",total", "").replace(",80\n", "\n").replace(",70\n", "\n")
    scores, err = run_report(tmp_path, capsys, text)
    assert err == (f"错误 error: --scores {scores}: 缺少列 missing column 'total' "
                   f"(expected columns: {COLUMNS})\n")


def test_city_not_in_registry(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, GOOD + "3,北亰,20,20,10,10,60\n")
    assert err == (f"错误 error: --scores {scores} 第4行 line 4: 城市不在名录中 unknown city "
                   "'北亰': use a name from rules/cities.yaml or add the city there\n")


def test_non_numeric_score(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, GOOD.replace("2,北京,25,20", "2,北京,25,二十"))
    assert err == (f"错误 error: --scores {scores} 第3行 line 3, column network_governance: "
                   "'二十' 不是有效分数 is not a valid score (a number from 0)\n")


def test_empty_cell_is_not_a_score(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, GOOD.replace("1,杭州,25,", "1,杭州,,"))
    assert err == (f"错误 error: --scores {scores} 第2行 line 2, column digital_support: "
                   "'' 不是有效分数 is not a valid score (a number from 0)\n")


def test_total_not_sum_of_primaries(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # 25 + 20 + 10 + 15 = 70, so 70.2 is 0.2 off: beyond the 0.15 tolerance.
    scores, err = run_report(tmp_path, capsys, GOOD.replace("15,70\n", "15,70.2\n"))
    assert err == (f"错误 error: --scores {scores} 第3行 line 3 (北京): 总分与一级指标之和不符 "
                   "total 70.2 is not the sum of its primary scores 70.00 (tolerance 0.15)\n")


def test_total_within_tolerance_is_accepted(tmp_path: Path) -> None:
    # 70.15 is 0.15 off 70: at the tolerance, accepted (the published table rounds each part).
    scores = tmp_path / "scores.csv"
    scores.write_text(GOOD.replace("15,70\n", "15,70.15\n"), encoding="utf-8")
    table = read_scores_csv(scores, load_indicator_tree(), load_registry())
    assert [(r.city, r.total) for r in table.rows] == [("杭州", 80), ("北京", 70.15)]


def test_score_above_weight(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, GOOD.replace("1,杭州,25,25,15,15,80",
                                                            "1,杭州,25,25,25,5,80"))
    assert err == (f"错误 error: --scores {scores} 第2行 line 2, column intelligent_leadership: "
                   "25 超过满分 exceeds the weight 20 of 智能化引领力\n")


def test_duplicate_city(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, GOOD + "3,杭州,25,25,15,15,80\n")
    assert err == (f"错误 error: --scores {scores} 第4行 line 4: 城市重复 city '杭州' appears "
                   "twice (first on line 2): keep one row per city\n")


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture, text: str) -> None:
    scores, err = run_report(tmp_path, capsys, text)
    assert err == (f"错误 error: --scores {scores}: 文件为空 the file is empty: expected a header "
                   f"({COLUMNS}) and one row per city\n")


def test_header_only(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores, err = run_report(tmp_path, capsys, HEADER + "\n")
    assert err == f"错误 error: --scores {scores}: 没有城市数据 no city rows below the header\n"


def test_missing_scores_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "nope.csv"
    code = main(["report", "--scores", str(missing), "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == f"错误 error: --scores {missing}: 文件不存在 file not found\n"
    assert not (tmp_path / "out").exists()


def test_previous_of_wrong_format(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    previous = tmp_path / "prev.csv"
    previous.write_text("year,city,score\n2023,杭州,80\n", encoding="utf-8")
    _, err = run_report(tmp_path, capsys, None, "--previous", str(previous))
    assert err == (f"错误 error: --previous {previous}: 缺少列 missing column 'digital_support' "
                   f"(expected columns: {COLUMNS})\n")


def test_previous_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    previous = tmp_path / "prev.xlsx"
    previous.write_bytes(b"PK\x03\x04\xff\xfe binary workbook")
    _, err = run_report(tmp_path, capsys, None, "--previous", str(previous))
    assert err == (f"错误 error: --previous {previous}: 不是 UTF-8 文本 not a UTF-8 CSV file: "
                   "save it as CSV (UTF-8)\n")


@pytest.mark.parametrize("tiers", ["65,x,40", "40,50,65", "65,65,40"])
def test_bad_tiers(tmp_path: Path, capsys: pytest.CaptureFixture, tiers: str) -> None:
    _, err = run_report(tmp_path, capsys, None, "--tiers", tiers)
    assert err == (f"错误 error: --tiers '{tiers}': 需要递减的数字 expected descending numbers "
                   "such as 65,50,40\n")


def test_out_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder", encoding="utf-8")
    code = main(["report", "--scores", str(SMALL), "--out", str(out)])
    assert code == 2
    assert capsys.readouterr().err == (
        f"错误 error: --out {out}: 不是文件夹 is a file, not a folder: choose another folder "
        "with --out\n")
    assert out.read_text(encoding="utf-8") == "not a folder"


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "none.db"
    code = main(["report", "--db", str(db), "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"错误 error: 数据库不存在 database {db} does not exist: run `citydx init` and "
        "`citydx score`, or pass --scores CSV\n")
    assert not db.exists() and not (tmp_path / "out").exists()


def test_database_without_scoring_run(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "empty.db"
    assert main(["init", "--db", str(db)]) == 0
    capsys.readouterr()
    code = main(["report", "--db", str(db), "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"错误 error: {db} 中没有评分结果 has no scoring run: run `citydx score` first, "
        "or pass --scores CSV\n")
    assert not (tmp_path / "out").exists()
