"""`citydx score` end to end: ranking table, flags, --as-of, --city, and expert weights.

Rules come from a private copy ($CITYDX_RULES), so an expert_weights.yaml in the project's own
rules/ cannot change these results. The database holds all 104 registry cities; only 杭州 and
宁波 are marked searched, so 102 cities are flagged 未检索.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from scoring_support import TREE, add_evidence, isolated_rules, mark_searched

from citydx.cli import main
from citydx.commands.common import open_project_db

OPS = "城市运行平台"      # weight 3: planned 1, city_brain 2, unified_platform 3
COMMON = "城市基础共性平台"  # weight 3


@pytest.fixture
def setup(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    rules = isolated_rules(tmp_path, monkeypatch)
    path = tmp_path / "cli.db"
    db = open_project_db(path)
    add_evidence(db, "杭州", OPS, "unified_platform", evidence_date="2024-06-01")
    add_evidence(db, "宁波", OPS, "city_brain", evidence_date="2024-06-01")
    add_evidence(db, "宁波", COMMON, "one_kind", evidence_date="2024-12-01")
    add_evidence(db, "北京", OPS, "unified_platform")
    mark_searched(db, "杭州")
    mark_searched(db, "宁波")
    db.conn.close()
    return rules, path


def table_rows(out: str) -> dict[str, list[str]]:
    """City -> the cells of its row in the printed table."""
    rows = {}
    for line in out.splitlines():
        cells = line.split()
        if len(cells) >= 7 and cells[1] in ("杭州", "宁波", "北京", "上海"):
            rows[cells[1]] = cells
    return rows


def test_score_prints_ranking_and_flags(setup, capsys) -> None:
    _, path = setup
    code = main(["score", "--db", str(path), "--city", "杭州", "--city", "宁波",
                 "--city", "北京"])
    out = capsys.readouterr()
    assert (code, out.err) == (0, "")
    header = ["排名", "城市", "数字化支撑力", "网络化共治力", "智能化引领力", "一体化创新力",
              "总分", "标记"]
    assert any(line.split() == header for line in out.out.splitlines())
    # 杭州 3 (unified_platform); 宁波 2 (city_brain; its 共性平台 row of 2024-12-01 is after
    # the window end 2024-11-30); 北京 3 but flagged with all 30 other indicators not searched
    assert table_rows(out.out) == {
        "杭州": ["1", "杭州", "0.00", "3.00", "0.00", "0.00", "3.00"],
        "宁波": ["2", "宁波", "0.00", "2.00", "0.00", "0.00", "2.00"],
        "北京": ["—", "北京", "0.00", "3.00", "0.00", "0.00", "3.00", "未检索(30)"],
    }
    assert "上海" not in out.out
    assert out.out.endswith(
        "评分批次 scoring run #1: 截止 as of 2024-11-30, 规则 rules 2024.1, 公布权重 published\n"
        "计入证据 credited evidence rows: 3, 其中无日期 undated rows used: 0\n"
        "未检索城市 cities flagged 未检索 (not searched): 102 / 104，不参与排名 not ranked\n")


def test_as_of_moves_the_cut(setup, capsys) -> None:
    _, path = setup
    assert main(["score", "--db", str(path), "--as-of", "2024-12-31", "--city", "宁波"]) == 0
    out = capsys.readouterr().out
    # now the 共性平台 one_kind row counts: 2 + 1.5 = 3.5, which ranks 宁波 above 杭州 (3)
    assert table_rows(out)["宁波"] == ["1", "宁波", "0.00", "3.50", "0.00", "0.00", "3.50"]
    assert "截止 as of 2024-12-31" in out


@pytest.mark.parametrize("argv, message", [
    (["--as-of", "2024-13-01"],
     "--as-of '2024-13-01' is not a date: use YYYY-MM-DD, e.g. 2024-11-30"),
    (["--city", "纽约"],
     "unknown city '纽约': use a name from rules/cities.yaml or add the city there"),
])
def test_bad_input_is_one_line(setup, capsys, argv, message) -> None:
    _, path = setup
    assert main(["score", "--db", str(path), *argv]) == 2
    assert capsys.readouterr().err == f"错误 error: {message}\n"


def write_weights(path: Path, changes: dict[str, float]) -> Path:
    weights = {t.name: t.weight for t in TREE.tertiaries}
    weights.update(changes)
    path.write_text(yaml.safe_dump({"method": "global", "weights": weights},
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def stored_weights(path: Path) -> dict[str, float]:
    db = open_project_db(path)
    return json.loads(db.conn.execute(
        "SELECT weights FROM scoring_runs ORDER BY id DESC LIMIT 1").fetchone()[0])


def test_expert_weights_file_is_applied(setup, capsys) -> None:
    rules, path = setup
    # 城市运行平台 3 -> 4 and 城市基础共性平台 3 -> 2: the sum stays 100. Ladders scale with the
    # weight, so 杭州's unified_platform gives 3 x 4/3 = 4 and 宁波's city_brain 2 x 4/3 = 2.6667
    write_weights(rules / "expert_weights.yaml", {OPS: 4, COMMON: 2})
    assert main(["score", "--db", str(path), "--city", "杭州", "--city", "宁波"]) == 0
    out = capsys.readouterr().out
    assert table_rows(out)["杭州"][-1] == "4.00"
    assert table_rows(out)["宁波"][-1] == "2.67"
    assert f"专家权重 expert weights {rules / 'expert_weights.yaml'}" in out
    assert stored_weights(path)[OPS] == 4.0
    assert main(["score", "--db", str(path), "--no-expert-weights", "--city", "杭州"]) == 0
    assert table_rows(capsys.readouterr().out)["杭州"][-1] == "3.00"
    assert stored_weights(path)[OPS] == 3.0
    other = write_weights(rules.parent / "other.yaml", {OPS: 1.5, COMMON: 4.5})
    assert main(["score", "--db", str(path), "--weights", str(other), "--city", "杭州"]) == 0
    # 3 x 1.5/3 = 1.5
    assert table_rows(capsys.readouterr().out)["杭州"][-1] == "1.50"


def test_bad_weights_files_name_the_file(setup, capsys) -> None:
    rules, path = setup
    bad = write_weights(rules.parent / "bad.yaml", {OPS: 4})
    assert main(["score", "--db", str(path), "--weights", str(bad)]) == 2
    # 100 - 3 + 4 = 101; the mapping under 'weights:' (line 2) starts on line 3
    assert capsys.readouterr().err == (
        f"错误 error: {bad}:3: the weights sum to 101, not 100 (±0.01)\n")
    weights = {t.name: t.weight for t in TREE.tertiaries}
    del weights[OPS]
    weights["城市大脑"] = 3
    bad.write_text(yaml.safe_dump({"weights": weights}, allow_unicode=True), encoding="utf-8")
    assert main(["score", "--db", str(path), "--weights", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: {bad}:2: unknown indicator '城市大脑': use the tertiary names of "
        "rules/indicators.yaml\n")
    del weights["城市大脑"]
    bad.write_text(yaml.safe_dump({"weights": weights}, allow_unicode=True), encoding="utf-8")
    assert main(["score", "--db", str(path), "--weights", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: {bad}:2: no weight for '城市运行平台': all 31 tertiary indicators need one\n")
    missing = rules.parent / "missing.yaml"
    assert main(["score", "--db", str(path), "--weights", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: {missing}: cannot read file (No such file or directory)\n")
