"""Hanweb (大汉) JCMS: /col/ lists whose rows are CDATA records in a <datastore>, further pages
through /module/web/jpage/dataproxy.jsp, /art/ details, downfile.jsp attachment redirects."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from lxml import html as lxml_html

from crawler.adapters.base import (
    Adapter,
    ListPage,
    ListRow,
    link_title,
    row_container,
    row_from_element,
)

RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>|totalRecord\W{1,4}(\d+)", re.I)
PARAM = r"{name}\W{{1,4}}([\w\-]+)"
COLUMN = re.compile(r"/col/col(\d+)/")
DATAPROXY = "/module/web/jpage/dataproxy.jsp"


class HanwebAdapter(Adapter):
    name = "hanweb"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        records = RECORD.findall(text or "")
        if records:
            rows = _rows_from_records(records, url)
        else:  # some sites (Shandong) draw the rows in the HTML itself
            rows = _rows_from_links(text, url)
        return ListPage(rows, _next_page(url, text, len(records)))


def _rows_from_records(records: list[str], url: str) -> list[ListRow]:
    rows: list[ListRow] = []
    for record in records:
        frag = lxml_html.fragment_fromstring(record, create_parent="div")
        links = [a for a in frag.iter("a") if a.get("href")]
        if not links:
            continue
        a = links[0]
        row = row_from_element(frag, a.get("href"), url, link_title(a))
        rows.append(row)
    return rows


def _rows_from_links(text: str, url: str) -> list[ListRow]:
    root = lxml_html.fromstring(text or "<html/>")
    rows: dict[str, ListRow] = {}
    for a in root.iter("a"):
        href = a.get("href") or ""
        if "/art/" in href and re.search(r"art_\w+\.html", href):
            row = row_from_element(row_container(a), href, url, link_title(a))
            rows.setdefault(row.url, row)
    return list(rows.values())


def _next_page(url: str, text: str, n_records: int) -> str | None:
    """The dataproxy.jsp window after this one, while records keep coming."""
    if n_records == 0:
        return None
    query = parse_qs(urlsplit(url).query)
    if DATAPROXY in url:
        start = int(query.get("startrecord", ["1"])[0])
        perpage = int(query.get("perpage", [str(n_records)])[0])
        params = {k: v[0] for k, v in query.items()}
    else:
        per = _param(text, "perpage")
        start, perpage = 1, int(per) if per and per.isdigit() else n_records
        column = COLUMN.search(url)
        params = {
            "columnid": _param(text, "columnid") or (column.group(1) if column else ""),
            "unitid": _param(text, "unitid") or "", "webid": _param(text, "webid") or "",
        }
    total = _total(text)
    next_start = start + int(perpage)
    if total is not None and next_start > total:
        return None
    if total is None and n_records < int(perpage):
        return None
    params.update(startrecord=str(next_start), endrecord=str(next_start + int(perpage) - 1),
                  perpage=str(perpage))
    return urljoin(url, DATAPROXY) + "?" + urlencode(params)


def _param(text: str, name: str) -> str | None:
    match = re.search(PARAM.format(name=name), text or "", re.I)
    return match.group(1) if match else None


def _total(text: str) -> int | None:
    match = TOTAL.search(text or "")
    if not match:
        return None
    return int(match.group(1) or match.group(2))
