"""`citydx crawl --source URL --city CITY --cms suzhou_json|igs|bulidstatic` end to end against
a JSON-list portal on 127.0.0.1 (tests/json_portal_support.py): documents and their metadata,
the incremental second run, --backfill, pinned rows, broken and repeated deep pages.

Expected values come from the Doc lists the server renders.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from crawl_support import crawl, last_run, query, source_run
from json_portal_support import Doc, Portal, PortalServer

SZ = "http://www.suzhou.gov.cn"
SZ_PATH = "/szinf/xxgk/interfacesWebZcwj/loadData"
NJ = "http://fgw.nanjing.gov.cn"
NJ_PATH = "/igs/front/search/publish/data/list.html"
NJ_LIST = (f"{NJ}{NJ_PATH}?index=wzqsearch-v20190124&type=infomation&siteId=47&pageSize=2"
           "&orderProperty=DOCRELTIME&orderDirection=desc&filter%5BSITEID%5D=47"
           "&filter%5BCHANNELID%5D=31139&filter%5BGROUPCAT%5D=228&pageIndex=1&pageNumber=1")
HZ = "http://www.hangzhou.gov.cn"
HZ_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
HZ_UNIT = (f"{HZ}{HZ_PATH}?parseType=bulidstatic&webId=149&tplSetId=LWYUCb5AkzKrVm7WODRpT"
           "&pageType=column&tagId=%E5%BD%93%E5%89%8D%E6%A0%8F%E7%9B%AE%E5%88%97%E8%A1%A8a"
           "&pageId=1229063389&rows=2&pageNo=1")
BODY = ("为加快数字政府建设，推动城市治理体系和治理能力现代化，现就有关事项通知如下。"
        "请结合实际认真贯彻落实。")
COLUMNS = "title, issuer, doc_number, index_number, written_date, published_date"


def docs(base: str, stem: str, issuer: str, n: int, first: int = 1) -> list[Doc]:
    """n documents, newest first, published 2024-09-(20-i), written 5 days before."""
    out = []
    for i in range(first, first + n):
        day = 20 - i
        out.append(Doc(url=f"{base}/{stem}/202409/{i:032x}.shtml",
                       title=f"{issuer}关于数字化改革第{i}项工作的通知",
                       published=f"2024-09-{day:02d}", written=f"2024-09-{day - 5:02d}",
                       doc_number=f"{issuer[:2]}发〔2024〕{i}号",
                       index_number=f"014000319/2024-{i:05d}", issuer=issuer, body=BODY))
    return out


def stored(db) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in query(db, f"SELECT url, {COLUMNS} FROM documents")}


def expected(doc: Doc, published: str | None = None) -> tuple:
    return (doc.title, doc.issuer, doc.doc_number, doc.index_number, doc.written,
            published or doc.published)


def run(db, source: str, city: str, cms: str, srv: PortalServer, *extra: str):
    result = crawl(db, "--source", source, "--city", city, "--cms", cms,
                   "--proxy", srv.proxy_url, *extra)
    return result, source_run(db, last_run(db), source)


def test_suzhou_post_list_documents_incremental_and_backfill(tmp_path):
    db = tmp_path / "citydx.db"
    source = f"{SZ}{SZ_PATH}?pageSize=2"
    portal = Portal("suzhou_json", SZ_PATH, docs(SZ, "szsrmzf/zfwj", "苏州市人民政府", 5), 2)
    portal.docs[1].meta_block = False  # its 文号, 索引号 and dates come from the list only
    with PortalServer(portal) as srv:
        result, first = run(db, source, "苏州", "suzhou_json", srv)
        assert result.returncode == 0, result.stdout + result.stderr
        assert first["status"] == "ok" and first["new_documents"] == 5
        # 5 documents, 2 a page: 3 POSTs of pageIndex 1..3, pageSize kept in the query
        assert [(m, u, b) for m, u, b in srv.list_requests()] == [
            ("POST", source, f"pageIndex={n}") for n in (1, 2, 3)]
        want = {d.url: expected(d) for d in portal.docs}
        want[portal.docs[1].url] = (portal.docs[1].title, None) + expected(portal.docs[1])[2:]
        assert stored(db) == want  # no table on docs[1]: no 发布机构, the rest from the list

        portal.docs.insert(0, docs(SZ, "szsrmzf/zfwj", "苏州市人民政府", 1, first=9)[0])
        mark = len(srv.requests)
        result, second = run(db, source, "苏州", "suzhou_json", srv)
        assert result.returncode == 0
        assert (second["new_documents"], second["unchanged_documents"]) == (1, 3)
        # page 1 has the new one, page 2 only known ones: page 3 is never asked for
        assert [b for _, _, b in srv.list_requests(mark)] == ["pageIndex=1", "pageIndex=2"]
        assert stored(db)[portal.docs[0].url] == expected(portal.docs[0])

        mark = len(srv.requests)
        result, third = run(db, source, "苏州", "suzhou_json", srv, "--backfill")
        assert result.returncode == 0 and third["new_documents"] == 0
        assert [b for _, _, b in srv.list_requests(mark)] == [
            f"pageIndex={n}" for n in (1, 2, 3)]  # 6 documents: to the last page
    assert len(stored(db)) == 6


def test_igs_list_documents_incremental_and_broken_deep_page(tmp_path):
    db = tmp_path / "citydx.db"
    portal = Portal("igs", NJ_PATH, docs(NJ, "njsfzhggwyh", "南京市发展和改革委员会", 6), 2)
    for doc in portal.docs:
        doc.url = doc.url.replace(".shtml", ".html")
    clone = portal.docs[2]  # a row pointing at a mirror host: off the allow-list, never fetched
    clone.url = clone.url.replace("fgw.nanjing.gov.cn", "www.156152.com")
    with PortalServer(portal) as srv:
        result, first = run(db, NJ_LIST, "南京", "igs", srv)
        assert result.returncode == 0, result.stdout + result.stderr
        assert first["status"] == "ok" and first["new_documents"] == 5
        asked = [parse_qs(urlsplit(u).query) for _, u, _ in srv.list_requests()]
        assert [(q["pageIndex"], q["pageNumber"], q["filter[CHANNELID]"]) for q in asked] == [
            ([n], [n], ["31139"]) for n in ("1", "2", "3")]
        # the detail table has no 发布日期: published is the list's DOCRELTIME in Beijing time
        assert stored(db) == {d.url: expected(d) for d in portal.docs if d is not clone}
        assert not [u for _, u, _ in srv.requests if "156152" in u]

        portal.docs.insert(0, docs(NJ, "njsfzhggwyh", "南京市发展和改革委员会", 1, first=9)[0])
        portal.docs[0].url = portal.docs[0].url.replace(".shtml", ".html")
        mark = len(srv.requests)
        result, second = run(db, NJ_LIST, "南京", "igs", srv)
        # page 2 holds one known row and the mirror row: nothing new there, paging ends
        assert (second["new_documents"], len(srv.list_requests(mark))) == (1, 2)

        portal.broken_pages = {2}  # an HTML error page instead of JSON, deep in a backfill
        result, third = run(db, NJ_LIST, "南京", "igs", srv, "--backfill")
        assert result.returncode == 0, result.stdout
        assert third["status"] == "ok"
        assert "第2页起停止翻页 stopped at page 2" in (third["message"] or "")
    assert len(stored(db)) == 6


def test_bulidstatic_documents_pinned_new_row_and_incremental(tmp_path):
    db = tmp_path / "citydx.db"
    portal = Portal("bulidstatic", HZ_PATH, docs(HZ, "art/2024", "杭州市人民政府办公厅", 5), 2)
    with PortalServer(portal) as srv:
        result, first = run(db, HZ_UNIT, "杭州", "bulidstatic", srv)
        assert result.returncode == 0, result.stdout + result.stderr
        assert first["status"] == "ok" and first["new_documents"] == 5
        assert [u.rsplit("pageNo=", 1)[1] for _, u, _ in srv.list_requests()] == ["1", "2", "3"]
        assert stored(db) == {d.url: expected(d) for d in portal.docs}

        # a new notice pinned on top of page 1; the rest of page 1 is known: page 1 is enough
        new = docs(HZ, "art/2024", "杭州市人民政府办公厅", 1, first=9)[0]
        new.pinned = True
        portal.docs.append(new)
        mark = len(srv.requests)
        result, second = run(db, HZ_UNIT, "杭州", "bulidstatic", srv)
        assert result.returncode == 0
        assert (second["new_documents"], second["unchanged_documents"]) == (1, 1)
        assert len(srv.list_requests(mark)) == 1
        assert stored(db)[new.url] == expected(new)
    assert len(stored(db)) == 6


def test_bulidstatic_gateway_ignoring_page_no_stops_with_a_note(tmp_path):
    db = tmp_path / "citydx.db"
    portal = Portal("bulidstatic", HZ_PATH, docs(HZ, "art/2024", "杭州市人民政府办公厅", 5), 2,
                    ignore_page=True)
    with PortalServer(portal) as srv:
        result, first = run(db, HZ_UNIT, "杭州", "bulidstatic", srv)
        assert result.returncode == 0, result.stdout + result.stderr
        # page 2 repeats page 1: paging ends there, the two documents of page 1 are kept
        assert len(srv.list_requests()) == 2
        assert (first["status"], first["new_documents"]) == ("ok", 2)
        assert "列表页重复前页 page repeats rows already listed" in first["message"]


def test_auto_detection_posts_to_the_suzhou_endpoint_from_a_sites_file(tmp_path):
    db = tmp_path / "citydx.db"
    source = f"{SZ}{SZ_PATH}?pageSize=2&channel_id=c01"
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"profile: live\nsources:\n  - {{city: 苏州, url: '{source}', cms: auto}}\n",
                     encoding="utf-8")
    portal = Portal("suzhou_json", SZ_PATH, docs(SZ, "szsrmzf/zfwj", "苏州市人民政府", 3), 2)
    with PortalServer(portal) as srv:
        result = crawl(db, "--sites", str(sites), "--proxy", srv.proxy_url)
        assert result.returncode == 0, result.stdout + result.stderr
        assert srv.list_requests() == [
            ("POST", f"{SZ}{SZ_PATH}?pageSize=2", f"pageIndex={n}&channel_id=c01") for n in (1, 2)]
    assert stored(db) == {d.url: expected(d) for d in portal.docs}
