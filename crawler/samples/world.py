"""The state behind the sample server: documents, renderers, scenarios, and request answers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from crawler.samples.attachments import (
    OVERSIZE_BYTES,
    attachment_bytes,
    content_type,
    oversize_chunks,
)
from crawler.samples.compose import compose_more
from crawler.samples.model import SampleDocument, load_documents, sort_documents
from crawler.samples.render_base import AttachmentRef, Resource, SiteRenderer, content_disposition
from crawler.samples.render_generic import GenericRenderer
from crawler.samples.render_gkmlpt import GkmlptRenderer
from crawler.samples.render_hanweb import HanwebRenderer
from crawler.samples.render_trs import TrsRenderer
from crawler.samples.scenarios import SCENARIOS, scenario_answer
from crawler.samples.sites import MIRROR_HOST, SITES, SampleSite

RENDERERS: dict[str, Callable[[SampleSite, list[SampleDocument]], SiteRenderer]] = {
    "trs": TrsRenderer, "hanweb": HanwebRenderer, "gkmlpt": GkmlptRenderer,
    "generic": GenericRenderer,
}
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
BIG5_PREFIX = "/gate/big5/"
MIRROR_BANNER = ('<div class="ad" style="background:#c00;color:#fff">【推广】在线娱乐平台 注册即送'
                 '体验金 www.156152.com</div>')
DROP = None  # an answer of None means: close the connection without replying


class UnknownSampleError(ValueError):
    """A site, city, URL or scenario name that the sample portals do not know."""


class SampleWorld:
    """Everything one server instance serves. Mutations are per instance (tests stay isolated)."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._docs: dict[str, list[SampleDocument]] = {}
        self._renderers: dict[str, SiteRenderer] = {}
        self.scenarios: dict[str, str] = {s.host: s.default_scenario for s in SITES}
        self.seen_once: set[str] = set()

    # -- sites and documents ----------------------------------------------------------------
    def site_for(self, name: str) -> SampleSite:
        """A site by key (hangzhou), city (杭州), host or any URL on it."""
        host = urlsplit(name).hostname if "://" in name else name
        host = canonical_host(host or "")
        for site in SITES:
            if name in (site.key, site.city) or host == site.host:
                return site
        raise UnknownSampleError(f"unknown sample site '{name}'")

    def renderer(self, site: SampleSite) -> SiteRenderer:
        with self._lock:
            if site.key not in self._renderers:
                docs = self._docs.setdefault(site.key, load_documents(site.key))
                self._renderers[site.key] = RENDERERS[site.family](site, docs)
            return self._renderers[site.key]

    def documents(self, site: SampleSite) -> list[SampleDocument]:
        return self.renderer(site).docs

    def set_scenario(self, host_or_source: str, kind: str) -> None:
        if kind not in SCENARIOS:
            choices = ", ".join(SCENARIOS)
            raise UnknownSampleError(f"unknown scenario '{kind}': use one of {choices}")
        with self._lock:
            self.scenarios[self.site_for(host_or_source).host] = kind

    def add_documents(self, city: str, n: int) -> list[str]:
        """Publish n new documents on the city's site (they top page 1); returns their URLs."""
        site = self.site_for(city)
        with self._lock:
            docs = self.documents(site)
            new = compose_more(site, docs, n)
            self._rebuild(site, sort_documents(docs + new))
            renderer = self._renderers[site.key]
            return [renderer.detail_url(d) for d in new]

    def edit_document(self, url: str) -> None:
        """Change a served document's text (a new paragraph), as a portal's silent revision."""
        site = self.site_for(url)
        path = urlsplit(url).path
        with self._lock:
            doc = self.renderer(site).doc_by_path(path)
            if doc is None:
                raise UnknownSampleError(f"no sample document at '{url}'")
            doc.revision += 1
            doc.body.append(f"（本文于{doc.published_date}后第{doc.revision}次修订：调整了部分"
                            f"工作任务的完成时限。）")
            self._rebuild(site, self._docs[site.key])

    def _rebuild(self, site: SampleSite, docs: list[SampleDocument]) -> None:
        self._docs[site.key] = docs
        self._renderers[site.key] = RENDERERS[site.family](site, docs)

    # -- answering --------------------------------------------------------------------------
    def answer(self, method: str, url: str, cookies: str = "") -> Resource | None:
        parts = urlsplit(url)
        host = canonical_host(parts.hostname or "")
        path, query = parts.path or "/", dict(parse_qsl(parts.query, keep_blank_values=True))
        if host == MIRROR_HOST:
            return self.mirror(path, query)
        try:
            site = self.site_for(host)
        except UnknownSampleError:
            if host in ("127.0.0.1", "localhost"):
                return index_page()
            return text_answer(502, f"sample proxy: unknown host {host}\n")
        kind = self.scenarios.get(site.host, "normal")
        renderer = self.renderer(site)
        if kind == "unreachable":
            return DROP
        if path == "/robots.txt":
            return Resource(body=ROBOTS, content_type="text/plain; charset=utf-8")
        page_no = renderer.list_page_number(path, query)
        special = scenario_answer(kind, url, page_no, cookies, self.seen_once, renderer)
        if special is not False:
            return special
        return self.site_answer(renderer, path, query)

    def site_answer(self, renderer: SiteRenderer, path: str, query: dict) -> Resource:
        if renderer.site.extra.get("big5") and path.startswith(BIG5_PREFIX + renderer.site.host):
            inner = path[len(BIG5_PREFIX + renderer.site.host):] or "/"
            found = renderer.lookup(inner, query)
            return big5_copy(found, renderer) if found else not_found(renderer)
        found = renderer.lookup(path, query)
        if found:
            return found
        ref = renderer.attachments.get(path)
        return self.file_answer(ref) if ref else not_found(renderer)

    def file_answer(self, ref: AttachmentRef) -> Resource:
        att = ref.attachment
        headers = {"Content-Disposition": content_disposition(att.name)}
        if att.kind == "oversize":
            return Resource(content_type="application/pdf", headers=headers,
                            stream=oversize_chunks, length=OVERSIZE_BYTES)
        return Resource(body=attachment_bytes(att), content_type=content_type(att),
                        headers=headers)

    def mirror(self, path: str, query: dict) -> Resource:
        """The clone site copies Hangzhou's detail pages under the same paths, with a banner."""
        renderer = self.renderer(self.site_for("hangzhou"))
        found = renderer.pages.get(path) if path.startswith("/art/") else None
        if not found:
            return text_answer(404, "404 Not Found\n")
        body = found.body.replace(b"<body>", b"<body>" + MIRROR_BANNER.encode("utf-8"), 1)
        return Resource(body=body, content_type=found.content_type)


