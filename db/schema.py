"""Versioned schema. Each migration upgrades the file from the previous version in place.

Never edit a released migration: append a new one. `PRAGMA user_version` holds the version.
The tables are documented for analysts in docs/schema.md.
"""

from __future__ import annotations

MIGRATION_1 = """
CREATE TABLE cities (
    name TEXT PRIMARY KEY,
    province TEXT NOT NULL,
    kind TEXT NOT NULL,
    assessed INTEGER NOT NULL DEFAULT 1,
    portal TEXT
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL REFERENCES cities(name),
    url TEXT NOT NULL UNIQUE,
    name TEXT,
    section TEXT,
    cms TEXT,
    needs_browser INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    options TEXT
);
CREATE TABLE source_runs (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    source_id INTEGER NOT NULL REFERENCES sources(id),
    status TEXT NOT NULL DEFAULT 'running',
    started_at TEXT,
    finished_at TEXT,
    lists_fetched INTEGER NOT NULL DEFAULT 0,
    new_documents INTEGER NOT NULL DEFAULT 0,
    changed_documents INTEGER NOT NULL DEFAULT 0,
    unchanged_documents INTEGER NOT NULL DEFAULT 0,
    attachments INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    message TEXT,
    UNIQUE (run_id, source_id)
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL REFERENCES cities(name),
    source_id INTEGER REFERENCES sources(id),
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    issuer TEXT,
    doc_number TEXT,
    index_number TEXT,
    category TEXT,
    written_date TEXT,
    published_date TEXT,
    validity TEXT,
    text TEXT,
    html TEXT,
    metadata TEXT,
    content_hash TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    first_seen_at TEXT,
    fetched_at TEXT
);
CREATE INDEX documents_city ON documents(city);
CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    content_hash TEXT,
    title TEXT,
    text TEXT,
    fetched_at TEXT,
    UNIQUE (document_id, version)
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    url TEXT NOT NULL,
    filename TEXT,
    file_type TEXT,
    size INTEGER,
    sha256 TEXT,
    text TEXT,
    status TEXT NOT NULL DEFAULT 'ok',
    reason TEXT,
    fetched_at TEXT,
    UNIQUE (document_id, url)
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    attachment_id INTEGER REFERENCES attachments(id),
    city TEXT NOT NULL REFERENCES cities(name),
    indicator TEXT NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    quantity REAL,
    unit TEXT,
    snippet TEXT NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    rule_id TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT 'city',
    confidence REAL NOT NULL DEFAULT 1.0,
    evidence_date TEXT,
    repealed INTEGER NOT NULL DEFAULT 0,
    review_status TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT,
    UNIQUE (document_id, attachment_id, indicator, rule_id, start_offset)
);
CREATE INDEX evidence_city_indicator ON evidence(city, indicator);
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL REFERENCES cities(name),
    indicator TEXT NOT NULL,
    points REAL NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    reviewer TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'cli',
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX overrides_city_indicator ON overrides(city, indicator);
CREATE TABLE scoring_runs (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    rules_version TEXT,
    weights TEXT
);
CREATE TABLE indicator_scores (
    id INTEGER PRIMARY KEY,
    scoring_run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    city TEXT NOT NULL REFERENCES cities(name),
    indicator TEXT NOT NULL,
    level TEXT,
    level_points REAL NOT NULL DEFAULT 0,
    quantity REAL,
    normalised REAL,
    quantity_points REAL NOT NULL DEFAULT 0,
    points REAL NOT NULL,
    reason TEXT NOT NULL,
    override_id INTEGER REFERENCES overrides(id),
    UNIQUE (scoring_run_id, city, indicator)
);
CREATE TABLE indicator_score_evidence (
    score_id INTEGER NOT NULL REFERENCES indicator_scores(id),
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    PRIMARY KEY (score_id, evidence_id)
);
CREATE TABLE aggregate_scores (
    scoring_run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    city TEXT NOT NULL REFERENCES cities(name),
    tier TEXT NOT NULL CHECK (tier IN ('secondary', 'primary', 'total')),
    indicator TEXT NOT NULL,
    points REAL NOT NULL,
    PRIMARY KEY (scoring_run_id, city, indicator)
);
CREATE TABLE city_results (
    scoring_run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    city TEXT NOT NULL REFERENCES cities(name),
    total REAL NOT NULL,
    searched INTEGER NOT NULL,
    not_searched_indicators INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scoring_run_id, city)
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    details TEXT
);
"""

