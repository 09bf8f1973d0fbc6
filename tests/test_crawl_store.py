"""When a source is paged to its end again: after a run that did not finish its pass."""

from __future__ import annotations

import pytest

from crawler.sites import Source
from crawler.store import CrawlStore
from db.connection import open_db

URL = "http://www.beijing.gov.cn/zhengce/zfwj/index.html"


@pytest.fixture()
def store(tmp_path):
    db = open_db(tmp_path / "s.db")
    db["cities"].insert({"name": "北京", "province": "北京", "kind": "municipality"})
    return CrawlStore(db)


def previous_run(store: CrawlStore, status: str) -> int:
    run = store.begin_run({})
    source_id = store.sync_sources([Source("北京", URL)])[URL]
    store.start_source_run(run, source_id)
    store.finish_source_run(run, source_id, status, {"errors": 1}, None)
    return source_id


def test_first_run_pages_to_the_end(store):
    source_id = store.sync_sources([Source("北京", URL)])[URL]
    assert store.needs_catch_up(source_id, store.begin_run({})) is True


@pytest.mark.parametrize(("status", "catch_up"), [
    ("ok", False), ("empty", False), ("interrupted", True), ("running", True),
    ("blocked", True), ("unreachable", True), ("broken", True),
])
def test_catch_up_follows_the_last_status(store, status, catch_up):
    source_id = previous_run(store, status)
    assert store.needs_catch_up(source_id, store.begin_run({})) is catch_up


def test_sync_sources_is_idempotent(store):
    first = store.sync_sources([Source("北京", URL, cms="trs")])
    again = store.sync_sources([Source("北京", URL, cms="auto")])
    assert first == again
    assert list(store.db.execute("SELECT cms FROM sources")) == [("auto",)]


def test_a_list_without_rows_is_empty_first_and_broken_once_it_had_documents():
    from crawler.plan import SourcePlan
    from crawler.state import SourceState

    fresh = SourceState(SourcePlan(1, Source("北京", URL), None, True, had_documents=0))
    fresh.add("lists_fetched")
    assert (fresh.status(), fresh.message()) == ("empty", None)
    known = SourceState(SourcePlan(1, Source("北京", URL), None, False, had_documents=70))
    known.add("lists_fetched")
    assert known.status() == "broken"
    assert known.message() == "列表解析为空（此前有 70 篇） list parsed empty, had documents before"
