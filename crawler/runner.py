"""Running one crawl: plan it from the DB, run Scrapy in this process, record the outcome."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from citydx.registry import Registry
from crawler.plan import CrawlOptions, CrawlPlan, SourcePlan
from crawler.settings import crawl_settings
from crawler.sites import Source
from crawler.store import CrawlStore
from db.cities import sync_cities
from db.connection import open_db
from db.search_index import index_pending

FAILED = ("blocked", "broken", "unreachable")


@dataclasses.dataclass
class RunResult:
    run_id: int
    statuses: dict[int, str]  # source id -> status

    @property
    def failed(self) -> bool:
        return any(s in FAILED for s in self.statuses.values())


def prepare(db_path: Path, registry: Registry, sources: list[Source],
            options: CrawlOptions) -> CrawlPlan:
    """Open the run: mark killed runs interrupted, sync sources, and decide each source's mode."""
    db = open_db(db_path)
    sync_cities(db, registry)
    store = CrawlStore(db)
    store.mark_interrupted()
    ids = store.sync_sources(sources)
    run_id = store.begin_run({**dataclasses.asdict(options),
                              "sources": [s.url for s in sources]})
    plans = []
    for source in sources:
        source_id = ids[source.url]
        store.start_source_run(run_id, source_id)
        plans.append(SourcePlan(source_id, source, registry.get(source.city),
                                store.needs_catch_up(source_id, run_id),
                                store.document_count(source_id)))
    known = store.known_documents(sorted({s.city for s in sources}))
    db.close()
    return CrawlPlan(run_id, str(db_path), plans, known, options)


def run_crawl(plan: CrawlPlan, proxy: str | None = None, delay: float = 0.5,
              per_host: int = 2, progress: bool = False, log_level: str = "WARNING",
              contact: str | None = None) -> RunResult:
    """Run the spider to completion in this process (the Twisted reactor runs once)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.portal import PortalSpider

    _offline_public_suffixes()
    settings = crawl_settings(plan.db_path, proxy=proxy, delay=delay, per_host=per_host,
                              log_level=log_level, contact=contact,
                              max_attachment_bytes=plan.options.max_attachment_bytes)
    if progress:
        settings["EXTENSIONS"] = {"crawler.progress.ProgressDisplay": 500}
    if plan.options.browser:
        settings.update(browser_lane_settings(proxy))
    process = CrawlerProcess(settings)
    _quiet_below(log_level)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, plan=plan)
    process.start()
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    return finish(plan, crawler.spider, interrupted=reason not in (None, "finished"))


def finish(plan: CrawlPlan, spider, interrupted: bool = False) -> RunResult:
    """Write each source's status and counts, close the run, then index the documents it stored
    for search: in one statement at the end, about a third of what a trigger per document cost."""
    store = CrawlStore(open_db(plan.db_path))
    statuses: dict[int, str] = {}
    for source_id, state in spider.states.items():
        status = "interrupted" if interrupted else state.status()
        statuses[source_id] = status
        store.finish_source_run(plan.run_id, source_id, status, state.counts, state.message())
    store.finish_run(plan.run_id, "interrupted" if interrupted else "finished")
    index_pending(store.db)
    store.db.close()
    return RunResult(plan.run_id, statuses)


def _quiet_below(log_level: str) -> None:
    """Scrapy sets the root logger to NOTSET and filters in its handler, so every 'Crawled' and
    'Scraped from' debug line still builds a LogRecord (two per page) only to drop it. Setting
    the level on Scrapy's logger drops them before they are built."""
    logging.getLogger("scrapy").setLevel(log_level)


def _offline_public_suffixes() -> None:
    """Scrapy's cookie middleware would download the public suffix list on first use; the
    snapshot bundled with tldextract is enough, and crawls must not reach unrelated hosts."""
    import scrapy.downloadermiddlewares.cookies as cookies
    from tldextract import TLDExtract

    cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


CHROMIUM = "/usr/bin/chromium"  # Debian's package: `playwright install` is never run
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync")


def browser_lane_settings(proxy: str | None = None) -> dict:
    """scrapy-playwright with Debian's chromium, for sources marked needs_browser only.

    Requests without meta["playwright"] still go through Scrapy's own HTTP handler. The browser
    does not read Scrapy's per-request proxy, so the crawl's proxy is given to chromium itself.
    """
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    launch: dict = {"executable_path": CHROMIUM, "args": list(CHROMIUM_ARGS), "headless": True}
    if proxy:
        launch["proxy"] = {"server": proxy}
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch,
    }
