"""苏州's policy library: a POST JSON list (/szinf/xxgk/interfacesWebZcwj/loadData).

The configured URL is the endpoint with its query, e.g. `loadData?pageSize=15&channel_id=…`.
pageSize stays in the query; every other parameter travels in the form body with pageIndex
(1-based), as the portal's own page sends it. The reply is `{"data": {"allRow", "totalPage",
"list": [...]}}`; each item already carries the 文号, 索引号 and dates, and the detail page is
fetched as HTML for the text and the full metadata block.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from crawler.adapters.base import Adapter, ListPage, ListPost, ListRow
from crawler.adapters.jsonlist import (
    as_int,
    china_date,
    clean_fields,
    has_next,
    load_json,
    pinned,
)

QUERY_KEEP = ("pageSize",)  # the endpoint reads these from the query, the rest from the form
FIELD_KEYS = {  # list key -> document field
    "C_WJBH": "doc_number", "C_SYH": "index_number", "TITLE": "title",
}


class SuzhouJsonAdapter(Adapter):
    name = "suzhou_json"

    def list_post(self, url: str, page_no: int) -> ListPost:
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, v) for k, v in pairs if k in QUERY_KEEP]
        form = [("pageIndex", str(page_no))]
        form += [(k, v) for k, v in pairs if k not in QUERY_KEEP and k != "pageIndex"]
        return ListPost(urlunsplit(parts._replace(query=urlencode(query))), urlencode(form))

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        reply = load_json(text)
        data = reply.get("data") if reply else None
        if not isinstance(data, dict) or not isinstance(data.get("list"), list):
            return ListPage([])
        items = [i for i in data["list"] if isinstance(i, dict) and i.get("URL")]
        rows = [_row(item, url) for item in items]
        size = as_int(dict(parse_qsl(urlsplit(url).query)).get("pageSize"))
        more = has_next(page_no, len(items), size, as_int(data.get("allRow")),
                        as_int(data.get("totalPage")))
        return ListPage(rows, url if more else None, method="POST")


def _row(item: dict[str, Any], url: str) -> ListRow:
    fields: dict[str, object] = {field: item.get(key) for key, field in FIELD_KEYS.items()}
    fields["published_date"] = china_date(item.get("PUBLISHED_TIME_FORMAT"))
    fields["written_date"] = china_date(item.get("C_FWRQ_FORMAT"))
    fields = clean_fields(fields)
    return ListRow(url=urljoin(url, str(item["URL"]).strip()), title=fields.get("title"),
                   date=fields.get("published_date"), pinned=pinned(item), fields=fields)
