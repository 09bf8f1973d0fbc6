"""The sample server as plain server and forward proxy: dispatch by host, 404s, robots, log."""

from __future__ import annotations

import http.client
import time

import pytest
from samples_support import fetch

from crawler.samples.server import SampleServer
from crawler.samples.sites import SITES

HZ_LIST = "http://www.hangzhou.gov.cn/col/col1229063382/index.html"


@pytest.fixture(scope="module")
def srv():
    with SampleServer() as server:
        yield server


def test_starts_fast_and_reports_its_proxy_url():
    began = time.perf_counter()
    with SampleServer() as server:
        elapsed = time.perf_counter() - began
        assert server.proxy_url == f"http://127.0.0.1:{server.port}"
    assert elapsed < 1.0


def test_absolute_uri_request_line_is_dispatched_by_its_host(srv):
    answer = fetch(srv.proxy_url, HZ_LIST)
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<datastore>" in answer.text()
    assert ("GET", HZ_LIST) in srv.requests


def test_plain_server_dispatches_on_the_host_header(srv):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    conn.request("GET", "/zhengce/zfwj/index.html", headers={"Host": "www.beijing.gov.cn"})
    resp = conn.getresponse()
    body = resp.read().decode("utf-8")
    conn.close()
    assert resp.status == 200
    assert "createPageHTML(5, 0, \"index\", \"html\")" in body
    assert ("GET", "http://www.beijing.gov.cn/zhengce/zfwj/index.html") in srv.requests


def test_unknown_path_is_404_and_unknown_host_is_502(srv):
    missing = fetch(srv.proxy_url, "http://www.hangzhou.gov.cn/col/col1/index.html")
    assert missing.status == 404
    assert "页面不存在" in missing.text()
    stranger = fetch(srv.proxy_url, "http://www.example.com/")
    assert stranger.status == 502
    assert stranger.text() == "sample proxy: unknown host www.example.com\n"


@pytest.mark.parametrize("site", SITES, ids=[s.key for s in SITES])
def test_every_host_has_robots_allowing_all_but_private(srv, site):
    answer = fetch(srv.proxy_url, f"http://{site.host}/robots.txt")
    assert answer.status == 200
    assert answer.text() == "User-agent: *\nDisallow: /private/\n"


def test_host_variants_serve_the_same_page(srv):
    path = "/art/2025/6/14/art_1229063382_6012072.html"
    www = fetch(srv.proxy_url, f"http://www.hangzhou.gov.cn{path}")
    mobile = fetch(srv.proxy_url, f"http://m.hangzhou.gov.cn{path}")
    port = fetch(srv.proxy_url, f"http://www.hangzhou.gov.cn:8443{path}")
    assert www.status == 200
    assert mobile.body == www.body == port.body


def test_clone_mirror_serves_a_copy_with_a_banner(srv):
    path = "/art/2025/6/14/art_1229063382_6012072.html"
    original = fetch(srv.proxy_url, f"http://www.hangzhou.gov.cn{path}").text()
    mirror = fetch(srv.proxy_url, f"http://www.156152.com{path}").text()
    assert "【推广】在线娱乐平台" in mirror and "【推广】" not in original
    assert mirror.replace(mirror[mirror.index('<div class="ad"'):mirror.index("</div>") + 6],
                          "") == original


def test_head_answers_headers_only(srv):
    answer = fetch(srv.proxy_url, HZ_LIST, method="HEAD")
    full = fetch(srv.proxy_url, HZ_LIST)
    assert answer.status == 200 and answer.body == b""
    assert int(answer.headers["Content-Length"]) == len(full.body)


def test_index_page_on_the_bare_server_lists_the_sites(srv):
    answer = fetch(srv.proxy_url, f"http://127.0.0.1:{srv.port}/")
    assert all(site.list_url in answer.text() for site in SITES)


def test_sample_hosts_belong_to_their_cities_and_the_mirror_to_none():
    from citydx.registry import load_registry

    registry = load_registry()
    for site in SITES:
        assert registry.get(site.city).owns_host(site.host), site.key
        assert registry.get(site.city).province == site.extra["province"], site.key
    assert not any(registry.get(s.city).owns_host("www.156152.com") for s in SITES)


def test_concurrent_first_requests_render_each_site_once():
    """Crawlers fetch in parallel; the first burst must not race the lazy rendering."""
    from concurrent.futures import ThreadPoolExecutor

    with SampleServer() as server:
        urls = [s.list_url for s in SITES if s.key != "chengdu"] * 4
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda u: fetch(server.proxy_url, u), urls))
        assert [a.status for a in answers] == [200] * 24  # 6 open sites x 4
        by_url = {}
        for url, answer in zip(urls, answers, strict=True):
            by_url.setdefault(url, set()).add(answer.body)
        assert all(len(bodies) == 1 for bodies in by_url.values())
        assert len(server.requests) == 24
