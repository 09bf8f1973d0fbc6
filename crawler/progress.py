"""A live progress line while a crawl runs (rich), only when stderr is a terminal."""

from __future__ import annotations

import sys

from scrapy import signals


class ProgressDisplay:
    def __init__(self, crawler) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.crawler = crawler
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), console=Console(stderr=True),
                                 transient=True)
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
