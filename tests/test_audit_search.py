"""Document search: FTS5 trigram for three or more characters, LIKE below that."""

from __future__ import annotations

import pytest

from audit.search import fts_phrase, like_pattern, search_documents
from db import open_db
from tests.audit_support import prepare
from tests.scoring_support import add_document


@pytest.fixture
def db(tmp_path, monkeypatch):
    audit = prepare(tmp_path, monkeypatch)
    db = open_db(audit.path)
    add_document(db, "宁波", "https://www.ningbo.gov.cn/1.html", title="宁波市一网统管方案",
                 issuer="宁波市人民政府", published_date="2024-03-01",
                 text="宁波推进城市运行一网统管，建设城市运行管理平台。")
    add_document(db, "宁波", "https://www.ningbo.gov.cn/2.html", title="宁波数据100%归集",
                 text="数据归集率达到100%。")
    yield db
    db.conn.close()


def test_fts_for_three_characters_or_more(db):
    result = search_documents(db, "一网统管")
    assert (result.mode, result.total) == ("fts", 1)
    row = result.rows[0]
    assert row["title"] == "宁波市一网统管方案"
    # The text is 宁波推进城市运行一网统管，...: the hit starts at character 9.
    assert (row["before"], row["marked"]) == ("宁波推进城市运行", "一网统管")
    assert row["after"].startswith("，建设城市运行管理平台")


def test_like_for_shorter_queries(db):
    result = search_documents(db, "统管")
    assert (result.mode, result.total) == ("like", 1)
    # 宁波 appears in both 宁波 documents, not in the 杭州 one.
    assert search_documents(db, "宁波").total == 2
    assert search_documents(db, "宁波", city="杭州").total == 0


def test_like_wildcards_are_literal(db):
    assert like_pattern("1_%") == "%1\\_\\%%"
    # Only the second document has a literal %.
    assert [r["title"] for r in search_documents(db, "%").rows] == ["宁波数据100%归集"]


def test_fts_phrase_quotes_operators():
    assert fts_phrase('a "b" OR c') == '"a ""b"" OR c"'


def test_search_page_marks_the_hit(db, tmp_path):
    from audit.app import create_app
    from audit.config import AuditConfig

    client = create_app(AuditConfig(tmp_path / "audit.db")).test_client()
    page = client.get("/search", query_string={"q": "一网统管"}).get_data(as_text=True)
    assert "宁波推进城市运行<mark>一网统管</mark>，建设城市运行管理平台" in page
    assert "三字及以上用全文索引" in page
