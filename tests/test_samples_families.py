"""Each CMS family's list and detail pages parse the way the real portals' pages do."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from samples_support import fetch

from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import SampleWorld


@pytest.fixture(scope="module")
def srv():
    with SampleServer() as server:
        yield server


def n_docs(key: str) -> int:
    return len(SampleWorld().documents(site_by_key(key)))


def records(xml: str) -> list[str]:
    return re.findall(r'<record><!\[CDATA\[<li class="clearfix"><a href="([^"]+)"', xml)


def test_hanweb_cdata_records_and_dataproxy_paging_cover_every_document(srv):
    site = site_by_key("hangzhou")
    page1 = fetch(srv.proxy_url, site.list_url).text()
    first = records(page1)
    assert len(first) == 15  # per_page 15
    unitid = re.search(r"unitid:'(\d+)'", page1).group(1)
    webid = re.search(r"webid:(\d+)", page1).group(1)
    assert (unitid, webid) == ("5436589", "149")
    seen = list(first)
    for start in range(16, 73, 15):  # startrecord 16, 31, 46, 61
        url = (f"http://{site.host}/module/web/jpage/dataproxy.jsp?startrecord={start}"
               f"&endrecord={start + 14}&perpage=15&columnid=1229063382&unitid={unitid}"
               f"&webid={webid}")
        answer = fetch(srv.proxy_url, url)
        assert answer.headers["Content-Type"] == "text/xml; charset=UTF-8"
        assert "<totalrecord>72</totalrecord><totalpage>5</totalpage>" in answer.text()
        seen += records(answer.text())
    # 72 documents = 15 + 15 + 15 + 15 + 12, all distinct, all /art/ detail pages
    assert len(seen) == len(set(seen)) == 72 == n_docs("hangzhou")
    assert all(re.fullmatch(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_1229063382_\d+\.html", p)
               for p in seen)


def test_hanweb_dataproxy_accepts_post_and_rejects_another_column(srv):
    url = "http://www.ningbo.gov.cn/module/web/jpage/dataproxy.jsp"
    form = b"startrecord=1&endrecord=45&perpage=15&columnid=1229116730&unitid=6917352&webid=239"
    assert len(records(fetch(srv.proxy_url, url, method="POST", data=form).text())) == 45
    wrong = fetch(srv.proxy_url, url + "?startrecord=1&endrecord=15&columnid=1&webid=239")
    assert wrong.text() == "<datastore><recordset></recordset></datastore>"


def test_hanweb_detail_has_the_metadata_table(srv):
    page1 = fetch(srv.proxy_url, site_by_key("hangzhou").list_url).text()
    detail = fetch(srv.proxy_url, "http://www.hangzhou.gov.cn" + records(page1)[0]).text()
    labels = re.findall(r'<td class="t">([^<]+)</td>', detail)
    assert labels == ["索引号", "公开方式", "发布机构", "成文日期", "主题分类", "发文字号",
                      "有效性"]
    assert '<div id="zoom">' in detail


def test_trs_create_page_html_count_and_index_pages(srv):
    site = site_by_key("beijing")
    page1 = fetch(srv.proxy_url, site.list_url).text()
    total = int(re.search(r'createPageHTML\((\d+), 0, "index", "html"\)', page1).group(1))
    assert total == 5  # ceil(70 / 15)
    urls = []
    for n in range(total):
        list_url = site.list_url if n == 0 else site.list_url.replace("index", f"index_{n}")
        page = fetch(srv.proxy_url, list_url).text()
        urls += [urljoin(list_url, h) for h in re.findall(r'<a href="(\./[^"]+)"', page)]
    assert len(urls) == len(set(urls)) == 70
    assert all(re.fullmatch(r"http://www\.beijing\.gov\.cn/zhengce/zfwj/\d{6}/t\d{8}_\d+\.html",
                            u) for u in urls)
    after = fetch(srv.proxy_url, site.list_url.replace("index", "index_5"))
    assert after.status == 404


def test_pinned_older_items_top_page_one(srv):
    page1 = fetch(srv.proxy_url, site_by_key("beijing").list_url).text()
    dates = re.findall(r'<span class="date">([\d-]+)</span>', page1)
    assert page1.count("[置顶]") == 2
    # the two pinned rows are older than the newest unpinned row that follows them
    assert dates[0] < dates[2] and dates[1] < dates[2]
    api = fetch(srv.proxy_url, "http://www.gz.gov.cn/gkmlpt/api/all/0?page=1&sid=200001")
    articles = json.loads(api.body)["articles"]
    assert [a["is_top"] for a in articles[:3]] == [1, 1, 0]


def test_trs_detail_metadata_li_and_big5_gateway(srv):
    page1 = fetch(srv.proxy_url, site_by_key("beijing").list_url).text()
    href = re.findall(r'<a href="(\./[^"]+)"', page1)[3]
    url = urljoin(site_by_key("beijing").list_url, href)
    detail = fetch(srv.proxy_url, url).text()
    assert re.findall(r"<li><span>([^<]+)：</span>", detail) == [
        "索引号", "主题分类", "发文机构", "成文日期", "标题", "发文字号", "发布日期", "有效性"]
    big5 = fetch(srv.proxy_url, url.replace("gov.cn/", "gov.cn/gate/big5/www.beijing.gov.cn/", 1))
    assert big5.headers["Content-Type"] == "text/html; charset=big5"
    assert "北京市人民政府" in big5.body.decode("big5")  # 北京市人民政府 is the same in 繁體


def test_gbk_site_declares_gb2312_but_needs_gb18030(srv):
    site = site_by_key("guiyang")
    page1 = fetch(srv.proxy_url, site.list_url)
    assert page1.headers["Content-Type"] == "text/html; charset=gb2312"
    assert 'content="text/html; charset=gb2312"' in page1.body.decode("gb18030")
    href = re.findall(r'<a href="(\./[^"]+)"', page1.body.decode("gb18030"))[0]
    detail = fetch(srv.proxy_url, urljoin(site.list_url, href)).body
    text = detail.decode("gb18030")
    assert re.search("[喆堃镕]", text)
    with pytest.raises(UnicodeDecodeError):
        detail.decode("gb2312")
    assert "索\u3000引\u3000号：" in text


def test_gkmlpt_config_and_json_list(srv):
    index = fetch(srv.proxy_url, "http://www.gz.gov.cn/gkmlpt/index").text()
    assert "SID:'200001'" in index
    tree = json.loads(re.search(r"TREE: (\[.*?\]), SITE_NAME", index).group(1))
    assert [node["name"] for node in tree] == ["政策文件", "政务动态", "转发上级文件"]
    ids = []
    for page in range(1, 6):  # ceil(70 / 15) = 5 pages
        data = json.loads(fetch(srv.proxy_url, "http://www.gz.gov.cn/gkmlpt/api/all/0"
                                f"?page={page}&sid=200001").body)
        assert data["total"] == data["classify"]["post_count"] == 70
        ids += [a["id"] for a in data["articles"]]
    assert len(ids) == len(set(ids)) == 70
    article = data["articles"][0]
    for field in ("title", "document_number", "identifier", "publisher", "date", "created_at",
                  "display_publish_time", "classify_main_name", "url", "is_expired",
                  "is_abolished", "attachment"):
        assert field in article
    assert re.fullmatch(r"http://www\.gz\.gov\.cn/gkmlpt/content/\d+/\d+/post_\d+\.html",
                        article["url"])
    assert fetch(srv.proxy_url, article["url"]).status == 200


def test_gkmlpt_category_filter_and_wrong_sid(srv):
    base = "http://www.gz.gov.cn/gkmlpt/api/all/"
    policy = json.loads(fetch(srv.proxy_url, base + "1001?page=1&sid=200001").body)["total"]
    news = json.loads(fetch(srv.proxy_url, base + "1010?page=1&sid=200001").body)["total"]
    reposts = json.loads(fetch(srv.proxy_url, base + "1011?page=1&sid=200001").body)["total"]
    assert policy + news + reposts == 70 and news > 0 and reposts > 0
    wrong = json.loads(fetch(srv.proxy_url, base + "0?page=1&sid=1").body)
    assert wrong["articles"] == [] and wrong["msg"] == "站点不存在"


def test_generic_next_page_links_and_comment_wrapped_metadata(srv):
    url = site_by_key("wuxi").list_url
    details, pages = [], 0
    while url:
        page = fetch(srv.proxy_url, url).text()
        pages += 1
        details += re.findall(r'<li><a href="(/doc/[^"]+)"', page)
        nxt = re.search(r'<a href="([^"]+)">下一页</a>', page)
        url = urljoin(url, nxt.group(1)) if nxt else None
    assert pages == 5 and len(set(details)) == 62  # ceil(62 / 15) = 5
    detail = fetch(srv.proxy_url, "http://www.wuxi.gov.cn" + details[0]).text()
    assert re.search(r"<!--<\$\[SYH\]>-->014006438/\d{4}-\d{5}<!--<\$\[SYH\]>-->", detail)
    assert "<b>生成日期：</b>" in detail and "<b>发文日期：</b>" in detail


def test_hangzhou_page_links_a_clone_mirror_and_host_variants(srv):
    world = SampleWorld()
    renderer = world.renderer(site_by_key("hangzhou"))
    linked = [d for d in renderer.docs if d.links]
    page = fetch(srv.proxy_url, renderer.detail_url(linked[0])).text()
    hrefs = re.findall(r'<div class="xgwz">.*', page)[0]
    assert "http://www.156152.com/art/" in hrefs
    assert "http://m.hangzhou.gov.cn/art/" in hrefs
    assert "http://www.hangzhou.gov.cn:8443/art/" in hrefs
