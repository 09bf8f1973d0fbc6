"""Benchmark of the crawler on a synthetic ~20,000-page portal served on 127.0.0.1.

    .venv/bin/python benchmarks/crawl.py [--sources 10] [--docs 1900] [--per-page 20] [--pairs 3]
    .venv/bin/python benchmarks/crawl.py --pairs 1 --profile crawl.prof   # cProfile the crawl


The portal has `sources` TRS-style sites (hosts of real cities, so allow-lists apply), each with
`docs` detail pages listed `per-page` to a list page (createPageHTML paging). It is served by an
HTTP/1.0 server that is also a forward proxy (one connection per request: with keep-alive, Python's
two-write responses meet Twisted's Nagle-delayed request segments and every request waits ~200 ms).
Measured in child processes:
(a) pages/s of `citydx crawl` divided by pages/s of a bare Scrapy spider that follows the same
    links with the same politeness settings but parses and stores nothing (target >= 0.7).
    The two run in interleaved pairs (citydx, bare, citydx, bare, ...) so that load from other
    processes on a shared machine hits both alike; the median ratio of the pairs is reported,
    with each run's CPU time (user + system) beside its wall time;
(b) requests made by a second, unchanged `citydx crawl`, per source (target <= 2);
(c) peak RSS of the first `citydx crawl` (target < 500 MiB).
The citydx side includes building the search index of the documents it stored, which the crawl
does in one statement at its end (db/search_index.py).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO, TARGET_REQUESTS, TARGET_MIB = 0.7, 2.0, 500
LIST_PATH = "/bench/zcwj/"
PARAGRAPH = ("为加快城市全域数字化转型，推进城市运行管理平台建设，完善公共数据资源体系，"
             "本市建成城市大脑中枢，接入部门系统{n}个，汇聚数据{m}亿条。")


def build_portal(hosts: list[str], n_docs: int, per_page: int) -> dict[tuple[str, str], bytes]:
    """Every page of the portal, rendered once: (host, path) -> body."""
    pages: dict[tuple[str, str], bytes] = {}
    n_pages = (n_docs + per_page - 1) // per_page
    for h, host in enumerate(hosts):
        docs = [(f"2024{1 + i % 12:02d}", f"2024{1 + i % 12:02d}{1 + i % 28:02d}", h * 100000 + i)
                for i in range(n_docs)]
        for page in range(n_pages):
            rows = docs[page * per_page:(page + 1) * per_page]
            name = "index.html" if page == 0 else f"index_{page}.html"
            pages[(host, LIST_PATH + name)] = list_page(rows, page, n_pages)
        for month, day, doc_id in docs:
            pages[(host, f"{LIST_PATH}{month}/t{day}_{doc_id}.html")] = detail_page(day, doc_id)
        pages[(host, "/robots.txt")] = b"User-agent: *\nDisallow: /private/\n"
    return pages


def list_page(rows: list[tuple[str, str, int]], page: int, n_pages: int) -> bytes:
    items = "".join(
        f'<li><a href="./{m}/t{d}_{i}.html" title="关于推进数字化转型的通知{i}">'
        f"关于推进数字化转型的通知{i}</a><span>{d[:4]}-{d[4:6]}-{d[6:]}</span></li>"
        for m, d, i in rows)
    return (f'<html><head><meta charset="utf-8"><title>政策文件</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><ul class="list">{items}</ul>'
            f'<script>createPageHTML({n_pages}, {page}, "index", "html");</script>'
            f"</body></html>").encode()


def detail_page(day: str, doc_id: int) -> bytes:
    date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    body = "".join(f"<p>{PARAGRAPH.format(n=doc_id % 97 + k, m=k)}</p>" for k in range(8))
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" '
            f'content="关于推进数字化转型的通知{doc_id}"></head><body><ul class="xxgk">'
            f"<li>索引号：000000000/2024-{doc_id:05d}</li><li>发文机关：市人民政府</li>"
            f"<li>成文日期：{date}</li><li>发文字号：政发〔2024〕{doc_id % 300}号</li>"
            f"<li>发布日期：{date}</li><li>有效性：有效</li></ul>"
            f'<div class="TRS_Editor">{body}</div><div class="footer">主办单位</div>'
            f"</body></html>").encode()


class PortalServer:
    """Keep-alive HTTP server and forward proxy over pre-rendered pages; counts requests."""

    def __init__(self, pages: dict[tuple[str, str], bytes]) -> None:
        self.pages, self.count, self.lock = pages, 0, threading.Lock()
        handler = type("Handler", (_Handler,), {"portal": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    portal: PortalServer

    def setup(self) -> None:
        super().setup()  # headers and body go out in two writes: no Nagle delay between them
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        host = (parts.hostname or self.headers.get("Host", "")).split(":")[0]
        body = self.portal.pages.get((host, parts.path if parts.scheme else self.path))
        with self.portal.lock:
            self.portal.count += 1
        self.send_response(200 if body is not None else 404)
        body = body if body is not None else b"not found"
        ctype = "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # wall time
    cpu: float  # user + system CPU seconds of the child
    code: int
    rss: int  # peak RSS in bytes
    requests: int = 0


def run_child(cmd: list[str]) -> ChildRun:
    """Run a child process and measure it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would stall the child
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-3000:])
    return ChildRun(elapsed, usage.ru_utime + usage.ru_stime, proc.returncode,
                    usage.ru_maxrss * 1024)