# Full-text search over documents (Chinese-capable via the trigram tokenizer).
MIGRATION_2 = """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
"""

# Extraction bookkeeping: which documents were extracted from which content with which rules,
# so `citydx extract` only redoes documents that changed or were never seen by these rules.
MIGRATION_3 = """
CREATE TABLE extraction_state (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    content_hash TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    evidence_rows INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX evidence_document ON evidence(document_id);
"""

# The nightly pipeline (`citydx run`): one row per run, with the stage runs it made and its
# summary (JSON), so `citydx status` and the next run's alerts can read the history.
MIGRATION_4 = """
CREATE TABLE pipeline_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    exit_code INTEGER,
    crawl_run_id INTEGER REFERENCES crawl_runs(id),
    scoring_run_id INTEGER REFERENCES scoring_runs(id),
    previous_scoring_run_id INTEGER REFERENCES scoring_runs(id),
    out_dir TEXT,
    options TEXT,
    summary TEXT
);
"""

# Provincial documents: one stored document (owned by a province entry, cities.kind = 'province')
# is evidence for every assessed city of its province, so evidence rows of one document, rule and
# offset differ by city. The uniqueness key gains `city`. SQLite cannot change a constraint in
# place, so evidence is copied into a table with the new key; indicator_score_evidence, the only
# table that references it, is copied first to point at the copy, so foreign keys hold throughout.
MIGRATION_5 = """
CREATE TABLE evidence_v5 (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    attachment_id INTEGER REFERENCES attachments(id),
    city TEXT NOT NULL REFERENCES cities(name),
    indicator TEXT NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    quantity REAL,
    unit TEXT,
    snippet TEXT NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    rule_id TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT 'city',
    confidence REAL NOT NULL DEFAULT 1.0,
    evidence_date TEXT,
    repealed INTEGER NOT NULL DEFAULT 0,
    review_status TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT,
    UNIQUE (document_id, attachment_id, city, indicator, rule_id, start_offset)
);
INSERT INTO evidence_v5 SELECT id, document_id, attachment_id, city, indicator, level, status,
    quantity, unit, snippet, start_offset, end_offset, rule_id, rules_version, attribution,
    confidence, evidence_date, repealed, review_status, created_at FROM evidence;
CREATE TABLE indicator_score_evidence_v5 (
    score_id INTEGER NOT NULL REFERENCES indicator_scores(id),
    evidence_id INTEGER NOT NULL REFERENCES evidence_v5(id),
    PRIMARY KEY (score_id, evidence_id)
);
INSERT INTO indicator_score_evidence_v5 SELECT score_id, evidence_id FROM indicator_score_evidence;
DROP TABLE indicator_score_evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v5 RENAME TO evidence;
ALTER TABLE indicator_score_evidence_v5 RENAME TO indicator_score_evidence;
CREATE INDEX evidence_city_indicator ON evidence(city, indicator);
CREATE INDEX evidence_document ON evidence(document_id);
"""

# The search index is not filled document by document: a trigger indexing each insert cost more
# CPU than fetching and parsing the document. A new document is only queued
# (documents_fts_pending); db/search_index.py indexes the queue in one transaction at the end of
# a crawl, and catches up what a killed crawl left in `citydx run`'s index stage, before a search
# and when the audit UI starts. Update and delete touch the index only for documents already in
# it: an FTS5 'delete' of a row that was never indexed would corrupt the index.
MIGRATION_6 = """
CREATE TABLE documents_fts_pending (document_id INTEGER PRIMARY KEY);
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO documents_fts_pending(document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM documents_fts_pending WHERE document_id = old.id);
    DELETE FROM documents_fts_pending WHERE document_id = old.id;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents
WHEN NOT EXISTS (SELECT 1 FROM documents_fts_pending WHERE document_id = old.id) BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

MIGRATIONS: tuple[str, ...] = (MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4,
                               MIGRATION_5, MIGRATION_6)
SCHEMA_VERSION = len(MIGRATIONS)
