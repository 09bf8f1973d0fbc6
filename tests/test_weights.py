"""`citydx weights`: expert weights, Kendall's W, --keep-parents, --save and bad ratings tables."""

from __future__ import annotations

import json
import math
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from citydx.cli import main
from citydx.indicators import load_indicator_tree
from citydx.paths import PROJECT_ROOT
from scoring.agreement import average_ranks, chance_p, kendall_w, reading, tie_term
from scoring.expert_weights import shares
from scoring.weights import load_expert_weights

TREE = load_indicator_tree()
NAMES = [t.name for t in TREE.tertiaries]

# The hand-made panel (3 experts, 31 indicators):
#   甲 rates everything 5, except 算力基础设施 6 and 运营体系建设 1  -> row sum 29*5 + 6 + 1 = 152
#   乙 rates everything 4, except 算力基础设施 6 and 数据质量评价 2  -> row sum 29*4 + 6 + 2 = 124
#   丙 rates everything 3                                            -> row sum 31*3       =  93
# Σ_i Σ_j C_ij = 152 + 124 + 93 = 369. Column sums Σ_i C_ij:
#   算力基础设施 6+6+3 = 15, 运营体系建设 1+4+3 = 8, 数据质量评价 5+2+3 = 10,
#   the other 28: 5+4+3 = 12 (check: 15 + 8 + 10 + 28*12 = 369).
SPECIAL = {"甲": {"算力基础设施": 6, "运营体系建设": 1},
           "乙": {"算力基础设施": 6, "数据质量评价": 2},
           "丙": {}}
BASE = {"甲": 5, "乙": 4, "丙": 3}


def panel_rows() -> list[list[str]]:
    return [[expert] + [str(SPECIAL[expert].get(n, BASE[expert])) for n in NAMES]
            for expert in ("甲", "乙", "丙")]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ratings(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "ratings.csv", ["expert", *NAMES], panel_rows())


