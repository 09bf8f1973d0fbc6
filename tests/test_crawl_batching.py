"""Batched commits of the DB pipeline: each document atomic, a batch visible only once
committed, and the in-memory URL set never turning a known document into a duplicate."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pytest

from crawler.detail import content_hash
from crawler.pipelines import BATCH_DOCUMENTS, DocumentPipeline
from crawler.store import CrawlStore
from db.connection import open_db

BASE = "http://www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_"


def doc(n: int, text: str = "正文", attachments: int = 1) -> dict:
    url = f"{BASE}{n}.html"
    return {"city": "北京", "source_id": None, "url": url, "title": "标题", "text": text,
            "content_hash": content_hash("标题", text),
            "attachments": [{"url": f"{url}.{k}.pdf", "status": "ok", "file_type": "pdf"}
                            for k in range(attachments)]}


def count(path, table: str) -> int:
    """Rows another process would see: a separate connection reads committed data only."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture()
def pipeline(tmp_path):
    path = tmp_path / "b.db"
    open_db(path)["cities"].insert({"name": "北京", "province": "北京", "kind": "municipality"})
    outcomes: list[tuple] = []
    spider = SimpleNamespace(record_outcome=lambda *args: outcomes.append(args))
    crawler = SimpleNamespace(settings={"CITYDX_DB": str(path)}, spider=spider)
    pipe = DocumentPipeline.from_crawler(crawler)
    pipe.open_store()
    pipe.path, pipe.outcomes = path, outcomes
    yield pipe
    pipe.close_spider()


def test_a_batch_is_invisible_until_committed_then_whole(pipeline):
    for n in range(3):
        pipeline.process_item(doc(n, attachments=2))
    assert (count(pipeline.path, "documents"), count(pipeline.path, "attachments")) == (0, 0)
    pipeline.close_spider()
    # 3 documents with 2 attachments each: 3 rows and 3 * 2 = 6 attachment rows.
    assert (count(pipeline.path, "documents"), count(pipeline.path, "attachments")) == (3, 6)
    assert [o[1] for o in pipeline.outcomes] == ["new", "new", "new"]


def test_a_full_batch_commits_without_waiting_for_the_end(pipeline):
    for n in range(BATCH_DOCUMENTS + 1):
        pipeline.process_item(doc(n))
    # The first BATCH_DOCUMENTS are committed; the one after opens the next batch.
    assert count(pipeline.path, "documents") == BATCH_DOCUMENTS
    assert pipeline.pending == 1


def test_a_document_that_fails_leaves_the_rest_of_its_batch(pipeline):
    pipeline.process_item(doc(1, attachments=2))
    broken = doc(2, attachments=2)
    del broken["attachments"][1]["url"]  # its second attachment cannot be written
    with pytest.raises(KeyError):
        pipeline.process_item(broken)
    pipeline.process_item(doc(3, attachments=1))
    pipeline.close_spider()
    urls = sqlite3.connect(pipeline.path).execute("SELECT url FROM documents ORDER BY url")
    assert [u for (u,) in urls] == [f"{BASE}1.html", f"{BASE}3.html"]
    # Document 2's first attachment went with it: 2 (doc 1) + 1 (doc 3) = 3 attachments.
    assert count(pipeline.path, "attachments") == 3


def test_a_url_stored_by_another_process_is_updated_not_duplicated(tmp_path):
    path = tmp_path / "s.db"
    db = open_db(path)
    db["cities"].insert({"name": "北京", "province": "北京", "kind": "municipality"})
    stale = CrawlStore(db, stored_urls=set())  # loaded before the other writer stored doc 1
    assert CrawlStore(open_db(path)).save_document(doc(1, "第一版")) == "new"
    assert stale.save_document(doc(1, "第二版")) == "changed"
    assert stale.save_document(doc(1, "第二版")) == "unchanged"
    assert list(db.execute("SELECT version, text FROM documents")) == [(2, "第二版")]
    assert stale.stored_urls == {f"{BASE}1.html"}
