"""The assessment window: --as-of cut, window start, and the date fallback for undated rows.

城市运行平台 (weight 3): planned 1, city_brain 2, unified_platform 3 (all rows city, credit 1).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from scoring_support import add_document, add_evidence, make_db, run_scoring, score_of

OPS = "城市运行平台"


@pytest.fixture
def db(tmp_path: Path):
    return make_db(tmp_path / "t.db")


def test_as_of_cuts_later_evidence(db) -> None:
    early = add_evidence(db, "杭州", OPS, "planned", evidence_date="2024-03-01")
    later = add_evidence(db, "杭州", OPS, "unified_platform", evidence_date="2024-12-15")
    _, run = run_scoring(db)
    # as of 2024-11-30 the unified platform (2024-12-15) does not exist yet: planned, 1 point
    assert score_of(run, "杭州", OPS).evidence_ids == (early,)
    assert score_of(run, "杭州", OPS).points == 1.0
    _, run = run_scoring(db, as_of=dt.date(2024, 12, 31))
    assert (score_of(run, "杭州", OPS).points, score_of(run, "杭州", OPS).evidence_ids) == (
        3.0, (later,))
    _, run = run_scoring(db, as_of=dt.date(2024, 2, 29))
    assert score_of(run, "杭州", OPS).points == 0.0


def test_as_of_day_itself_counts_even_with_a_time(db) -> None:
    row = add_evidence(db, "杭州", OPS, "city_brain", evidence_date="2024-11-30T23:59:00")
    _, run = run_scoring(db)
    assert score_of(run, "杭州", OPS).evidence_ids == (row,)


def test_window_start(db) -> None:
    add_evidence(db, "杭州", OPS, "unified_platform", evidence_date="2023-12-31")
    kept = add_evidence(db, "杭州", OPS, "planned", evidence_date="2024-01-01")
    _, run = run_scoring(db, start=dt.date(2024, 1, 1))
    assert score_of(run, "杭州", OPS).evidence_ids == (kept,)


def test_missing_evidence_date_falls_back_to_the_document(db) -> None:
    late = add_document(db, "杭州", "https://a/1", published_date="2025-01-01",
                        written_date="2024-01-01")
    written = add_document(db, "宁波", "https://a/2", written_date="2024-03-01",
                           fetched_at="2025-02-01T10:00:00+00:00")
    fetched = add_document(db, "北京", "https://a/3", fetched_at="2025-02-01T10:00:00+00:00")
    add_evidence(db, "杭州", OPS, "planned", evidence_date=None, document_id=late)
    nb = add_evidence(db, "宁波", OPS, "planned", evidence_date=None, document_id=written)
    add_evidence(db, "北京", OPS, "planned", evidence_date=None, document_id=fetched)
    _, run = run_scoring(db)
    # 杭州: published 2025-01-01 comes before written_date and is after as_of -> ignored
    assert score_of(run, "杭州", OPS).points == 0.0
    # 宁波: no published_date, written 2024-03-01 -> counts
    assert score_of(run, "宁波", OPS).evidence_ids == (nb,)
    # 北京: only fetched 2025-02-01 -> ignored
    assert score_of(run, "北京", OPS).points == 0.0
    assert run.stats.undated_rows == 0


def test_undated_rows_count_and_are_reported(db) -> None:
    bare = add_document(db, "杭州", "https://a/4")
    a = add_evidence(db, "杭州", OPS, "city_brain", evidence_date=None)
    b = add_evidence(db, "宁波", OPS, "planned", evidence_date=None, document_id=bare)
    _, run = run_scoring(db)
    # no date anywhere: both rows count, and the run says 2 undated rows were used
    assert score_of(run, "杭州", OPS).evidence_ids == (a,)
    assert score_of(run, "宁波", OPS).evidence_ids == (b,)
    assert (run.stats.undated_rows, run.stats.credited_rows) == (2, 2)
