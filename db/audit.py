"""The audit log: every reviewer action and every override, with who and when."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def log_action(db: sqlite_utils.Database, actor: str, action: str, entity: str,
               entity_id: object = None, details: dict[str, Any] | None = None) -> int:
    table = db["audit_log"]
    table.insert({
        "at": now_iso(), "actor": actor, "action": action, "entity": entity,
        "entity_id": None if entity_id is None else str(entity_id),
        "details": json.dumps(details or {}, ensure_ascii=False),
    })
    return table.last_pk
