"""Shared set-up for the extraction tests: one Extractor (its jieba dictionary loads once)."""

from __future__ import annotations

import functools

from citydx.registry import load_registry
from extractors.engine import Extractor
from extractors.rules import load_ruleset


@functools.cache
def project_extractor() -> Extractor:
    return Extractor(load_ruleset(), load_registry())


def first_status(sentence: str, keyword: str) -> str:
    """The first status the detector gives the keyword's hit in a one-sentence text."""
    detector = project_extractor().status
    at = sentence.index(keyword)
    return detector.detect(sentence, 0, len(sentence), at, at + len(keyword))[0]


def findings(text: str, city: str) -> set[tuple[str, str, str]]:
    """(indicator, level, status) of every row the project's extractor gives text for city."""
    return {(r.indicator, r.level, r.status) for r in project_extractor().extract(text, city)}


def indicator_findings(text: str, indicator: str, city: str) -> set[tuple[str, str]]:
    """(level, status) of the rows of one indicator."""
    return {(level, status) for ind, level, status in findings(text, city) if ind == indicator}
