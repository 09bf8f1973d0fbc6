"""The report's tables, computed from one year's scores into summary.json's structure.

The xlsx sheets and the charts are drawn from this dictionary only, so every output shows the
same numbers. Conventions (documented because the published report does not spell them out):

- Ties share a rank ("1224" ranking); totals are compared at 2 decimals, so float noise from a
  scoring run does not split a tie. Equal scores keep input order.
- Averages are means over the cities in the input; score rate = average / weight x 100, computed
  from the unrounded average. Above / below count strictly against the unrounded average.
- Rounding to 2 decimals is half-up on the decimal value shown (65.9875 -> 65.99).
- A top-10 list holds every city whose shared rank is at most 10 (a tie at 10th keeps all).
- Cities with unsearched indicators (database runs only) are not ranked, as in scoring.results:
  they follow the ranked cities with rank null and are left out of the top-10 lists. They do
  count in averages, bands, provinces and capitals, where each table says how many it holds
  ("unsearched"), so a reader sees which figures an incomplete score touches.
- A province's tier uses its rounded average, so the shown number and its tier agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from citydx.indicators import IndicatorTree
from citydx.registry import Registry
from scoring.report_input import TOTAL, CityScore, ScoreTable
from scoring.report_ranks import bands, num, r2, rank_table, shared_ranks
from scoring.report_yoy import year_on_year

TOP_N = 10


def indicator_stats(rows: Sequence[CityScore], weight: float,
                    score: Callable[[CityScore], float]) -> dict[str, Any]:
    values = [score(r) for r in rows]
    average = sum(values) / len(values)
    searched = [r for r in rows if not r.unsearched]
    top = [(rank, row) for rank, row in shared_ranks(searched, score) if rank <= TOP_N]
    return {
        "weight": num(weight),
        "average": r2(average),
        "score_rate": r2(average / weight * 100),
        "above_average": sum(v > average for v in values),
        "below_average": sum(v < average for v in values),
        "max": r2(max(values)),
        "min": r2(min(values)),
        "max_min_gap": r2(max(values) - min(values)),
        "top10": [{"rank": rank, "city": row.city, "score": r2(score(row))}
                  for rank, row in top],
    }


def tier_of(average: float, thresholds: Sequence[float]) -> int:
    for tier, threshold in enumerate(thresholds, start=1):
        if average >= threshold:
            return tier
    return len(thresholds) + 1


def provinces(rows: Sequence[CityScore], registry: Registry,
              thresholds: Sequence[float]) -> list[dict[str, Any]]:
    groups: dict[str, list[CityScore]] = {}
    for row in rows:
        groups.setdefault(registry.province_of(row.city), []).append(row)
    result = []
    for province, members in groups.items():
        average = r2(sum(m.total for m in members) / len(members))
        result.append({"province": province, "cities": len(members), "average": average,
                       "tier": tier_of(average, thresholds),
                       "members": [m.city for m in sorted(members, key=lambda m: -m.total)],
                       "unsearched": sum(m.unsearched for m in members)})
    return sorted(result, key=lambda p: (-p["average"], p["province"]))


def capitals(rows: Sequence[CityScore], registry: Registry) -> dict[str, Any]:
    """Provincial capitals (kind 'capital'; municipalities are provinces, not capitals)."""
    members = [r for r in rows if registry.get(r.city).is_capital]
    national = sum(r.total for r in rows) / len(rows)
    average = sum(m.total for m in members) / len(members) if members else None
    return {"count": len(members),
            "average": None if average is None else r2(average),
            "national_average": r2(national),
            "difference": None if average is None else r2(average - national),
            "members": [m.city for m in sorted(members, key=lambda m: -m.total)],
            "unsearched": sum(m.unsearched for m in members)}


def ranking(table: ScoreTable, tree: IndicatorTree, registry: Registry) -> list[dict[str, Any]]:
    result = []
    for rank, row in rank_table(table.rows):
        entry: dict[str, Any] = {"rank": rank, "city": row.city,
                                 "province": registry.province_of(row.city),
                                 "total": r2(row.total)}
        entry.update({p.name: r2(row.primaries[p.name]) for p in tree.primaries})
        entry["unsearched"] = row.unsearched
        result.append(entry)
    return result


def build_summary(table: ScoreTable, tree: IndicatorTree, registry: Registry,
                  band_lowers: Sequence[float], tier_thresholds: Sequence[float],
                  previous: ScoreTable | None = None) -> dict[str, Any]:
    rows = table.rows
    indicators = {p.name: indicator_stats(rows, p.weight, lambda r, n=p.name: r.primaries[n])
                  for p in tree.primaries}
    indicators[TOTAL] = indicator_stats(rows, tree.total, lambda r: r.total)
    summary: dict[str, Any] = {
        "cities": len(rows),
        "source": table.source,
        "indicators": indicators,
        "bands": bands(rows, band_lowers),
        "tiers": [num(t) for t in tier_thresholds],
        "provinces": provinces(rows, registry, tier_thresholds),
        "capitals": capitals(rows, registry),
        "ranking": ranking(table, tree, registry),
    }
    if table.from_db:
        summary["flagged"] = list(table.flagged)
    if previous is not None:
        summary["year_on_year"] = year_on_year(table, previous, band_lowers)
    return summary
