"""Scrapy settings for citydx, built once from the CLI options.

Polite by default: robots.txt obeyed, AutoThrottle on, 1-2 requests at a time per host, an honest
User-Agent naming the project, retries with backoff on 5xx and timeouts.
"""

from __future__ import annotations

import os

from citydx import __version__

DEFAULT_DELAY = 0.5  # seconds between requests per host, as public gov crawlers use
# Read by the `scrapy` command (scrapy.cfg: default = crawler.settings), so that `scrapy list`
# and Scrapyd find the spider; citydx itself builds its settings with crawl_settings().
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"


def user_agent(contact: str | None = None) -> str:
    """citydx/<version> (+<contact>): the operator's URL or e-mail from --contact/CITYDX_CONTACT."""
    contact = contact or os.environ.get("CITYDX_CONTACT")
    return f"citydx/{__version__} (+{contact or 'city assessment crawler; contact not set'})"


def crawl_settings(db_path: str, proxy: str | None = None, delay: float = DEFAULT_DELAY,
                   per_host: int = 2, contact: str | None = None,
                   log_level: str = "WARNING", timeout: float = 30.0,
                   max_attachment_bytes: int = 20 * 1024 * 1024) -> dict:
    return {
        "BOT_NAME": "citydx",
        "USER_AGENT": user_agent(contact),
        "ROBOTSTXT_OBEY": True,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "CONCURRENT_REQUESTS": 16,
        # Scrapy runs one task per CONCURRENT_ITEMS slot for every callback's output; items
        # are written one at a time to SQLite anyway, so a few slots avoid most of that work.
        "CONCURRENT_ITEMS": 4,
        # Scrapy re-reads and parses the source of a generator callback to warn about
        # `return value` whenever its weak cache has dropped the bound method: thousands of
        # inspect.getsource() calls a crawl. The spiders' callbacks return no values.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.5 if delay > 0 else 0.0,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.0),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(per_host),
        "DOWNLOAD_TIMEOUT": timeout,
        "DOWNLOAD_MAXSIZE": max(max_attachment_bytes + 1, 64 * 1024 * 1024),
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408],
        "CITYDX_RETRY_BACKOFF": min(1.0, delay * 2) if delay else 0.0,
        "COOKIES_ENABLED": True,
        "REDIRECT_ENABLED": True,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": log_level,
        "CITYDX_DB": db_path,
        "CITYDX_PROXY": proxy,
        "ITEM_PIPELINES": {"crawler.pipelines.DocumentPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            "crawler.middlewares.BlockedSourceMiddleware": 50,
            "crawler.middlewares.RetryBackoffMiddleware": 60,
            "crawler.middlewares.ProxyMiddleware": 740,
        },
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
