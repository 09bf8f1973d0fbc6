"""What `citydx score` needs around the engine: city checks, a progress display, a summary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from citydx.errors import ProvinceEntryError, UnknownCityError
from citydx.indicators import IndicatorTree
from scoring.engine import Hooks, RunResult, compute_run
from scoring.window import Window


def check_cities(db: sqlite_utils.Database, names: list[str]) -> None:
    known = {row[0]: row[1:] for row in db.conn.execute("SELECT name, kind, province FROM cities")}
    for name in names:
        if name not in known:
            raise UnknownCityError(name)
        if known[name][0] == "province":  # an owner of documents, never scored
            raise ProvinceEntryError(name, known[name][1])


def compute_with_progress(db: sqlite_utils.Database, tree: IndicatorTree, window: Window,
                          searched_since: dt.date | None) -> RunResult:
    """Run the engine with a transient progress display on stderr (silent when not a tty)."""
    console = Console(stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True,
                        disable=not console.is_terminal)
    with progress:
        reading = progress.add_task("读取证据 reading evidence", total=None)
        scoring = progress.add_task("计算得分 scoring cities", total=None)
        hooks = Hooks(
            evidence_total=lambda n: progress.update(reading, total=n),
            evidence_rows=lambda n: progress.advance(reading, n),
            cities_total=lambda n: progress.update(scoring, total=n),
            city_done=lambda: progress.advance(scoring),
        )
        return compute_run(db, tree, window, searched_since, hooks)


def print_summary(console: Console, run_id: int, run: RunResult, rows: list[dict[str, Any]],
                  weights_file: str | None) -> None:
    flagged = sum(1 for r in rows if not r["searched"])
    stats = run.stats
    weights = f"专家权重 expert weights {weights_file}" if weights_file else "公布权重 published"
    console.print(f"评分批次 scoring run #{run_id}: 截止 as of {run.as_of.isoformat()}, "
                  f"规则 rules {run.tree.version}, {weights}")
    console.print(f"计入证据 credited evidence rows: {stats.credited_rows}, "
                  f"其中无日期 undated rows used: {stats.undated_rows}")
    if stats.unknown_level_rows:
        console.print(f"警告 warning: 跳过等级未知的证据 {stats.unknown_level_rows} 条 "
                      f"skipped evidence rows with unknown levels "
                      f"({_examples(stats.unknown_levels)})")
    console.print(f"未检索城市 cities flagged 未检索 (not searched): {flagged} / {len(rows)}"
                  + ("，不参与排名 not ranked" if flagged else ""))


def _examples(unknown: dict[tuple[str, str], int]) -> str:
    top = sorted(unknown.items(), key=lambda kv: -kv[1])[:3]
    return ", ".join(f"{ind}/{level}: {n}" for (ind, level), n in top)
