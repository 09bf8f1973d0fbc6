"""Each scenario kind behaves as the portals it imitates, and only on the host it is set for."""

from __future__ import annotations

import pytest
from samples_support import fetch

from crawler.samples.scenarios import SCENARIOS
from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import SampleWorld, UnknownSampleError

CD_LIST = "http://www.chengdu.gov.cn/zwgk/zcwj/index.html"
BJ_LIST = "http://www.beijing.gov.cn/zhengce/zfwj/index.html"
HZ_LIST = "http://www.hangzhou.gov.cn/col/col1229063382/index.html"


def first_detail(key: str) -> str:
    world = SampleWorld()
    renderer = world.renderer(site_by_key(key))
    return renderer.detail_url(renderer.docs[0])


def test_chengdu_is_blocked_by_default_with_a_js_challenge():
    with SampleServer() as srv:
        answer = fetch(srv.proxy_url, CD_LIST)
        assert answer.status == 412
        assert "$_ts=window['$_ts']" in answer.text()
        assert answer.headers["Set-Cookie"].startswith("FSSBBIl1UgzbN7N80S=")
        assert fetch(srv.proxy_url, first_detail("chengdu")).status == 412
        assert fetch(srv.proxy_url, "http://www.chengdu.gov.cn/robots.txt").status == 200
        assert fetch(srv.proxy_url, BJ_LIST).status == 200  # other hosts unaffected


def test_normal_lifts_the_default_block():
    with SampleServer() as srv:
        srv.set_scenario("成都", "normal")
        answer = fetch(srv.proxy_url, CD_LIST)
        assert answer.status == 200
        assert 'createPageHTML(2, 0, "index", "html")' in answer.text()  # ceil(20 / 15) = 2


def test_waf_200_answers_a_block_page_with_status_200():
    with SampleServer() as srv:
        srv.set_scenario("www.ningbo.gov.cn", "waf_200")
        answer = fetch(srv.proxy_url, "http://www.ningbo.gov.cn/col/col1229116730/index.html")
        assert answer.status == 200
        assert "安全防护系统拦截" in answer.text() and "<datastore>" not in answer.text()


def test_js_cookie_passes_once_the_cookie_is_sent_back():
    with SampleServer() as srv:
        srv.set_scenario("wuxi", "js_cookie")
        url = "http://www.wuxi.gov.cn/zfxxgk/zcwj/index.shtml"
        challenge = fetch(srv.proxy_url, url)
        assert challenge.status == 521
        cookie = challenge.headers["Set-Cookie"].split(";")[0]
        assert cookie == "__jsl_clearance_s=1732579200.128|0|sample"
        assert f"document.cookie=('{cookie};" in challenge.text()
        passed = fetch(srv.proxy_url, url, headers={"Cookie": cookie})
        assert passed.status == 200 and "下一页" in passed.text()


def test_broken_layout_changes_lists_only():
    with SampleServer() as srv:
        srv.set_scenario(BJ_LIST, "broken_layout")
        page = fetch(srv.proxy_url, BJ_LIST)
        assert page.status == 200
        assert "createPageHTML" not in page.text() and '<div id="app"' in page.text()
        assert fetch(srv.proxy_url, first_detail("beijing")).status == 200
        srv.set_scenario("guangzhou", "broken_layout")
        api = fetch(srv.proxy_url, "http://www.gz.gov.cn/gkmlpt/api/all/0?page=1&sid=200001")
        assert api.headers["Content-Type"].startswith("text/html")


def test_unreachable_hangs_up_without_an_answer():
    with SampleServer() as srv:
        srv.set_scenario("www.guiyang.gov.cn", "unreachable")
        with pytest.raises(OSError):
            fetch(srv.proxy_url, "http://www.guiyang.gov.cn/zwgk/zcwj/index.html")
        with pytest.raises(OSError):
            fetch(srv.proxy_url, "http://www.guiyang.gov.cn/robots.txt")


def test_server_error_once_fails_each_url_once():
    with SampleServer() as srv:
        srv.set_scenario("hangzhou", "server_error_once")
        assert fetch(srv.proxy_url, HZ_LIST).status == 500
        assert fetch(srv.proxy_url, HZ_LIST).status == 200
        detail = first_detail("hangzhou")
        assert [fetch(srv.proxy_url, detail).status for _ in range(3)] == [500, 200, 200]


@pytest.mark.parametrize("first,deep,marker", [
    (BJ_LIST, BJ_LIST.replace("index", "index_1"), "createPageHTML"),
    ("http://www.wuxi.gov.cn/zfxxgk/zcwj/index.shtml",
     "http://www.wuxi.gov.cn/zfxxgk/zcwj/list_2.shtml", "下一页"),
    ("http://www.gz.gov.cn/gkmlpt/api/all/0?page=1&sid=200001",
     "http://www.gz.gov.cn/gkmlpt/api/all/0?page=2&sid=200001", '"articles"'),
])
def test_deep_page_broken_keeps_page_one(first, deep, marker):
    with SampleServer() as srv:
        srv.set_scenario(first, "deep_page_broken")
        assert marker in fetch(srv.proxy_url, first).text()
        stub = fetch(srv.proxy_url, deep)
        assert stub.status == 200 and marker not in stub.text()
        assert len(stub.body) < 400  # the short stubs seen on real TRS deep pages


def test_deep_page_broken_on_hanweb_dataproxy():
    with SampleServer() as srv:
        srv.set_scenario("hangzhou", "deep_page_broken")
        base = ("http://www.hangzhou.gov.cn/module/web/jpage/dataproxy.jsp?perpage=15"
                "&columnid=1229063382&unitid=5436589&webid=149")
        assert "<record>" in fetch(srv.proxy_url, base + "&startrecord=1&endrecord=15").text()
        deep = fetch(srv.proxy_url, base + "&startrecord=16&endrecord=30").text()
        assert deep == "<datastore><recordset></recordset></datastore>"


def test_scenarios_belong_to_one_server():
    with SampleServer() as first, SampleServer() as second:
        first.set_scenario("beijing", "waf_200")
        assert "安全防护" in fetch(first.proxy_url, BJ_LIST).text()
        assert "createPageHTML" in fetch(second.proxy_url, BJ_LIST).text()


def test_unknown_scenario_or_site_is_refused_with_the_choices():
    world = SampleWorld()
    with pytest.raises(UnknownSampleError) as err:
        world.set_scenario("beijing", "slow")
    assert str(err.value) == f"unknown scenario 'slow': use one of {', '.join(SCENARIOS)}"
    with pytest.raises(UnknownSampleError) as err:
        world.set_scenario("www.example.com", "normal")
    assert str(err.value) == "unknown sample site 'www.example.com'"
