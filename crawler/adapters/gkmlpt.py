"""Guangdong gkmlpt (政府信息公开目录管理平台): /gkmlpt/index names the site's SID, the lists are
JSON at /gkmlpt/api/all/0?page=N&sid=SID and already carry the metadata of each document."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

from crawler.adapters.base import Adapter, ListPage, ListRow
from crawler.content import AttachmentLink
from crawler.dates import iso_date

SID = re.compile(r"SID\s*[:=]\s*[\"']?(\d+)")
PINNED_KEYS = ("is_top", "top", "is_sticky", "sticky", "pinned", "istop")


class GkmlptAdapter(Adapter):
    name = "gkmlpt"

    def parse_list(self, url: str, text: str, page_no: int) -> ListPage:
        if "/gkmlpt/api/" not in url:
            sid = SID.search(text or "")
            if not sid:
                return ListPage([])
            return ListPage([], urljoin(url, f"/gkmlpt/api/all/0?page=1&sid={sid.group(1)}"),
                            bootstrap=True)
        try:
            data = json.loads(text)
        except ValueError:
            return ListPage([])
        articles = data.get("articles") or []
        rows = [_row(a, url) for a in articles if isinstance(a, dict) and a.get("url")]
        return ListPage(rows, _next_page(url, data, len(articles)))


def _row(article: dict, url: str) -> ListRow:
    validity = None
    if article.get("is_abolished"):
        validity = "废止"
    elif article.get("is_expired"):
        validity = "失效"
    elif "is_abolished" in article or "is_expired" in article:
        validity = "有效"  # both flags present and false
    fields = {
        "doc_number": article.get("document_number"), "index_number": article.get("identifier"),
        "issuer": article.get("publisher"), "category": article.get("classify_theme_name"),
        "written_date": iso_date(article.get("date")),
        "published_date": iso_date(article.get("display_publish_time")
                                   or article.get("created_at")),
        "validity": validity, "title": article.get("title"),
    }
    return ListRow(
        url=urljoin(url, article["url"]), title=article.get("title"),
        date=fields["published_date"],
        pinned=any(bool(article.get(k)) for k in PINNED_KEYS),
        fields={k: str(v) for k, v in fields.items() if v not in (None, "")},
        attachments=_attachments(article.get("attachment") or [], url),
    )


def _attachments(items: list, url: str) -> list[AttachmentLink]:
    links: list[AttachmentLink] = []
    for item in items:
        if isinstance(item, str):
            links.append(AttachmentLink(urljoin(url, item), item.rsplit("/", 1)[-1]))
        elif isinstance(item, dict):
            href = item.get("url") or item.get("link") or item.get("path") or item.get("file_url")
            if href:
                name = item.get("name") or item.get("title") or item.get("filename") or ""
                links.append(AttachmentLink(urljoin(url, href), str(name)))
    return links


def _next_page(url: str, data: dict, n_articles: int) -> str | None:
    if n_articles == 0:
        return None
    query = parse_qs(urlsplit(url).query)
    page = int(query.get("page", ["1"])[0])
    total, size, count = data.get("total"), data.get("page_size"), data.get("page_count")
    if isinstance(count, int):
        if page >= count:
            return None
    elif isinstance(total, int) and page * (size if isinstance(size, int) else n_articles) >= total:
        return None
    sid = query.get("sid", [""])[0]
    path = urlsplit(url).path
    return urljoin(url, f"{path}?page={page + 1}&sid={sid}")
