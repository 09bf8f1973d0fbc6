"""The browser lane: a list page whose rows exist only after its inline script ran is crawled
with `citydx crawl --browser` through Debian's chromium, and its documents are stored."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from crawl_support import crawl, last_run, query, serve_pages, source_run

from crawler.runner import CHROMIUM

HOST = "www.chengdu.gov.cn"  # a host of 成都, so the allow-list lets the links through
LIST_URL = f"http://{HOST}/zwgk/zcwj/index.html"
DOCS = {  # detail path -> title
    "/zwgk/zcwj/202403/t20240315_101.html": "成都市数据要素市场化配置改革实施方案",
    "/zwgk/zcwj/202404/t20240402_102.html": "成都市公共数据授权运营管理办法",
    "/zwgk/zcwj/202405/t20240520_103.html": "成都市城市运行管理平台建设方案",
}
# The list in the served HTML is empty: only running the script fills it.
LIST_PAGE = """<html><head><meta charset="utf-8"><title>政策文件</title></head><body>
<ul id="list"></ul>
<script>
var rows = [%s];
var ul = document.getElementById("list");
rows.forEach(function (r) {
  var li = document.createElement("li");
  var a = document.createElement("a");
  a.href = r[0]; a.textContent = r[1]; a.title = r[1];
  var span = document.createElement("span"); span.textContent = r[2];
  li.appendChild(a); li.appendChild(span); ul.appendChild(li);
});
</script></body></html>"""


def list_page() -> bytes:
    rows = ", ".join(f'["{path}", "{title}", "{iso_day(path)}"]' for path, title in DOCS.items())
    return (LIST_PAGE % rows).encode()


def iso_day(path: str) -> str:
    day = path.split("/t")[1][:8]  # t20240315_101.html -> 2024-03-15
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"


def detail_page(title: str) -> bytes:
    body = "".join(f"<p>{title}：推进城市全域数字化转型，完善公共数据资源体系，第{k}条。</p>"
                   for k in range(5))
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
            f'</head><body><div class="TRS_Editor">{body}</div></body></html>').encode()


@pytest.fixture
def portal() -> Iterator[tuple[str, list[str]]]:
    pages = {urlsplit(LIST_URL).path: list_page()}
    pages.update({path: detail_page(title) for path, title in DOCS.items()})
    with serve_pages(HOST, pages) as served:
        yield served


def require_browser() -> None:
    if not Path(CHROMIUM).exists() and os.environ.get("CITYDX_REQUIRE_BROWSER") != "1":
        pytest.skip(f"{CHROMIUM} is not installed (CI sets CITYDX_REQUIRE_BROWSER=1)")


def write_sites(tmp_path: Path) -> Path:
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"profile: live\nsources:\n  - {{city: 成都, url: '{LIST_URL}', cms: trs, "
                     "needs_browser: true}\n", encoding="utf-8")
    return sites


def test_served_list_page_has_no_rows_without_a_browser():
    from crawler.adapters import adapter_for

    page = adapter_for("trs").parse_list(LIST_URL, list_page().decode(), 1)
    assert page.rows == []  # so documents stored below can only come from the rendered page


def test_browser_lane_renders_a_javascript_list_and_stores_its_documents(tmp_path, portal):
    require_browser()
    proxy, seen = portal
    db = tmp_path / "c.db"
    result = crawl(db, "--sites", str(write_sites(tmp_path)), "--proxy", proxy, "--browser",
                   timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    row = source_run(db, last_run(db), LIST_URL)
    assert (row["status"], row["lists_fetched"], row["new_documents"]) == ("ok", 1, 3)
    stored = query(db, "SELECT url, title, text FROM documents ORDER BY url")
    assert [(url, title) for url, title, _ in stored] == [
        (f"http://{HOST}{path}", title) for path, title in sorted(DOCS.items())]
    assert all("推进城市全域数字化转型" in text for _, _, text in stored)
    assert set(DOCS) <= set(seen)


def test_browser_flag_without_chromium_is_one_clear_line(capsys, tmp_path, monkeypatch):
    import crawler.runner
    from citydx.cli import main

    monkeypatch.setattr(crawler.runner, "CHROMIUM", str(tmp_path / "no-chromium"))
    code = main(["crawl", "--db", str(tmp_path / "c.db"), "--sites", str(write_sites(tmp_path)),
                 "--browser"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"错误 error: --browser needs {tmp_path / 'no-chromium'}: install it (pip install -e "
        "'.[browser]'; apt-get install chromium) or run without --browser")
    assert not (tmp_path / "c.db").exists()  # refused before the run was opened
