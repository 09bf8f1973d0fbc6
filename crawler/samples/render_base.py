"""What every per-family renderer shares: the Resource type, page chrome, escaping, encoding."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

from crawler.samples.model import Attachment, SampleDocument
from crawler.samples.sites import SampleSite

BROKEN_STUB = (
    "<html><head><title></title></head><body><div class=\"list\"></div>"
    "<!-- template error: channel list unavailable -->"
    "<script>var currentPage=0;var countPage=0;</script></body></html>"
)
REDESIGN_SHELL = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
    "<link rel=\"stylesheet\" href=\"/static/css/app.8f3a21.css\"></head><body>"
    "<div id=\"app\" data-version=\"2.0\"></div><noscript>请启用JavaScript浏览新版网站</noscript>"
    "<script src=\"/static/js/chunk-vendors.4c1d.js\"></script>"
    "<script src=\"/static/js/app.8f3a21.js\"></script></body></html>"
)


@dataclass
class Resource:
    """One HTTP answer. `stream` (with `length`) generates big bodies without holding them."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[], Iterator[bytes]] | None = None
    length: int = 0


@dataclass
class AttachmentRef:
    doc: SampleDocument
    attachment: Attachment
    filename: str  # the name in the URL


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def content_disposition(name: str) -> str:
    ascii_name = "".join(c if c.isascii() and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


class SiteRenderer:
    """Base renderer: subclasses fill `pages` (path → Resource) and `attachments` (path → ref)."""

    family = ""

    def __init__(self, site: SampleSite, docs: list[SampleDocument]) -> None:
        self.site = site
        self.docs = docs
        self.pages: dict[str, Resource] = {}
        self.attachments: dict[str, AttachmentRef] = {}
        self.build()

    # -- to override -------------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def detail_path(self, doc: SampleDocument) -> str:
        raise NotImplementedError

    def list_page_number(self, path: str, query: dict[str, str]) -> int | None:
        """0 for the first list page, 1.. for deeper ones, None when `path` is no list page."""
        raise NotImplementedError

    def dynamic(self, path: str, query: dict[str, str]) -> Resource | None:
        """Answers that depend on the query string (JSON or XML list endpoints)."""
        return None

    def broken_stub(self, path: str) -> Resource:
        return self.html(BROKEN_STUB)

    # -- shared ------------------------------------------------------------------------------
    def lookup(self, path: str, query: dict[str, str]) -> Resource | None:
        return self.dynamic(path, query) or self.pages.get(path)

    def detail_url(self, doc: SampleDocument) -> str:
        return f"http://{self.site.host}{self.detail_path(doc)}"

    def doc_by_path(self, path: str) -> SampleDocument | None:
        return next((d for d in self.docs if self.detail_path(d) == path), None)

    def html(self, text: str, status: int = 200) -> Resource:
        body = text.encode(self.site.charset, errors="xmlcharrefreplace")
        ctype = f"text/html; charset={self.site.declared_charset}"
        return Resource(status=status, body=body, content_type=ctype)

    def redesign_shell(self) -> Resource:
        return self.html(REDESIGN_SHELL.format(title=esc(self.site.extra.get("webname", ""))))

    def head(self, title: str, doc: SampleDocument | None = None, column: str = "") -> str:
        charset = self.site.declared_charset
        meta = {"SiteName": f"{self.site.city}市人民政府门户网站", "SiteDomain": self.site.host,
                "SiteIDCode": self.site.extra.get("site_code", "0000000000"),
                "ColumnName": column or "政策文件"}
        if doc:
            meta.update({"ArticleTitle": doc.title, "PubDate": f"{doc.published_date} 09:30",
                         "ContentSource": doc.issuer})
        tags = "".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in meta.items())
        return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
                f'content="text/html; charset={charset}">{tags}<title>{esc(title)}</title></head>')

    def body_html(self, doc: SampleDocument) -> str:
        parts = []
        for para in doc.body:
            if para[:2] in ("一、", "二、", "三、"):
                parts.append(f"<p><strong>{esc(para)}</strong></p>")
            else:
                parts.append(f'<p style="text-indent:2em;">{esc(para)}</p>')
        return "".join(parts) + self.links_html(doc)

    def links_html(self, doc: SampleDocument) -> str:
        """Related links: clone-mirror and URL-variant copies of other documents (traps)."""
        items = []
        for link in doc.links:
            kind, _, doc_id = link.partition(":")
            target = next((d for d in self.docs if d.id == doc_id), None)
            if not target:
                continue
            path = self.detail_path(target)
            host = {"mirror": "www.156152.com", "variant-m": "m." + self.site.host.removeprefix(
                "www."), "variant-8443": f"{self.site.host}:8443"}[kind]
            items.append(f'<li><a href="http://{host}{path}">{esc(target.title)}</a></li>')
        if not items:
            return ""
        return f'<div class="xgwz"><h4>相关链接</h4><ul>{"".join(items)}</ul></div>'

    def number_or(self, doc: SampleDocument, placeholder: str) -> str:
        return doc.doc_number or placeholder