def canonical_host(host: str) -> str:
    """m.<city>.gov.cn and the bare domain serve the same pages as www.<city>.gov.cn."""
    host = host.lower().split(":")[0]
    if host.endswith(".gov.cn"):
        if host.startswith("m."):
            host = "www." + host[2:]
        elif host.count(".") == 2:
            host = "www." + host
    return host


def big5_copy(found: Resource, renderer: SiteRenderer) -> Resource:
    """The Big5 gateway: the same page in traditional characters, encoded as Big5."""
    if not found.content_type.startswith("text/html"):
        return found
    from opencc import OpenCC

    text = found.body.decode(renderer.site.charset)
    text = OpenCC("s2t").convert(text).replace("charset=utf-8", "charset=big5")
    return Resource(body=text.encode("big5", errors="xmlcharrefreplace"),
                    content_type="text/html; charset=big5")


def not_found(renderer: SiteRenderer) -> Resource:
    page = renderer.html("<html><head><title>404</title></head><body><h1>404</h1>"
                         "<p>您访问的页面不存在或已删除。</p></body></html>", status=404)
    return page


def text_answer(status: int, text: str) -> Resource:
    return Resource(status=status, body=text.encode("utf-8"),
                    content_type="text/plain; charset=utf-8")


def index_page() -> Resource:
    rows = "".join(f'<li>{s.city} ({s.family}): <a href="{s.list_url}">{s.list_url}</a></li>'
                   for s in SITES)
    html = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>样例门户 sample portals"
            f"</title></head><body><h1>样例门户 sample portals</h1><ul>{rows}</ul></body></html>")
    return Resource(body=html.encode("utf-8"))
