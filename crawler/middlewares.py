"""Downloader middlewares: the configured proxy, retry backoff, and silence for blocked sources."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import IgnoreRequest


class ProxyMiddleware:
    """Send every request (robots.txt too) through CITYDX_PROXY, e.g. the sample server."""

    def __init__(self, proxy: str | None) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler) -> ProxyMiddleware:
        return cls(crawler.settings.get("CITYDX_PROXY"))

    def process_request(self, request):
        if self.proxy and "proxy" not in request.meta:
            request.meta["proxy"] = self.proxy
        return None


class BlockedSourceMiddleware:
    """Once a source answered with a challenge page, none of its requests go out again."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler) -> BlockedSourceMiddleware:
        return cls(crawler)

    def process_request(self, request):
        spider = self.crawler.spider
        source_id = request.meta.get("source_id")
        states = getattr(spider, "states", {})
        if source_id in states and states[source_id].blocked:
            spider.crawler.stats.inc_value("citydx/requests/suppressed_blocked")
            raise IgnoreRequest(f"source {source_id} is blocked")
        return None


class RetryBackoffMiddleware:
    """Wait before a retried request: base * 2^(attempt-1) seconds, capped."""

    def __init__(self, base: float, cap: float) -> None:
        self.base, self.cap = base, cap

    @classmethod
    def from_crawler(cls, crawler) -> RetryBackoffMiddleware:
        return cls(crawler.settings.getfloat("CITYDX_RETRY_BACKOFF", 1.0),
                   crawler.settings.getfloat("CITYDX_RETRY_BACKOFF_MAX", 30.0))

    def process_request(self, request):
        attempt = request.meta.get("retry_times", 0)
        if attempt and self.base > 0:  # only retries pay for a coroutine
            from scrapy.utils.defer import deferred_from_coro

            return deferred_from_coro(asyncio.sleep(min(self.base * 2 ** (attempt - 1), self.cap)))
        return None
