"""Choosing a city's level on an indicator's ladder from its credited evidence.

Pure functions over small inputs, so the rules (partial credit, combined levels, ties) can be
tested without a database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from citydx.indicators import Tertiary

# Ids of evidence rows: a sequence of ints, or the comma-separated text SQLite's group_concat
# gives (split only when the level wins, which saves work on large runs).
Ids = Iterable[int] | str
# Best credit per level key, and the ids of the rows that reached it.
BestRows = dict[str, tuple[float, Ids]]


@dataclass(frozen=True, slots=True)
class LevelOffer:
    level: str | None
    points: float
    evidence_ids: tuple[int, ...]


NO_OFFER = LevelOffer(None, 0.0, ())


def offers(tertiary: Tertiary, best: BestRows) -> list[tuple[float, int, str, list[Ids]]]:
    """Every level the evidence supports: (points, ladder position, key, evidence id groups).

    A level with `requires` is offered only through its required levels, never by rows that
    name it directly, because the combination is what it rewards.
    """
    result = []
    for position, level in enumerate(tertiary.levels):
        if level.requires:
            if all(req in best for req in level.requires):
                credit = min(best[req][0] for req in level.requires)
                ids = [best[req][1] for req in level.requires]
                result.append((level.points * credit, position, level.key, ids))
        elif level.key in best:
            credit, ids = best[level.key]
            result.append((level.points * credit, position, level.key, [ids]))
    return result


def best_offer(tertiary: Tertiary, best: BestRows) -> LevelOffer:
    """The winning offer; on a tie every tied row is linked and the higher level is named."""
    candidates = offers(tertiary, best)
    if not candidates:
        return NO_OFFER
    top = max(c[0] for c in candidates)
    tied = [c for c in candidates if math.isclose(c[0], top, rel_tol=0, abs_tol=1e-9)]
    ids = sorted({i for c in tied for group in c[3] for i in _ints(group)})
    level = max(tied, key=lambda c: c[1])[2]
    return LevelOffer(level, top, tuple(ids))


def _ints(ids: Ids) -> Iterable[int]:
    return map(int, ids.split(",")) if isinstance(ids, str) else ids
