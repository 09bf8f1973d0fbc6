"""Keep the cities table in step with the registry, so foreign keys hold for every stage."""

from __future__ import annotations

import sqlite_utils

from citydx.registry import Registry


def sync_cities(db: sqlite_utils.Database, registry: Registry) -> None:
    """Cities and province entries (kind 'province', assessed 0) alike: both own documents."""
    rows = [
        {"name": c.name, "province": c.province, "kind": c.kind,
         "assessed": int(c.assessed), "portal": c.portal}
        for c in registry.owners
    ]
    with db.atomic():
        db["cities"].upsert_all(rows, pk="name")
