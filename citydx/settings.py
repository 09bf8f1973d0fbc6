"""Assessment-round settings (rules/assessment.yaml): window, bands, tiers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from citydx.errors import RulesFileError
from citydx.paths import rules_dir
from citydx.yamlio import line_of, load_yaml


@dataclass(frozen=True)
class AssessmentSettings:
    year: int
    window_start: dt.date | None
    window_end: dt.date
    searched_since: dt.date | None
    bands: tuple[float, ...]
    tiers: tuple[float, ...]


def load_settings(path: str | Path | None = None) -> AssessmentSettings:
    path = Path(path) if path else rules_dir() / "assessment.yaml"
    data = load_yaml(path)
    spath = str(path)
    if not isinstance(data, dict):
        raise RulesFileError(spath, None, "expected a mapping of settings")
    window = data.get("window") or {}
    end = _date(spath, window, "end")
    if end is None:
        raise RulesFileError(spath, line_of(window), "window.end (the default --as-of) is required")
    bands = tuple(float(b) for b in data.get("bands", [80, 70, 60, 50, 40]))
    tiers = tuple(float(t) for t in data.get("tiers", [65, 50, 40]))
    for what, seq in (("bands", bands), ("tiers", tiers)):
        if list(seq) != sorted(seq, reverse=True) or len(set(seq)) != len(seq):
            raise RulesFileError(spath, line_of(data.get(what)), f"{what} must strictly descend")
    return AssessmentSettings(int(data.get("year", end.year)), _date(spath, window, "start"), end,
                              _date(spath, data, "searched_since"), bands, tiers)


def _date(path: str, node: dict, key: str) -> dt.date | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RulesFileError(path, line_of(node), f"{key} must be a date like 2024-11-30") from None
