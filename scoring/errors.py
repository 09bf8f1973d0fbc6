"""Errors of the scoring stage: one class per condition, each message says what to do."""

from __future__ import annotations

from citydx.errors import CitydxError


class InvalidDateError(CitydxError):
    def __init__(self, option: str, text: str) -> None:
        super().__init__(f"{option} '{text}' is not a date: use YYYY-MM-DD, e.g. 2024-11-30")


class OverridePointsError(CitydxError):
    def __init__(self, indicator: str, points: float, weight: float) -> None:
        super().__init__(
            f"override points {points:g} for '{indicator}' must be between 0 and its weight "
            f"{weight:g}"
        )


class EmptyReasonError(CitydxError):
    def __init__(self) -> None:
        super().__init__("an override needs a reason: pass --reason with a short explanation")


class EmptyReviewerError(CitydxError):
    def __init__(self) -> None:
        super().__init__("an override needs a reviewer: pass --reviewer NAME")


class NoActiveOverrideError(CitydxError):
    def __init__(self, city: str, indicator: str) -> None:
        super().__init__(f"no active override for {city} / {indicator}: nothing to clear")
