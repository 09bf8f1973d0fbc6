"""Level points from credited evidence: credit by attribution, ignored rows, ties, combined levels.

Ladders used (rules/indicators.yaml):
  公共数据授权运营 (weight 4): mentioned 0.5, platform_planned 1.5, platform_built 2,
      measures_issued 2.5, measures_and_platform 4 (requires measures_issued + platform_built)
  城市运行平台 (weight 3): planned 1, city_brain 2, unified_platform 3
Credit: city 1.0, province 0.5, national 0, other_city 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_support import add_evidence, make_db, run_scoring, score_of

from citydx.indicators import load_indicator_tree
from scoring.levels import best_offer

OPS = "城市运行平台"
PDO = "公共数据授权运营"


@pytest.fixture
def db(tmp_path: Path):
    return make_db(tmp_path / "t.db")


def test_province_row_gets_half_credit(db) -> None:
    add_evidence(db, "杭州", OPS, "unified_platform", attribution="province")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # 3 points x province credit 0.5 = 1.5
    assert (s.level, s.level_points, s.points, s.reason) == ("unified_platform", 1.5, 1.5,
                                                             "evidence")


def test_city_lower_level_beats_province_higher_level(db) -> None:
    low = add_evidence(db, "杭州", OPS, "city_brain")
    add_evidence(db, "杭州", OPS, "planned", attribution="province")
    add_evidence(db, "杭州", OPS, "unified_platform", attribution="province")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # city_brain 2 x 1.0 = 2.0 beats unified_platform 3 x 0.5 = 1.5 and planned 1 x 0.5 = 0.5
    assert (s.level, s.points, s.evidence_ids) == ("city_brain", 2.0, (low,))


def test_national_and_other_city_rows_give_nothing(db) -> None:
    add_evidence(db, "杭州", OPS, "unified_platform", attribution="national")
    add_evidence(db, "杭州", OPS, "unified_platform", attribution="other_city")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # credit 0 -> not credited evidence at all, so the zero is explained by the search status
    assert (s.points, s.reason, s.evidence_ids) == (0.0, "not_searched", ())


@pytest.mark.parametrize("field", [{"review_status": "rejected"}, {"repealed": 1},
                                   {"status": "negated"}])
def test_rejected_repealed_negated_rows_are_ignored(db, field) -> None:
    kept = add_evidence(db, "杭州", OPS, "planned")
    add_evidence(db, "杭州", OPS, "unified_platform", **field)
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # only the planned row counts: 1 x 1.0
    assert (s.level, s.points, s.evidence_ids) == ("planned", 1.0, (kept,))


def test_accepted_and_pending_rows_count(db) -> None:
    a = add_evidence(db, "杭州", OPS, "city_brain", review_status="accepted")
    b = add_evidence(db, "杭州", OPS, "city_brain", review_status="pending")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", OPS)
    # two rows at the same level and credit tie: both are linked, points 2 x 1.0
    assert (s.points, s.evidence_ids) == (2.0, (a, b))


def test_combined_level_takes_the_smallest_credit(db) -> None:
    measures = add_evidence(db, "杭州", PDO, "measures_issued")
    platform = add_evidence(db, "杭州", PDO, "platform_built", attribution="province")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", PDO)
    # measures_issued 2.5 x 1 = 2.5; platform_built 2 x 0.5 = 1.0;
    # measures_and_platform 4 x min(1, 0.5) = 2.0 -> measures_issued wins with 2.5
    assert (s.level, s.points, s.evidence_ids) == ("measures_issued", 2.5, (measures,))
    assert platform not in s.evidence_ids


def test_combined_level_with_full_credit_links_both_rows(db) -> None:
    measures = add_evidence(db, "杭州", PDO, "measures_issued")
    platform = add_evidence(db, "杭州", PDO, "platform_built")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", PDO)
    # measures_and_platform 4 x min(1, 1) = 4 = the weight
    assert (s.level, s.points, s.evidence_ids) == ("measures_and_platform", 4.0,
                                                   (measures, platform))


def test_tie_between_levels_links_every_tied_row(db) -> None:
    measures = add_evidence(db, "杭州", PDO, "measures_issued", attribution="province")
    platform = add_evidence(db, "杭州", PDO, "platform_built")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", PDO)
    # platform_built 2 x 1 = 2.0; measures_issued 2.5 x 0.5 = 1.25;
    # measures_and_platform 4 x min(0.5, 1) = 2.0 -> tie at 2.0 between platform_built and the
    # combined level: the higher level is named, and all rows behind both offers are linked.
    assert (s.level, s.points) == ("measures_and_platform", 2.0)
    assert s.evidence_ids == (measures, platform)


def test_combined_level_named_directly_is_not_enough(db) -> None:
    add_evidence(db, "杭州", PDO, "measures_and_platform")
    _, run = run_scoring(db)
    s = score_of(run, "杭州", PDO)
    # no measures_issued or platform_built row: the combined level is not offered
    assert (s.level, s.points, s.reason) == (None, 0.0, "evidence")


def test_unknown_levels_are_skipped_and_counted(db) -> None:
    add_evidence(db, "杭州", OPS, "no_such_level")
    add_evidence(db, "杭州", OPS, "no_such_level")
    add_evidence(db, "杭州", "不存在的指标", "planned")
    ok = add_evidence(db, "杭州", OPS, "planned")
    _, run = run_scoring(db)
    assert run.stats.unknown_level_rows == 3
    assert run.stats.unknown_levels == {(OPS, "no_such_level"): 2, ("不存在的指标", "planned"): 1}
    assert run.stats.credited_rows == 1
    assert score_of(run, "杭州", OPS).evidence_ids == (ok,)


def test_best_offer_without_evidence_is_empty() -> None:
    tree = load_indicator_tree()
    offer = best_offer(tree.tertiary(PDO), {"measures_issued": (0.5, [7])})
    # 2.5 x 0.5; the combined level lacks platform_built
    assert (offer.level, offer.points, offer.evidence_ids) == ("measures_issued", 1.25, (7,))
    assert best_offer(tree.tertiary(PDO), {}).points == 0.0
