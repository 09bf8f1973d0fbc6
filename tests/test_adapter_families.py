"""The CMS adapters on saved list pages: rows, pinned markers, next-page URLs, detection."""

from pathlib import Path

import pytest

from crawler.adapters import adapter_for, detect_cms

PAGES = Path(__file__).parent / "fixtures" / "pages"
BJ_LIST = "http://www.beijing.gov.cn/zhengce/zfwj/index.html"
HZ_LIST = "http://www.hangzhou.gov.cn/col/col1229063382/index.html"
GZ_INDEX = "http://www.gz.gov.cn/gkmlpt/index"
WX_LIST = "http://www.wuxi.gov.cn/zfxxgk/zcwj/index.shtml"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("url", "page", "family"), [
    (BJ_LIST, "trs_list.html", "trs"),
    (HZ_LIST, "hanweb_list.html", "hanweb"),
    ("http://www.hangzhou.gov.cn/x/index.html", "hanweb_list.html", "hanweb"),
    (GZ_INDEX, "gkmlpt_index.html", "gkmlpt"),
    ("http://www.gz.gov.cn/x/index.html", "gkmlpt_index.html", "gkmlpt"),
    (WX_LIST, "wuxi_list.shtml", "generic"),
])
def test_detect_cms(url, page, family):
    assert detect_cms(url, read(page)) == family


def test_trs_rows_pinned_and_create_page_html():
    page = adapter_for("trs").parse_list(BJ_LIST, read("trs_list.html"), 1)
    assert [(r.url.rsplit("/", 1)[-1], r.date, r.pinned) for r in page.rows] == [
        ("t20210105_2201.html", "2021-01-05", True),
        ("t20240912_4123.html", "2024-09-12", False),
        ("t20240903_4120.html", "2024-09-03", False),
        ("t20240820_4101.html", "2024-08-20", False),
    ]
    assert page.rows[3].url == ("http://www.beijing.gov.cn/gate/big5/www.beijing.gov.cn/"
                                "zhengce/zfwj/202408/t20240820_4101.html")
    # createPageHTML(5, 0, ...): page 0 of 5, so the next is index_1.html
    assert page.next_url == "http://www.beijing.gov.cn/zhengce/zfwj/index_1.html"


def test_trs_last_page_has_no_next():
    url = "http://www.beijing.gov.cn/zhengce/zfwj/index_4.html"
    page = adapter_for("trs").parse_list(url, read("trs_list_last.html"), 5)
    assert len(page.rows) == 1
    assert page.next_url is None  # createPageHTML(5, 4, ...): 4 is the last index


def test_hanweb_cdata_records_and_dataproxy_paging():
    adapter = adapter_for("hanweb")
    page = adapter.parse_list(HZ_LIST, read("hanweb_list.html"), 1)
    assert [r.url for r in page.rows] == [
        "http://www.hangzhou.gov.cn/art/2024/9/12/art_1229063382_58900.html",
        "http://www.hangzhou.gov.cn/art/2024/9/2/art_1229063382_58890.html",
        "http://www.156152.com/art/2024/8/30/art_1229063382_58880.html",
    ]
    assert page.rows[0].title == "杭州市人民政府关于印发杭州市数字经济高质量发展实施方案的通知"
    assert page.rows[1].date == "2024-09-02"
    # perpage 3, total 7: records 4-6 come next
    assert page.next_url == (
        "http://www.hangzhou.gov.cn/module/web/jpage/dataproxy.jsp?columnid=1229063382"
        "&unitid=5436589&webid=149&startrecord=4&endrecord=6&perpage=3")
    page2 = adapter.parse_list(page.next_url, read("hanweb_dataproxy.xml"), 2)
    assert [r.date for r in page2.rows] == ["2024-07-01"]
    assert page2.next_url == page.next_url.replace("startrecord=4&endrecord=6",
                                                   "startrecord=7&endrecord=9")
    third = page2.next_url
    assert adapter.parse_list(third, read("hanweb_dataproxy.xml"), 3).next_url is None  # 10 > 7


def test_gkmlpt_bootstrap_and_json_rows():
    adapter = adapter_for("gkmlpt")
    boot = adapter.parse_list(GZ_INDEX, read("gkmlpt_index.html"), 1)
    assert boot.bootstrap and boot.rows == []
    assert boot.next_url == "http://www.gz.gov.cn/gkmlpt/api/all/0?page=1&sid=200001"
    page = adapter.parse_list(boot.next_url, read("gkmlpt_api.json"), 2)
    first, second = page.rows
    assert first.pinned and not second.pinned
    assert first.fields == {
        "doc_number": "穗府〔2024〕7号", "index_number": "11440100007482622X/2024-00045",
        "issuer": "广州市人民政府", "category": "信息产业",
        "written_date": "2024-09-06",  # epoch 1725552000 is 2024-09-05T16:00Z, 09-06 in Beijing
        "published_date": "2024-09-10",  # 1725933600 is 2024-09-10T02:00Z
        "title": "广州市关于加快推进数字政府建设的实施意见",
        "validity": "有效",  # is_abolished and is_expired both present and false
    }
    assert second.fields["validity"] == "废止"
    assert "doc_number" not in second.fields
    assert [a.url for a in first.attachments] == [
        "http://www.gz.gov.cn/attachment/0/100/100001/9001.pdf"]
    # 2 articles on page 1 of total 3: page 2 follows
    assert page.next_url == "http://www.gz.gov.cn/gkmlpt/api/all/0?page=2&sid=200001"


def test_generic_rows_skip_navigation_and_follow_next():
    page = adapter_for("generic").parse_list(WX_LIST, read("wuxi_list.shtml"), 1)
    assert [r.url.rsplit("/", 1)[-1] for r in page.rows] == [
        "4412345.shtml", "4412300.shtml", "4412200.shtml"]
    assert page.next_url == "http://www.wuxi.gov.cn/zfxxgk/zcwj/list_2.shtml"


def test_generic_last_page():
    html = "<ul><li><a href='/doc/2020/01/01/1.shtml'>某某市政策文件第一号很长的标题</a></li></ul>"
    page = adapter_for("generic").parse_list(WX_LIST, html, 9)
    assert len(page.rows) == 1 and page.next_url is None
