"""Reading an assessor's workbook back: recognise it, check it cell by cell, list the changes.

Nothing here writes to the database, so a file is fully checked before any of it is imported.
A change is a tertiary row whose assessor points or note differ from what was exported:
new points become an override (the note is the reason; without a note the reason names the file
and cell), and points removed from a pre-filled row clear the override. A note alone, without
points, changes nothing.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scoring.sheets_errors import (
    AlteredMetaError,
    ChangedRowError,
    ForeignSheetError,
    ForeignWorkbookError,
    MissingSheetError,
    NotANumberError,
    NotXlsxError,
    OtherCityError,
    OutOfRangeError,
    SheetFileMissingError,
)
from scoring.sheets_layout import (
    CITY_CELL,
    FORMAT,
    META_COLUMNS,
    META_KEYS,
    META_SHEET,
    META_TABLE_ROW,
    SUMMARY_SHEET,
    MetaRow,
    cell_name,
    checksum,
)

ADD, CLEAR = "add", "clear"
IDENTITY_KEYS = ("primary", "secondary", "tertiary", "weight")


@dataclass(frozen=True)
class Change:
    action: str
    city: str
    indicator: str
    points: float | None
    reason: str
    sheet: str
    cell: str


@dataclass(frozen=True)
class SheetFile:
    path: Path
    run_id: int
    rules_version: str
    changes: list[Change]


def default_reason(path: Path, sheet: str, cell: str) -> str:
    return f"评分表导入 imported from {path.name} 工作表 {sheet} 单元格 {cell}"


def read_sheet_file(path: Path) -> SheetFile:
    """Open, recognise and check one workbook; raises on the first problem, naming the cell."""
    book = _open(path)
    meta, rows = _meta(book, path)
    exported = {r.sheet for r in rows}
    for ws in book.worksheets:
        if ws.title not in exported | {META_SHEET, SUMMARY_SHEET}:
            raise ForeignSheetError(path, ws.title)
    changes = []
    for sheet in dict.fromkeys(r.sheet for r in rows):
        if sheet not in book.sheetnames:
            raise MissingSheetError(path, sheet)
        sheet_rows = [r for r in rows if r.sheet == sheet]
        changes += _sheet_changes(path, book[sheet], sheet_rows)
    return SheetFile(path, int(meta["scoring_run_id"]), str(meta["rules_version"]), changes)


def _open(path: Path) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise SheetFileMissingError(path)
    try:
        return load_workbook(path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise NotXlsxError(path) from None


def _meta(book: Any, path: Path) -> tuple[dict[str, Any], list[MetaRow]]:
    if META_SHEET not in book.sheetnames:
        raise ForeignWorkbookError(path)
    ws = book[META_SHEET]
    meta = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(1, len(META_KEYS) + 1)}
    header = [ws.cell(META_TABLE_ROW, c).value for c in range(1, len(META_COLUMNS) + 1)]
    if meta.get("format") != FORMAT or tuple(header) != META_COLUMNS:
        raise ForeignWorkbookError(path)
    try:
        rows = [MetaRow.from_cells(values) for values in ws.iter_rows(
            min_row=META_TABLE_ROW + 1, max_col=len(META_COLUMNS), values_only=True)
            if any(v is not None for v in values)]
    except (TypeError, ValueError):
        raise AlteredMetaError(path) from None
    if not rows or checksum(rows) != meta.get("checksum"):
        raise AlteredMetaError(path)
    return meta, rows


def _sheet_changes(path: Path, ws: Any, rows: list[MetaRow]) -> list[Change]:
    city = rows[0].city
    if ws[CITY_CELL].value != city:
        raise OtherCityError(path, ws.title, CITY_CELL, ws[CITY_CELL].value, city)
    changes = []
    for row in rows:
        for key, expected in zip(IDENTITY_KEYS, row.identity()[3:], strict=True):
            found = ws[cell_name(row.row, key)].value
            if found != expected:
                raise ChangedRowError(path, ws.title, cell_name(row.row, key), expected, found)
        change = _row_change(path, ws, row)
        if change is not None:
            changes.append(change)
    return changes


def _row_change(path: Path, ws: Any, row: MetaRow) -> Change | None:
    cell = cell_name(row.row, "assessor")
    points = _points(path, ws, cell, row.weight)
    note = _text(ws[cell_name(row.row, "note")].value)
    if points == row.prefill_points and note == _text(row.prefill_note):
        return None
    if points is None:
        if row.prefill_points is None:
            return None
        reason = note or f"评分表中清空 cleared in {path.name} 工作表 {ws.title} 单元格 {cell}"
        return Change(CLEAR, row.city, row.tertiary, None, reason, ws.title, cell)
    reason = note or default_reason(path, ws.title, cell)
    return Change(ADD, row.city, row.tertiary, points, reason, ws.title, cell)


def _points(path: Path, ws: Any, cell: str, weight: float) -> float | None:
    value = ws[cell].value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise NotANumberError(path, ws.title, cell, value)
    try:
        points = float(value)
    except (TypeError, ValueError):
        raise NotANumberError(path, ws.title, cell, value) from None
    if not 0 <= points <= weight:
        raise OutOfRangeError(path, ws.title, cell, points, weight)
    return points


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None
