"""What a run stores: aggregates that add up, links behind every point, the query API, ranking."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from scoring_support import (
    TREE,
    add_document,
    add_evidence,
    make_db,
    mark_searched,
    run_scoring,
)

from scoring.engine import IndicatorScore
from scoring.ranking import competition_ranks
from scoring.results import (
    aggregates,
    city_totals,
    evidence_for_score,
    indicator_breakdown,
    latest_run_id,
    run_info,
)
from scoring.store import write_run


@pytest.fixture
def db(tmp_path: Path):
    db = make_db(tmp_path / "t.db")
    for city in ("杭州", "宁波", "北京", "广州"):
        mark_searched(db, city)
    return db


def hangzhou(db) -> dict[str, int]:
    doc = add_document(db, "杭州", "https://www.hangzhou.gov.cn/a.html", title="一网统管通知",
                       published_date="2024-05-01")
    return {
        # 城市运行平台 unified_platform 3 (大平台, 网络化共治力)
        "ops": add_evidence(db, "杭州", "城市运行平台", "unified_platform", document_id=doc,
                            evidence_date=None),
        # 城市基础共性平台 one_kind 1.5 (大平台)
        "common": add_evidence(db, "杭州", "城市基础共性平台", "one_kind"),
        # 数据安全保护 dedicated_policy 3 (大安全, 网络化共治力)
        "security": add_evidence(db, "杭州", "数据安全保护", "dedicated_policy"),
        # 算力基础设施 built 1.5 + quantity 2.5 x 1.0 (the only city with a quantity) = 4
        "compute": add_evidence(db, "杭州", "算力基础设施", "built", quantity=300),
    }


def test_aggregates_add_up(db) -> None:
    hangzhou(db)
    run_id, _ = run_scoring(db)
    rows = {(r["tier"], r["indicator"]): r["points"] for r in aggregates(db, run_id, "杭州")}
    # 大平台 3 + 1.5 = 4.5; 大安全 3; 网络化共治力 4.5 + 3 = 7.5; 数字基础 4 = 数字化支撑力;
    # total 7.5 + 4 = 11.5; the other secondaries and primaries are 0
    assert rows[("secondary", "大平台")] == 4.5
    assert rows[("secondary", "大安全")] == 3.0
    assert rows[("secondary", "数字基础")] == 4.0
    assert rows[("primary", "网络化共治力")] == 7.5
    assert rows[("primary", "数字化支撑力")] == 4.0
    assert rows[("primary", "智能化引领力")] == 0.0
    assert rows[("total", "总分")] == 11.5
    assert len(rows) == 11 + 4 + 1
    assert sum(v for (tier, _), v in rows.items() if tier == "secondary") == 11.5
    total = db.conn.execute("SELECT total FROM city_results WHERE city = '杭州'").fetchone()[0]
    assert total == 11.5


def test_every_point_is_traceable(db) -> None:
    hangzhou(db)
    add_evidence(db, "宁波", "城市运行平台", "planned", attribution="province")
    add_evidence(db, "宁波", "算力基础设施", "planned", quantity=3)
    run_id, _ = run_scoring(db)
    untraced = db.conn.execute(
        "SELECT city, indicator FROM indicator_scores s WHERE points > 0 AND reason = 'evidence' "
        "AND NOT EXISTS (SELECT 1 FROM indicator_score_evidence l WHERE l.score_id = s.id)"
    ).fetchall()
    assert untraced == []
    mismatched = db.conn.execute(
        "SELECT COUNT(*) FROM indicator_score_evidence l JOIN indicator_scores s "
        "ON s.id = l.score_id JOIN evidence e ON e.id = l.evidence_id "
        "WHERE e.city != s.city OR e.indicator != s.indicator").fetchone()[0]
    assert mismatched == 0
    # 4 杭州 rows + 2 宁波 rows, each behind exactly one score
    assert db["indicator_score_evidence"].count == 6


def test_query_api(db) -> None:
    ids = hangzhou(db)
    run_id, _ = run_scoring(db)
    assert latest_run_id(db) == run_id
    info = run_info(db, run_id)
    assert (info["as_of"], info["rules_version"]) == ("2024-11-30", "2024.1")
    assert info["weights"] == {t.name: t.weight for t in TREE.tertiaries}
    breakdown = indicator_breakdown(db, run_id, "杭州")
    assert [r["indicator"] for r in breakdown] == [t.name for t in TREE.tertiaries]
    ops = next(r for r in breakdown if r["indicator"] == "城市运行平台")
    assert (ops["level"], ops["points"], ops["reason"], ops["evidence_count"]) == (
        "unified_platform", 3.0, "evidence", 1)
    evidence = evidence_for_score(db, ops["id"])
    assert [(e["id"], e["title"], e["published_date"]) for e in evidence] == [
        (ids["ops"], "一网统管通知", "2024-05-01")]
    top = city_totals(db, run_id)[0]
    assert (top["rank"], top["city"], top["total"]) == (1, "杭州", 11.5)
    assert top["primaries"] == {"数字化支撑力": 4.0, "网络化共治力": 7.5, "智能化引领力": 0.0,
                                "一体化创新力": 0.0}


def test_ties_share_a_rank(db) -> None:
    # 杭州 3 (unified_platform), 宁波 2 (city_brain), 北京 2 (city_brain), 广州 1 (planned)
    for city, level in (("杭州", "unified_platform"), ("宁波", "city_brain"),
                        ("北京", "city_brain"), ("广州", "planned")):
        add_evidence(db, city, "城市运行平台", level)
    run_id, _ = run_scoring(db)
    ranks = [(r["rank"], r["city"]) for r in city_totals(db, run_id)]
    assert ranks == [(1, "杭州"), (2, "北京"), (2, "宁波"), (4, "广州")]
    assert competition_ranks([1.0, 5.0, 3.0, 3.0, 0.1 + 0.2, 0.3]) == [4, 1, 2, 2, 5, 5]


def test_a_failed_write_stores_nothing(db) -> None:
    add_evidence(db, "杭州", "城市运行平台", "planned")
    _, run = run_scoring(db)
    before = [db[t].count for t in ("scoring_runs", "indicator_scores", "aggregate_scores")]
    run.scores.append(IndicatorScore("不存在", "城市运行平台", None, 0, None, None, 0, 0,
                                     "not_searched", None, ()))
    with pytest.raises(sqlite3.IntegrityError):
        write_run(db, run)
    after = [db[t].count for t in ("scoring_runs", "indicator_scores", "aggregate_scores")]
    assert after == before