def bare_spider(proxy: str, per_host: int, urls: list[str]) -> None:
    """The baseline: the same link following with the same politeness, nothing else."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from crawler.runner import _offline_public_suffixes
    from crawler.settings import crawl_settings

    pager = re.compile(r"createPageHTML\((\d+), (\d+),")

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):
            for url in urls:
                yield scrapy.Request(url, meta={"proxy": proxy})

        def parse(self, response):
            for href in response.css("a::attr(href)").re(r".*t\d{8}_\d+\.html"):
                yield response.follow(href, self.detail, meta={"proxy": proxy}, priority=10)
            match = pager.search(response.text)
            if match and int(match[2]) + 1 < int(match[1]):
                yield response.follow(f"index_{int(match[2]) + 1}.html", meta={"proxy": proxy})

        def detail(self, response):
            return None

    _offline_public_suffixes()
    settings = crawl_settings(":memory:", proxy=proxy, delay=0.0, per_host=per_host)
    settings.pop("ITEM_PIPELINES")
    settings["DOWNLOADER_MIDDLEWARES"] = {"crawler.middlewares.ProxyMiddleware": 740}
    process = CrawlerProcess(settings)
    process.crawl(Bare)
    process.start()


def write_sites(path: Path, cities: list, hosts: list[str]) -> list[str]:
    urls = [f"http://{h}{LIST_PATH}index.html" for h in hosts]
    lines = ["profile: live", "sources:"]
    lines += [f"  - {{city: {c.name}, url: '{u}', cms: trs}}" for c, u in zip(cities, urls,
                                                                            strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return urls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--docs", type=int, default=1900)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--pairs", type=int, default=3, help="interleaved citydx/bare pairs")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the citydx crawls into FILE")
    parser.add_argument("--bare-spider", nargs="+", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--proxy", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_spider:
        bare_spider(args.proxy, args.per_host, args.bare_spider)
        return 0

    from citydx.registry import load_registry

    cities = [c for c in load_registry().assessed][: args.sources]
    hosts = ["www." + c.domains[0] for c in cities]
    pages = build_portal(hosts, args.docs, args.per_page)
    server = PortalServer(pages)
    print(f"门户 portal: {len(pages) - len(hosts)} pages on {len(hosts)} hosts, "
          f"proxy {server.proxy_url}")
    with tempfile.TemporaryDirectory() as tmp:
        sites = Path(tmp) / "sites.yaml"
        urls = write_sites(sites, cities, hosts)
        bare = [sys.executable, __file__, "--proxy", server.proxy_url,
                "--per-host", str(args.per_host), "--bare-spider", *urls]
        pairs = []
        for n in range(args.pairs):
            db = Path(tmp) / f"bench{n}.db"
            crawl = crawl_command(db, sites, server.proxy_url, args.per_host, args.profile)
            pairs.append((counted(server, crawl), counted(server, bare)))
        second = counted(server, crawl_command(db, sites, server.proxy_url, args.per_host))
    server.stop()
    report(pairs, second.requests, len(hosts))
    return 0


def crawl_command(db: Path, sites: Path, proxy: str, per_host: int,
                  profile: str | None = None) -> list[str]:
    prefix = ["-m", "cProfile", "-o", profile] if profile else []
    return [sys.executable, *prefix, "-m", "citydx.cli", "crawl", "--db", str(db), "--sites",
            str(sites), "--proxy", proxy, "--delay", "0", "--per-host", str(per_host)]


def counted(server: PortalServer, cmd: list[str]) -> ChildRun:
    """Run a child and count the requests the portal answered meanwhile."""
    before = server.count
    run = run_child(cmd)
    return replace(run, requests=server.count - before)


def rate(run: ChildRun) -> float:
    return run.requests / run.seconds


def report(pairs: list[tuple[ChildRun, ChildRun]], n_second: int, n_sources: int) -> None:
    for n, (citydx, bare) in enumerate(pairs, 1):
        print(f"第{n}对 pair {n}: citydx {citydx.requests} req in {citydx.seconds:.1f} s wall / "
              f"{citydx.cpu:.1f} s CPU ({rate(citydx):.0f}/s), exit {citydx.code}; "
              f"bare {bare.requests} req in {bare.seconds:.1f} s wall / {bare.cpu:.1f} s CPU "
              f"({rate(bare):.0f}/s); ratio {rate(citydx) / rate(bare):.2f}")
    ratio = statistics.median(rate(c) / rate(b) for c, b in pairs)
    cpu_ratio = statistics.median((b.cpu / b.requests) / (c.cpu / c.requests) for c, b in pairs)
    per_source = n_second / n_sources
    mib = max(c.rss for c, _ in pairs) / 2**20
    print(f"(a) 吞吐比 throughput ratio citydx/bare, median of {len(pairs)}: {ratio:.2f} "
          f"(target >= {TARGET_RATIO}) {'OK' if ratio >= TARGET_RATIO else 'MISSED'}; "
          f"CPU per request bare/citydx {cpu_ratio:.2f}")
    print(f"(b) 复爬请求 unchanged re-crawl: {n_second} requests / {n_sources} sources = "
          f"{per_source:.2f} (target <= {TARGET_REQUESTS})"
          f" {'OK' if per_source <= TARGET_REQUESTS else 'MISSED'}")
    print(f"(c) 峰值内存 peak RSS: {mib:.0f} MiB (target < {TARGET_MIB})"
          f" {'OK' if mib < TARGET_MIB else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
