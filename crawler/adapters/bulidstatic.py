"""Hanweb JPaaS gateway lists (杭州, Zhejiang departments): /api-gateway/jpaas-publish-server/
front/page/build/unit?parseType=bulidstatic&webId=…&tplSetId=…&pageId=…&rows=15&pageNo=N.

The configured URL is the whole gateway call. The reply wraps the rendered list in JSON,
`{"success": true, "data": {"html": "<ul><li><a …>…</a><b>date</b></li>…"}}`; the pager inside
the HTML names the row total as count="N". Some sites page through paramJson={"pageNo":N,…}
instead of pageNo; that form is followed when the URL uses it.
"""

from __future__ import annotations

import json
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
from crawler.adapters.jsonlist import as_int, has_next, load_json, query_value, with_query
from crawler.content import is_attachment_url

ENDPOINT = "/jpaas-publish-server/front/page/build/unit"
COUNT = re.compile(r"\bcount\s*=\s*[\"']?(\d+)", re.I)
DETAIL = re.compile(r"/art/|/content/|\.s?html?$|\.jsp\?")


class BulidstaticAdapter(Adapter):
    name = "bulidstatic"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        reply = load_json(text)
        data = reply.get("data") if reply else None
        fragment = data.get("html") if isinstance(data, dict) else None
        if not isinstance(fragment, str) or reply.get("success") is False:
            return ListPage([])
        rows = _rows(fragment, url)
        page, size, param_json = _paging(url, page_no)
        count = COUNT.search(fragment)
        more = has_next(page, len(rows), size, int(count.group(1)) if count else None)
        return ListPage(rows, _next_url(url, page + 1, param_json) if more else None)


def _rows(fragment: str, url: str) -> list[ListRow]:
    root = lxml_html.fragment_fromstring(fragment or "<div/>", create_parent="div")
    rows: dict[str, ListRow] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        target = urljoin(url, href)
        if is_attachment_url(target) or not DETAIL.search(target.split("#")[0]):
            continue
        row = row_from_element(row_container(a), href, url, link_title(a))
        if row.title and ("/art/" in target or row.date):  # not the column's navigation
            rows.setdefault(row.url, row)
    return list(rows.values())


def _paging(url: str, page_no: int) -> tuple[int, int | None, dict | None]:
    """(this page, rows per page, the paramJson mapping when the URL pages through it)."""
    raw = query_value(url, "paramJson")
    try:
        param_json = json.loads(raw) if raw else None
    except ValueError:
        param_json = None
    if isinstance(param_json, dict):
        page = as_int(param_json.get("pageNo")) or page_no
        return page, as_int(param_json.get("pageSize")) or as_int(query_value(url, "rows")), \
            param_json
    return as_int(query_value(url, "pageNo")) or page_no, as_int(query_value(url, "rows")), None


def _next_url(url: str, page: int, param_json: dict | None) -> str:
    if param_json is not None:
        encoded = json.dumps({**param_json, "pageNo": page}, ensure_ascii=False,
                             separators=(",", ":"))
        return with_query(url, paramJson=encoded)
    return with_query(url, pageNo=str(page))
