"""The fallback for plain paginated lists: rows are dated links in li/tr, next is '下一页'."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from crawler.adapters.base import (
    Adapter,
    ListPage,
    ListRow,
    link_title,
    row_container,
    row_from_element,
)
from crawler.content import is_attachment_url, is_noise

NEXT_TEXT = ("下一页", "下页", "后一页", "next")
PAGER_TEXT = re.compile(r"^(首页|尾页|末页|上一页|下一页|上页|下页|\d+|»|«|>|<|更多.*)$")
DOC_PATH = re.compile(r"\d{3,}")


class GenericAdapter(Adapter):
    name = "generic"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        root = lxml_html.fromstring(text or "<html/>")
        rows: dict[str, ListRow] = {}
        for a in root.iter("a"):
            row = _row(a, url)
            if row is not None:
                rows.setdefault(row.url, row)
        return ListPage(list(rows.values()), next_link(root, url))


def _row(a: lxml_html.HtmlElement, url: str) -> ListRow | None:
    href = (a.get("href") or "").strip()
    title = link_title(a)
    if not href or href.startswith(("javascript:", "#", "mailto:")) or PAGER_TEXT.match(title):
        return None
    target = urljoin(url, href)
    path = urlsplit(target).path
    if target.split("#")[0] == url or not DOC_PATH.search(path) or is_attachment_url(target):
        return None
    container = row_container(a)
    if container is a.getparent() and container.tag not in ("li", "tr", "dd"):
        return None
    if is_noise(a):
        return None
    row = row_from_element(container, href, url, title)
    if row.date is None and len(title) < 8:
        return None
    return row


def next_link(root: lxml_html.HtmlElement, url: str) -> str | None:
    for a in root.iter("a"):
        text = (a.text_content() or "").strip().lower()
        href = (a.get("href") or "").strip()
        if any(t in text for t in NEXT_TEXT) and href and not href.startswith("javascript"):
            target = urljoin(url, href)
            if target != url:
                return target
    return None
