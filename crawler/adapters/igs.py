"""TRS IGS search JSON (南京's bureaus): /igs/front/search/publish/data/list.html?…&pageIndex=N.

The configured URL is the whole search call (index, siteId, filter[CHANNELID], pageSize …), so a
new bureau is one line of site config. The reply is `{"total": N, "rows": [...]}` (some
deployments wrap it in "data"); rows carry DOCTITLE, DOCPUBURL, DOCRELTIME and INDEXNO, with
times in UTC. Deployments disagree on whether pageIndex or pageNumber is the page, so both are
set to the page wanted.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from crawler.adapters.base import Adapter, ListPage, ListRow
from crawler.adapters.jsonlist import (
    as_int,
    china_date,
    clean_fields,
    has_next,
    load_json,
    pinned,
    query_value,
    with_query,
)

ENDPOINT = "/igs/front/search/"
DATE_KEYS = ("DOCRELTIME", "DOCFIRSTPUBTIME", "PUBDATE")


class IgsAdapter(Adapter):
    name = "igs"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        reply = load_json(text)
        body = _body(reply) if reply else None
        if body is None:
            return ListPage([])
        items = [i for i in body["rows"] if isinstance(i, dict) and i.get("DOCPUBURL")]
        rows = [_row(item, url) for item in items]
        page = as_int(query_value(url, "pageIndex")) or page_no
        size = as_int(query_value(url, "pageSize"))
        more = has_next(page, len(items), size, as_int(body.get("total")))
        nxt = with_query(url, pageIndex=str(page + 1), pageNumber=str(page + 1)) if more else None
        return ListPage(rows, nxt)


def _body(reply: dict[str, Any]) -> dict[str, Any] | None:
    for candidate in (reply, reply.get("data")):
        if isinstance(candidate, dict) and isinstance(candidate.get("rows"), list):
            return candidate
    return None


def _row(item: dict[str, Any], url: str) -> ListRow:
    published = next((china_date(item[k]) for k in DATE_KEYS if item.get(k)), None)
    fields = clean_fields({"title": item.get("DOCTITLE"), "index_number": item.get("INDEXNO"),
                           "published_date": published})
    return ListRow(url=urljoin(url, str(item["DOCPUBURL"]).strip()), title=fields.get("title"),
                   date=fields.get("published_date"), pinned=pinned(item), fields=fields)
