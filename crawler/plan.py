"""What one crawl run will do, decided before Scrapy starts: sources, known documents, options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from citydx.registry import City
from crawler.sites import Source
from crawler.store import KnownDocument


@dataclass
class CrawlOptions:
    backfill: bool = False
    refresh_days: int | None = None
    max_attachment_bytes: int = 20 * 1024 * 1024
    browser: bool = False
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class SourcePlan:
    source_id: int
    source: Source
    city: City
    catch_up: bool  # page to the end: the last pass did not finish cleanly
    had_documents: int  # documents stored from this source before the run


@dataclass
class CrawlPlan:
    run_id: int
    db_path: str
    sources: list[SourcePlan]
    known: dict[str, KnownDocument]
    options: CrawlOptions

    def refresh_urls(self) -> list[tuple[str, int]]:
        """Known documents published within --refresh-days, to re-fetch and compare."""
        days = self.options.refresh_days
        if days is None:
            return []
        since = (self.options.today - dt.timedelta(days=days)).isoformat()
        ids = {p.source_id for p in self.sources}
        return sorted((url, doc.source_id) for url, doc in self.known.items()
                      if doc.source_id in ids and (doc.published_date or "") >= since)
