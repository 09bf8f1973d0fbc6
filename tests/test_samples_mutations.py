"""add_documents and edit_document change what the portals serve, as a live portal would."""

from __future__ import annotations

import json
import re

import pytest
from samples_support import fetch

from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import UnknownSampleError

BJ_LIST = "http://www.beijing.gov.cn/zhengce/zfwj/index.html"


def test_new_documents_appear_on_page_one_after_the_pinned_rows():
    with SampleServer() as srv:
        before = fetch(srv.proxy_url, BJ_LIST).text()
        new = srv.add_documents("北京", 3)
        after = fetch(srv.proxy_url, BJ_LIST).text()
        rows = re.findall(r'<a href="\./([^"]+)"', after)
        # 2 pinned rows stay on top, then the 3 new documents, newest first
        assert ["http://www.beijing.gov.cn/zhengce/zfwj/" + r for r in rows[2:5]] == new[::-1]
        assert all(u.split("/zfwj/")[1] not in before for u in new)
        assert all(fetch(srv.proxy_url, u).status == 200 for u in new)
        # 73 documents now: ceil(73 / 15) = 5 pages still
        assert 'createPageHTML(5, 0, "index", "html")' in after


def test_new_documents_reach_the_json_and_xml_lists():
    with SampleServer() as srv:
        new = srv.add_documents("guangzhou", 2)
        data = json.loads(fetch(srv.proxy_url, "http://www.gz.gov.cn/gkmlpt/api/all/0"
                                "?page=1&sid=200001").body)
        assert data["total"] == 72  # 70 + 2
        assert [a["url"] for a in data["articles"][2:4]] == new[::-1]
        added = srv.add_documents("杭州", 1)
        page = fetch(srv.proxy_url, site_by_key("hangzhou").list_url).text()
        assert added[0].removeprefix("http://www.hangzhou.gov.cn") in page.split("</record>")[0]


def test_added_documents_are_new_each_time_and_only_on_that_server():
    with SampleServer() as srv, SampleServer() as other:
        first = srv.add_documents("无锡", 2)
        second = srv.add_documents("无锡", 2)
        assert len(set(first + second)) == 4
        assert fetch(other.proxy_url, first[0]).status == 404


def test_edit_document_changes_the_page_and_nothing_else():
    with SampleServer() as srv:
        page = fetch(srv.proxy_url, BJ_LIST).text()
        urls = ["http://www.beijing.gov.cn/zhengce/zfwj/" + r
                for r in re.findall(r'<a href="\./([^"]+)"', page)[:2]]
        before = [fetch(srv.proxy_url, u).body for u in urls]
        srv.edit_document(urls[0])
        after = [fetch(srv.proxy_url, u).body for u in urls]
        assert after[0] != before[0] and "第1次修订" in after[0].decode("utf-8")
        assert after[1] == before[1]
        assert fetch(srv.proxy_url, BJ_LIST).text() == page  # the list is unchanged
        srv.edit_document(urls[0])
        assert "第2次修订" in fetch(srv.proxy_url, urls[0]).text()


def test_edit_document_accepts_host_variants_and_refuses_unknown_urls():
    with SampleServer() as srv:
        page = fetch(srv.proxy_url, site_by_key("hangzhou").list_url).text()
        path = re.search(r'<a href="(/art/[^"]+)"', page).group(1)
        srv.edit_document(f"http://m.hangzhou.gov.cn{path}")
        assert "第1次修订" in fetch(srv.proxy_url, f"http://www.hangzhou.gov.cn{path}").text()
        with pytest.raises(UnknownSampleError) as err:
            srv.edit_document("http://www.hangzhou.gov.cn/art/2020/1/1/art_1_1.html")
        assert str(err.value) == ("no sample document at "
                                  "'http://www.hangzhou.gov.cn/art/2020/1/1/art_1_1.html'")
