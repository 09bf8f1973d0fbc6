"""A live progress line while a crawl runs (rich), only when stderr is a terminal.

The line is rewritten at most REFRESH_PER_SECOND times a second, not once per response: at a few
hundred responses a second the formatting alone would cost more than the eye can read.
"""

from __future__ import annotations

import sys
import time

from scrapy import signals

REFRESH_PER_SECOND = 4


class ProgressDisplay:
    def __init__(self, crawler) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.crawler = crawler
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), console=Console(stderr=True),
                                 transient=True, refresh_per_second=REFRESH_PER_SECOND)
        self.shown_at = 0.0
        self.task = self.progress.add_task("采集中 crawling", total=None)

    @classmethod
    def from_crawler(cls, crawler) -> ProgressDisplay:
        ext = cls(crawler)
        if sys.stderr.isatty():
            crawler.signals.connect(ext.opened, signal=signals.spider_opened)
            crawler.signals.connect(ext.update, signal=signals.response_received)
            crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider) -> None:
        self.progress.start()

    def update(self, response, request, spider) -> None:
        now = time.monotonic()
        if now - self.shown_at < 1 / REFRESH_PER_SECOND:
            return
        self.shown_at = now
        stats = self.crawler.stats
        new = stats.get_value("citydx/documents/new", 0)
        changed = stats.get_value("citydx/documents/changed", 0)
        lists = stats.get_value("citydx/lists/fetched", 0)
        got = stats.get_value("downloader/response_count", 0)
        self.progress.update(self.task, description=(
            f"采集中 crawling: 列表页 lists {lists} · 新增 new {new} · 变更 changed {changed} · "
            f"请求 responses {got}"))

    def closed(self, spider) -> None:
        self.progress.stop()
