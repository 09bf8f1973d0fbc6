"""Shared ranks, rounding and score bands: the conventions every table of the report uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scoring.report_input import CityScore


def r2(value: float) -> float:
    """Half-up on the decimal shown, as a reader rounds by hand (round() would give 2.67 for
    2.675, whose binary value lies just below)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def num(value: float) -> int | float:
    """Whole numbers as ints, so thresholds read 80 rather than 80.0 in JSON and sheets."""
    return int(value) if float(value).is_integer() else value


def shared_ranks(rows: Sequence[CityScore],
                 score: Callable[[CityScore], float]) -> list[tuple[int, CityScore]]:
    """Competition ranking (1, 2, 2, 4) as published; sorted() is stable, so ties keep input
    order."""
    ordered = sorted(rows, key=lambda r: -r2(score(r)))
    ranked: list[tuple[int, CityScore]] = []
    for position, row in enumerate(ordered, start=1):
        tied = ranked and r2(score(ranked[-1][1])) == r2(score(row))
        ranked.append((ranked[-1][0] if tied else position, row))
    return ranked


def rank_table(rows: Sequence[CityScore]) -> list[tuple[int | None, CityScore]]:
    """Searched cities ranked by total; cities with unsearched indicators follow with no rank,
    as in scoring.results, so an incomplete score never pushes a complete one down."""
    ranked: list[tuple[int | None, CityScore]] = []
    ranked.extend(shared_ranks([r for r in rows if not r.unsearched], lambda r: r.total))
    unranked = sorted((r for r in rows if r.unsearched), key=lambda r: -r2(r.total))
    ranked.extend((None, r) for r in unranked)
    return ranked


def bands(rows: Sequence[CityScore], lowers: Sequence[float]) -> list[dict[str, Any]]:
    """Bands from descending lower bounds: [80, 70, ...] gives >= 80, 70-80, ..., < last."""
    edges = list(zip(lowers, [None, *lowers[:-1]], strict=True))
    edges.append((None, lowers[-1]))
    result = []
    for lower, upper in edges:
        members = [r for r in rows if (lower is None or r2(r.total) >= lower)
                   and (upper is None or r2(r.total) < upper)]
        result.append({"lower": None if lower is None else num(lower),
                       "upper": None if upper is None else num(upper),
                       "count": len(members), "share": r2(len(members) / len(rows) * 100),
                       "unsearched": sum(r.unsearched for r in members)})
    return result
