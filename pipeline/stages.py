"""The stages of one pipeline run, each a thin call into its stage package.

Each function does one stage and returns what the summary needs; an exception means the stage
failed as a whole, and the runner records it and goes on with the stages that can still run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from citydx.registry import Registry


@dataclass
class CrawlOutcome:
    run_id: int
    statuses: dict[int, str]
    failed: bool


@dataclass
class ExtractOutcome:
    documents: int = 0
    inserted: int = 0
    removed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)


def crawl(db_path: Path, registry: Registry, sources: list, refresh_days: int | None,
          proxy: str | None, samples: bool, delay: float,
          on_run: Callable[[int], None]) -> CrawlOutcome:
    """One crawl run; a sample server is started only for --samples without --proxy."""
    from crawler.plan import CrawlOptions
    from crawler.runner import prepare, run_crawl

    server: Any = contextlib.nullcontext()
    if samples and not proxy:
        from crawler.samples.server import SampleServer

        server = SampleServer()
    with server as srv:
        proxy = srv.proxy_url if srv is not None else proxy
        plan = prepare(db_path, registry, sources, CrawlOptions(refresh_days=refresh_days))
        on_run(plan.run_id)
        result = run_crawl(plan, proxy=proxy, delay=delay, progress=True)
    return CrawlOutcome(result.run_id, result.statuses, result.failed)


def extract(db: sqlite_utils.Database, cities: list[str] | None,
            advance: Callable[[int, int], None]) -> ExtractOutcome:
    """extract_all's loop, document by document, so one bad document fails only itself."""
    from extractors.engine import load_extractor
    from extractors.store import ExtractStats, extract_document, pending_documents, store_rows

    extractor = load_extractor()
    version = extractor.ruleset.version
    city_of = dict(db.conn.execute("SELECT id, city FROM documents"))
    # A province entry's documents are evidence for its cities: chosen cities bring them along.
    owners = set(cities or ()) | {p.name for p in extractor.registry.provinces
                                  if set(extractor.registry.fan_out(p.name)) & set(cities or ())}
    pending = [(d, f) for d, f in pending_documents(db, version)
               if not cities or city_of.get(d) in owners]
    stats, outcome = ExtractStats(), ExtractOutcome()
    for done, (doc_id, fingerprint) in enumerate(pending, 1):
        try:
            store_rows(db, doc_id, extract_document(db, extractor, doc_id), version,
                       fingerprint, stats)
            outcome.documents += 1
        except Exception as exc:  # noqa: BLE001 (one document must not stop the night)
            outcome.failures.append({"stage": "extract", "city": city_of.get(doc_id),
                                     "document_id": doc_id, "error": describe(exc)})
        advance(done, len(pending))
    outcome.inserted, outcome.removed = stats.inserted, stats.removed
    return outcome


def score(db: sqlite_utils.Database, as_of: str | None = None) -> int:
    """Score every city with the default weights (expert weights when saved) and the round's
    window, or up to as_of; returns the scoring run id."""
    from citydx.settings import load_settings
    from scoring.cli_support import compute_with_progress
    from scoring.store import write_run
    from scoring.weights import resolve_tree
    from scoring.window import window_for

    settings = load_settings()
    tree, _ = resolve_tree(None, True)
    result = compute_with_progress(db, tree, window_for(settings, as_of), settings.searched_since)
    return write_run(db, result)


def export_changed_sheets(db: sqlite_utils.Database, scoring_run: int,
                          out_dir: Path) -> list[Path]:
    """Sheets of the cities whose points changed since the last export (all, the first time)."""
    import os

    from audit.exports import changed_since, last_export, record_export
    from scoring.sheets_export import export_sheets

    previous = last_export(db)
    if previous is None:
        cities = None
    else:
        cities = sorted({r["city"] for r in changed_since(db, previous["run_id"], scoring_run)})
        if not cities:
            return []
    written = export_sheets(db, out_dir, cities, False)
    record_export(db, os.environ.get("USER") or "pipeline", scoring_run, "sheets", len(written))
    return written


def report(db: sqlite_utils.Database, db_path: Path, out_dir: Path) -> list[Path]:
    from citydx.indicators import load_indicator_tree
    from citydx.registry import load_registry
    from citydx.settings import load_settings
    from scoring.report_build import build_report, write_report
    from scoring.report_input import read_scores_db

    tree, settings = load_indicator_tree(), load_settings()
    table = read_scores_db(db, tree, str(db_path))
    files = build_report(table, tree, load_registry(), settings.bands, settings.tiers, None,
                         settings.year)
    return write_report(files, out_dir)


def sheets_exporter_available() -> bool:
    """The sheets exporter is optional: the pipeline wires it in only when it is installed."""
    import importlib.util

    return importlib.util.find_spec("scoring.sheets_export") is not None


def describe(exc: BaseException) -> str:
    """One line for the summary: the exception's class and message, cut to a readable length."""
    return f"{type(exc).__name__}: {exc}"[:300]
