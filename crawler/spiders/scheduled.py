"""The portal spider for schedulers that start spiders by name with string arguments (Scrapyd,
`scrapy crawl`): it builds its crawl plan from the database itself and records the run when it
closes, as `citydx crawl` does around PortalSpider.

    scrapy crawl citydx-scheduled -a db=data/citydx.db -a profile=live -a city=杭州
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy import signals

from crawler.spiders.portal import PortalSpider


class ScheduledPortalSpider(PortalSpider):
    name = "citydx-scheduled"

    @classmethod
    def from_crawler(cls, crawler, *args: Any, db: str | None = None, profile: str = "live",
                     city: str | None = None, refresh_days: str | None = None,
                     proxy: str | None = None, **kwargs: Any) -> ScheduledPortalSpider:
        from citydx.paths import default_db_path
        from citydx.registry import load_registry
        from crawler.plan import CrawlOptions
        from crawler.runner import prepare
        from crawler.settings import crawl_settings
        from crawler.sites import load_sources

        db_path = Path(db) if db else default_db_path()
        registry = load_registry()
        sources = [s for s in load_sources(registry, profile)
                   if s.enabled and (not city or s.city == city)]
        options = CrawlOptions(refresh_days=int(refresh_days) if refresh_days else None)
        plan = prepare(db_path, registry, sources, options)
        # The settings `citydx crawl` would use, at spider priority (the project's are bare).
        crawler.settings.setdict(crawl_settings(str(db_path), proxy=proxy), priority="spider")
        spider = super().from_crawler(crawler, *args, plan=plan, **kwargs)
        crawler.signals.connect(spider.record_run, signal=signals.spider_closed)
        return spider

    def record_run(self, spider, reason: str) -> None:
        from crawler.runner import finish

        finish(self.plan, self, interrupted=reason != "finished")
