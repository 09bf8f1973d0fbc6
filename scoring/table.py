"""The ranking as a terminal table (Chinese headers), built from scoring.results rows."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table

FLAG_NOT_SEARCHED = "未检索"
FLAG_NOT_ASSESSED = "非评估"


def flag_of(row: dict[str, Any]) -> str:
    """未检索 (n indicators) for flagged cities, 非评估 for cities outside the assessment."""
    if not row["searched"]:
        return f"{FLAG_NOT_SEARCHED}({row['not_searched_indicators']})"
    return "" if row["assessed"] else FLAG_NOT_ASSESSED


def ranking_table(rows: list[dict[str, Any]], primary_names: list[str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="城市评分排名 ranking")
    table.add_column("排名", justify="right")
    table.add_column("城市")
    for name in primary_names:
        table.add_column(name, justify="right")
    table.add_column("总分", justify="right")
    table.add_column("标记")
    for row in rows:
        table.add_row(
            "—" if row["rank"] is None else str(row["rank"]), row["city"],
            *(_fmt(row["primaries"].get(name, 0.0)) for name in primary_names),
            _fmt(row["total"]), flag_of(row),
        )
    return table


def _fmt(points: float) -> str:
    return f"{points:.2f}"
