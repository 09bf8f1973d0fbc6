"""Year-on-year comparison: this year's scores against a previous year's table.

Averages and bands are each year's own (over the cities assessed that year), as the published
report compares them; per-city changes cover the cities in both years, and the others are listed
by name rather than dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring.report_input import ScoreTable
from scoring.report_ranks import bands, r2, rank_table


def year_on_year(current: ScoreTable, previous: ScoreTable,
                 band_lowers: Sequence[float]) -> dict[str, Any]:
    now_ranks = {row.city: (rank, row) for rank, row in rank_table(current.rows)}
    before_ranks = {row.city: (rank, row) for rank, row in rank_table(previous.rows)}
    cities = []
    for city, (rank, row) in now_ranks.items():
        if city not in before_ranks:
            continue
        before_rank, before = before_ranks[city]
        cities.append({"city": city, "total": r2(row.total),
                       "previous_total": r2(before.total),
                       "change": r2(row.total - before.total),
                       "rank": rank, "previous_rank": before_rank,
                       "rank_change": None if rank is None or before_rank is None
                       else before_rank - rank})
    average = sum(r.total for r in current.rows) / len(current.rows)
    before_average = sum(r.total for r in previous.rows) / len(previous.rows)
    return {
        "previous_source": previous.source,
        "previous_cities": len(previous.rows),
        "average": r2(average),
        "previous_average": r2(before_average),
        "average_change": r2(average - before_average),
        "previous_bands": bands(previous.rows, band_lowers),
        "cities": cities,
        "only_current": [c for c in now_ranks if c not in before_ranks],
        "only_previous": [c for c in before_ranks if c not in now_ranks],
    }

