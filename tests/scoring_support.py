"""Shared set-up for the scoring tests: a temp database with a few registry cities and helpers
to insert evidence, crawl results and run the engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils

from citydx.indicators import IndicatorTree, load_indicator_tree
from citydx.registry import Registry, load_registry
from db import open_db
from db.cities import sync_cities
from scoring.engine import RunResult, compute_run
from scoring.store import write_run
from scoring.window import Window

CITIES = ("杭州", "宁波", "北京", "广州")
AS_OF = dt.date(2024, 11, 30)
TREE = load_indicator_tree()


def make_db(path: Path, cities: tuple[str, ...] = CITIES) -> sqlite_utils.Database:
    """A fresh database holding only the named registry cities."""
    db = open_db(path)
    registry = load_registry()
    sync_cities(db, Registry(tuple(c for c in registry.cities if c.name in cities)))
    return db


def add_evidence(db: sqlite_utils.Database, city: str, indicator: str, level: str,
                 **fields: object) -> int:
    row = {"city": city, "indicator": indicator, "level": level, "status": "built",
           "snippet": f"{city}{indicator}{level}", "rule_id": "test", "rules_version": "t",
           "attribution": "city", "evidence_date": "2024-06-01", "start_offset": None}
    row.update(fields)
    table = db["evidence"]
    table.insert(row)
    return table.last_pk


def add_document(db: sqlite_utils.Database, city: str, url: str, **fields: object) -> int:
    table = db["documents"]
    table.insert({"city": city, "url": url, **fields})
    return table.last_pk


def mark_searched(db: sqlite_utils.Database, city: str, status: str = "ok",
                  finished_at: str = "2024-10-01T08:00:00+00:00") -> None:
    """A crawl of one source of the city that ended with `status`."""
    source = db["sources"]
    source.insert({"city": city, "url": f"https://{city}.example/{source.count}"})
    runs = db["crawl_runs"]
    runs.insert({"started_at": "2024-10-01T07:00:00+00:00", "status": "ok"})
    db["source_runs"].insert({"run_id": runs.last_pk, "source_id": source.last_pk,
                              "status": status, "finished_at": finished_at})


def run_scoring(db: sqlite_utils.Database, tree: IndicatorTree = TREE, as_of: dt.date = AS_OF,
                start: dt.date | None = None,
                searched_since: dt.date | None = None) -> tuple[int, RunResult]:
    result = compute_run(db, tree, Window(as_of, start), searched_since)
    return write_run(db, result), result


def score_of(result: RunResult, city: str, indicator: str):
    for score in result.scores:
        if score.city == city and score.indicator == indicator:
            return score
    raise LookupError((city, indicator))


def isolated_rules(tmp_path: Path, monkeypatch) -> Path:
    """A private copy of rules/ (without any expert weights file) as $CITYDX_RULES."""
    from citydx.paths import PROJECT_ROOT

    target = tmp_path / "rules"
    target.mkdir()
    for name in ("indicators.yaml", "cities.yaml", "assessment.yaml"):
        (target / name).write_text((PROJECT_ROOT / "rules" / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    monkeypatch.setenv("CITYDX_RULES", str(target))
    return target
