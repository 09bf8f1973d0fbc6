"""Accept, reject and override through the app: audited with who and when, rescored at once.

Scores follow tests/audit_support.py: 杭州 数据流通基础设施 = 3 (built row) at the start.
"""

from __future__ import annotations

import json

import pytest

from audit.exports import last_export, record_export
from audit.queue import review_queue
from db import open_db
from scoring.results import city_totals, latest_run_id
from tests.audit_support import INDICATOR, error_message, login, make_client, prepare

PAIR_URL = f"/city/杭州/{INDICATOR}"


@pytest.fixture
def audit_db(tmp_path, monkeypatch):
    return prepare(tmp_path, monkeypatch)


def _points(path, city: str = "杭州") -> tuple[float, float]:
    """(数据流通基础设施 points, total) of the city in the latest run."""
    db = open_db(path)
    run = latest_run_id(db)
    points = db.conn.execute("SELECT points FROM indicator_scores WHERE scoring_run_id = ? "
                             "AND city = ? AND indicator = ?", [run, city, INDICATOR]).fetchone()
    total = next(r["total"] for r in city_totals(db, run) if r["city"] == city)
    db.conn.close()
    return points[0], total


def _audit_rows(path) -> list[tuple]:
    db = open_db(path)
    rows = db.conn.execute("SELECT actor, action, entity, entity_id, details, at FROM audit_log "
                           "WHERE action != 'login' ORDER BY id").fetchall()
    db.conn.close()
    return rows


def test_reject_then_accept_rescores_and_audits(audit_db):
    client = make_client(audit_db)
    token = login(client, "张三")
    assert _points(audit_db.path) == (3.0, 3.0)
    response = client.post(f"/evidence/{audit_db.built}/review",
                           data={"csrf_token": token, "decision": "reject"})
    assert response.status_code == 302
    # Without the built row only the planned row counts: planned = 1 point, total 1.
    assert _points(audit_db.path) == (1.0, 1.0)
    page = client.get(PAIR_URL).get_data(as_text=True)
    assert '<strong id="pair-points">1.00</strong>' in page
    assert "证据 #1 已驳回" in page
    client.post(f"/evidence/{audit_db.built}/review",
                data={"csrf_token": token, "decision": "accept"})
    assert _points(audit_db.path) == (3.0, 3.0)
    rows = _audit_rows(audit_db.path)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("张三", "reject_evidence", "evidence", str(audit_db.built)),
        ("张三", "accept_evidence", "evidence", str(audit_db.built)),
    ]
    assert json.loads(rows[0][4])["from"] == "pending"
    assert json.loads(rows[1][4]) == {"city": "杭州", "indicator": INDICATOR, "from": "rejected",
                                      "to": "accepted", "origin": "ui"}
    assert all(r[5] for r in rows)


def test_htmx_review_returns_card_and_new_score(audit_db):
    client = make_client(audit_db)
    token = login(client)
    response = client.post(f"/evidence/{audit_db.built}/review",
                           data={"csrf_token": token, "decision": "reject"},
                           headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'id="ev-{audit_db.built}" data-review="rejected"' in html
    assert 'id="score-box" class="score-box" hx-swap-oob="true"' in html
    assert '<strong id="pair-points">1.00</strong>' in html
    assert '<strong id="city-total">1.00</strong>' in html


def test_override_with_reason_rescores_and_clear_restores(audit_db):
    client = make_client(audit_db)
    token = login(client, "李四")
    response = client.post("/override", data={
        "csrf_token": token, "city": "杭州", "indicator": INDICATOR, "points": "2.5",
        "reason": "平台仅部分上线"})
    assert response.status_code == 302
    assert _points(audit_db.path) == (2.5, 2.5)
    page = client.get(PAIR_URL).get_data(as_text=True)
    assert "平台仅部分上线" in page and '<span id="pair-reason">人工改分</span>' in page
    client.post("/override/clear", data={"csrf_token": token, "city": "杭州",
                                         "indicator": INDICATOR, "reason": "复核后按证据"})
    assert _points(audit_db.path) == (3.0, 3.0)
    db = open_db(audit_db.path)
    rows = db.conn.execute("SELECT points, reason, reviewer, origin, active FROM overrides"
                           ).fetchall()
    db.conn.close()
    assert rows == [(2.5, "平台仅部分上线", "李四", "ui", 0)]
    assert [r[:2] for r in _audit_rows(audit_db.path)] == [("李四", "override"),
                                                          ("李四", "clear_override")]


def test_override_without_reason_is_refused(audit_db):
    client = make_client(audit_db)
    token = login(client)
    for reason in ("", "   "):
        response = client.post("/override", data={
            "csrf_token": token, "city": "杭州", "indicator": INDICATOR, "points": "2",
            "reason": reason})
        assert response.status_code == 400
        assert error_message(response) == "人工改分必须填写理由 an override needs a reason"
    assert _points(audit_db.path) == (3.0, 3.0)
    assert _audit_rows(audit_db.path) == []


def test_override_points_outside_the_weight_are_refused(audit_db):
    client = make_client(audit_db)
    token = login(client)
    for raw, message in (("5", "override points 5 for '数据流通基础设施' must be between 0 and "
                               "its weight 4"),
                         ("abc", "分值必须是数字 points must be a number"),
                         ("nan", "分值必须是数字 points must be a number"),
                         ("", "分值必须是数字 points must be a number")):
        response = client.post("/override", data={
            "csrf_token": token, "city": "杭州", "indicator": INDICATOR, "points": raw,
            "reason": "试试"})
        assert response.status_code == 400
        assert error_message(response) == message
    assert _points(audit_db.path) == (3.0, 3.0)


def test_queue_lists_conflicts_low_confidence_and_changes_since_export(audit_db):
    db = open_db(audit_db.path)
    queue = review_queue(db)
    # 杭州 has a built and a planned row, both pending: both are in conflict; 宁波 has none.
    assert [e["id"] for e in queue.conflicts] == [audit_db.built, audit_db.planned]
    # Only the planned row's confidence (0.6) is below 0.8.
    assert [e["id"] for e in queue.low_confidence] == [audit_db.planned]
    assert queue.export is None and queue.changed == []
    record_export(db, "王五", latest_run_id(db), "sheets", 2)
    assert last_export(db)["actor"] == "王五"
    db.conn.close()
    client = make_client(audit_db)
    token = login(client)
    client.post(f"/evidence/{audit_db.planned}/review",
                data={"csrf_token": token, "decision": "reject"})
    db = open_db(audit_db.path)
    queue = review_queue(db)
    # The planned row is rejected: no conflict, nothing pending with low confidence, and the
    # built level still wins, so no score changed since the export.
    assert (queue.conflicts, queue.low_confidence, queue.changed) == ([], [], [])
    db.conn.close()
    client.post(f"/evidence/{audit_db.built}/review",
                data={"csrf_token": token, "decision": "reject"})
    db = open_db(audit_db.path)
    # Both 杭州 rows rejected: 3 -> 0 since the export.
    assert [(c["city"], c["indicator"], c["old"], c["new"]) for c in review_queue(db).changed
            ] == [("杭州", INDICATOR, 3.0, 0.0)]
    db.conn.close()
    page = client.get("/queue").get_data(as_text=True)
    assert "上次导出：评分批次 #1" in page
