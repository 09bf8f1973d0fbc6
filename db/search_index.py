"""Bringing the full-text index up to date with the documents queued since it was last built.

New documents are queued by a trigger (see MIGRATION_6 in db/schema.py) and a crawl indexes the
queue at its end; whoever is about to search calls `index_pending` first too, so a search never
misses a stored document, even after a crawl that was killed before it reached its end.
"""

from __future__ import annotations

import sqlite_utils


def pending_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COUNT(*) FROM documents_fts_pending").fetchone()[0]


def index_pending(db: sqlite_utils.Database) -> int:
    """Index every queued document in one transaction; returns how many were indexed.

    Queue and index change together, so a crash leaves either both as they were or both done.
    """
    if not db.execute("SELECT 1 FROM documents_fts_pending LIMIT 1").fetchone():
        return 0
    with db.atomic():
        indexed = db.execute(
            "INSERT INTO documents_fts(rowid, title, text) "
            "SELECT d.id, d.title, d.text FROM documents_fts_pending p "
            "JOIN documents d ON d.id = p.document_id").rowcount
        db.execute("DELETE FROM documents_fts_pending")
    return indexed
