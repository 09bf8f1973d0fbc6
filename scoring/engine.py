"""The scoring run in memory: every city x tertiary indicator, then the tree's subtotals.

Reading is delegated to scoring.evidence (SQL does the row work); this module applies
normalisation, caps, overrides and zero reasons, and sums secondaries, primaries and the total.
Nothing is written here (scoring.store does that), so a run can be inspected before storing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from citydx.indicators import IndicatorTree, Tertiary
from scoring.evidence import PairEvidence, ReadStats, read_evidence
from scoring.overrides import active_overrides
from scoring.quantity import normaliser
from scoring.searched import searched_cities
from scoring.window import Window

EVIDENCE, OVERRIDE = "evidence", "override"
NOTHING_FOUND, NOT_SEARCHED = "searched_nothing_found", "not_searched"
TOTAL_NAME = "总分"


@dataclass(slots=True)
class IndicatorScore:
    city: str
    indicator: str
    level: str | None
    level_points: float
    quantity: float | None
    normalised: float | None
    quantity_points: float
    points: float
    reason: str
    override_id: int | None
    evidence_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CityResult:
    city: str
    total: float
    searched: bool
    not_searched_indicators: int


@dataclass
class RunResult:
    as_of: dt.date
    tree: IndicatorTree
    scores: list[IndicatorScore] = field(default_factory=list)
    # (city, tier, name, points) for every secondary, primary and the total.
    aggregates: list[tuple[str, str, str, float]] = field(default_factory=list)
    cities: list[CityResult] = field(default_factory=list)
    stats: ReadStats = field(default_factory=ReadStats)


@dataclass
class Hooks:
    """Progress callbacks, so a CLI can show progress without the engine knowing about it."""

    evidence_total: Callable[[int], None] = lambda n: None
    evidence_rows: Callable[[int], None] = lambda n: None
    cities_total: Callable[[int], None] = lambda n: None
    city_done: Callable[[], None] = lambda: None


def compute_run(db: sqlite_utils.Database, tree: IndicatorTree, window: Window,
                searched_since: dt.date | None, hooks: Hooks | None = None) -> RunResult:
    hooks = hooks or Hooks()
    hooks.evidence_total(db.conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0])
    pairs, stats = read_evidence(db, tree, window, hooks.evidence_rows)
    # Province entries own provincial documents; their evidence is written for each city of the
    # province, so the entry itself is never scored.
    cities = db.conn.execute("SELECT name, assessed FROM cities WHERE kind != 'province' "
                             "ORDER BY name").fetchall()
    assessed = {name for name, flag in cities if flag}
    norms = {t.name: normaliser(t.quantity, _reference(pairs, t.name, assessed))
             for t in tree.tertiaries if t.quantity}
    overrides = active_overrides(db)
    searched = searched_cities(db, searched_since)
    run = RunResult(window.as_of, tree, stats=stats)
    hooks.cities_total(len(cities))
    for city, _flag in cities:
        points: dict[str, float] = {}
        missing = 0
        for t in tree.tertiaries:
            score = _score(city, t, pairs.get((city, t.name)), norms.get(t.name),
                           overrides.get((city, t.name)), city in searched)
            run.scores.append(score)
            points[t.name] = score.points
            missing += score.reason == NOT_SEARCHED
        total = _aggregate(run.aggregates, tree, city, points)
        run.cities.append(CityResult(city, total, missing == 0, missing))
        hooks.city_done()
    return run


def _reference(pairs: dict[tuple[str, str], PairEvidence], indicator: str,
               assessed: set[str]) -> list[float]:
    return [p.quantity for (city, ind), p in pairs.items()
            if ind == indicator and city in assessed and p.quantity is not None
            and p.quantity > 0]


def _score(city: str, t: Tertiary, pair: PairEvidence | None,
           norm: Callable[[float], float] | None, override: tuple[int, float] | None,
           searched: bool) -> IndicatorScore:
    """One city x indicator: level + quantity points capped at the weight, or the override."""
    if pair is None:
        reason = OVERRIDE if override else NOTHING_FOUND if searched else NOT_SEARCHED
        return IndicatorScore(city, t.name, None, 0.0, None, None, 0.0,
                              override[1] if override else 0.0, reason,
                              override[0] if override else None, ())
    ids = list(pair.offer.evidence_ids)
    quantity = normalised = None
    quantity_points = 0.0
    if t.quantity and norm and pair.quantity is not None:
        quantity = pair.quantity
        normalised = norm(quantity) if quantity > 0 else 0.0
        quantity_points = t.quantity.points * normalised * pair.quantity_credit
        if quantity > 0 and pair.quantity_id not in ids:
            ids.append(pair.quantity_id)
    points = round(min(t.weight, pair.offer.points + quantity_points), 4)
    return IndicatorScore(
        city, t.name, pair.offer.level, round(pair.offer.points, 4), quantity,
        None if normalised is None else round(normalised, 6), round(quantity_points, 4),
        override[1] if override else points, OVERRIDE if override else EVIDENCE,
        override[0] if override else None, tuple(ids))


def _aggregate(out: list[tuple[str, str, str, float]], tree: IndicatorTree, city: str,
               points: dict[str, float]) -> float:
    """Append the city's secondary, primary and total rows; returns the total."""
    primary_sums: dict[str, float] = defaultdict(float)
    for p in tree.primaries:
        for s in p.secondaries:
            value = round(sum(points[t.name] for t in s.tertiaries), 4)
            out.append((city, "secondary", s.name, value))
            primary_sums[p.name] += value
    for p in tree.primaries:
        out.append((city, "primary", p.name, round(primary_sums[p.name], 4)))
    total = round(sum(round(v, 4) for v in primary_sums.values()), 4)
    out.append((city, "total", TOTAL_NAME, total))
    return total
