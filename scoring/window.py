"""The assessment window: which evidence dates count for a run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from citydx.settings import AssessmentSettings
from scoring.errors import InvalidDateError


@dataclass(frozen=True)
class Window:
    """Evidence dated in [start, as_of] counts; start None means no lower bound."""

    as_of: dt.date
    start: dt.date | None = None


def parse_date(option: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(option, text) from None


def window_for(settings: AssessmentSettings, as_of: str | None) -> Window:
    """The run's window: --as-of (default the round's window end) and the round's start."""
    end = parse_date("--as-of", as_of) if as_of else settings.window_end
    return Window(end, settings.window_start)
