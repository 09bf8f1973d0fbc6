"""`citydx crawl`: fetch policy documents from the configured city portals into the database."""

from __future__ import annotations

import argparse
import contextlib

from citydx.commands.common import (
    add_crawl_options,
    add_db_option,
    check_crawl_options,
    crawl_delay,
)

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "crawl", help="采集政策文件 crawl the configured city portals",
        description="Crawl every configured source (crawler/sites/*.yaml), or one city's, or one "
                    "ad-hoc list page. Examples: citydx crawl --samples; citydx crawl --city 杭州; "
                    "citydx crawl --source http://www.gz.gov.cn/gkmlpt/index --city 广州",
    )
    add_db_option(parser)
    add_crawl_options(parser)
    parser.add_argument("--city", help="只采集该城市 only this city (name in rules/cities.yaml)")
    parser.add_argument("--source", help="临时列表页 one ad-hoc list page URL (needs --city)")
    parser.add_argument("--cms", default="auto",
                        help="列表页的建站系统 CMS family of --source: auto, trs, hanweb, gkmlpt, "
                             "generic, suzhou_json, igs, bulidstatic (default auto: detected "
                             "from the URL or the page)")
    parser.add_argument("--backfill", action="store_true",
                        help="翻页到底 page every source to its end")
    parser.add_argument("--browser", action="store_true",
                        help="启用浏览器通道 enable the browser lane for needs_browser sources")
    parser.add_argument("--per-host", type=int, default=2,
                        help="每主机并发 concurrent requests per host (default 2)")
    parser.add_argument("--contact",
                        help="写入 User-Agent 的联系方式 contact URL or e-mail for the User-Agent "
                             "(default $CITYDX_CONTACT)")
    parser.add_argument("--max-attachment-mb", type=float, default=20.0,
                        help="附件大小上限 attachment size cap in MiB (default 20)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citydx.paths import default_db_path
    from citydx.registry import load_registry
    from crawler.errors import SamplesMissingError
    from crawler.plan import CrawlOptions
    from crawler.report import print_report
    from crawler.runner import prepare, run_crawl
    from db.connection import open_db

    registry = load_registry()
    sources = choose_sources(args, registry)
    check_crawl_options(args)
    options = CrawlOptions(backfill=args.backfill, refresh_days=args.refresh_days,
                           max_attachment_bytes=int(args.max_attachment_mb * 1024 * 1024),
                           browser=args.browser and browser_lane_installed())
    db_path = args.db or default_db_path()
    server = contextlib.nullcontext()
    if args.samples and not args.proxy:
        try:
            from crawler.samples.server import SampleServer
        except ImportError:
            raise SamplesMissingError() from None
        server = SampleServer()
    with server as srv:
        proxy = srv.proxy_url if srv is not None else args.proxy
        delay = crawl_delay(args)
        plan = prepare(db_path, registry, sources, options)
        result = run_crawl(plan, proxy=proxy, delay=delay, per_host=args.per_host,
                           progress=True, contact=args.contact)
    db = open_db(db_path)
    print_report(db, result.run_id)
    return 1 if result.failed else 0


def choose_sources(args: argparse.Namespace, registry) -> list:
    """The sources this run crawls, with every option checked before anything starts."""
    from crawler.adapters import FAMILIES
    from crawler.canonical import is_allowed
    from crawler.errors import BadSourceURLError, CrawlOptionError, NoSourcesError
    from crawler.sites import Source, load_sources

    if args.cms not in FAMILIES:
        raise CrawlOptionError(f"--cms must be one of {', '.join(FAMILIES)}")
    if args.source:
        if not args.city:
            raise CrawlOptionError("--source needs --city: say whose list page it is")
        city = registry.get(args.city)
        if not is_allowed(args.source, city):
            raise BadSourceURLError(args.source, city.name, city.domains)
        return [Source(city.name, args.source, "临时来源 ad hoc", "政策文件", args.cms)]
    if args.city:
        registry.get(args.city)
    profile = None if args.sites else ("samples" if args.samples else "live")
    sources = load_sources(registry, profile, args.sites)
    sources = [s for s in sources if s.enabled and (not args.city or s.city == args.city)]
    if not sources:
        raise NoSourcesError(args.city or "this profile")
    return sources


def browser_lane_installed() -> bool:
    """scrapy-playwright and Debian's chromium are both there; says which is not, otherwise."""
    from pathlib import Path

    import crawler.runner
    from crawler.errors import BrowserLaneMissingError

    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        raise BrowserLaneMissingError("scrapy-playwright") from None
    if not Path(crawler.runner.CHROMIUM).exists():
        raise BrowserLaneMissingError(crawler.runner.CHROMIUM)
    return True
