"""Honest failure states per source, and polite behaviour towards blocked sources."""

from __future__ import annotations

from crawl_support import SAMPLE_URLS, crawl, last_run, query, served, source_run, write_sites

from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import SampleWorld


def n_docs(key: str) -> int:
    return len(SampleWorld().documents(site_by_key(key)))


def test_blocked_unreachable_and_retried_sources(tmp_path):
    db = tmp_path / "c.db"
    sites = write_sites(tmp_path, "chengdu", "ningbo", "wuxi", "guiyang", "hangzhou")
    with SampleServer() as srv:
        srv.set_scenario("www.ningbo.gov.cn", "waf_200")
        srv.set_scenario("www.wuxi.gov.cn", "js_cookie")
        srv.set_scenario("www.guiyang.gov.cn", "unreachable")
        srv.set_scenario("www.hangzhou.gov.cn", "server_error_once")
        result = crawl(db, "--sites", str(sites), "--proxy", srv.proxy_url)
        run = last_run(db)
        status = {k: source_run(db, run, SAMPLE_URLS[k])["status"]
                  for k in ("chengdu", "ningbo", "wuxi", "guiyang", "hangzhou")}
        assert status == {"chengdu": "blocked", "ningbo": "blocked", "wuxi": "blocked",
                          "guiyang": "unreachable", "hangzhou": "ok"}
        assert result.returncode == 1
        # A blocked source is not hammered: robots.txt and the first list page, nothing more.
        for host in ("www.chengdu.gov.cn", "www.ningbo.gov.cn", "www.wuxi.gov.cn"):
            assert len(served(srv, 0, host)) <= 2, host
        # Every 杭州 URL failed once with HTTP 500 and was retried: nothing lost.
        assert source_run(db, run, SAMPLE_URLS["hangzhou"])["new_documents"] == n_docs("hangzhou")
    assert "无法访问 unreachable" in result.stdout and "被拦截 blocked" in result.stdout


def test_broken_layout_and_deep_page_broken_backfill(tmp_path):
    db = tmp_path / "c.db"
    sites = write_sites(tmp_path, "beijing", "guangzhou")
    with SampleServer() as srv:
        args = ("--sites", str(sites), "--proxy", srv.proxy_url)
        assert crawl(db, *args).returncode == 0
        srv.set_scenario("www.beijing.gov.cn", "broken_layout")
        result = crawl(db, *args, "--city", "北京")
        assert result.returncode == 1
        beijing = source_run(db, last_run(db), SAMPLE_URLS["beijing"])
        assert beijing["status"] == "broken"
        assert "解析失败 broken" in result.stdout

        srv.set_scenario("www.gz.gov.cn", "deep_page_broken")
        result = crawl(db, *args, "--city", "广州", "--backfill")
        assert result.returncode == 0, result.stdout  # a broken deep page does not fail the run
        gz = source_run(db, last_run(db), SAMPLE_URLS["guangzhou"])
        assert gz["status"] == "ok"
        assert "停止翻页" in gz["message"]
    assert query(db, "SELECT count(*) FROM documents WHERE city = '广州'") == \
        [(n_docs("guangzhou"),)]


def test_ad_hoc_source_with_cms_detection(tmp_path):
    db = tmp_path / "c.db"
    with SampleServer() as srv:
        result = crawl(db, "--source", SAMPLE_URLS["wuxi"], "--city", "无锡", "--cms", "auto",
                       "--proxy", srv.proxy_url)
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT count(*) FROM documents WHERE city = '无锡'") == [(n_docs("wuxi"),)]
    assert query(db, "SELECT cms FROM sources WHERE url = ?", SAMPLE_URLS["wuxi"]) == [("auto",)]
