"""Reading credited evidence: SQL filters and groups, Python picks levels per city x indicator.

SQLite does the row-level work (filters, date fallback, grouping by city, indicator, level and
attribution), so Python sees one small tuple per group instead of one object per evidence row;
ids travel as group_concat strings and are only split for the groups that win.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

import sqlite_utils

from citydx.indicators import IndicatorTree, Tertiary
from scoring.levels import BestRows, LevelOffer, best_offer
from scoring.window import Window

# The first non-empty of these dates is the row's date; fetched_at is a timestamp.
_DATED = ("COALESCE(NULLIF(substr(e.evidence_date, 1, 10), ''), "
          "NULLIF(substr(d.published_date, 1, 10), ''), "
          "NULLIF(substr(d.written_date, 1, 10), ''), "
          "NULLIF(substr(d.fetched_at, 1, 10), ''))")

# MAX(quantity) makes SQLite take the bare column `id` from the row holding the maximum.
# The whole table is read anyway, so a plain scan and one sort beat walking the (city, indicator)
# index (NOT INDEXED); ORDER BY repeats GROUP BY so SQLite sorts once.
_GROUPS_SQL = """
SELECT city, indicator, level, factor, MAX(quantity), id, group_concat(id), COUNT(*),
       SUM(dated IS NULL)
FROM (
    SELECT e.id, e.city, e.indicator, e.level, e.attribution, e.quantity,
           CASE e.attribution {cases} END AS factor, {dated} AS dated
    FROM evidence e NOT INDEXED
    LEFT JOIN documents d ON d.id = e.document_id
    WHERE e.attribution IN ({names}) AND e.review_status NOT IN ('rejected', 'superseded')
      AND e.repealed = 0
      AND e.status != 'negated'
)
WHERE dated IS NULL OR (dated <= :as_of AND dated >= :start)
GROUP BY city, indicator, level, attribution
ORDER BY city, indicator, level, attribution
"""

@dataclass(slots=True)
class PairEvidence:
    """What a city's credited evidence gives on one indicator, before normalisation."""

    offer: LevelOffer
    quantity: float | None = None
    quantity_credit: float = 0.0
    quantity_id: int | None = None


@dataclass
class ReadStats:
    credited_rows: int = 0
    undated_rows: int = 0
    unknown_level_rows: int = 0
    unknown_levels: dict[tuple[str, str], int] = field(default_factory=dict)


def groups_sql(tree: IndicatorTree) -> tuple[str, dict[str, object]]:
    credited = [(a, f) for a, f in tree.credit.items() if f > 0]
    params: dict[str, object] = {}
    for i, (attribution, factor) in enumerate(credited):
        params[f"a{i}"], params[f"f{i}"] = attribution, factor
    cases = " ".join(f"WHEN :a{i} THEN :f{i}" for i in range(len(credited)))
    names = ", ".join(f":a{i}" for i in range(len(credited)))
    return _GROUPS_SQL.format(cases=cases, names=names, dated=_DATED), params


def read_evidence(db: sqlite_utils.Database, tree: IndicatorTree, window: Window,
                  advance: Callable[[int], None] | None = None,
                  ) -> tuple[dict[tuple[str, str], PairEvidence], ReadStats]:
    """Credited evidence of every city x indicator pair that has any; advance(n) per n rows."""
    stats = ReadStats()
    result: dict[tuple[str, str], PairEvidence] = {}
    if not any(f > 0 for f in tree.credit.values()):
        return result, stats
    sql, params = groups_sql(tree)
    params.update(as_of=window.as_of.isoformat(),
                  start=window.start.isoformat() if window.start else "")
    cursor = db.conn.execute(sql, params)
    by_name = {t.name: (t, frozenset(t.level_keys)) for t in tree.tertiaries}
    unknown: tuple[None, frozenset[str]] = (None, frozenset())
    for (city, indicator), groups in groupby(cursor, key=lambda g: (g[0], g[1])):
        tertiary, keys = by_name.get(indicator, unknown)
        rows = list(groups)
        if advance:
            advance(sum(g[7] for g in rows))
        pair = _pair(tertiary, keys, indicator, rows, stats)
        if pair is not None:
            result[(city, indicator)] = pair
    return result, stats


def _pair(tertiary: Tertiary | None, keys: frozenset[str], indicator: str, groups: list[tuple],
          stats: ReadStats) -> PairEvidence | None:
    """Fold one pair's groups: best credit per level, and the largest quantity.

    Rows of an indicator missing from the tree count as unknown levels too.
    """
    best: BestRows = {}
    pair = None
    for _city, _ind, level, factor, qty, qid, ids, count, undated in groups:
        if level not in keys:
            stats.unknown_level_rows += count
            stats.unknown_levels[(indicator, level)] = (
                stats.unknown_levels.get((indicator, level), 0) + count)
            continue
        stats.credited_rows += count
        stats.undated_rows += undated
        if pair is None:
            pair = PairEvidence(LevelOffer(None, 0.0, ()))
        if level not in best or factor > best[level][0]:
            best[level] = (factor, ids)
        elif factor == best[level][0]:
            best[level] = (factor, best[level][1] + "," + ids)
        if qty is not None and (pair.quantity is None or (qty, factor) > (pair.quantity,
                                                                          pair.quantity_credit)):
            pair.quantity, pair.quantity_credit, pair.quantity_id = qty, factor, qid
    if pair is None or tertiary is None:
        return None
    pair.offer = best_offer(tertiary, best)
    return pair

