"""Search over document text: FTS5 with the trigram tokenizer, LIKE for 1-2 character queries
(a trigram index cannot match fewer than three characters). Documents the crawl queued for the
index are indexed before an FTS search, so a search never misses a stored document.

The query is always a bound parameter; for FTS5 it is quoted as one phrase, so operators typed
by a user (AND, *, quotes) are searched for literally instead of breaking the query.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from db.search_index import index_pending

PAGE_SIZE = 20
CONTEXT = 60
MAX_QUERY_CHARS = 200

_SELECT = """
SELECT d.id, d.city, d.title, d.issuer, d.published_date, d.url,
       instr(d.text, :q) AS hit,
       CASE WHEN instr(d.text, :q) > 0 THEN
         substr(d.text, max(instr(d.text, :q) - :ctx, 1),
                instr(d.text, :q) - max(instr(d.text, :q) - :ctx, 1))
         ELSE '' END AS before,
       CASE WHEN instr(d.text, :q) > 0 THEN substr(d.text, instr(d.text, :q), length(:q))
         ELSE '' END AS marked,
       CASE WHEN instr(d.text, :q) > 0 THEN substr(d.text, instr(d.text, :q) + length(:q), :ctx)
         ELSE substr(d.text, 1, :ctx * 2) END AS after
"""


@dataclass(frozen=True)
class SearchResult:
    query: str
    mode: str  # "fts" or "like"
    total: int
    rows: list[dict[str, Any]]


def clean_query(query: str) -> str:
    """Control characters (a NUL ends an FTS5 string early) are dropped, not searched for."""
    return "".join(ch for ch in query if unicodedata.category(ch) != "Cc").strip()[
        :MAX_QUERY_CHARS]


def fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_documents(db: sqlite_utils.Database, query: str, city: str | None = None,
                     page: int = 1) -> SearchResult:
    query = clean_query(query)
    params: dict[str, Any] = {"q": query, "ctx": CONTEXT, "city": city,
                              "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    if len(query) >= 3:
        mode = "fts"
        index_pending(db)  # documents stored since the index was last built
        params["match"] = fts_phrase(query)
        source = ("FROM documents_fts f JOIN documents d ON d.id = f.rowid "
                  "WHERE documents_fts MATCH :match")
        order = "ORDER BY f.rank, d.id"
    else:
        mode = "like"
        params["pattern"] = like_pattern(query)
        source = ("FROM documents d WHERE (d.text LIKE :pattern ESCAPE '\\' "
                  "OR d.title LIKE :pattern ESCAPE '\\')")
        order = "ORDER BY d.published_date DESC, d.id"
    source += " AND (:city IS NULL OR d.city = :city)"
    total = db.conn.execute(f"SELECT COUNT(*) {source}", params).fetchone()[0]
    cursor = db.conn.execute(f"{_SELECT} {source} {order} LIMIT :limit OFFSET :offset", params)
    keys = [c[0] for c in cursor.description]
    rows = [dict(zip(keys, row, strict=True)) for row in cursor]
    return SearchResult(query, mode, total, rows)
