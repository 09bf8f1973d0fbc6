"""Evidence rows in the database: incremental, idempotent extraction of stored documents.

A document is (re-)extracted when it has no extraction_state row, when its content (text,
attachments) changed, or when the rules changed (rules_version). Rows a new run still produces
keep their id and review decision; rows it no longer produces are deleted, or marked
review_status = 'superseded' when a stored score run cites them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

import sqlite_utils

from db.audit import now_iso
from extractors.attribution import CITY, PROVINCE
from extractors.engine import Evidence, Extractor
from extractors.metadata import DocumentMeta, parse_metadata

_PENDING_SQL = """
SELECT d.id, d.content_hash, length(d.text),
       (SELECT group_concat(a.id || ':' || coalesce(a.sha256, '') || ':' || a.status || ':'
                            || length(coalesce(a.text, '')))
        FROM attachments a WHERE a.document_id = d.id),
       s.content_hash, s.rules_version
FROM documents d LEFT JOIN extraction_state s ON s.document_id = d.id
ORDER BY d.id
"""
_KEY = ("attachment_id", "city", "indicator", "rule_id", "start_offset", "level", "status")


@dataclass
class ExtractStats:
    documents: int = 0
    skipped: int = 0
    inserted: int = 0
    kept: int = 0
    removed: int = 0


def pending_documents(db: sqlite_utils.Database, rules_version: str,
                      force: bool = False) -> list[tuple[int, str]]:
    """(document id, content fingerprint) of every document that needs extraction."""
    pending = []
    for doc_id, content_hash, length, attachments, done_hash, done_rules in \
            db.execute(_PENDING_SQL).fetchall():
        if not content_hash:
            text = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
            content_hash = hashlib.sha256((text or "").encode()).hexdigest()
        fingerprint = hashlib.sha256(
            f"{content_hash}|{length}|{attachments or ''}".encode()).hexdigest()[:16]
        if force or done_hash != fingerprint or done_rules != rules_version:
            pending.append((doc_id, fingerprint))
    return pending


def _meta(doc: dict) -> DocumentMeta:
    """Metadata from the text, overridden by what the crawler stored in columns."""
    meta = parse_metadata(doc["text"] or "")
    for field in ("issuer", "doc_number", "written_date", "published_date", "validity"):
        if doc.get(field):
            setattr(meta, field, str(doc[field])[:10] if field.endswith("_date") else doc[field])
    return meta


def extract_document(db: sqlite_utils.Database, extractor: Extractor,
                     doc_id: int) -> list[dict]:
    """Evidence rows (as DB dicts) for one stored document and its attachments.

    A document owned by a province entry is evidence for every assessed city of the province:
    its text is read once, and each row is attributed as computed for each city.
    """
    doc = db.execute(
        "SELECT id, city, title, issuer, doc_number, written_date, published_date, validity, "
        "text FROM documents WHERE id = ?", [doc_id]).fetchone()
    doc = dict(zip(("id", "city", "title", "issuer", "doc_number", "written_date",
                    "published_date", "validity", "text"), doc, strict=True))
    meta = _meta(doc)
    attachments = [(att_id, text, _attachment_meta(text, meta)) for att_id, text in db.execute(
        "SELECT id, text FROM attachments WHERE document_id = ? AND status = 'ok' "
        "AND text IS NOT NULL ORDER BY id", [doc_id]).fetchall()]
    targets = extractor.registry.fan_out(doc["city"])
    provincial = targets != (doc["city"],)
    in_text = extractor.extract_for(doc["text"] or "", targets, meta, doc["title"] or "")
    in_attachments = [(att_id, extractor.extract_for(text, targets, att_meta))
                      for att_id, text, att_meta in attachments]
    rows = []
    for city in targets:
        found = [(e, None) for e in in_text[city]]
        for att_id, by_city in in_attachments:
            found.extend((e, att_id) for e in by_city[city])
        if provincial and not _names_city(extractor, meta.issuer or "", city):
            found = [(_as_provincial(extractor, e, city), a) for e, a in found]
        rows.extend(_db_row(e, doc, att_id, city) for e, att_id in found)
    return rows


def _attachment_meta(text: str, meta: DocumentMeta) -> DocumentMeta:
    """An attachment's own metadata, gaps filled from its document's."""
    att_meta = parse_metadata(text)
    for field in ("issuer", "written_date", "published_date", "validity"):
        if not getattr(att_meta, field):
            setattr(att_meta, field, getattr(meta, field))
    return att_meta


def _names_city(extractor: Extractor, text: str, city: str) -> bool:
    return any(name in text for name in extractor.attributor(city).own_names)


def _as_provincial(extractor: Extractor, e: Evidence, city: str) -> Evidence:
    """On a provincial document not issued by the city, 'city' words (各市, 市政府, no named
    actor) speak of every city alike: the row is the city's own only when its snippet names the
    city or one of its districts."""
    if e.attribution != CITY or _names_city(extractor, e.snippet, city):
        return e
    return replace(e, attribution=PROVINCE)


def _db_row(e: Evidence, doc: dict, attachment_id: int | None, city: str) -> dict:
    return {"document_id": doc["id"], "attachment_id": attachment_id, "city": city,
            "indicator": e.indicator, "level": e.level, "status": e.status,
            "quantity": e.quantity, "unit": e.unit, "snippet": e.snippet,
            "start_offset": e.start, "end_offset": e.end, "rule_id": e.rule_id,
            "attribution": e.attribution, "confidence": round(e.confidence, 4),
            "evidence_date": e.evidence_date or None, "repealed": int(e.repealed)}


def store_rows(db: sqlite_utils.Database, doc_id: int, rows: list[dict], rules_version: str,
               fingerprint: str, stats: ExtractStats) -> None:
    """Replace one document's evidence in one transaction, keeping unchanged rows' ids."""
    existing = {tuple(r[k] for k in _KEY): r["id"] for r in db.query(
        "SELECT * FROM evidence WHERE document_id = ? AND review_status != 'superseded'",
        [doc_id])}
    now = now_iso()
    with db.atomic():
        seen = set()
        for row in rows:
            key = tuple(row[k] for k in _KEY)
            if key in seen:
                continue
            seen.add(key)
            row = {**row, "rules_version": rules_version}
            if key in existing:
                db["evidence"].update(existing[key], row)
                stats.kept += 1
            else:
                db["evidence"].insert({**row, "created_at": now})
                stats.inserted += 1
        for key, evidence_id in existing.items():
            if key not in seen:
                _retire(db, evidence_id)
                stats.removed += 1
        db["extraction_state"].upsert(
            {"document_id": doc_id, "content_hash": fingerprint, "rules_version": rules_version,
             "extracted_at": now, "evidence_rows": len(seen)}, pk="document_id")


def _retire(db: sqlite_utils.Database, evidence_id: int) -> None:
    cited = db.execute("SELECT 1 FROM indicator_score_evidence WHERE evidence_id = ? LIMIT 1",
                       [evidence_id]).fetchone()
    if cited:
        db.execute("UPDATE evidence SET review_status = 'superseded' WHERE id = ?",
                   [evidence_id])
    else:
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])


def extract_all(db: sqlite_utils.Database, extractor: Extractor, force: bool = False,
                on_pending: Callable[[int], None] | None = None,
                advance: Callable[[], None] | None = None) -> ExtractStats:
    """Extract every pending document; on_pending(n) first, then advance() per document."""
    version = extractor.ruleset.version
    pending = pending_documents(db, version, force)
    stats = ExtractStats(skipped=db["documents"].count - len(pending))
    if on_pending:
        on_pending(len(pending))
    for doc_id, fingerprint in pending:
        store_rows(db, doc_id, extract_document(db, extractor, doc_id), version, fingerprint,
                   stats)
        stats.documents += 1
        if advance:
            advance()
    return stats
