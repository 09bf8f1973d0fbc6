"""Bands and tiers come from rules/assessment.yaml; --tiers overrides the tiers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citydx.cli import main
from citydx.paths import PROJECT_ROOT

SMALL = Path(__file__).parent / "fixtures" / "report" / "small_scores.csv"


def summary_of(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_tiers_option_overrides_settings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", "--scores", str(SMALL), "--out", str(out), "--tiers", "75,50"]) == 0
    summary = summary_of(out)
    assert summary["tiers"] == [75, 50]
    # 浙江 (80 + 70) / 2 = 75 >= 75: tier 1; 北京 70: tier 2; 河南 45 and 西藏 35 < 50: tier 3.
    assert {p["province"]: p["tier"] for p in summary["provinces"]} == {
        "浙江": 1, "北京": 2, "河南": 3, "西藏": 3}


def test_bands_and_tiers_from_assessment_yaml(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules", rules)
    settings = (rules / "assessment.yaml").read_text(encoding="utf-8")
    settings = settings.replace("bands: [80, 70, 60, 50, 40]", "bands: [75, 40]")
    settings = settings.replace("tiers: [65, 50, 40]", "tiers: [72]")
    (rules / "assessment.yaml").write_text(settings, encoding="utf-8")
    monkeypatch.setenv("CITYDX_RULES", str(rules))
    out = tmp_path / "out"
    assert main(["report", "--scores", str(SMALL), "--out", str(out)]) == 0
    summary = summary_of(out)
    # Totals 80, 70, 70, 45, 35: >= 75 one city; 40-75 three; < 40 one (shares of 5).
    assert [(b["lower"], b["upper"], b["count"], b["share"]) for b in summary["bands"]] == [
        (75, None, 1, 20), (40, 75, 3, 60), (None, 40, 1, 20)]
    # One threshold, two tiers: 浙江 75 >= 72 tier 1; the rest tier 2.
    assert {p["province"]: p["tier"] for p in summary["provinces"]} == {
        "浙江": 1, "北京": 2, "河南": 2, "西藏": 2}
