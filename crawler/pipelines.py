"""The DB pipeline: one transaction per document with its attachments (see crawler/store.py)."""

from __future__ import annotations

from crawler.store import CrawlStore
from db.connection import open_db


class DocumentPipeline:
    def __init__(self, crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.store: CrawlStore | None = None

    @classmethod
    def from_crawler(cls, crawler) -> DocumentPipeline:
        return cls(crawler, crawler.settings.get("CITYDX_DB"))

    def open_spider(self) -> None:
        self.store = CrawlStore(open_db(self.db_path))

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.db.close()

    def process_item(self, item: dict) -> dict:
        outcome = self.store.save_document(item)
        self.crawler.spider.record_outcome(item["source_id"], outcome,
                                           len(item.get("attachments") or []))
        item.pop("html", None)  # keep memory flat: the page is stored, not carried on
        item.pop("text", None)
        return item
