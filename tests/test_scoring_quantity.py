"""Quantity points: normalisation across the assessed cities, credit of the quantity row.

算力基础设施 (weight 4): planned 0.5, built 1.5; quantity log_minmax, 2.5 points.
政社数据融合应用 (weight 4): mentioned 0.5, applied 1; quantity capped at 9, 3 points.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from scoring_support import add_evidence, make_db, run_scoring, score_of

from citydx.indicators import Quantity, load_indicator_tree
from citydx.paths import rules_dir
from citydx.registry import Registry, load_registry
from db.cities import sync_cities
from scoring.quantity import normaliser

COMPUTE = "算力基础设施"
FUSION = "政社数据融合应用"


@pytest.fixture
def db(tmp_path: Path):
    return make_db(tmp_path / "t.db")


def three_cities(db) -> tuple[int, int, int]:
    """杭州 1000, 宁波 10 (city rows), 北京 100 (province row), all at level built."""
    return (add_evidence(db, "杭州", COMPUTE, "built", quantity=1000),
            add_evidence(db, "宁波", COMPUTE, "built", quantity=10),
            add_evidence(db, "北京", COMPUTE, "built", quantity=100, attribution="province"))


def test_log_minmax(db) -> None:
    hz, nb, bj = three_cities(db)
    _, run = run_scoring(db)
    # ln scale: 杭州 (ln1000 - ln10) / (ln1000 - ln10) = 1 -> 1.5 + 2.5 x 1 = 4.0
    s = score_of(run, "杭州", COMPUTE)
    assert (s.normalised, s.quantity_points, s.points, s.evidence_ids) == (1.0, 2.5, 4.0, (hz,))
    # 宁波 (ln10 - ln10) / ... = 0 -> 1.5 + 0
    s = score_of(run, "宁波", COMPUTE)
    assert (s.normalised, s.quantity_points, s.points, s.evidence_ids) == (0.0, 0.0, 1.5, (nb,))
    # 北京 (ln100 - ln10) / (ln1000 - ln10) = 1/2; province credit 0.5 on both parts:
    # 1.5 x 0.5 + 2.5 x 0.5 x 0.5 = 0.75 + 0.625 = 1.375
    s = score_of(run, "北京", COMPUTE)
    assert (s.normalised, s.quantity_points, s.points, s.evidence_ids) == (0.5, 0.625, 1.375,
                                                                           (bj,))


def test_quantity_from_another_row_uses_that_rows_credit(db) -> None:
    three_cities(db)
    level_row = add_evidence(db, "广州", COMPUTE, "built")
    q_row = add_evidence(db, "广州", COMPUTE, "planned", quantity=1000, attribution="province")
    _, run = run_scoring(db)
    s = score_of(run, "广州", COMPUTE)
    # level built 1.5 x 1; quantity 1000 -> normalised 1 (max), x 2.5 x province 0.5 = 1.25
    assert (s.level, s.level_points, s.quantity_points, s.points) == ("built", 1.5, 1.25, 2.75)
    assert set(s.evidence_ids) == {level_row, q_row}


def test_minmax(db, tmp_path: Path) -> None:
    three_cities(db)
    text = (rules_dir() / "indicators.yaml").read_text(encoding="utf-8")
    changed = text.replace("{unit: PFLOPS, method: log_minmax", "{unit: PFLOPS, method: minmax")
    assert changed != text
    (tmp_path / "indicators.yaml").write_text(changed, encoding="utf-8")
    _, run = run_scoring(db, tree=load_indicator_tree(tmp_path / "indicators.yaml"))
    # 北京 (100 - 10) / (1000 - 10) = 90 / 990 = 0.090909…; 0.75 + 2.5 x 0.090909 x 0.5
    # = 0.75 + 0.113636 = 0.863636 -> 0.8636
    s = score_of(run, "北京", COMPUTE)
    assert (s.normalised, s.quantity_points, s.points) == (0.090909, 0.1136, 0.8636)


def test_capped(db) -> None:
    add_evidence(db, "杭州", FUSION, "applied", quantity=4)
    add_evidence(db, "宁波", FUSION, "applied", quantity=12)
    _, run = run_scoring(db)
    # 杭州 4 / 9 = 0.444444 -> 1 + 3 x 0.444444 = 2.333333 -> 2.3333
    s = score_of(run, "杭州", FUSION)
    assert (s.normalised, s.points) == (0.444444, 2.3333)
    # 宁波 min(12 / 9, 1) = 1 -> 1 + 3 = 4
    assert score_of(run, "宁波", FUSION).points == 4.0


def test_equal_quantities_normalise_to_one(db) -> None:
    add_evidence(db, "杭州", COMPUTE, "planned", quantity=50)
    add_evidence(db, "宁波", COMPUTE, "planned", quantity=50)
    _, run = run_scoring(db)
    # max == min -> 1.0 each: 0.5 + 2.5 x 1 = 3.0
    for city in ("杭州", "宁波"):
        s = score_of(run, city, COMPUTE)
        assert (s.normalised, s.points) == (1.0, 3.0)


def test_non_assessed_city_is_clamped_and_not_in_the_reference(tmp_path: Path) -> None:
    registry = load_registry()
    cities = [c for c in registry.cities if c.name in ("杭州", "宁波", "北京")]
    wenzhou = dataclasses.replace(registry.get("温州"), assessed=False)
    db = make_db(tmp_path / "t.db", ("杭州", "宁波", "北京"))
    sync_cities(db, Registry((*cities, wenzhou)))
    three_cities(db)
    add_evidence(db, "温州", COMPUTE, "built", quantity=5000)
    _, run = run_scoring(db)
    # 温州's 5000 is not in the reference (10 .. 1000), so 北京 keeps 0.5 and 温州 is clamped:
    # (ln5000 - ln10) / (ln1000 - ln10) = 1.349 -> 1.0 -> 1.5 + 2.5 = 4.0
    assert score_of(run, "北京", COMPUTE).normalised == 0.5
    s = score_of(run, "温州", COMPUTE)
    assert (s.normalised, s.points) == (1.0, 4.0)


def test_normaliser_functions() -> None:
    minmax = normaliser(Quantity("个", "minmax", 1.0), [2.0, 4.0, 0.0])
    # reference ignores 0: min 2, max 4 -> (3 - 2) / 2 = 0.5; 1 -> clamped to 0; 9 -> 1
    assert (minmax(3.0), minmax(1.0), minmax(9.0)) == (0.5, 0.0, 1.0)
    log = normaliser(Quantity("个", "log_minmax", 1.0), [1.0, math.e ** 2])
    # ln e = 1 on a 0 .. 2 scale -> 0.5
    assert log(math.e) == pytest.approx(0.5)
    assert normaliser(Quantity("个", "capped", 1.0, 26.0), [])(13.0) == 0.5
    assert normaliser(Quantity("个", "minmax", 1.0), [7.0])(7.0) == 1.0
