"""What every CMS adapter gives the spider: the rows of a list page and where the next page is.

A site is configuration (a list URL and a family name); the family's adapter knows the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import html as lxml_html

from crawler.content import AttachmentLink
from crawler.dates import iso_date

_DATE = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}")
_PINNED = re.compile(r"置顶|class\s*=\s*[\"'][^\"']*\b(top|zhiding|zd|is-top|sticky)\b", re.I)


@dataclass
class ListRow:
    url: str
    title: str | None = None
    date: str | None = None
    pinned: bool = False
    fields: dict[str, str] = field(default_factory=dict)  # metadata the list already gives
    attachments: list[AttachmentLink] = field(default_factory=list)


@dataclass
class ListPage:
    rows: list[ListRow]
    next_url: str | None = None
    bootstrap: bool = False  # a page that only leads to the real list (gkmlpt index)
    method: str = "GET"


@dataclass(frozen=True)
class ListPost:
    """A list page fetched by POST: where to send the form and what it says."""

    url: str
    body: str


class Adapter:
    """Base adapter; families override parse_list."""

    name = "base"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        raise NotImplementedError

    def list_post(self, url: str, page_no: int) -> ListPost | None:
        """Page page_no of the list at url as a POST form; None (the default) means GET url."""
        return None


def row_from_element(el: lxml_html.HtmlElement, href: str, base_url: str,
                     title: str | None = None) -> ListRow:
    """A list row from its element: title from the link, date and pin marker from the row."""
    row_text = el.text_content() if el is not None else ""
    row_html = lxml_html.tostring(el, encoding="unicode") if el is not None else ""
    date = _DATE.search(row_text)
    return ListRow(
        url=urljoin(base_url, href.strip()),
        title=(title or "").strip() or None,
        date=iso_date(date.group(0)) if date else None,
        pinned=bool(_PINNED.search(row_html)),
    )


def row_container(a: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    for node in a.iterancestors():
        if node.tag in ("li", "tr", "dd", "dl"):
            return node
    parent = a.getparent()
    return parent if parent is not None else a


def link_title(a: lxml_html.HtmlElement) -> str:
    return (a.get("title") or a.text_content() or "").strip()
