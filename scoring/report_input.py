"""The scores a report is built from: a published-format CSV or the latest scoring run.

Everything is validated here, before the report writes a single file, so a bad input leaves
--out untouched. CSV rows are named by their line in the file (the header is line 1), which is
what an editor shows.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from citydx.errors import DatabaseError, InputFileError
from citydx.indicators import IndicatorTree
from citydx.registry import Registry

TOTAL = "总分"
SUM_TOLERANCE = 0.15


class ScoresFileError(InputFileError):
    """A --scores or --previous CSV cannot be used; the message names the line and column."""


class NoScoringRunError(DatabaseError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} 中没有评分结果 has no scoring run: run `citydx score` first, "
            "or pass --scores CSV"
        )


@dataclass(frozen=True)
class CityScore:
    city: str
    total: float
    primaries: dict[str, float]  # primary name -> points
    unsearched: bool = False


@dataclass(frozen=True)
class ScoreTable:
    """One year's scores, in input order (which breaks ties in the ranking)."""

    rows: tuple[CityScore, ...]
    source: str
    from_db: bool = False
    flagged: tuple[str, ...] = field(default=())

    def by_city(self) -> dict[str, CityScore]:
        return {r.city: r for r in self.rows}


def csv_columns(tree: IndicatorTree) -> list[str]:
    return ["city", *(p.key for p in tree.primaries), "total"]


def read_scores_csv(path: Path, tree: IndicatorTree, registry: Registry | None,
                    option: str = "--scores") -> ScoreTable:
    """Parse and check a scores CSV. With registry=None, cities outside the registry are kept
    (a previous year may have assessed other cities)."""
    label = f"{option} {path}"
    header, body = _read_csv(path, label, tree)
    missing = [c for c in csv_columns(tree) if c not in header]
    if missing:
        raise ScoresFileError(
            f"{label}: 缺少列 missing column '{missing[0]}' "
            f"(expected columns: {','.join(csv_columns(tree))})"
        )
    rows: list[CityScore] = []
    seen: dict[str, int] = {}
    for line, record in body:
        row = _parse_row(label, line, record, tree, registry)
        if row.city in seen:
            raise ScoresFileError(
                f"{label} 第{line}行 line {line}: 城市重复 city '{row.city}' appears twice "
                f"(first on line {seen[row.city]}): keep one row per city"
            )
        seen[row.city] = line
        rows.append(row)
    return ScoreTable(tuple(rows), str(path))


def _read_csv(path: Path, label: str,
              tree: IndicatorTree) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ScoresFileError(f"{label}: 文件不存在 file not found") from None
    except UnicodeDecodeError:
        raise ScoresFileError(
            f"{label}: 不是 UTF-8 文本 not a UTF-8 CSV file: save it as CSV (UTF-8)"
        ) from None
    except OSError as exc:
        raise ScoresFileError(f"{label}: 无法读取 cannot read file ({exc.strerror})") from None
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise ScoresFileError(
            f"{label}: 文件为空 the file is empty: expected a header "
            f"({','.join(csv_columns(tree))}) and one row per city"
        )
    reader = csv.reader(lines)
    header = [h.strip() for h in next(reader)]
    body = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        body.append((reader.line_num, dict(zip(header, values, strict=False))))
    if not body:
        raise ScoresFileError(f"{label}: 没有城市数据 no city rows below the header")
    return header, body


def _parse_row(label: str, line: int, record: dict[str, str], tree: IndicatorTree,
               registry: Registry | None) -> CityScore:
    where = f"{label} 第{line}行 line {line}"
    city = (record.get("city") or "").strip()
    if registry is not None and city not in {c.name for c in registry.cities}:
        raise ScoresFileError(
            f"{where}: 城市不在名录中 unknown city '{city}': "
            "use a name from rules/cities.yaml or add the city there"
        )
    primaries = {}
    for p in tree.primaries:
        value = _number(where, record, p.key)
        if value > p.weight:
            raise ScoresFileError(
                f"{where}, column {p.key}: {value:g} 超过满分 exceeds the weight {p.weight:g} "
                f"of {p.name}"
            )
        primaries[p.name] = value
    total = _number(where, record, "total")
    parts = sum(primaries.values())
    if abs(parts - total) > SUM_TOLERANCE + 1e-9:
        raise ScoresFileError(
            f"{where} ({city}): 总分与一级指标之和不符 total {total:g} is not the sum of its "
            f"primary scores {parts:.2f} (tolerance {SUM_TOLERANCE:g})"
        )
    return CityScore(city, total, primaries)


def _number(where: str, record: dict[str, str], column: str) -> float:
    text = (record.get(column) or "").strip()
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise ScoresFileError(
            f"{where}, column {column}: '{text}' 不是有效分数 is not a valid score "
            "(a number from 0)"
        )
    return value


def read_scores_db(db: sqlite_utils.Database, tree: IndicatorTree, path: str) -> ScoreTable:
    """The latest scoring run, read with plain SQL so the report does not depend on the scoring
    package's code: primary and total rows of aggregate_scores for assessed cities, the
    searched flag of city_results. Cities come in name order (the tie-break of the ranking)."""
    run = db.execute(
        "SELECT id FROM scoring_runs ORDER BY computed_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if run is None:
        raise NoScoringRunError(path)
    points: dict[str, dict[str, float]] = {}
    for city, indicator, value in db.execute(
        "SELECT a.city, a.indicator, a.points FROM aggregate_scores a "
        "JOIN cities c ON c.name = a.city AND c.assessed = 1 "
        "WHERE a.scoring_run_id = ? AND a.tier IN ('primary', 'total') ORDER BY a.city",
        [run[0]]
    ).fetchall():
        points.setdefault(city, {})[indicator] = float(value)
    searched = dict(db.execute(
        "SELECT city, searched FROM city_results WHERE scoring_run_id = ?", [run[0]]
    ).fetchall())
    names = [p.name for p in tree.primaries]
    rows = []
    for city, values in points.items():
        lacking = [n for n in (*names, TOTAL) if n not in values]
        if lacking:
            raise DatabaseError(
                f"{path}: 评分结果不完整 scoring run {run[0]} has no '{lacking[0]}' score for "
                f"{city}: run `citydx score` again"
            )
        rows.append(CityScore(city, values[TOTAL], {n: values[n] for n in names},
                              unsearched=searched.get(city, 1) == 0))
    if not rows:
        raise NoScoringRunError(path)
    flagged = tuple(r.city for r in rows if r.unsearched)
    return ScoreTable(tuple(rows), f"{path} (scoring run {run[0]})", True, flagged)
