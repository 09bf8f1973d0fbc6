"""Dates as portals write them (2024年9月12日, 2024/09/12, 20240912, epoch seconds) to ISO."""

from __future__ import annotations

import datetime as dt
import re

_YMD = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_COMPACT = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)")


def iso_date(value: object) -> str | None:
    """The ISO date in value, or None when there is none (placeholders, garbage)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if text.isdigit() and len(text) in (10, 13):
        return _from_epoch(float(text))
    for pattern in (_YMD, _COMPACT):
        match = pattern.search(text)
        if match:
            return _valid(*(int(g) for g in match.groups()))
    return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:
        seconds /= 1000  # milliseconds
    china = dt.timezone(dt.timedelta(hours=8))
    try:
        return dt.datetime.fromtimestamp(seconds, china).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
