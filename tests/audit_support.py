"""Shared set-up for the audit UI tests: a small scored database with a hostile document.

Scores worked out by hand from rules/indicators.yaml (数据流通基础设施, weight 4: planned 1,
built 3, multiple_built 4; no quantity part):
- 杭州 has a built row (#BUILT, confidence 0.9) and a planned row (#PLANNED, confidence 0.6):
  best level built = 3 points; every other indicator 0, so 杭州's total is 3.
- 宁波 has one built row: 3 points, total 3.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from audit.app import create_app
from audit.config import AuditConfig
from tests.scoring_support import (
    add_document,
    add_evidence,
    isolated_rules,
    make_db,
    mark_searched,
    run_scoring,
)

INDICATOR = "数据流通基础设施"
HOSTILE_TITLE = "杭州市可信数据空间通知<script>alert('title')</script>"
HOSTILE_HTML = ("<html><body><script>document.title='pwned'</script>"
                "<p>杭州建成可信数据流通设施。</p><img src=x onerror=alert(1)></body></html>")
BODY = ("为推进数据要素市场化，杭州建成可信数据流通设施。<script>alert('text')</script>"
        "下一步规划扩容。")
BUILT_SENTENCE = "杭州建成可信数据流通设施。"
PLANNED_SENTENCE = "下一步规划扩容。"


@dataclass(frozen=True)
class AuditDb:
    path: Path
    doc: int
    built: int
    planned: int
    ningbo: int


def build_audit_db(tmp_path: Path) -> AuditDb:
    path = tmp_path / "audit.db"
    db = make_db(path, ("杭州", "宁波"))
    for city in ("杭州", "宁波"):
        mark_searched(db, city)
    doc = add_document(db, "杭州", "https://www.hangzhou.gov.cn/art/1.html", title=HOSTILE_TITLE,
                       issuer="杭州市数据资源管理局", doc_number="杭数资〔2024〕1号",
                       written_date="2024-04-28", published_date="2024-05-01", text=BODY,
                       html=HOSTILE_HTML)
    start = BODY.index(BUILT_SENTENCE)
    built = add_evidence(db, "杭州", INDICATOR, "built", document_id=doc, confidence=0.9,
                         snippet=BUILT_SENTENCE, start_offset=start,
                         end_offset=start + len(BUILT_SENTENCE))
    start = BODY.index(PLANNED_SENTENCE)
    planned = add_evidence(db, "杭州", INDICATOR, "planned", status="planned", document_id=doc,
                           confidence=0.6, snippet=PLANNED_SENTENCE, start_offset=start,
                           end_offset=start + len(PLANNED_SENTENCE), rule_id="test_planned")
    ningbo = add_evidence(db, "宁波", INDICATOR, "built", snippet="宁波建成数据交易平台。")
    run_scoring(db)
    db.conn.close()
    return AuditDb(path, doc, built, planned, ningbo)


def prepare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AuditDb:
    """Private rules (no expert weights, no reviewers file) and the scored database."""
    isolated_rules(tmp_path, monkeypatch)
    return build_audit_db(tmp_path)


def make_client(audit: AuditDb, secret: str | None = None, reviewers: tuple[str, ...] = ()):
    app = create_app(AuditConfig(audit.path, secret, reviewers))
    app.config["TESTING"] = False
    return app.test_client()


def csrf_of(client) -> str:
    """The session's CSRF token, created by loading any page."""
    client.get("/login")
    with client.session_transaction() as session:
        return session["csrf"]


def login(client, name: str = "张三", secret: str | None = None) -> str:
    token = csrf_of(client)
    form = {"csrf_token": token, "name": name}
    if secret is not None:
        form["secret"] = secret
    response = client.post("/login", data=form)
    if response.status_code != 302:
        raise AssertionError(f"login failed: {response.status_code}")
    return token


def error_message(response) -> str:
    """The one-line message of an error page, unescaped, for word-for-word assertions."""
    found = re.search(r'<p class="error-message"[^>]*>(.*?)</p>', response.get_data(as_text=True),
                      re.S)
    if found is None:
        raise AssertionError(f"no error message in a {response.status_code} page")
    return html.unescape(found.group(1))