def run_cli(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = main(["weights", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# Global weights, C_j = column sum / 369 * 100, rounded to 4 decimals by largest remainder:
#   算力基础设施 1500/369 = 4.06504..  (x10^4: 40650.4065)
#   运营体系建设  800/369 = 2.16802..  (21680.2168)
#   数据质量评价 1000/369 = 2.71002..  (27100.2710)
#   the other 28 1200/369 = 3.25203..  (32520.3252)
# Rounded down: 40650 + 21680 + 27100 + 28*32520 = 999990, 10 units of 0.0001 short of 100. They go
# to the largest remainders: 算力基础设施 (.4065), then 9 of the 28 at .3252, first in tree order.
BUMPED = ["物联感知体系", "数据流通基础设施", "数字低空基础设施", "基础制度建设", "数据资源体系",
          "政社数据融合应用", "城市运行平台", "城市基础共性平台", "数字化场景"]
# Check: 4.0651 + 2.1680 + 2.7100 + 9*3.2521 + 19*3.2520 = 8.9431 + 29.2689 + 61.7880 = 100.
EXPECTED_GLOBAL = {n: 3.2521 if n in BUMPED else 3.2520 for n in NAMES}
EXPECTED_GLOBAL.update({"算力基础设施": 4.0651, "运营体系建设": 2.1680, "数据质量评价": 2.7100})


def test_global_weights_worked_by_hand(ratings: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run_cli([str(ratings)], capsys)
    assert code == 0
    weights = json.loads(out)
    assert list(weights) == NAMES  # tree order
    assert weights == EXPECTED_GLOBAL
    assert math.isclose(sum(weights.values()), 100, abs_tol=1e-9)
    assert "不保持公布的一级、二级权重" in err and "--keep-parents" in err


def test_parent_table_shows_implied_beside_published(ratings: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    _, _, err = run_cli([str(ratings)], capsys)
    lines = err.splitlines()
    # 数字基础 = 算力基础设施 4.0651 + 物联感知体系, 数据流通基础设施, 数字低空基础设施 3.2521 each
    #         = 13.8214, published 15 -> diff -1.18.
    row = next(line for line in lines if "数字基础" in line)
    assert row.split()[-3:] == ["15.00", "13.82", "-1.18"]
    # 运营模式 = 政企合作机制 3.2520 + 运营体系建设 2.1680 = 5.42, published 10 -> diff -4.58.
    row = next(line for line in lines if "运营模式" in line)
    assert row.split()[-3:] == ["10.00", "5.42", "-4.58"]
    # 一体化创新力 = 适数化实践 (推进机制 3.2520 + 公共数据授权运营 3.2520 + 基层创新 3.2520
    #   = 9.7560) + 运营模式 5.4200 = 15.176, published 20 -> diff -4.82.
    row = next(line for line in lines if "一体化创新力" in line)
    assert row.split()[-3:] == ["20.00", "15.18", "-4.82"]


def test_stdout_is_only_json(ratings: Path, capsys: pytest.CaptureFixture) -> None:
    _, out, err = run_cli([str(ratings), "--keep-parents"], capsys)
    assert json.loads(out)  # nothing but the JSON object on stdout
    assert "Kendall" not in out and "Kendall's W" in err


def test_kendall_w_of_the_panel_worked_by_hand(ratings: Path,
                                               capsys: pytest.CaptureFixture) -> None:
    # Average ranks (1 = lowest): 甲: 运营体系建设 1, the 29 fives ranks 2..30 -> 16,
    # 算力基础设施 31; 乙: 数据质量评价 1, 29 fours -> 16, 算力基础设施 31; 丙: all 31 tied -> 16.
    # Rank sums R_j: 算力 31+31+16 = 78, 运营体系建设 1+16+16 = 33, 数据质量评价 16+1+16 = 33,
    # the other 28: 48. Mean m(n+1)/2 = 3*32/2 = 48. S = 30² + 15² + 15² = 1350.
    # Ties: T_甲 = T_乙 = 29³-29 = 24360, T_丙 = 31³-31 = 29760.
    # W = 12*1350 / (9*29760 - 3*(24360+24360+29760)) = 16200 / (267840 - 235440) = 0.5.
    _, _, err = run_cli([str(ratings)], capsys)
    assert "Kendall's W (tie-corrected) = 0.5000" in err
    assert "moderate agreement" in err
    # chi-square = m (n-1) W = 3*30*0.5 = 45 on 30 degrees of freedom: p = Q(15, 22.5)
    # = e^-22.5 * sum_{i<15} 22.5^i / i! = 0.0386 (see test_chance_p), below 0.05.
    assert "p = 0.0386 < 0.05" in err and "better than chance" in err


def test_chance_p_against_closed_forms() -> None:
    # 3 items -> 2 degrees of freedom, where the chi-square tail is e^(-x/2):
    # m = 2, W = 0.25 -> x = 2*2*0.25 = 1 -> p = e^-0.5.
    assert chance_p(0.25, 2, 3) == pytest.approx(math.exp(-0.5), rel=1e-12)
    # m = 4, W = 0.9 -> x = 7.2 -> p = e^-3.6 (the continued-fraction side of the computation).
    assert chance_p(0.9, 4, 3) == pytest.approx(math.exp(-3.6), rel=1e-12)
    # 31 items -> 30 degrees of freedom (an integer half, 15): Q(15, y) = e^-y sum_{i<15} y^i/i!.
    for w, y in ((0.5, 22.5), (0.1, 4.5)):  # y = 3*30*w/2
        closed = math.exp(-y) * sum(y ** i / math.factorial(i) for i in range(15))
        assert chance_p(w, 3, 31) == pytest.approx(closed, rel=1e-12)
    assert chance_p(None, 3, 31) is None


@pytest.mark.parametrize("w, word", [(0.0, "weak"), (0.29, "weak"), (0.3, "moderate"),
                                     (0.69, "moderate"), (0.7, "strong"), (1.0, "strong")])
def test_reading_bands(w: float, word: str) -> None:
    assert f"{word} agreement" in reading(w, 5)


def test_average_ranks_share_tied_positions() -> None:
    # [6, 5, 3, 3]: the two 3s take ranks 1 and 2 -> 1.5 each; 5 -> 3; 6 -> 4.
    assert average_ranks([6, 5, 3, 3]) == [4, 3, Fraction(3, 2), Fraction(3, 2)]
    # [4, 4, 4, 1]: 1 -> 1; the three 4s take 2, 3, 4 -> 3 each. T = 3³ - 3 = 24.
    assert average_ranks([4, 4, 4, 1]) == [3, 3, 3, 1]
    assert tie_term([4, 4, 4, 1]) == 24
    assert tie_term([6, 5, 3, 3]) == 6


def test_kendall_w_small_example_by_hand() -> None:
    # Experts x items (m = 3, n = 4):
    #   [6, 5, 3, 3] -> ranks [4, 3, 1.5, 1.5], T = 2³-2 = 6
    #   [5, 6, 2, 1] -> ranks [3, 4, 2, 1],     T = 0
    #   [4, 4, 4, 1] -> ranks [3, 3, 3, 1],     T = 3³-3 = 24
    # R = [10, 10, 6.5, 3.5], mean 3*5/2 = 7.5, S = 2.5² + 2.5² + 1² + 4² = 29.5
    # W = 12*29.5 / (9*(64-4) - 3*(6+0+24)) = 354 / 450 = 0.78666...
    # (without the tie correction it would be 354/540 = 0.6556)
    w = kendall_w([[6, 5, 3, 3], [5, 6, 2, 1], [4, 4, 4, 1]])
    assert w == pytest.approx(354 / 450, abs=1e-12)


def test_kendall_w_identical_raters_is_one() -> None:
    assert kendall_w([[1, 2, 3, 4, 5, 6]] * 4) == pytest.approx(1.0, abs=1e-12)
    # Identical raters with ties still agree perfectly once ties are corrected for.
    assert kendall_w([[5, 5, 2, 6, 1]] * 3) == pytest.approx(1.0, abs=1e-12)


def test_kendall_w_opposite_raters_is_zero() -> None:
    # Two opposite rankings: every rank sum is n+1 = 5 = the mean, so S = 0.
    assert kendall_w([[1, 2, 3, 4], [4, 3, 2, 1]]) == 0.0


def test_kendall_w_undefined_when_no_one_ranks_or_one_expert() -> None:
    # Documented behaviour: all experts rate every item alike -> denominator 0 -> None.
    assert kendall_w([[4, 4, 4], [2, 2, 2]]) is None
    # A single expert agrees with himself trivially: W needs a panel -> None.
    assert kendall_w([[1, 2, 3]]) is None


def test_perfectly_tied_panel_reports_undefined(tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    path = write_csv(tmp_path / "flat.csv", NAMES, [["4"] * 31, ["2"] * 31])
    code, out, err = run_cli([str(path)], capsys)
    assert code == 0
    # Equal ratings give equal weights: 100 / 31 = 3.225806.. -> 3.2258 each, 31*3.2258 = 99.9998,
    # and the two missing units go to the first two indicators in tree order (equal remainders).
    weights = json.loads(out)
    assert list(weights.values())[:3] == [3.2259, 3.2259, 3.2258]
    assert "Kendall's W (tie-corrected) = —" in err
    assert "每位专家给所有指标的评分都相同" in err


def test_keep_parents_keeps_every_published_weight(ratings: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    code, out, err = run_cli([str(ratings), "--keep-parents"], capsys)
    assert code == 0
    weights = json.loads(out)
    for s in TREE.secondaries:
        assert math.isclose(sum(weights[t.name] for t in s.tertiaries), s.weight, abs_tol=1e-9)
    for p in TREE.primaries:
        got = sum(weights[t.name] for s in p.secondaries for t in s.tertiaries)
        assert math.isclose(got, p.weight, abs_tol=1e-9)
    # 数字基础 (15): column sums 15, 12, 12, 12 = 51 -> 15*15/51 = 4.41176 -> 4.4118,
    # 12*15/51 = 3.52941 -> 3.5294 (4.4118 + 3*3.5294 = 15).
    assert [weights[n] for n in ("算力基础设施", "物联感知体系", "数据流通基础设施",
                                 "数字低空基础设施")] == [4.4118, 3.5294, 3.5294, 3.5294]
    # 数据资源 (15): 12, 12, 12, 10 = 46 -> 12*15/46 = 3.91304 (x10^4 remainder .4348),
    # 10*15/46 = 3.26087 (remainder .6957). Floors 3*39130 + 32608 = 149998: 2 units short, to
    # 数据质量评价 (.6957) then 基础制度建设 (.4348, first in tree order).
    assert [weights[n] for n in ("基础制度建设", "数据资源体系", "政社数据融合应用",
                                 "数据质量评价")] == [3.9131, 3.9130, 3.9130, 3.2609]
    # 运营模式 (10): 政企合作机制 12, 运营体系建设 8 -> 6 and 4.
    assert (weights["政企合作机制"], weights["运营体系建设"]) == (6.0, 4.0)
    assert "保持公布值" in err and "公布 published" not in err


def test_shares_sum_exactly_by_largest_remainder() -> None:
    # 100 split three ways: 33.3333.. each, one unit left -> the first gets it.
    assert shares({"a": 1, "b": 1, "c": 1}, 100) == {"a": 33.3334, "b": 33.3333, "c": 33.3333}
    # 2.5 split 1:2 -> 0.8333.. and 1.6666..; remainders .3333 and .6667 -> b rounds up.
    assert shares({"a": 1, "b": 2}, 2.5) == {"a": 0.8333, "b": 1.6667}


def test_save_writes_a_file_scoring_accepts(ratings: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "out" / "expert_weights.yaml"
    code, out, err = run_cli([str(ratings), "--save", str(target)], capsys)
    assert code == 0 and str(target) in err
    saved = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert saved["weights"] == json.loads(out) == EXPECTED_GLOBAL
    assert math.isclose(sum(saved["weights"].values()), 100, abs_tol=1e-9)
    assert saved["method"] == "global"
    assert saved["experts"] == ["甲", "乙", "丙"]
    assert saved["kendall_w"] == 0.5
    assert saved["kendall_p"] == 0.0386  # 0.038601.. to 4 significant figures
    assert saved["source"] == str(ratings.resolve())
    assert saved["created_at"]
    # scoring's own reader accepts the file and returns the same weights
    assert load_expert_weights(target, TREE) == EXPECTED_GLOBAL
    tree = load_indicator_tree().with_weights(saved["weights"])
    assert tree.tertiary("算力基础设施").weight == 4.0651
    assert math.isclose(sum(p.weight for p in tree.primaries), 100, abs_tol=1e-6)
    # The ladder scales with the weight: top level + quantity points still equal the weight.
    t = tree.tertiary("算力基础设施")
    assert math.isclose(t.levels[-1].points + t.quantity.points, t.weight, abs_tol=1e-5)


def test_save_without_path_writes_into_the_rules_dir(ratings: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules", rules, ignore=shutil.ignore_patterns("expert_*"))
    monkeypatch.setenv("CITYDX_RULES", str(rules))
    code, out, _ = run_cli([str(ratings), "--keep-parents", "--save"], capsys)
    assert code == 0
    saved = yaml.safe_load((rules / "expert_weights.yaml").read_text(encoding="utf-8"))
    assert saved["method"] == "keep_parents"
    assert saved["weights"] == json.loads(out)


def test_expert_column_is_optional(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = write_csv(tmp_path / "anon.csv", NAMES, [row[1:] for row in panel_rows()])
    target = tmp_path / "w.yaml"
    code, out, _ = run_cli([str(path), "--save", str(target)], capsys)
    assert code == 0 and json.loads(out) == EXPECTED_GLOBAL
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["experts"] == ["专家1", "专家2",
                                                                            "专家3"]


def test_columns_in_any_order_bom_and_blank_lines(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture) -> None:
    header = ["expert", *reversed(NAMES)]
    rows = [[r[0], *reversed(r[1:])] for r in panel_rows()]
    text = "\n".join(",".join(r) for r in [header, rows[0], [], rows[1], rows[2]]) + "\n\n"
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run_cli([str(path)], capsys)
    assert code == 0 and json.loads(out) == EXPECTED_GLOBAL


def test_gb18030_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "gbk.csv"
    text = "\n".join(",".join(r) for r in [["expert", *NAMES], *panel_rows()]) + "\n"
    path.write_bytes(text.encode("gb18030"))
    code, out, _ = run_cli([str(path)], capsys)
    assert code == 0 and json.loads(out) == EXPECTED_GLOBAL


def _replace_cell(expert_row: int, name: str, value: str) -> list[list[str]]:
    rows = panel_rows()
    rows[expert_row][1 + NAMES.index(name)] = value
    return rows


MUST = "the header needs every tertiary indicator of rules/indicators.yaml"
INT = "ratings are integers from 1 to 6"


def _bad_cases() -> list[tuple[str, str, str]]:
    """(id, file text, expected message after '{path}'); line 1 is the header.

    Of several missing columns the first in tree order is named.
    """
    header = ["expert", *NAMES]
    text = lambda h, rows: "\n".join(",".join(r) for r in [h, *rows]) + "\n"  # noqa: E731
    without = [c for c in header if c != "数据质量评价"]
    three_missing = [c for c in header if c not in ("数据质量评价", "基层创新", "城市韧性")]
    renamed = [("数据质量" if c == "数据质量评价" else c) for c in header]
    return [
        ("missing column", text(without, [r[:8] + r[9:] for r in panel_rows()]),
         f":1: 列 column '数据质量评价': 缺少此指标列 missing indicator column: {MUST}"),
        ("three missing columns", text(three_missing, []) + "x\n",
         f":1: 列 column '数据质量评价': 缺少此指标列 missing indicator column (3 missing in all): "
         f"{MUST}"),
        ("unknown column, close to a name", text(renamed, panel_rows()),
         ":1: 列 column '数据质量': 未知列 unknown column: use the tertiary indicator names of "
         "rules/indicators.yaml (是否为 did you mean '数据质量评价'?)"),
        ("unknown extra column", text([*header, "备注"], [r + ["ok"] for r in panel_rows()]),
         ":1: 列 column '备注': 未知列 unknown column: use the tertiary indicator names of "
         "rules/indicators.yaml"),
        ("duplicate column", text([*header, "基层创新"], [r + ["3"] for r in panel_rows()]),
         ":1: 列 column '基层创新': 重复列 the column appears twice"),
        ("expert column not first", text([*NAMES, "expert"], [r[1:] + [r[0]]
                                                              for r in panel_rows()]),
         ":1: 列 column 'expert': 专家列须为第一列 the expert column must be the first column"),
        ("empty header cell", text(["expert", *NAMES[:3], "", *NAMES[3:]], []),
         ":1: 表头第 5 格为空 header cell 5 is empty: name every column"),
        ("a zero", text(header, _replace_cell(1, "城市韧性", "0")),
         f":3: 列 column '城市韧性': 0 超出范围 is out of range: {INT}"),
        ("a seven", text(header, _replace_cell(2, "算力基础设施", "7")),
         f":4: 列 column '算力基础设施': 7 超出范围 is out of range: {INT}"),
        ("a negative", text(header, _replace_cell(0, "基层创新", "-2")),
         f":2: 列 column '基层创新': -2 超出范围 is out of range: {INT}"),
        ("text", text(header, _replace_cell(0, "场景应用", "很重要")),
         f":2: 列 column '场景应用': '很重要' 不是整数 is not a number: {INT}"),
        ("a decimal", text(header, _replace_cell(1, "奖励政策", "4.5")),
         f":3: 列 column '奖励政策': '4.5' 是小数 is a decimal: {INT}"),
        ("a whole decimal", text(header, _replace_cell(1, "奖励政策", "5.0")),
         f":3: 列 column '奖励政策': '5.0' 是小数 is a decimal: {INT}"),
        ("an empty cell", text(header, _replace_cell(2, "智慧应急", "")),
         f":4: 列 column '智慧应急': 空格 empty cell: {INT}"),
        ("line numbers count blank lines", text(header, [panel_rows()[0], [],
                                                         *_replace_cell(1, "智慧应急", "x")[1:]]),
         f":4: 列 column '智慧应急': 'x' 不是整数 is not a number: {INT}"),
        ("a short row", text(header, [panel_rows()[0], panel_rows()[1][:-1]]),
         ":3: 该行有 31 格，表头有 32 列 the row has 31 cells but the header has 32 columns"),
        ("empty expert name", text(header, [[""] + panel_rows()[0][1:]]),
         ":2: 列 column 'expert': 专家姓名为空 empty expert name"),
        ("expert listed twice", text(header, [panel_rows()[0], panel_rows()[1],
                                              panel_rows()[0]]),
         ":4: 列 column 'expert': 专家 '甲' 重复 is listed twice (see line 2)"),
        ("empty file", "",
         ": 评分表为空 the ratings file is empty: put the tertiary indicator names in the first "
         "row, then one row per expert"),
        ("blank lines only", "\n  \n,,\n",
         ": 评分表为空 the ratings file is empty: put the tertiary indicator names in the first "
         "row, then one row per expert"),
        ("header only", text(header, []),
         ":1: 只有表头、没有专家评分 only a header, no expert rows: add one row per expert"),
        ("unterminated quote", text(header, []) + '甲,"5\n',
         ":2: CSV 格式错误 malformed CSV (unexpected end of data)"),
    ]


@pytest.mark.parametrize("text, expected", [c[1:] for c in _bad_cases()],
                         ids=[c[0] for c in _bad_cases()])
def test_bad_ratings_table(text: str, expected: str, tmp_path: Path,
                           capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "expert_weights.yaml"
    code, out, err = run_cli([str(path), "--save", str(target)], capsys)
    assert (code, out) == (2, "")
    assert err == f"错误 error: {path}{expected}\n"
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left either


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "nope.csv"
    target = tmp_path / "expert_weights.yaml"
    code, out, err = run_cli([str(path), "--save", str(target)], capsys)
    assert (code, out) == (2, "")
    assert err == (f"错误 error: {path}: 无法读取评分表 cannot read the ratings file "
                   "(No such file or directory)\n")
    assert not target.exists()


def test_excel_workbook_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "ratings.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    code, _, err = run_cli([str(path)], capsys)
    assert code == 2
    assert err == (f"错误 error: {path}: 这是 Excel 工作簿 this is an Excel workbook: save it as "
                   "CSV (逗号分隔 comma-separated) first\n")


def test_save_to_a_folder_is_refused(ratings: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    code, out, err = run_cli([str(ratings), "--save", str(folder)], capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (f"错误 error: {folder}: 无法写入权重文件 cannot write the "
                                    "weights file (Is a directory): choose another --save PATH")
    assert list(folder.iterdir()) == []  # the temporary file is gone too
