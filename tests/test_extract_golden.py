"""Golden documents per indicator: every evidence row the rules produce, reviewable as a diff.

tests/golden/extract/<indicator key>/<name>.txt is the input; <name>.json beside it holds the city
and the expected rows. After a deliberate rule change, regenerate with
CITYDX_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_extract_golden.py and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from extractors.summary import summarize
from tests.extract_support import project_extractor

GOLDEN = Path(__file__).parent / "golden" / "extract"
CASES = sorted(GOLDEN.glob("*/*.txt"))


@pytest.fixture
def extractor():
    return project_extractor()


def _row(r) -> dict:
    return {"indicator": r.indicator, "level": r.level, "status": r.status,
            "quantity": r.quantity, "unit": r.unit, "attribution": r.attribution,
            "repealed": r.repealed, "rule": r.rule_id, "snippet": r.snippet,
            "start": r.start, "end": r.end}


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden(path, extractor):
    expected_path = path.with_suffix(".json")
    golden = json.loads(expected_path.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    rows = extractor.extract(text, golden["city"])
    got = [_row(r) for r in rows]
    credited = [r for r in rows if r.credit(extractor.credit_shares) > 0]
    findings = sorted([f.indicator, f.level, f.status, f.quantity]
                      for f in summarize(credited, extractor.ruleset.tree))
    if os.environ.get("CITYDX_UPDATE_GOLDEN"):
        golden.update(evidence=got, findings=findings)
        expected_path.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    assert got == golden["evidence"]
    assert findings == golden["findings"]
    for row in got:  # offsets point at the snippet in the stored text
        assert text[row["start"]:row["end"]] == row["snippet"]


def test_every_indicator_has_a_golden_document(extractor):
    keys = {p.parent.name for p in CASES}
    assert {t.key for t in extractor.ruleset.tree.tertiaries} <= keys
