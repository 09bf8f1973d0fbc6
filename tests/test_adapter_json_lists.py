"""The JSON list adapters (suzhou_json, igs, bulidstatic) on saved replies: rows, list metadata,
pinned rows, the next page (POST form or URL), broken replies and detection by URL.

The adapters read no clock: dates come from the replies only (UTC stamps turned into Beijing
days), so replaying the files gives the same answer on any day.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.adapters import adapter_for, detect_cms, list_post, url_family

REPLIES = Path(__file__).parent / "fixtures" / "json_lists"
SZ_API = "http://www.suzhou.gov.cn/szinf/xxgk/interfacesWebZcwj/loadData"
NJ_LIST = ("https://fgw.nanjing.gov.cn/igs/front/search/publish/data/list.html?"
           "index=wzqsearch-v20190124&type=infomation&siteId=47&pageSize=2"
           "&orderProperty=DOCRELTIME&orderDirection=desc&filter%5BSITEID%5D=47"
           "&filter%5BCHANNELID%5D=31139&filter%5BGROUPCAT%5D=228&pageIndex=1&pageNumber=1")
HZ_UNIT = ("https://www.hangzhou.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?"
           "parseType=bulidstatic&webId=149&tplSetId=LWYUCb5AkzKrVm7WODRpT&pageType=column"
           "&tagId=%E5%BD%93%E5%89%8D%E6%A0%8F%E7%9B%AE%E5%88%97%E8%A1%A8a&pageId=1229063389"
           "&rows=3&pageNo=1")


def read(name: str) -> str:
    return (REPLIES / name).read_text(encoding="utf-8")


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


# 苏州 loadData ---------------------------------------------------------------------------------
def test_suzhou_post_form_keeps_page_size_in_the_query():
    post = adapter_for("suzhou_json").list_post(f"{SZ_API}?pageSize=15&channel_id=c01", 3)
    assert post.url == f"{SZ_API}?pageSize=15"
    assert post.body == "pageIndex=3&channel_id=c01"
    assert list_post("auto", f"{SZ_API}?pageSize=15", 1).body == "pageIndex=1"
    assert list_post("trs", f"{SZ_API}?pageSize=15", 1) is None


def test_suzhou_rows_carry_the_list_metadata():
    page = adapter_for("suzhou_json").parse_list(f"{SZ_API}?pageSize=2", read("suzhou_page1.json"),
                                                 1)
    first, second = page.rows
    assert first.url == ("http://www.suzhou.gov.cn/szsrmzf/zfwj/202409/"
                         "a0000000000000000000000000000001.shtml")
    assert first.fields == {
        "title": "苏州市人民政府关于推进城市数字底座建设的实施意见",
        "doc_number": "苏府〔2024〕31号", "index_number": "014000319/2024-00311",
        "published_date": "2024-09-12", "written_date": "2024-09-05",
    }
    assert first.date == "2024-09-12" and not first.pinned
    # empty 文号 and null 发文日期 are left out; "2024-08-20 10:31:00" is read as a day
    assert second.fields == {"title": "苏州市数据资源管理办法",
                             "index_number": "014000319/2024-00288",
                             "published_date": "2024-08-20"}
    assert second.pinned  # IS_TOP "1"
    # page 1 of totalPage 3: the same endpoint again, the spider posts pageIndex=2
    assert page.next_url == f"{SZ_API}?pageSize=2"


def test_suzhou_last_page_and_broken_replies():
    adapter = adapter_for("suzhou_json")
    last = adapter.parse_list(f"{SZ_API}?pageSize=2", read("suzhou_last.json"), 3)
    assert [r.fields["doc_number"] for r in last.rows] == ["苏府办〔2024〕2号"]
    assert last.next_url is None  # page 3 of totalPage 3
    for text in ("<html><body>请开启JavaScript</body></html>", '{"data": null}', "[]", ""):
        assert adapter.parse_list(f"{SZ_API}?pageSize=2", text, 2).rows == []


# 南京 IGS ---------------------------------------------------------------------------------------
def test_igs_rows_dates_in_beijing_and_next_page():
    page = adapter_for("igs").parse_list(NJ_LIST, read("igs_page1.json"), 1)
    first, second = page.rows
    assert first.url == "https://fgw.nanjing.gov.cn/njsfzhggwyh/202409/t20240911_9001.html"
    # 2024-09-10T16:30Z is 2024-09-11 00:30 in Beijing
    assert first.date == "2024-09-11"
    assert first.fields == {"title": "南京市发展改革委关于印发数字经济项目申报指南的通知",
                            "index_number": "11320100MB1234567X/2024-00101",
                            "published_date": "2024-09-11"}
    assert second.url == "https://fgw.nanjing.gov.cn/njsfzhggwyh/202409/t20240902_9002.html"
    assert second.date == "2024-09-02"  # 02:00Z is 10:00 the same day
    # total 5, 2 per page: page 2 follows, with every filter kept
    nxt = query(page.next_url)
    assert (nxt["pageIndex"], nxt["pageNumber"]) == ("2", "2")
    assert nxt["filter[CHANNELID]"] == "31139" and nxt["siteId"] == "47"


def test_igs_reply_wrapped_in_data_last_page():
    url = NJ_LIST.replace("pageIndex=1&pageNumber=1", "pageIndex=3&pageNumber=3")
    page = adapter_for("igs").parse_list(url, read("igs_wrapped_last.json"), 3)
    assert [r.date for r in page.rows] == ["2024-03-05"]  # 17:00Z on the 4th is the 5th
    assert "index_number" not in page.rows[0].fields
    assert page.next_url is None  # page 3 * 2 per page >= total "5"
    assert adapter_for("igs").parse_list(NJ_LIST, '{"total": 0, "rows": []}', 1).next_url is None


# 杭州 bulidstatic --------------------------------------------------------------------------------
def test_bulidstatic_rows_from_the_wrapped_html():
    page = adapter_for("bulidstatic").parse_list(HZ_UNIT, read("bulidstatic_page1.json"), 1)
    assert [(r.url, r.date, r.pinned) for r in page.rows] == [
        ("https://www.hangzhou.gov.cn/art/2024/3/1/art_1229063389_1801.html", "2024-03-01", True),
        ("https://www.hangzhou.gov.cn/art/2024/9/12/art_1229063389_1830.html", "2024-09-12",
         False),
        ("https://www.hangzhou.gov.cn/col/col1229063389/art/2024/"
         "art_0f1e2d3c4b5a69788796a5b4c3d2e1f0.html", "2024-08-28", False),
    ]  # the attachment link and the column link are not rows
    # the title attribute, not the truncated link text
    assert page.rows[1].title == "杭州市人民政府办公厅关于加快城市大脑迭代升级的通知"
    # count="7", 3 rows a page: page 2 follows
    assert query(page.next_url)["pageNo"] == "2"
    assert query(page.next_url)["tplSetId"] == "LWYUCb5AkzKrVm7WODRpT"


def test_bulidstatic_last_page_failed_reply_and_param_json_paging():
    adapter = adapter_for("bulidstatic")
    url3 = HZ_UNIT.replace("pageNo=1", "pageNo=3")
    last = adapter.parse_list(url3, read("bulidstatic_last.json"), 3)
    assert len(last.rows) == 1 and last.next_url is None  # 3 pages * 3 rows >= count 7
    assert adapter.parse_list(HZ_UNIT, read("bulidstatic_failed.json"), 1).rows == []
    pj = HZ_UNIT.replace("&rows=3&pageNo=1",
                         "&paramJson=%7B%22pageNo%22%3A1%2C%22pageSize%22%3A3%7D")
    page = adapter.parse_list(pj, read("bulidstatic_page1.json"), 1)
    assert query(page.next_url)["paramJson"] == '{"pageNo":2,"pageSize":3}'
    assert "pageNo" not in query(page.next_url)


@pytest.mark.parametrize(("url", "family"), [
    (f"{SZ_API}?pageSize=15", "suzhou_json"), (NJ_LIST, "igs"), (HZ_UNIT, "bulidstatic"),
    ("http://www.hangzhou.gov.cn/col/col1229063382/index.html", None),
])
def test_detection_by_url(url, family):
    assert url_family(url) == family
    if family:
        assert detect_cms(url, "") == family
