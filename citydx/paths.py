"""Where citydx finds its data files; overridable so tests and teams can use their own rules."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    """The rules/ folder: $CITYDX_RULES if set, else the project's own."""
    return Path(os.environ.get("CITYDX_RULES", PROJECT_ROOT / "rules"))


def default_db_path() -> Path:
    """The embedded default database: $CITYDX_DB if set, else data/citydx.db in the project."""
    return Path(os.environ.get("CITYDX_DB", PROJECT_ROOT / "data" / "citydx.db"))
