"""A provincial source (`city: 浙江省`) crawled from a fixture portal on 127.0.0.1: its
documents are stored once, owned by the province entry, and the crawl report names that owner;
`citydx extract` then writes each document's evidence for every assessed city of 浙江."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from crawl_support import crawl, env, last_run, query, serve_pages, source_run

HOST = "www.zj.gov.cn"  # 浙江省's portal domain (rules/cities.yaml provinces:)
LIST_URL = f"http://{HOST}/col/col1229019364/index.html"
ISSUER = "浙江省人民政府办公厅"
DOCS = {  # detail path -> (title, published date, body)
    "/art/2024/5/6/art_1229019364_2519001.html": (
        "浙江省公共数据授权运营管理办法（试行）", "2024-05-06",
        "为规范公共数据授权运营，省人民政府制定本办法，自2024年6月1日起施行。"),
    "/art/2024/6/3/art_1229019364_2519002.html": (
        "浙江省数据要素市场化配置改革实施意见", "2024-06-03",
        "推进数据要素市场化配置改革，完善数据资源体系，加快全省数字化转型。"),
}
# The eight assessed cities of 浙江 in rules/cities.yaml.
ZHEJIANG = {"杭州", "宁波", "温州", "金华", "台州", "嘉兴", "湖州", "绍兴"}


def list_page() -> bytes:
    rows = "".join(f'<li><a href="{path}" title="{title}">{title}</a><span>{day}</span></li>'
                   for path, (title, day, _) in DOCS.items())
    return (f'<html><head><meta charset="utf-8"><title>规范性文件</title></head><body>'
            f'<ul class="list">{rows}</ul></body></html>').encode()


def detail_page(title: str, day: str, body: str) -> bytes:
    meta = (f"<table><tr><td>发文机关</td><td>{ISSUER}</td></tr>"
            f"<tr><td>发布日期</td><td>{day}</td></tr></table>")
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
            f'</head><body>{meta}<div class="TRS_Editor"><p>{title}</p><p>{body}</p>'
            f"<p>{body}</p></div></body></html>").encode()


@pytest.fixture(scope="module")
def proxy() -> Iterator[str]:
    pages = {urlsplit(LIST_URL).path: list_page()}
    pages.update({path: detail_page(*doc) for path, doc in DOCS.items()})
    with serve_pages(HOST, pages) as (url, _seen):
        yield url


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, proxy: str):
    folder = tmp_path_factory.mktemp("province")
    sites = folder / "sites.yaml"
    sites.write_text(f"profile: live\nsources:\n  - {{city: 浙江省, url: '{LIST_URL}', "
                     "cms: generic, section: 省级政策}\n", encoding="utf-8")
    db = folder / "c.db"
    return db, crawl(db, "--sites", str(sites), "--proxy", proxy)


def test_provincial_source_stores_documents_once_under_the_province(crawled) -> None:
    db, result = crawled
    assert result.returncode == 0, result.stdout + result.stderr
    row = source_run(db, last_run(db), LIST_URL)
    assert (row["status"], row["new_documents"]) == ("ok", 2)
    assert query(db, "SELECT city, url, title, issuer FROM documents ORDER BY url") == [
        ("浙江省", f"http://{HOST}{path}", title, ISSUER)
        for path, (title, _, _) in sorted(DOCS.items())]
    assert query(db, "SELECT name, province, kind, assessed FROM cities WHERE name = '浙江省'") \
        == [("浙江省", "浙江", "province", 0)]
    assert "浙江省" in result.stdout  # the crawl report's owner column


def test_extract_fans_a_provincial_document_out_to_every_city_of_the_province(crawled) -> None:
    import subprocess
    import sys

    db, _ = crawled
    done = subprocess.run([sys.executable, "-m", "citydx.cli", "extract", "--db", str(db)],
                          capture_output=True, text=True, timeout=240, env=env(),
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    # The management measures (管理办法, issued by the province) reach each of the 8 cities.
    rows = query(db, "SELECT e.city, e.attribution FROM evidence e JOIN documents d "
                     "ON d.id = e.document_id WHERE d.title LIKE '%授权运营管理办法%' "
                     "AND e.indicator = '公共数据授权运营' AND e.level = 'measures_issued'")
    assert {city for city, _ in rows} == ZHEJIANG
    assert {attribution for _, attribution in rows} == {"province"}
    assert query(db, "SELECT count(*) FROM evidence WHERE city = '浙江省'") == [(0,)]


def test_status_lists_the_provincial_source_under_its_owner(crawled, capsys) -> None:
    from citydx.cli import main

    db, _ = crawled
    assert main(["status", "--db", str(db)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if LIST_URL in line]
    assert len(lines) == 1 and lines[0].endswith(f"浙江省 {LIST_URL}")
