"""The audit UI with a provincial document: the document page names the province entry as its
owner and links the cities its evidence counts for; the entry has no city page and is in no
ranking or indicator list."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote

import pytest

from citydx.registry import Registry, load_registry
from db.cities import sync_cities
from tests.audit_support import AuditDb, error_message, make_client
from tests.scoring_support import (
    add_document,
    add_evidence,
    isolated_rules,
    make_db,
    mark_searched,
    run_scoring,
)

INDICATOR = "公共数据授权运营"
SNIPPET = "浙江省公共数据授权运营管理办法"


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    isolated_rules(tmp_path, monkeypatch)
    path = tmp_path / "audit.db"
    db = make_db(path, ("杭州", "宁波"))
    sync_cities(db, Registry((), provinces=(load_registry().get("浙江省"),)))
    doc = add_document(db, "浙江省", "https://www.zj.gov.cn/art/2024/5/6/art_1_1.html",
                       title=SNIPPET, issuer="浙江省人民政府办公厅",
                       published_date="2024-05-06", text=SNIPPET + "。")
    for city in ("杭州", "宁波"):
        mark_searched(db, city)
        add_evidence(db, city, INDICATOR, "measures_issued", status="issued", document_id=doc,
                     attribution="province", snippet=SNIPPET, start_offset=0,
                     end_offset=len(SNIPPET))
    run_scoring(db)
    db.conn.close()
    return make_client(AuditDb(path, doc, 0, 0, 0)), doc


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.get_data(as_text=True))


def test_document_page_names_the_province_as_owner_and_links_its_cities(client) -> None:
    client, doc = client
    text = page(client, f"/document/{doc}")
    assert "<dt>发布门户</dt><dd class=\"owner\">浙江省（省级门户）</dd>" in text
    for city in ("杭州", "宁波"):  # url_for percent-encodes the names
        assert f'<a href="/city/{quote(city)}">{city}</a>' in text, city
    assert "/city/" + quote("浙江省") not in text


def test_the_province_entry_has_no_city_page_and_is_in_no_list(client) -> None:
    client, _ = client
    response = client.get("/city/" + quote("浙江省"))
    assert response.status_code == 404
    assert error_message(response) == "没有名为“浙江省”的城市 no such city"
    ranking = page(client, "/")
    assert "杭州" in ranking and "宁波" in ranking and "浙江省" not in ranking
    across = page(client, "/indicator/" + quote(INDICATOR))
    assert "杭州" in across and "浙江省" not in across
