"""Competition ranking (1, 2, 2, 4), as the published report ranks tied cities."""

from __future__ import annotations

from collections.abc import Sequence


def competition_ranks(totals: Sequence[float]) -> list[int]:
    """Ranks for totals, in the given order: 1 + the number of strictly higher totals.

    Totals are compared after rounding to 4 decimals, the precision scores are stored with.
    """
    rounded = [round(t, 4) for t in totals]
    ordered = sorted(rounded, reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [first[v] for v in rounded]
