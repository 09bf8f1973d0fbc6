"""The crawler's database writes: runs, sources, documents with versions, attachments.

One document and its attachments are written in one transaction, so a crawl killed at any moment
leaves either the whole document or nothing; the next run sees it as known and skips it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crawler.sites import Source
from db.audit import now_iso

FINISHED_OK = ("ok", "empty")
DOC_FIELDS = ("city", "source_id", "url", "title", "issuer", "doc_number", "index_number",
              "category", "written_date", "published_date", "validity", "text", "html",
              "metadata", "content_hash")
COUNTERS = ("lists_fetched", "new_documents", "changed_documents", "unchanged_documents",
            "attachments", "errors")


@dataclass(frozen=True)
class KnownDocument:
    id: int
    content_hash: str | None
    published_date: str | None
    source_id: int | None


class CrawlStore:
    def __init__(self, db: sqlite_utils.Database, stored_urls: set[str] | None = None) -> None:
        """stored_urls, when given, is every URL already in documents (loaded once by the
        caller and kept up to date here): a URL outside it is inserted without a look-up."""
        self.db = db
        self.stored_urls = stored_urls

    # runs ------------------------------------------------------------------------------------
    def mark_interrupted(self) -> int:
        """Runs left 'running' by a process that no longer exists were killed: say so."""
        stale = []
        for row in self.db.query("SELECT id, options FROM crawl_runs WHERE status = 'running'"):
            pid = json.loads(row["options"] or "{}").get("pid")
            if not _alive(pid):
                stale.append(row["id"])
        with self.db.atomic():
            for run_id in stale:
                self.db.execute("UPDATE crawl_runs SET status = 'interrupted', finished_at = ? "
                                "WHERE id = ?", [now_iso(), run_id])
                self.db.execute("UPDATE source_runs SET status = 'interrupted' "
                                "WHERE run_id = ? AND status = 'running'", [run_id])
        return len(stale)

    def begin_run(self, options: dict[str, Any]) -> int:
        options = {**options, "pid": os.getpid()}
        with self.db.atomic():
            table = self.db["crawl_runs"]
            table.insert({"started_at": now_iso(), "status": "running",
                          "options": json.dumps(options, ensure_ascii=False, default=str)})
            return table.last_pk

    def finish_run(self, run_id: int, status: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE crawl_runs SET status = ?, finished_at = ? WHERE id = ?",
                            [status, now_iso(), run_id])

    # sources ---------------------------------------------------------------------------------
    def sync_sources(self, sources: list[Source]) -> dict[str, int]:
        """Upsert the configured sources; returns url -> source id."""
        ids: dict[str, int] = {}
        with self.db.atomic():
            for s in sources:
                row = {"city": s.city, "url": s.url, "name": s.name, "section": s.section,
                       "cms": s.cms, "needs_browser": int(s.needs_browser),
                       "verified": int(s.verified), "enabled": int(s.enabled)}
                found = self.db.execute("SELECT id FROM sources WHERE url = ?", [s.url]).fetchone()
                if found:
                    self.db["sources"].update(found[0], row)
                    ids[s.url] = found[0]
                else:
                    table = self.db["sources"]
                    table.insert(row)
                    ids[s.url] = table.last_pk
        return ids

    def start_source_run(self, run_id: int, source_id: int) -> None:
        with self.db.atomic():
            self.db["source_runs"].insert({"run_id": run_id, "source_id": source_id,
                                           "status": "running", "started_at": now_iso()})

    def finish_source_run(self, run_id: int, source_id: int, status: str,
                          counts: dict[str, int], message: str | None) -> None:
        values = {k: int(counts.get(k, 0)) for k in COUNTERS}
        with self.db.atomic():
            self.db.execute(
                "UPDATE source_runs SET status = ?, finished_at = ?, message = ?, "
                + ", ".join(f"{k} = ?" for k in values)
                + " WHERE run_id = ? AND source_id = ?",
                [status, now_iso(), message, *values.values(), run_id, source_id])

    def needs_catch_up(self, source_id: int, run_id: int) -> bool:
        """Page to the end when the source's last run did not finish a pass (or never ran).

        A killed, blocked or unreachable run may have stopped before its deeper pages; stopping
        at the first known page next time would lose them, so the next run pages on. Documents
        whose detail fetch failed are not known, so their pages never count as all-known anyway.
        """
        row = self.db.execute(
            "SELECT status FROM source_runs WHERE source_id = ? AND run_id < ? "
            "ORDER BY run_id DESC LIMIT 1", [source_id, run_id]).fetchone()
        return row is None or row[0] not in FINISHED_OK

    def document_count(self, source_id: int) -> int:
        return self.db.execute("SELECT count(*) FROM documents WHERE source_id = ?",
                               [source_id]).fetchone()[0]

    def known_documents(self, cities: list[str]) -> dict[str, KnownDocument]:
        marks = ", ".join("?" for _ in cities)
        rows = self.db.execute(
            f"SELECT url, id, content_hash, published_date, source_id FROM documents "
            f"WHERE city IN ({marks})", cities)
        return {url: KnownDocument(i, h, p, s) for url, i, h, p, s in rows}

    # documents -------------------------------------------------------------------------------
    def save_document(self, item: dict[str, Any]) -> str:
        """Insert or update one document with its attachments; returns new|changed|unchanged."""
        now = now_iso()
        doc = {k: item.get(k) for k in DOC_FIELDS}
        doc["fetched_at"] = now
        if (not item.get("attachments") and self.stored_urls is not None
                and doc["url"] not in self.stored_urls):
            # A new document without attachments is one INSERT, atomic by itself: no savepoint
            # (two more statements and their SQL compiled afresh) for the commonest write.
            if self._insert({**doc, "version": 1, "first_seen_at": now}) is not None:
                self._remember(doc["url"])
                return "new"
        with self.db.atomic():
            old, doc_id, outcome = self._stored(doc["url"]), None, "new"
            if old is None:
                doc_id = self._insert({**doc, "version": 1, "first_seen_at": now})
                if doc_id is None:  # another process stored it since the URL set was loaded
                    old = self._lookup(doc["url"])
            if old is not None:
                doc_id, outcome = self._update(old, doc, now)
            self._save_attachments(doc_id, item.get("attachments") or [], now)
        self._remember(doc["url"])
        return outcome

    def _remember(self, url: str) -> None:
        if self.stored_urls is not None:
            self.stored_urls.add(url)

    def _stored(self, url: str) -> tuple | None:
        if self.stored_urls is not None and url not in self.stored_urls:
            return None
        return self._lookup(url)

    def _lookup(self, url: str) -> tuple | None:
        return self.db.execute(
            "SELECT id, content_hash, version, title, text, fetched_at FROM documents "
            "WHERE url = ?", [url]).fetchone()

    def _insert(self, row: dict[str, Any]) -> int | None:
        """The new document's id, or None when its URL is already stored."""
        cursor = self.db.execute(
            f"INSERT INTO documents ({', '.join(row)}) "
            f"VALUES ({', '.join(':' + k for k in row)}) ON CONFLICT (url) DO NOTHING", row)
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def _update(self, old: tuple, doc: dict[str, Any], now: str) -> tuple[int, str]:
        """A known document fetched again: touch it, or keep the old version and replace it."""
        if old[1] == doc["content_hash"]:
            self.db.execute("UPDATE documents SET fetched_at = ? WHERE id = ?", [now, old[0]])
            return old[0], "unchanged"
        self.db["document_versions"].insert({
            "document_id": old[0], "version": old[2], "content_hash": old[1],
            "title": old[3], "text": old[4], "fetched_at": old[5]})
        self.db["documents"].update(old[0], {**doc, "version": old[2] + 1})
        return old[0], "changed"

    def _save_attachments(self, doc_id: int, attachments: list[dict], now: str) -> None:
        for att in attachments:
            row = {"document_id": doc_id, "url": att["url"], "filename": att.get("filename"),
                   "file_type": att.get("file_type"), "size": att.get("size"),
                   "sha256": att.get("sha256"), "text": att.get("text"),
                   "status": att.get("status", "failed"), "reason": att.get("reason"),
                   "fetched_at": now}
            self.db.execute(
                "INSERT INTO attachments (document_id, url, filename, file_type, size, sha256, "
                "text, status, reason, fetched_at) VALUES (:document_id, :url, :filename, "
                ":file_type, :size, :sha256, :text, :status, :reason, :fetched_at) "
                "ON CONFLICT (document_id, url) DO UPDATE SET filename = excluded.filename, "
                "file_type = excluded.file_type, size = excluded.size, sha256 = excluded.sha256, "
                "text = excluded.text, status = excluded.status, reason = excluded.reason, "
                "fetched_at = excluded.fetched_at", row)


def _alive(pid: object) -> bool:
    if not isinstance(pid, int):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

