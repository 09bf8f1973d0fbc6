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


def bad_common_value(tmp_path, key: str, value: str) -> tuple[str, str]:
    """Load a copy of the project's rules whose `_common.yaml` gives `key` a bad value; return
    the error message and the message a user should see: the file, the line where the common
    rules' mapping starts (its first key), and what the key must be."""
    import re
    import shutil

    from citydx.errors import RulesFileError
    from citydx.paths import PROJECT_ROOT

    folder = tmp_path / "extraction"
    folder.mkdir()
    for path in (PROJECT_ROOT / "rules" / "extraction").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    common = (folder / "_common.yaml").read_text(encoding="utf-8")
    start = common.index(f"{key}:")
    next_key = re.search(r"\n(?=[^\s#])", common[start:])  # the value may run over lines
    end = start + next_key.start() if next_key else len(common)
    (folder / "_common.yaml").write_text(f"{common[:start]}{key}: {value}{common[end:]}",
                                         encoding="utf-8")
    line = next(n for n, text in enumerate(common.splitlines(), 1)
                if text.strip() and not text.startswith("#"))
    try:
        load_ruleset(folder)
    except RulesFileError as error:
        return str(error), (f"{folder / '_common.yaml'}:{line}: common rules: "
                            f"'{key}' must be a list of non-empty strings")
    return "", "a RulesFileError"
