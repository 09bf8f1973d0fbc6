"""TRS WCM (拓尔思): t-date detail URLs, lists paged only through a createPageHTML(...) call."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import html as lxml_html

from crawler.adapters.base import (
    Adapter,
    ListPage,
    ListRow,
    link_title,
    row_container,
    row_from_element,
)

DETAIL = re.compile(r"t\d{8}_\d+\.s?html?$")
PAGER = re.compile(
    r"createPage(?:HTML)?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")


class TrsAdapter(Adapter):
    name = "trs"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        root = lxml_html.fromstring(text or "<html/>")
        rows: dict[str, ListRow] = {}
        for a in root.iter("a"):
            href = (a.get("href") or "").split("#")[0]
            if DETAIL.search(href.split("?")[0]):
                row = row_from_element(row_container(a), href, url, link_title(a))
                rows.setdefault(row.url, row)
        return ListPage(list(rows.values()), next_page(url, text))


def next_page(url: str, text: str) -> str | None:
    """index.html -> index_1.html -> ...: createPageHTML(total, current, "index", "html")."""
    match = PAGER.search(text)
    if not match:
        return None
    total, current, stem, ext = int(match[1]), int(match[2]), match[3], match[4]
    if current + 1 >= total:
        return None
    return urljoin(url, f"{stem}_{current + 1}.{ext}")
