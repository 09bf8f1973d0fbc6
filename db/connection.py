"""Opening the database: one place that sets WAL, foreign keys and applies migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from citydx.errors import DatabaseError
from db.schema import MIGRATIONS, SCHEMA_VERSION


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) a citydx database and bring its schema up to date."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder: give --db the path of a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is not a citydx database ({exc}): choose another --db"
        ) from exc
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    db = sqlite_utils.Database(conn)
    if migrate:
        apply_migrations(db, path)
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def apply_migrations(db: sqlite_utils.Database, path: str | Path = "") -> int:
    """Upgrade an older file in place, one migration per transaction; returns the new version."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} has schema version {current}, newer than this citydx ({SCHEMA_VERSION}): "
            "upgrade citydx"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[version - 1]
        # executescript commits implicitly, so the version bump is part of the same script.
        try:
            db.conn.executescript(
                f"BEGIN;\n{script}\nPRAGMA user_version={version};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            db.rollback()
            raise DatabaseError(
                f"{path}: upgrading the schema to version {version} failed ({exc}); "
                f"the file was left at version {current}"
            ) from exc
        current = version
    return schema_version(db)
