"""Pre-filled score sheets for assessors: one workbook per city, or one combined workbook.

Subtotals and the total are Excel formulas over the "采用得分" column, which takes the assessor's
points when given and the suggested points otherwise, so the sheet stays right while being edited.
Suggested points are what the evidence alone gives; an active override pre-fills the assessor
column (its points) and the note (its reason), so the adopted points equal the stored score and
emptying the cell falls back to the evidence, as clearing the override does. The hidden meta sheet
remembers the pre-filled values so an import sees only what the assessor changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from citydx.indicators import IndicatorTree, load_indicator_tree
from db.audit import now_iso
from scoring.results import city_totals, latest_run_id, run_info
from scoring.sheets_data import city_rows
from scoring.sheets_errors import NoRunForSheetsError, OutDirError
from scoring.sheets_layout import (
    FORMAT,
    META_COLUMNS,
    META_KEYS,
    META_SHEET,
    META_TABLE_ROW,
    SUMMARY_SHEET,
    MetaRow,
    checksum,
)
from scoring.sheets_style import register_styles
from scoring.sheets_summary import summary_sheet
from scoring.sheets_write import write_city_sheet

COMBINED_NAME = "评分表汇总.xlsx"


def run_tree(info: dict[str, Any]) -> IndicatorTree:
    """The tree with the weights the run was scored with (expert weights, if it used them)."""
    tree = load_indicator_tree()
    return tree.with_weights(info["weights"]) if info["weights"] else tree


def export_sheets(db: sqlite_utils.Database, out_dir: Path, cities: list[str] | None = None,
                  combined: bool = False) -> list[Path]:
    """Write the sheets of the latest scoring run; returns the files written."""
    run_id = latest_run_id(db)
    if run_id is None:
        raise NoRunForSheetsError(str(db.conn.execute("PRAGMA database_list").fetchone()[2]))
    if out_dir.exists() and not out_dir.is_dir():
        raise OutDirError(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    info = run_info(db, run_id)
    tree = run_tree(info)
    totals = [r for r in city_totals(db, run_id) if not cities or r["city"] in cities]
    if combined:
        return [_write_book(db, tree, info, totals, out_dir / COMBINED_NAME, summary=True)]
    return [_write_book(db, tree, info, [row], out_dir / f"{row['city']}.xlsx", summary=False)
            for row in totals]


def _write_book(db: sqlite_utils.Database, tree: IndicatorTree, info: dict[str, Any],
                totals: list[dict[str, Any]], path: Path, summary: bool) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    register_styles(book)
    summary_ws = book.create_sheet(SUMMARY_SHEET) if summary else None
    meta: list[MetaRow] = []
    total_cells: dict[str, dict[str, str]] = {}
    for city in totals:
        ws = book.create_sheet(city["city"])
        rows = city_rows(db, tree, info["id"], city["city"])
        rows_meta, cells = write_city_sheet(ws, tree, info, city, rows)
        meta += rows_meta
        total_cells[city["city"]] = cells
    if summary_ws is not None:
        summary_sheet(summary_ws, tree, totals, total_cells)
    _write_meta(book, info, tree, meta)
    book.save(path)
    return path


def _write_meta(book: Any, info: dict[str, Any], tree: IndicatorTree,
                rows: list[MetaRow]) -> None:
    ws = book.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    values = {"format": FORMAT, "scoring_run_id": info["id"], "rules_version": tree.version,
              "as_of": info["as_of"], "exported_at": now_iso(), "checksum": checksum(rows)}
    for index, key in enumerate(META_KEYS, start=1):
        ws.cell(index, 1, key)
        ws.cell(index, 2, values[key])
    lines = [list(META_COLUMNS), *([*r.identity(), r.prefill_points, r.prefill_note]
                                   for r in rows)]
    for offset, line in enumerate(lines):
        for column, value in enumerate(line, start=1):
            ws.cell(META_TABLE_ROW + offset, column, value)
