"""The DB pipeline: documents written in batched transactions, each document atomic.

Committing once per document made SQLite's commit the crawl's largest cost. Documents are now
committed in batches (every BATCH_DOCUMENTS documents or BATCH_SECONDS seconds, and at the end);
inside a batch each document with its attachments is one savepoint (see crawler/store.py). A
kill -9 therefore loses at most the open batch, and each of its documents is absent as a whole:
the next run finds them unknown and, as the killed run was not finished, pages to the end.
"""

from __future__ import annotations

import time

from crawler.store import CrawlStore
from db.connection import open_db

BATCH_DOCUMENTS = 50
BATCH_SECONDS = 1.0


class DocumentPipeline:
    def __init__(self, crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.store: CrawlStore | None = None
        self.pending = 0
        self.opened_at = 0.0
        self.timer = None

    @classmethod
    def from_crawler(cls, crawler) -> DocumentPipeline:
        return cls(crawler, crawler.settings.get("CITYDX_DB"))

    def open_spider(self) -> None:
        from twisted.internet import task

        self.open_store()
        # A quiet spell (slow hosts, long attachments) must not hold stored documents back.
        self.timer = task.LoopingCall(self.commit_if_due)
        self.timer.start(BATCH_SECONDS, now=False)

    def open_store(self) -> None:
        db = open_db(self.db_path)
        urls = {row[0] for row in db.execute("SELECT url FROM documents")}
        self.store = CrawlStore(db, stored_urls=urls)

    def close_spider(self) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        if self.store is not None:
            self.commit()
            self.store.db.close()
            self.store = None

    def process_item(self, item: dict) -> dict:
        conn = self.store.db.conn
        if not conn.in_transaction:
            conn.execute("BEGIN")
            self.opened_at = time.monotonic()
        outcome = self.store.save_document(item)
        self.pending += 1
        if self.pending >= BATCH_DOCUMENTS:
            self.commit()
        self.crawler.spider.record_outcome(item["source_id"], outcome,
                                           len(item.get("attachments") or []))
        item.pop("html", None)  # keep memory flat: the page is stored, not carried on
        item.pop("text", None)
        return item

    def commit_if_due(self) -> None:
        if self.pending and time.monotonic() - self.opened_at >= BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.store.db.conn.in_transaction:
            self.store.db.conn.execute("COMMIT")
        self.pending = 0
