"""`citydx crawl` end to end against the bundled sample portals on 127.0.0.1.

Expected counts come from the sample corpus itself (crawler/samples/documents), which is the
input the server renders: every document it serves must be stored once, with its attachments.
"""

from __future__ import annotations

from collections import Counter

import pytest
from crawl_support import (
    SAMPLE_URLS,
    crawl,
    last_run,
    query,
    served,
    source_run,
    write_sites,
)

from crawler.samples.server import SampleServer
from crawler.samples.sites import SITES, site_by_key
from crawler.samples.world import SampleWorld

WORLD = SampleWorld()


def truth(key: str):
    site = site_by_key(key)
    renderer = WORLD.renderer(site)
    return {renderer.detail_url(d): d for d in WORLD.documents(site)}


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "citydx.db"
    result = crawl(db, "--samples")
    return db, result


def test_samples_crawl_stores_every_document_once(full_crawl):
    db, result = full_crawl
    assert result.returncode == 1, result.stderr  # 成都 answers 412: a failed source
    assert "采集结果" in result.stdout and "被拦截 blocked" in result.stdout
    per_city = dict(query(db, "SELECT city, count(*) FROM documents GROUP BY city"))
    expected = {s.city: len(truth(s.key)) for s in SITES if s.key != "chengdu"}
    assert per_city == expected
    stored = {url for (url,) in query(db, "SELECT url FROM documents")}
    for site in SITES:
        if site.key != "chengdu":
            assert set(truth(site.key)) <= stored, site.key
    assert not query(db, "SELECT url FROM documents WHERE url LIKE '%156152%' "
                         "OR url LIKE '%/gate/big5/%' OR url LIKE '%:8443%'")


def test_metadata_matches_the_served_documents(full_crawl):
    db, _ = full_crawl
    mismatches = Counter()
    for site in SITES:
        if site.key == "chengdu":
            continue
        for url, doc in truth(site.key).items():
            row = query(db, "SELECT title, issuer, doc_number, written_date, published_date, "
                            "index_number FROM documents WHERE url = ?", url)[0]
            want = (doc.title, doc.issuer, doc.doc_number or None, doc.written_date,
                    doc.published_date, doc.index_number or None)
            for name, got, exp in zip(("title", "issuer", "doc_number", "written", "published",
                                       "index"), row, want, strict=True):
                if got != exp:
                    mismatches[(site.key, name)] += 1
    assert mismatches == Counter()


def test_gbk_pages_and_texts_have_no_mojibake(full_crawl):
    db, _ = full_crawl
    assert query(db, "SELECT count(*) FROM documents WHERE instr(text, char(65533)) > 0 "
                     "OR instr(title, char(65533)) > 0") == [(0,)]
    assert query(db, "SELECT count(*) FROM documents WHERE city = '贵阳' AND length(text) > 50") \
        == [(len(truth("guiyang")),)]


def test_attachments_one_row_each_with_type_and_size_cap(full_crawl):
    db, _ = full_crawl
    for site in SITES:
        if site.key == "chengdu":
            continue
        docs = truth(site.key)
        want = sum(len(d.attachments) for d in docs.values())
        got = query(db, "SELECT count(*) FROM attachments a JOIN documents d "
                        "ON d.id = a.document_id WHERE d.city = ?", site.city)[0][0]
        assert got == want, site.key
    oversize = sum(1 for s in SITES for d in truth(s.key).values() for a in d.attachments
                   if a.kind == "oversize" and s.key != "chengdu")
    assert query(db, "SELECT count(*) FROM attachments WHERE status = 'too_large'") == \
        [(oversize,)]
    kinds = {k for (k,) in query(db, "SELECT DISTINCT file_type FROM attachments "
                                     "WHERE status != 'too_large'")}
    assert {"pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "zip"} <= kinds
    assert query(db, "SELECT count(*) FROM attachments WHERE status != 'too_large' "
                     "AND (size IS NULL OR size = 0 OR sha256 IS NULL)") == [(0,)]


def test_run_report_rows(full_crawl):
    db, _ = full_crawl
    run = last_run(db)
    chengdu = source_run(db, run, SAMPLE_URLS["chengdu"])
    assert chengdu["status"] == "blocked" and chengdu["new_documents"] == 0
    beijing = source_run(db, run, SAMPLE_URLS["beijing"])
    assert beijing["status"] == "ok"
    assert beijing["new_documents"] == len(truth("beijing"))
    assert query(db, "SELECT status FROM crawl_runs WHERE id = ?", run) == [("finished",)]


def test_incremental_recrawl_pinned_new_and_refreshed(tmp_path):
    db = tmp_path / "c.db"
    sites = write_sites(tmp_path, "beijing", "guangzhou")
    with SampleServer() as srv:
        args = ("--sites", str(sites), "--proxy", srv.proxy_url)
        first = crawl(db, *args)
        assert first.returncode == 0, first.stderr
        total = len(truth("beijing")) + len(truth("guangzhou"))
        assert query(db, "SELECT count(*) FROM documents") == [(total,)]

        mark = len(srv.requests)
        second = crawl(db, *args)
        assert second.returncode == 0
        # Pinned old documents top page 1 on both sites; still only the first list page is read.
        # 北京: robots.txt + index.html; 广州: robots.txt + /gkmlpt/index + api page 1.
        assert len(served(srv, mark, "www.beijing.gov.cn")) == 2
        assert len(served(srv, mark, "www.gz.gov.cn")) == 3
        run = last_run(db)
        assert source_run(db, run, SAMPLE_URLS["beijing"])["new_documents"] == 0

        new_urls = srv.add_documents("北京", 3)
        third = crawl(db, *args)
        assert third.returncode == 0
        run = last_run(db)
        assert source_run(db, run, SAMPLE_URLS["beijing"])["new_documents"] == 3
        assert {u for (u,) in query(db, "SELECT url FROM documents WHERE url IN (?, ?, ?)",
                                    *new_urls)} == set(new_urls)

        edited = sorted(truth("guangzhou"))[0]
        srv.edit_document(edited)
        fourth = crawl(db, *args, "--refresh-days", "36500")
        assert fourth.returncode == 0
        run = last_run(db)
        gz = source_run(db, run, SAMPLE_URLS["guangzhou"])
        assert (gz["changed_documents"], gz["new_documents"]) == (1, 0)
        assert query(db, "SELECT version FROM documents WHERE url = ?", edited) == [(2,)]
        assert query(db, "SELECT count(*) FROM document_versions v JOIN documents d "
                         "ON d.id = v.document_id WHERE d.url = ?", edited) == [(1,)]
