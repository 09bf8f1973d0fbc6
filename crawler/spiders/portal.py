"""The portal spider: pages each source's list with its CMS adapter, fetches new detail pages
and their attachments, and hands one item per document to the DB pipeline.

Paging stops at the first page whose non-pinned rows are all known (incremental), unless the
run is a backfill or the source's last pass did not finish (catch-up). A challenge page stops all
further requests of its source.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, StopDownload
from twisted.python.failure import Failure

from crawler.adapters import ListPage, ListRow, adapter_for, detect_cms, list_post
from crawler.attachments import extract_text, filename_from, sha256
from crawler.blocking import block_reason
from crawler.canonical import canonical_url, is_allowed
from crawler.content import AttachmentLink
from crawler.detail import content_hash, parse_detail
from crawler.encoding import decode_html, has_mojibake
from crawler.plan import CrawlPlan, SourcePlan
from crawler.state import SourceState

LIST_PRIORITY, DETAIL_PRIORITY, ATTACHMENT_PRIORITY = 0, 10, 20
# Error answers reach the callbacks (to tell blocked from broken); redirects are still followed.
ERROR_STATUSES = tuple(range(400, 600))
STATS = "citydx/"


class PortalSpider(scrapy.Spider):
    name = "citydx"

    def __init__(self, plan: CrawlPlan, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.states = {p.source_id: SourceState(p) for p in plan.sources}
        self.known_at_start = frozenset(plan.known)
        self.scheduled: set[str] = set()
        self.listed: dict[int, set[str]] = {}  # per source: rows its list pages gave this run

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        return spider

    def inc(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(STATS + key, n)

    # start -----------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        for state in self.states.values():
            plan = state.plan
            if plan.source.needs_browser and not self.plan.options.browser:
                state.skipped = "skipped: browser lane off（需浏览器，未启用 --browser）"
                continue
            yield self.list_request(plan, plan.source.url, 1)
        for url, source_id in self.plan.refresh_urls():
            state = self.states[source_id]
            if not state.skipped:
                self.scheduled.add(url)
                yield self.detail_request(state, ListRow(url), refresh=True)

    def list_request(self, plan: SourcePlan, url: str, page_no: int,
                     cms: str | None = None) -> scrapy.Request:
        meta = {"source_id": plan.source_id, "page_no": page_no, "kind": "list",
                "handle_httpstatus_list": ERROR_STATUSES, **self.browser_meta(plan)}
        post = list_post(cms or plan.source.cms, url, page_no)
        if post is not None:  # a POST list (苏州 loadData): the adapter reads the list URL back
            return scrapy.Request(
                post.url, method="POST", body=post.body, callback=self.parse_list,
                errback=self.list_failed, dont_filter=True, priority=LIST_PRIORITY,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                meta={**meta, "list_url": url})
        return scrapy.Request(
            url, callback=self.parse_list, errback=self.list_failed, dont_filter=True,
            priority=LIST_PRIORITY, meta=meta)

    def browser_meta(self, plan: SourcePlan) -> dict[str, Any]:
        """Pages of needs_browser sources are rendered by the browser lane when it is on."""
        if plan.source.needs_browser and self.plan.options.browser:
            return {"playwright": True}
        return {}

    def detail_request(self, state: SourceState, row: ListRow,
                       refresh: bool = False) -> scrapy.Request:
        return scrapy.Request(
            canonical_url(row.url), callback=self.parse_detail, errback=self.detail_failed,
            dont_filter=True, priority=DETAIL_PRIORITY,
            meta={"source_id": state.plan.source_id, "row": row, "kind": "detail",
                  "doc_url": canonical_url(row.url),
                  "refresh": refresh, "handle_httpstatus_list": ERROR_STATUSES,
                  **self.browser_meta(state.plan)})

    # lists -----------------------------------------------------------------------------------
    def parse_list(self, response):
        state = self.states[response.meta["source_id"]]
        page_no = response.meta["page_no"]
        text = self.decode(response)
        if self.check_blocked(state, response.status, text):
            return
        if response.status >= 400:
            yield from self.list_http_error(state, page_no, response.status)
            return
        state.add("lists_fetched")
        self.inc("lists/fetched")
        list_url = response.meta.get("list_url", response.url)
        cms = state.cms or self.family(state, list_url, text)
        page = adapter_for(cms).parse_list(list_url, text, page_no)
        if not page.bootstrap and not page.rows:
            if state.rows_seen:  # a first page without rows is judged at the end: empty/broken
                self.end_paging(state, page_no, "列表页无条目 list page had no rows")
            return
        if self.repeats_earlier_rows(state, page) and page_no > 1:
            self.end_paging(state, page_no, "列表页重复前页 page repeats rows already listed")
            return
        state.rows_seen += len(page.rows)
        for row in page.rows:
            request = self.row_request(state, row)
            if request is not None:
                yield request
        if page.next_url and self.keep_paging(state, page):
            yield self.list_request(state.plan, page.next_url, page_no + 1, cms)

    def family(self, state: SourceState, url: str, text: str) -> str:
        cms = state.plan.source.cms
        state.cms = detect_cms(url, text) if cms == "auto" else cms
        return state.cms

    def row_request(self, state: SourceState, row: ListRow) -> scrapy.Request | None:
        url = canonical_url(row.url)
        if not is_allowed(url, state.plan.city):
            self.inc("links/offsite")
            return None
        if url in self.scheduled:
            return None
        self.scheduled.add(url)
        if url in self.known_at_start:
            state.add("unchanged_documents")
            self.inc("documents/unchanged")
            return None
        return self.detail_request(state, row)

    def repeats_earlier_rows(self, state: SourceState, page: ListPage) -> bool:
        """A deep page listing only rows its source's earlier pages gave: the server ignored
        the page number (Zhejiang's gateway does so abroad), so paging on would loop."""
        listed = self.listed.setdefault(state.plan.source_id, set())
        urls = {canonical_url(r.url) for r in page.rows if not r.pinned} \
            or {canonical_url(r.url) for r in page.rows}
        repeated = urls <= listed
        listed.update(urls)
        return repeated

    def keep_paging(self, state: SourceState, page: ListPage) -> bool:
        """Incremental stop: a page whose non-pinned rows are all known ends the listing."""
        if page.bootstrap or self.plan.options.backfill or state.plan.catch_up:
            return True
        rows = [r for r in page.rows if not r.pinned] or page.rows
        known = all(canonical_url(r.url) in self.known_at_start
                    or not is_allowed(canonical_url(r.url), state.plan.city) for r in rows)
        if known:
            self.inc("lists/incremental_stop")
        return not known

    def end_paging(self, state: SourceState, page_no: int, why: str) -> None:
        if page_no == 1 or state.rows_seen == 0:
            state.broken = f"第{page_no}页 page {page_no}: {why}"
        else:
            state.notes.append(f"第{page_no}页起停止翻页 stopped at page {page_no}: {why}")
            self.inc("lists/deep_page_broken")

    def list_http_error(self, state: SourceState, page_no: int, status: int):
        state.add("errors")
        if state.counts["lists_fetched"] == 0 and status >= 500:
            state.unreachable = f"HTTP {status}"
        else:
            self.end_paging(state, page_no, f"HTTP {status}")
        return iter(())

    def list_failed(self, failure: Failure):
        request = failure.request
        state = self.states[request.meta["source_id"]]
        if failure.check(IgnoreRequest):
            if not state.blocked:
                state.notes.append(f"robots.txt 或规则拒绝 refused: {request.url}")
            return
        state.add("errors")
        why = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:200]
        if state.counts["lists_fetched"] == 0:
            state.unreachable = f"无法访问 unreachable ({why})"
        else:
            self.end_paging(state, request.meta["page_no"], why)

    # details ---------------------------------------------------------------------------------
    def parse_detail(self, response):
        state = self.states[response.meta["source_id"]]
        text = self.decode(response)
        if self.check_blocked(state, response.status, text):
            return
        if response.status >= 400:
            state.add("errors")
            self.inc("documents/http_error")
            return
        row: ListRow = response.meta["row"]
        detail = parse_detail(text, response.url)
        item = self.build_item(state, row, response.meta["doc_url"], text, detail)
        links = self.attachment_links(state, detail.attachments + row.attachments)
        yield self.next_attachment({"item": item, "todo": links, "done": []})

    def build_item(self, state: SourceState, row: ListRow, url: str, html: str,
                   detail) -> dict[str, Any]:
        fields = {**row.fields, **detail.metadata.fields}
        title = detail.title or row.title
        published = fields.get("published_date") or row.date
        return {
            "city": state.plan.city.name, "source_id": state.plan.source_id,
            "url": canonical_url(url), "title": title, "issuer": fields.get("issuer"),
            "doc_number": fields.get("doc_number"), "index_number": fields.get("index_number"),
            "category": fields.get("category"), "written_date": fields.get("written_date"),
            "published_date": published, "validity": fields.get("validity"),
            "text": detail.text, "html": html,
            "metadata": json.dumps(detail.metadata.raw or row.fields, ensure_ascii=False),
            "content_hash": content_hash(title, detail.text), "attachments": [],
        }

    def attachment_links(self, state: SourceState, links: list[AttachmentLink]) -> list:
        seen: dict[str, AttachmentLink] = {}
        for link in links:
            url = canonical_url(link.url)
            if is_allowed(url, state.plan.city):
                seen.setdefault(url, AttachmentLink(url, link.name))
        return list(seen.values())

    def detail_failed(self, failure: Failure):
        state = self.states[failure.request.meta["source_id"]]
        if failure.check(IgnoreRequest):
            return
        state.add("errors")
        self.inc("documents/failed")

    # attachments -----------------------------------------------------------------------------
    def next_attachment(self, pending: dict[str, Any]):
        """The next attachment request of a document, or the finished item when none is left."""
        if not pending["todo"]:
            item = pending["item"]
            item["attachments"] = pending["done"]
            return item
        link = pending["todo"].pop(0)
        cap = self.plan.options.max_attachment_bytes
        return scrapy.Request(
            link.url, callback=self.parse_attachment, errback=self.attachment_failed,
            dont_filter=True, priority=ATTACHMENT_PRIORITY,
            meta={"kind": "attachment", "pending": pending, "link": link,
                  "source_id": pending["item"]["source_id"], "download_maxsize": cap + 1,
                  "handle_httpstatus_list": ERROR_STATUSES})

    def headers_received(self, headers, body_length: int, request, spider) -> None:
        """Stop an attachment download as soon as its announced size exceeds the cap."""
        if request.meta.get("kind") == "attachment":
            if body_length > self.plan.options.max_attachment_bytes:
                raise StopDownload(fail=False)

    def parse_attachment(self, response):
        pending, link = response.meta["pending"], response.meta["link"]
        record = {"url": link.url, "filename": None, "size": None, "sha256": None}
        cap = self.plan.options.max_attachment_bytes
        declared = int(response.headers.get("Content-Length") or 0)
        if "download_stopped" in response.flags or len(response.body) > cap or declared > cap:
            record.update(status="too_large", size=max(declared, len(response.body)),
                          reason=f"超过大小上限 larger than {cap} bytes")
            self.inc("attachments/too_large")
        elif response.status >= 400:
            record.update(status="failed", reason=f"HTTP {response.status}")
            self.inc("attachments/failed")
        else:
            record.update(self.attachment_record(response, link))
        pending["done"].append(record)
        yield self.next_attachment(pending)

    def attachment_record(self, response, link: AttachmentLink) -> dict[str, Any]:
        name = filename_from(response.url, response.headers.get("Content-Disposition"))
        if "." not in name and "." in link.name:
            name = link.name
        ctype = (response.headers.get("Content-Type") or b"").decode("latin-1")
        got = extract_text(response.body, name, ctype)
        self.inc(f"attachments/{got.status}")
        return {"filename": name, "size": len(response.body), "sha256": sha256(response.body),
                "file_type": got.file_type, "status": got.status, "text": got.text,
                "reason": got.reason}

    def attachment_failed(self, failure: Failure):
        request = failure.request
        pending, link = request.meta["pending"], request.meta["link"]
        why = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:200]
        status = "too_large" if "maxsize" in why.lower() or "max size" in why.lower() \
            else "failed"
        pending["done"].append({"url": link.url, "status": status, "reason": why})
        self.inc(f"attachments/{status}")
        yield self.next_attachment(pending)

    # shared ----------------------------------------------------------------------------------
    def decode(self, response) -> str:
        ctype = (response.headers.get("Content-Type") or b"").decode("latin-1")
        decoded = decode_html(response.body, ctype)
        if has_mojibake(decoded.text):
            self.inc("pages/mojibake")
            state = self.states.get(response.meta.get("source_id"))
            if state is not None:
                state.mojibake += 1
        return decoded.text

    def check_blocked(self, state: SourceState, status: int, text: str) -> bool:
        reason = block_reason(status, text)
        if reason is None:
            return False
        if not state.blocked:
            state.blocked = reason
            self.inc("sources/blocked")
        return True

    def record_outcome(self, source_id: int, outcome: str, attachments: int) -> None:
        state = self.states[source_id]
        state.add(f"{outcome}_documents")
        state.add("attachments", attachments)
        self.inc(f"documents/{outcome}")
