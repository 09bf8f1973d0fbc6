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


def test_refresh_days_selects_documents_published_in_the_window():
    import datetime as dt

    from crawler.plan import CrawlOptions, CrawlPlan, SourcePlan
    from crawler.store import KnownDocument

    known = {
        "http://www.beijing.gov.cn/a.html": KnownDocument(1, "h", "2024-11-01", 7),
        "http://www.beijing.gov.cn/b.html": KnownDocument(2, "h", "2024-10-31", 7),
        "http://www.beijing.gov.cn/c.html": KnownDocument(3, "h", None, 7),
        "http://www.beijing.gov.cn/d.html": KnownDocument(4, "h", "2024-11-20", 8),
    }
    sources = [SourcePlan(7, Source("北京", URL), None, False, 3)]
    options = CrawlOptions(refresh_days=30, today=dt.date(2024, 12, 1))
    plan = CrawlPlan(1, "x.db", sources, known, options)
    # 2024-12-01 minus 30 days is 2024-11-01: a.html is in, b.html one day out, c.html has no
    # date, d.html belongs to a source outside this run.
    assert plan.refresh_urls() == [("http://www.beijing.gov.cn/a.html", 7)]
    assert CrawlPlan(1, "x.db", sources, known, CrawlOptions()).refresh_urls() == []
