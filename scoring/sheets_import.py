"""Assessors' sheets into the database: each file checked first, then imported in one transaction.

Changes go through scoring.overrides (validated and audited there, origin 'sheet'); beside each,
a 'sheet_import' audit row records the file, sheet and cell it came from. After the imports the
scores are recomputed with the engine `citydx score` uses, with the latest run's date and weights.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from citydx.indicators import IndicatorTree, load_indicator_tree
from citydx.settings import AssessmentSettings
from db.audit import log_action
from scoring.overrides import active_overrides, add_override, clear_override
from scoring.results import latest_run_id, run_info
from scoring.sheets_errors import RulesVersionError, UnknownRunError
from scoring.sheets_export import run_tree
from scoring.sheets_read import ADD, Change, SheetFile, read_sheet_file
from scoring.window import Window


@dataclass(frozen=True)
class Imported:
    path: Path
    added: int
    cleared: int


def import_sheet_file(db: sqlite_utils.Database, path: Path, reviewer: str) -> Imported:
    """All or nothing: any error leaves the database as it was."""
    sheet = read_sheet_file(path)
    tree = _tree_for(db, sheet)
    added = cleared = 0
    with db.atomic():
        for change in sheet.changes:
            if change.action == ADD:
                added += _add(db, tree, sheet, change, reviewer)
            else:
                cleared += _clear(db, tree, sheet, change, reviewer)
        log_action(db, reviewer, "import_sheets", "sheet_file", path.name,
                   {"file": str(path), "scoring_run_id": sheet.run_id, "added": added,
                    "cleared": cleared})
    return Imported(path, added, cleared)


def _tree_for(db: sqlite_utils.Database, sheet: SheetFile) -> IndicatorTree:
    """The weights the sheet was scored with, so the range check matches its validation."""
    info = run_info(db, sheet.run_id)
    if info is None:
        raise UnknownRunError(sheet.path, sheet.run_id)
    current = load_indicator_tree().version
    if sheet.rules_version != current or info["rules_version"] != current:
        raise RulesVersionError(sheet.path, sheet.rules_version, current)
    return run_tree(info)


def _add(db: sqlite_utils.Database, tree: IndicatorTree, sheet: SheetFile, change: Change,
         reviewer: str) -> int:
    oid = add_override(db, tree, change.city, change.indicator, change.points, change.reason,
                       reviewer, origin="sheet")
    _audit(db, reviewer, sheet, change, oid)
    return 1


def _clear(db: sqlite_utils.Database, tree: IndicatorTree, sheet: SheetFile, change: Change,
           reviewer: str) -> int:
    """Clear only what is still active: someone may have cleared it since the export."""
    if (change.city, change.indicator) not in active_overrides(db):
        return 0
    cleared = clear_override(db, tree, change.city, change.indicator, change.reason, reviewer)
    _audit(db, reviewer, sheet, change, cleared[-1])
    return 1


def _audit(db: sqlite_utils.Database, reviewer: str, sheet: SheetFile, change: Change,
           override_id: int) -> None:
    log_action(db, reviewer, "sheet_import", "overrides", override_id,
               {"file": sheet.path.name, "sheet": change.sheet, "cell": change.cell,
                "city": change.city, "indicator": change.indicator, "action": change.action,
                "points": change.points, "reason": change.reason})


def rescore(db: sqlite_utils.Database, settings: AssessmentSettings) -> int:
    """Recompute and store a run with the latest run's as-of date and weights; returns its id."""
    from scoring.cli_support import compute_with_progress
    from scoring.store import write_run

    info = run_info(db, latest_run_id(db))
    window = Window(dt.date.fromisoformat(info["as_of"]), settings.window_start)
    result = compute_with_progress(db, run_tree(info), window, settings.searched_since)
    return write_run(db, result)
