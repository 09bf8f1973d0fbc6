"""Hostile documents and bad input: everything crawled is escaped, the stored copy is
sandboxed, and bad ids, parameters or tokens give a Chinese 4xx page, never a traceback."""

from __future__ import annotations

import pytest

from db import open_db
from tests.audit_support import (
    INDICATOR,
    csrf_of,
    error_message,
    login,
    make_client,
    prepare,
)
from tests.scoring_support import add_document, add_evidence

PAIR_URL = f"/city/杭州/{INDICATOR}"
CSRF_MESSAGE = ("CSRF 校验失败，请刷新页面后重试 the form's CSRF token is missing or invalid: "
                "reload the page")


@pytest.fixture
def audit_db(tmp_path, monkeypatch):
    return prepare(tmp_path, monkeypatch)


def _review_states(path) -> list[tuple[int, str]]:
    db = open_db(path)
    rows = db.conn.execute("SELECT id, review_status FROM evidence ORDER BY id").fetchall()
    actions = db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action != 'login'"
                              ).fetchone()[0]
    db.conn.close()
    return rows + [(-1, str(actions))]


def test_crawled_script_tags_show_as_text(audit_db):
    client = make_client(audit_db)
    login(client)
    for url in (PAIR_URL, f"/document/{audit_db.doc}", "/search?q=可信数据", "/queue"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<script>document" not in page, url
        assert "&lt;script&gt;alert(&#39;" in page, url
    page = client.get(PAIR_URL).get_data(as_text=True)
    assert ("杭州市可信数据空间通知&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page)


def test_stored_copy_is_sandboxed(audit_db):
    client = make_client(audit_db)
    response = client.get(f"/document/{audit_db.doc}/stored")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    as_text = client.get(f"/document/{audit_db.doc}/stored?as=text")
    assert as_text.mimetype == "text/plain"
    assert as_text.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    page = client.get(f"/document/{audit_db.doc}").get_data(as_text=True)
    assert '<iframe class="stored" sandbox=""' in page
    assert "script-src 'self'" in client.get("/").headers["Content-Security-Policy"]


def test_javascript_urls_are_not_links(audit_db):
    db = open_db(audit_db.path)
    doc = add_document(db, "杭州", "javascript:alert(1)", title="伪造链接", text="正文")
    add_evidence(db, "杭州", INDICATOR, "planned", status="planned", document_id=doc)
    db.conn.close()
    client = make_client(audit_db)
    page = client.get(PAIR_URL).get_data(as_text=True)
    assert 'href="javascript:' not in page
    assert "无原文链接" in page
    page = client.get(f"/document/{doc}").get_data(as_text=True)
    assert 'href="javascript:' not in page


def test_huge_snippet_is_cut(audit_db):
    db = open_db(audit_db.path)
    add_evidence(db, "杭州", INDICATOR, "planned", status="planned", snippet="长" * 200_000)
    db.conn.close()
    response = make_client(audit_db).get(PAIR_URL)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    # MAX_MARK_CHARS = 600 characters are shown, then the cut notice.
    assert "<mark>" + "长" * 600 + "</mark><span class=\"cut\">…（摘录过长，已截断）</span>" in page
    assert len(page) < 60_000


@pytest.mark.parametrize(("url", "message"), [
    ("/document/999", "没有编号为 999 的文件 no such document"),
    ("/document/999/stored", "文件 999 没有保存的网页副本 no stored copy"),
    ("/document/abc", "页面或记录不存在 no such page or record"),
    ("/city/不存在", "没有名为“不存在”的城市 no such city"),
    ("/city/杭州/不存在", "没有名为“不存在”的三级指标 no such tertiary indicator"),
    ("/city/不存在/" + INDICATOR, "没有名为“不存在”的城市 no such city"),
    ("/indicator/不存在", "没有名为“不存在”的三级指标 no such tertiary indicator"),
    ("/search?q=数据&city=不存在", "没有名为“不存在”的城市 no such city"),
    ("/no/such/page", "页面或记录不存在 no such page or record"),
    ("/document/99999999999999999999999", "页面或记录不存在 no such page or record"),
    ("/document/-1", "页面或记录不存在 no such page or record"),
])
def test_unknown_ids_give_404(audit_db, url, message):
    response = make_client(audit_db).get(url)
    assert response.status_code == 404
    assert error_message(response) == message
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(("url", "message"), [
    ("/search?q=数据&page=abc", "参数 page 必须是 1 到 10000 之间的整数 'page' must be an "
                                "integer from 1 to 10000"),
    ("/search?q=数据&page=0", "参数 page 必须是 1 到 10000 之间的整数 'page' must be an "
                              "integer from 1 to 10000"),
    ("/audit?page=99999999999999999999999", "参数 page 必须是 1 到 10000 之间的整数 'page' "
                                            "must be an integer from 1 to 10000"),
    ("/search?q=" + "数" * 201, "搜索词过长（最多 200 字）query too long"),
])
def test_bad_parameters_give_400(audit_db, url, message):
    response = make_client(audit_db).get(url)
    assert response.status_code == 400
    assert error_message(response) == message


def test_search_operators_and_quotes_are_literal(audit_db):
    client = make_client(audit_db)
    for query in ('"AND OR * (', "' OR 1=1 --", "NEAR(数据 流通)", "%", "_"):
        response = client.get("/search", query_string={"q": query})
        assert response.status_code == 200, query
        assert "共 0 个文件" in response.get_data(as_text=True), query


def test_control_characters_are_dropped_from_search(audit_db):
    # A NUL would end the FTS5 string early; without them the query is 数据流通设, found in the
    # one 杭州 document.
    response = make_client(audit_db).get("/search", query_string={"q": "数\x00据\x00流通设"})
    assert response.status_code == 200
    assert "共 1 个文件" in response.get_data(as_text=True)


def test_post_without_or_with_wrong_csrf_token_is_refused(audit_db):
    client = make_client(audit_db)
    token = login(client)
    before = _review_states(audit_db.path)
    for form in ({"decision": "reject"}, {"decision": "reject", "csrf_token": "forged"},
                 {"decision": "reject", "csrf_token": ""}):
        response = client.post(f"/evidence/{audit_db.built}/review", data=form)
        assert response.status_code == 400
        assert error_message(response) == CSRF_MESSAGE
    response = client.post("/override", data={"city": "杭州", "indicator": INDICATOR,
                                               "points": "1", "reason": "无令牌"})
    assert error_message(response) == CSRF_MESSAGE
    assert _review_states(audit_db.path) == before
    # The header htmx sends is accepted in place of the form field.
    response = client.post(f"/evidence/{audit_db.built}/review", data={"decision": "reject"},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 302


def test_login_form_needs_csrf_too(audit_db):
    client = make_client(audit_db)
    response = client.post("/login", data={"name": "张三"})
    assert response.status_code == 400
    assert error_message(response) == CSRF_MESSAGE


def test_actions_need_a_login(audit_db):
    client = make_client(audit_db)
    token = csrf_of(client)
    response = client.post(f"/evidence/{audit_db.built}/review",
                           data={"decision": "accept", "csrf_token": token})
    assert response.status_code == 403
    assert error_message(response) == "请先登录再审核 log in before reviewing"


def test_bad_review_input(audit_db):
    client = make_client(audit_db)
    token = login(client)
    response = client.post(f"/evidence/{audit_db.built}/review",
                           data={"decision": "delete", "csrf_token": token})
    assert response.status_code == 400
    assert error_message(response) == ("审核结论只能是 accept、reject 或 reset "
                                       "decision must be accept, reject or reset")
    response = client.post("/evidence/999/review", data={"decision": "accept",
                                                         "csrf_token": token})
    assert response.status_code == 404
    assert error_message(response) == "没有编号为 999 的证据 no such evidence"
    response = client.post("/override", data={"csrf_token": token, "city": "杭州",
                                              "indicator": "不存在", "points": "1",
                                              "reason": "x"})
    assert response.status_code == 404
    response = client.get(f"/evidence/{audit_db.built}/review")
    assert response.status_code == 405
    assert error_message(response) == "该地址不接受此请求方法 method not allowed"


def test_unexpected_errors_show_a_chinese_500_without_traceback(audit_db, monkeypatch):
    import audit.pages

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(audit.pages, "review_queue", broken)
    response = make_client(audit_db).get("/queue")
    assert response.status_code == 500
    assert error_message(response) == ("处理请求时出错，已记录日志 the request failed; "
                                       "the error was logged")
    assert "boom" not in response.get_data(as_text=True)


def test_oversized_forms_are_refused(audit_db):
    client = make_client(audit_db)
    token = login(client)
    form = {"csrf_token": token, "city": "杭州", "indicator": INDICATOR, "points": "1"}
    response = client.post("/override", data={**form, "reason": "理" * 1001})
    assert response.status_code == 400
    assert error_message(response) == "理由过长（最多 1000 字）reason too long"
    # MAX_CONTENT_LENGTH is 64 KiB: 70,000 characters of ASCII exceed it.
    response = client.post("/override", data={**form, "reason": "x" * 70_000})
    assert response.status_code == 413
    assert error_message(response) == "提交的内容过大 request too large"
    response = client.post("/evidence/99999999999999999999999/review",
                           data={"csrf_token": token, "decision": "accept"})
    assert response.status_code == 404
