"""Reviewer overrides: the latest active one wins, every change is audited, bad input is refused.

城市运行平台 (weight 3): planned 1, city_brain 2, unified_platform 3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scoring_support import TREE, add_evidence, isolated_rules, make_db, run_scoring, score_of

from citydx.cli import main
from citydx.errors import UnknownCityError, UnknownIndicatorError
from scoring.errors import (
    EmptyReasonError,
    EmptyReviewerError,
    NoActiveOverrideError,
    OverridePointsError,
)
from scoring.overrides import add_override, clear_override

OPS = "城市运行平台"


@pytest.fixture
def db(tmp_path: Path):
    return make_db(tmp_path / "t.db")


def test_override_wins_keeps_links_and_is_audited(db) -> None:
    row = add_evidence(db, "杭州", OPS, "city_brain")
    oid = add_override(db, TREE, "杭州", OPS, 0.5, "平台未上线", "张三")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # evidence would give 2.0; the override gives 0.5 and the evidence stays linked
    assert (s.points, s.reason, s.override_id, s.level_points, s.evidence_ids) == (
        0.5, "override", oid, 2.0, (row,))
    audit = db.conn.execute("SELECT actor, action, entity, entity_id, details "
                            "FROM audit_log").fetchall()
    assert len(audit) == 1
    actor, action, entity, entity_id, details = audit[0]
    assert (actor, action, entity, entity_id) == ("张三", "override", "overrides", str(oid))
    assert json.loads(details) == {"city": "杭州", "indicator": OPS, "points": 0.5,
                                   "reason": "平台未上线", "origin": "cli", "replaces": []}


def test_latest_override_replaces_the_previous(db) -> None:
    first = add_override(db, TREE, "杭州", OPS, 1.0, "初评", "张三")
    second = add_override(db, TREE, "杭州", OPS, 3.0, "复核", "李四", origin="sheet")
    active = db.conn.execute("SELECT id, active FROM overrides ORDER BY id").fetchall()
    assert active == [(first, 0), (second, 1)]
    details = json.loads(db.conn.execute(
        "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert details["replaces"] == [first]
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # no evidence at all, still the override's 3.0
    assert (s.points, s.reason, s.override_id, s.evidence_ids) == (3.0, "override", second, ())


def test_clear_override_returns_to_evidence(db) -> None:
    add_evidence(db, "杭州", OPS, "planned")
    oid = add_override(db, TREE, "杭州", OPS, 3.0, "复核", "张三")
    assert clear_override(db, TREE, "杭州", OPS, "撤销", "李四") == [oid]
    _, run = run_scoring(db)
    assert (score_of(run, "杭州", OPS).points, score_of(run, "杭州", OPS).reason) == (
        1.0, "evidence")
    actions = [r[0] for r in db.conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["override", "clear_override"]
    with pytest.raises(NoActiveOverrideError) as err:
        clear_override(db, TREE, "杭州", OPS, "撤销", "李四")
    assert str(err.value) == "no active override for 杭州 / 城市运行平台: nothing to clear"


@pytest.mark.parametrize("args, error, message", [
    (("上海", OPS, 1.0, "r", "p"), UnknownCityError,
     "unknown city '上海': use a name from rules/cities.yaml or add the city there"),
    (("杭州", "城市大脑", 1.0, "r", "p"), UnknownIndicatorError,
     "unknown indicator '城市大脑': use a tertiary indicator name from rules/indicators.yaml"),
    (("杭州", OPS, 3.5, "r", "p"), OverridePointsError,
     "override points 3.5 for '城市运行平台' must be between 0 and its weight 3"),
    (("杭州", OPS, -1.0, "r", "p"), OverridePointsError,
     "override points -1 for '城市运行平台' must be between 0 and its weight 3"),
    (("杭州", OPS, 1.0, "  ", "p"), EmptyReasonError,
     "an override needs a reason: pass --reason with a short explanation"),
    (("杭州", OPS, 1.0, "r", ""), EmptyReviewerError,
     "an override needs a reviewer: pass --reviewer NAME"),
])
def test_bad_overrides_are_refused(db, args, error, message) -> None:
    with pytest.raises(error) as err:
        add_override(db, TREE, *args)
    assert str(err.value) == message
    assert db["overrides"].count == 0 and db["audit_log"].count == 0


def test_override_verb(tmp_path: Path, monkeypatch, capsys) -> None:
    isolated_rules(tmp_path, monkeypatch)
    path = str(tmp_path / "cli.db")
    code = main(["override", "杭州", OPS, "2.5", "--reason", "已上线", "--reviewer", "张三",
                 "--db", path])
    assert code == 0
    assert capsys.readouterr().out == (
        "已记录人工分 override #1: 杭州 / 城市运行平台 = 2.5 "
        "(下次 citydx score 生效 applies at the next citydx score)\n")
    code = main(["override", "杭州", OPS, "9", "--reason", "x", "--reviewer", "张三",
                 "--db", path])
    assert code == 2
    assert capsys.readouterr().err == (
        "错误 error: override points 9 for '城市运行平台' must be between 0 and its weight 3\n")
    code = main(["override", "杭州", OPS, "--clear", "--reason", "撤销", "--reviewer", "李四",
                 "--db", path])
    assert (code, capsys.readouterr().out) == (
        0, "已撤销人工分 override cleared: 杭州 / 城市运行平台 (#1)\n")
