"""The sample portals on 127.0.0.1: a plain HTTP server that is also an HTTP forward proxy.

It dispatches on the request's host (an absolute-URI request line, as proxies receive, or the
Host header), so a crawler fetches http://www.hangzhou.gov.cn/... through proxy=srv.proxy_url and
its host allow-lists work unchanged. No CONNECT (https) support: the sample sites are http only.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from crawler.samples.render_base import Resource
from crawler.samples.world import SampleWorld


class SampleServer:
    """`with SampleServer(port=0) as srv:` serves until the block ends (port 0 = any free port).

    `root` is accepted for the shared contract; the portals are rendered from the bundled
    documents/ folder, so any other value is rejected rather than silently ignored.
    """

    def __init__(self, root: Path | str | None = None, port: int = 0,
                 host: str = "127.0.0.1") -> None:
        if root is not None and Path(root).resolve() != Path(__file__).resolve().parent:
            raise ValueError("SampleServer serves the bundled crawler/samples only (root=None)")
        self.world = SampleWorld()
        self.requests: list[tuple[str, str]] = []
        self.verbose = False
        self._host, self._port = host, port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> SampleServer:
        handler = type("BoundHandler", (SampleHandler,), {"sample_server": self})
        self._httpd = ThreadingHTTPServer((self._host, self._port), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        name="sample-portals", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def serve_forever(self) -> None:
        """Foreground serving for `citydx samples serve` (Ctrl-C ends it)."""
        if not self._httpd:
            self.start()
        try:
            if self._thread:
                self._thread.join()
        finally:
            self.stop()

    def __enter__(self) -> SampleServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the contract ----------------------------------------------------------------------
    @property
    def port(self) -> int:
        if not self._httpd:
            raise RuntimeError("the sample server is not running")
        return self._httpd.server_address[1]

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_scenario(self, host_or_source: str, kind: str) -> None:
        self.world.set_scenario(host_or_source, kind)

    def add_documents(self, city: str, n: int) -> list[str]:
        return self.world.add_documents(city, n)

    def edit_document(self, url: str) -> None:
        self.world.edit_document(url)


class SampleHandler(BaseHTTPRequestHandler):
    sample_server: SampleServer
    server_version = "SamplePortal/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        form = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        self._serve(send_body=True, form=form)

    def _url(self, form: str = "") -> str:
        if "://" in self.path:
            url = self.path
        else:
            url = f"http://{self.headers.get('Host', '127.0.0.1')}{self.path}"
        if form:
            url += ("&" if urlsplit(url).query else "?") + form
        return url

    def _serve(self, send_body: bool, form: str = "") -> None:
        url = self._url(form)
        server = self.sample_server
        server.requests.append((self.command, url))
        answer = server.world.answer(self.command, url, self.headers.get("Cookie", ""))
        if answer is None:  # 'unreachable': hang up without a word
            self.close_connection = True
            return
        self._send(answer, send_body)

    def _send(self, answer: Resource, send_body: bool) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        length = answer.length if answer.stream else len(answer.body)
        self.send_header("Content-Length", str(length))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not send_body:
            return
        try:
            if answer.stream:
                for chunk in answer.stream():
                    self.wfile.write(chunk)
            else:
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client stopped reading (e.g. its size cap)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet by default; `citydx samples serve --verbose` turns logging on."""
        if self.sample_server.verbose:
            super().log_message(format, *args)
