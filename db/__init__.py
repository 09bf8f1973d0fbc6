"""The database every stage writes to: SQLite via sqlite-utils, WAL, foreign keys, migrations."""

from db.connection import open_db
from db.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["open_db", "MIGRATIONS", "SCHEMA_VERSION"]
