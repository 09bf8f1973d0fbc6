"""Normalising stated quantities (PFLOPS, sensors, domains …) across the assessed cities.

The report compares quantities between cities rather than against absolute thresholds, so the
reference set is every assessed city with a positive quantity, whatever subset is printed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from citydx.indicators import Quantity


def normaliser(quantity: Quantity, reference: Iterable[float]) -> Callable[[float], float]:
    """A function q -> [0, 1] for one indicator, fitted on the assessed cities' q > 0.

    minmax: (q - min) / (max - min); log_minmax: the same on ln q; capped: min(q / cap, 1).
    When max == min (or nothing to compare with) every positive q gets 1.0. Results are
    clamped to [0, 1], which only matters for cities outside the reference set.
    """
    if quantity.method == "capped":
        cap = float(quantity.cap or 1.0)
        return lambda q: _clamp(q / cap)
    values = [v for v in reference if v > 0]
    transform = math.log if quantity.method == "log_minmax" else float
    if not values:
        return lambda q: 1.0
    low, high = transform(min(values)), transform(max(values))
    if high == low:
        return lambda q: 1.0
    span = high - low
    return lambda q: _clamp((transform(q) - low) / span)


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else x
