"""A tiny JSON-list portal on 127.0.0.1 for the `citydx crawl --cms suzhou_json|igs|bulidstatic`
tests: an HTTP server that is also a forward proxy (like the sample server), answering the list
endpoint of one platform in its reply shape and detail pages with a 公开 metadata block.

The documents are plain data (Doc), so the tests' expected rows come from the same input the
server renders.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Doc:
    url: str
    title: str
    published: str  # the list's date (ISO day); UTC stamps for IGS are derived from it
    doc_number: str = ""
    index_number: str = ""
    issuer: str = ""
    written: str = ""
    body: str = ""
    pinned: bool = False
    meta_block: bool = True  # False: the detail page has no 公开 table, only the list's fields


@dataclass
class Portal:
    """One platform's list endpoint over a list of documents, newest first."""

    kind: str  # suzhou_json | igs | bulidstatic
    list_path: str
    docs: list[Doc]
    page_size: int
    ignore_page: bool = False  # answer page 1 whatever page is asked (Zhejiang from abroad)
    broken_pages: set[int] = field(default_factory=set)  # pages answered with an HTML stub

    def page(self, n: int) -> list[Doc]:
        ordered = [d for d in self.docs if d.pinned] + [d for d in self.docs if not d.pinned]
        start = (n - 1) * self.page_size
        return ordered[start:start + self.page_size]

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.docs) // self.page_size))


class PortalServer:
    """`with PortalServer(portal) as srv:`; srv.requests holds (method, url, body) in order."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.requests: list[tuple[str, str, str]] = []
        self._httpd: ThreadingHTTPServer | None = None

    def __enter__(self) -> PortalServer:
        handler = type("Bound", (Handler,), {"server_ref": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def list_requests(self, since: int = 0) -> list[tuple[str, str, str]]:
        return [r for r in self.requests[since:] if self.portal.list_path in r[1]]

    def answer(self, method: str, url: str, body: str) -> tuple[int, str, str]:
        parts = urlsplit(url)
        portal = self.portal
        if parts.path == portal.list_path:
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            form = {k: v[0] for k, v in parse_qs(body).items()}
            key = {"suzhou_json": "pageIndex", "igs": "pageIndex", "bulidstatic": "pageNo"}
            n = int((form if portal.kind == "suzhou_json" else query).get(key[portal.kind], 1))
            if portal.kind == "suzhou_json" and method != "POST":
                return 405, "text/plain", "Request method 'GET' not supported"
            if n in portal.broken_pages:
                return 200, "text/html", "<html><body>系统繁忙，请稍后再试</body></html>"
            return 200, "application/json;charset=UTF-8", render_list(portal, 1 if
                                                                      portal.ignore_page else n)
        for doc in portal.docs:
            if urlsplit(doc.url).path == parts.path:
                return 200, "text/html; charset=utf-8", render_detail(doc, portal.kind)
        return 404, "text/html", "<html><body>404</body></html>"


class Handler(BaseHTTPRequestHandler):
    server_ref: PortalServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve("")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length).decode("utf-8") if length else "")

    def _serve(self, body: str) -> None:
        url = self.path if "://" in self.path else f"http://{self.headers['Host']}{self.path}"
        self.server_ref.requests.append((self.command, url, body))
        status, ctype, text = self.server_ref.answer(self.command, url, body)
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def render_list(portal: Portal, n: int) -> str:
    docs = portal.page(n)
    if portal.kind == "suzhou_json":
        items = [{"TITLE": d.title, "URL": urlsplit(d.url).path, "C_WJBH": d.doc_number,
                  "C_SYH": d.index_number, "PUBLISHED_TIME_FORMAT": d.published,
                  "C_FWRQ_FORMAT": d.written or None, **({"IS_TOP": "1"} if d.pinned else {})}
                 for d in docs]
        reply = {"data": {"allRow": len(portal.docs), "totalPage": portal.pages, "list": items}}
    elif portal.kind == "igs":
        # the day before at 16:30 UTC is 00:30 of the published day in Beijing
        rows = [{"DOCTITLE": d.title, "DOCPUBURL": d.url, "INDEXNO": d.index_number,
                 "DOCRELTIME": _utc_eve(d.published)} for d in docs]
        reply = {"total": len(portal.docs), "rows": rows}
    else:
        lis = "".join(
            f'<li>{"<span>置顶</span>" if d.pinned else ""}'
            f'<a title="{d.title}" href="{urlsplit(d.url).path}">{d.title[:12]}…</a>'
            f"<b>{d.published}</b></li>" for d in docs)
        html = (f'<ul class="list">{lis}</ul><div class="pager" count="{len(portal.docs)}" '
                f'rows="{portal.page_size}"></div>')
        reply = {"success": True, "data": {"html": html}}
    return json.dumps(reply, ensure_ascii=False)


def _utc_eve(day: str) -> str:
    import datetime as dt

    eve = dt.date.fromisoformat(day) - dt.timedelta(days=1)
    return f"{eve.isoformat()}T16:30:00.000Z"


def render_detail(doc: Doc, kind: str) -> str:
    """A detail page with the 苏州 labels: as label/div pairs on 苏州 (its 政策文件库 draws them
    so), as a table elsewhere."""
    cells = [("索&ensp;引&ensp;号", doc.index_number), ("分　　类", "综合政务"),
             ("发布机构", doc.issuer), ("发文日期", doc.written), ("文　　号", doc.doc_number),
             ("标　　题", doc.title), ("时　　效", "有效")]
    if kind == "suzhou_json":
        items = "".join(f'<li><label><font>{label}：</font></label>'
                        f'<div class="display-block fl">{value}</div></li>'
                        for label, value in cells)
        block = f'<div class="xxgkml-content"><ul>{items}</ul></div>'
    else:
        table = "".join(f"<tr><th>{label}：</th><td>{value}</td></tr>" for label, value in cells)
        block = f'<table class="xxgk_table">{table}</table>'
    block = block if doc.meta_block else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{doc.title}</title>'
            f'</head><body><div class="article"><h1>{doc.title}</h1>{block}'
            f'<div id="zoom"><p>{doc.body}</p></div></div></body></html>')
