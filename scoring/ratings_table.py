"""Reading the expert ratings table for `citydx weights`.

One row per expert, one column per tertiary indicator (its Chinese name from rules/indicators.yaml),
integers 1 (very unimportant) to 6 (very important); an optional first column `expert` (or `专家`)
holds the expert's name. Every problem is reported with the file's line number and the column,
because panels fill these sheets by hand and the reviewer has to find the cell.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from citydx.errors import InputFileError
from citydx.indicators import IndicatorTree

EXPERT_COLUMNS = ("expert", "专家")
LOWEST, HIGHEST = 1, 6
_RANGE = f"ratings are integers from {LOWEST} to {HIGHEST}"
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+)")


class RatingsFileError(InputFileError):
    """The ratings table is unusable; the message names file, line and column."""

    def __init__(self, path: str, line: int | None, message: str,
                 column: str | None = None) -> None:
        where = f"{path}:{line}" if line else path
        cell = f" 列 column '{column}':" if column is not None else ""
        super().__init__(f"{where}:{cell} {message}")


@dataclass(frozen=True)
class Ratings:
    """A validated panel: rows[i][j] is expert i's rating of indicators[j] (tree order)."""

    source: str
    experts: tuple[str, ...]
    indicators: tuple[str, ...]
    rows: tuple[tuple[int, ...], ...]


def read_ratings(path: str | Path, tree: IndicatorTree) -> Ratings:
    """Parse and validate the whole table before anything is computed or written."""
    spath = str(path)
    records = list(_records(spath, _read_text(Path(path))))
    if not records:
        raise RatingsFileError(spath, None, "评分表为空 the ratings file is empty: put the "
                               "tertiary indicator names in the first row, then one row per "
                               "expert")
    header_line, header = records[0]
    has_expert, columns = _check_header(spath, header_line, header, tree)
    if len(records) == 1:
        raise RatingsFileError(spath, header_line, "只有表头、没有专家评分 only a header, no "
                               "expert rows: add one row per expert")
    order = [columns.index(t.name) for t in tree.tertiaries]
    experts: list[str] = []
    rows: list[tuple[int, ...]] = []
    seen: dict[str, int] = {}
    for line, cells in records[1:]:
        if len(cells) != len(header):
            raise RatingsFileError(spath, line, f"该行有 {len(cells)} 格，表头有 {len(header)} 列 "
                                   f"the row has {len(cells)} cells but the header has "
                                   f"{len(header)} columns")
        name = _expert_name(spath, line, cells, header, seen, len(rows)) if has_expert \
            else f"专家{len(rows) + 1}"
        values = cells[1:] if has_expert else cells
        ratings = [_rating(spath, line, columns[k], values[k]) for k in range(len(columns))]
        experts.append(name)
        rows.append(tuple(ratings[k] for k in order))
    return Ratings(spath, tuple(experts), tuple(t.name for t in tree.tertiaries), tuple(rows))


def _read_text(path: Path) -> str:
    """Excel in a Chinese locale saves CSV as GB18030, elsewhere as UTF-8 (often with a BOM)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RatingsFileError(str(path), None, f"无法读取评分表 cannot read the ratings file "
                               f"({exc.strerror})") from exc
    if data.startswith(b"PK\x03\x04"):
        raise RatingsFileError(str(path), None, "这是 Excel 工作簿 this is an Excel workbook: "
                               "save it as CSV (逗号分隔 comma-separated) first")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RatingsFileError(str(path), None, "评分表须为 UTF-8 或 GB18030 编码 the ratings file "
                           "must be encoded in UTF-8 or GB18030")


def _records(path: str, text: str) -> list[tuple[int, list[str]]]:
    """(line, stripped cells) of every non-blank row; rows of only empty cells are blank too."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    try:
        for cells in reader:
            stripped = [c.strip() for c in cells]
            if any(stripped):
                records.append((reader.line_num, stripped))
    except csv.Error as exc:
        raise RatingsFileError(path, reader.line_num,
                               f"CSV 格式错误 malformed CSV ({exc})") from exc
    return records


def _check_header(path: str, line: int, header: list[str],
                  tree: IndicatorTree) -> tuple[bool, list[str]]:
    """Returns (has an expert column, the indicator columns in file order)."""
    names = [t.name for t in tree.tertiaries]
    has_expert = header[0] in EXPERT_COLUMNS
    columns = header[1:] if has_expert else list(header)
    seen: set[str] = set()
    for index, column in enumerate(columns, start=2 if has_expert else 1):
        if not column:
            raise RatingsFileError(path, line, f"表头第 {index} 格为空 header cell {index} is "
                                   "empty: name every column")
        if column in EXPERT_COLUMNS:
            raise RatingsFileError(path, line, "专家列须为第一列 the expert column must be the "
                                   "first column", column)
        if column not in names:
            raise RatingsFileError(path, line, "未知列 unknown column: use the tertiary indicator "
                                   "names of rules/indicators.yaml" + _suggest(column, names),
                                   column)
        if column in seen:
            raise RatingsFileError(path, line, "重复列 the column appears twice", column)
        seen.add(column)
    missing = [n for n in names if n not in seen]
    if missing:
        more = f" ({len(missing)} missing in all)" if len(missing) > 1 else ""
        raise RatingsFileError(path, line, f"缺少此指标列 missing indicator column{more}: the "
                               "header needs every tertiary indicator of rules/indicators.yaml",
                               missing[0])
    return has_expert, columns


def _suggest(column: str, names: list[str]) -> str:
    close = difflib.get_close_matches(column, names, n=1, cutoff=0.6)
    return f" (是否为 did you mean '{close[0]}'?)" if close else ""


def _expert_name(path: str, line: int, cells: list[str], header: list[str],
                 seen: dict[str, int], index: int) -> str:
    name = cells[0]
    if not name:
        raise RatingsFileError(path, line, "专家姓名为空 empty expert name", header[0])
    if name in seen:
        raise RatingsFileError(path, line, f"专家 '{name}' 重复 is listed twice (see line "
                               f"{seen[name]})", header[0])
    seen[name] = line
    return name


def _rating(path: str, line: int, column: str, cell: str) -> int:
    """One rating; full-width digits (５) count as digits, decimals and words do not."""
    text = unicodedata.normalize("NFKC", cell).strip()
    if not text:
        raise RatingsFileError(path, line, f"空格 empty cell: {_RANGE}", column)
    if _DECIMAL.fullmatch(text):
        raise RatingsFileError(path, line, f"'{cell}' 是小数 is a decimal: {_RANGE}", column)
    if not _INTEGER.fullmatch(text):
        raise RatingsFileError(path, line, f"'{cell}' 不是整数 is not a number: {_RANGE}", column)
    value = int(text)
    if not LOWEST <= value <= HIGHEST:
        raise RatingsFileError(path, line, f"{value} 超出范围 is out of range: {_RANGE}", column)
    return value
