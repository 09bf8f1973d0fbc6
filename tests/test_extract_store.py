"""Evidence rows in the database: what is stored, incremental and idempotent re-runs."""

import shutil

import pytest

from citydx.paths import PROJECT_ROOT
from citydx.registry import load_registry
from db import open_db
from db.cities import sync_cities
from extractors.engine import Extractor
from extractors.rules import load_ruleset
from extractors.store import extract_all
from tests.extract_support import project_extractor

OWN = ("杭州市数据资源管理局关于印发《杭州市公共数据授权运营实施方案》的通知\n\n"
       "我市公共数据授权运营平台已上线运行。\n")
REPEALED = ("发文机关：宿迁市人民政府\n有效性：失效\n\n宿迁市政务信息资源共享管理暂行办法\n\n"
            "第一条 制定本办法。\n")
ATTACHMENT = "附件1\n南京市城市级物联感知平台已累计接入感知设备120万个。"


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    sync_cities(database, load_registry())
    database["documents"].insert_all([
        {"id": 1, "city": "杭州", "url": "https://www.hangzhou.gov.cn/1", "text": OWN,
         "written_date": "2024-03-05", "content_hash": "a"},
        {"id": 2, "city": "宿迁", "url": "https://www.suqian.gov.cn/2", "text": REPEALED,
         "content_hash": "b"},
        {"id": 3, "city": "南京", "url": "https://www.nanjing.gov.cn/3", "text": "见附件。",
         "published_date": "2024-05-01"},
    ])
    database["attachments"].insert({"id": 7, "document_id": 3, "url": "https://x/a.pdf",
                                    "text": ATTACHMENT, "status": "ok", "sha256": "s"})
    return database


def _rows(db):
    return db.execute("SELECT id, document_id, attachment_id, city, indicator, level, status, "
                      "quantity, attribution, repealed, evidence_date, start_offset, end_offset, "
                      "snippet FROM evidence ORDER BY document_id, indicator, level").fetchall()


def test_rows_stored_with_offsets_dates_and_repeal(db):
    stats = extract_all(db, project_extractor())
    assert (stats.documents, stats.skipped) == (3, 0)
    rows = _rows(db)
    found = {(r[1], r[2], r[4], r[5], r[6], r[9], r[10]) for r in rows}
    assert (1, None, "公共数据授权运营", "measures_issued", "issued", 0, "2024-03-05") in found
    assert (1, None, "公共数据授权运营", "platform_built", "built", 0, "2024-03-05") in found
    assert (3, 7, "物联感知体系", "platform_built", "built", 0, "2024-05-01") in found
    assert all(r[9] == 1 for r in rows if r[1] == 2)  # the repealed document
    assert any(r[1] == 2 for r in rows)
    sensors = next(r for r in rows if r[2] == 7 and r[7] is not None)  # the counted row
    assert sensors[7] == 1_200_000  # 120万个 = 120 × 10 000
    texts = {1: OWN, 2: REPEALED, 7: ATTACHMENT}
    for r in rows:  # offsets point into documents.text, or attachments.text when attached
        assert texts[r[2] or r[1]][r[11]:r[12]] == r[13]
    state = db.execute("SELECT document_id, rules_version FROM extraction_state").fetchall()
    assert state == [(1, project_extractor().ruleset.version), (2, state[1][1]),
                     (3, state[2][1])]


def test_second_run_adds_nothing(db):
    extract_all(db, project_extractor())
    before = _rows(db)
    stats = extract_all(db, project_extractor())
    assert (stats.documents, stats.skipped, stats.inserted) == (0, 3, 0)
    assert _rows(db) == before


def test_changed_document_alone_is_redone(db):
    extract_all(db, project_extractor())
    db["documents"].update(1, {"text": OWN + "全市一体化数据资源平台已建成。",
                               "content_hash": "a2"})
    stats = extract_all(db, project_extractor())
    assert stats.documents == 1
    indicators = {r[0] for r in db.execute("SELECT indicator FROM evidence WHERE document_id=1")}
    assert "数据资源体系" in indicators


def test_new_rules_redo_everything_but_keep_ids_and_reviews(db, tmp_path):
    extract_all(db, project_extractor())
    db.execute("UPDATE evidence SET review_status = 'accepted'")
    kept = {r[0] for r in _rows(db)}
    rules = tmp_path / "extraction"
    shutil.copytree(PROJECT_ROOT / "rules" / "extraction", rules)
    with (rules / "smart_emergency.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment changes the rules version\n")
    changed = Extractor(load_ruleset(rules), load_registry())
    stats = extract_all(db, changed)
    assert (stats.documents, stats.inserted, stats.removed) == (3, 0, 0)
    assert {r[0] for r in _rows(db)} == kept
    reviews = {r[0] for r in db.execute("SELECT DISTINCT review_status FROM evidence")}
    assert reviews == {"accepted"}
    versions = {r[0] for r in db.execute("SELECT DISTINCT rules_version FROM evidence")}
    assert versions == {changed.ruleset.version}


def test_rows_cited_by_a_score_run_are_superseded_not_deleted(db):
    extract_all(db, project_extractor())
    evidence_id = db.execute("SELECT id FROM evidence WHERE document_id = 1").fetchone()[0]
    db["scoring_runs"].insert({"id": 1, "as_of": "2024-11-30", "computed_at": "now"})
    db["indicator_scores"].insert({"id": 1, "scoring_run_id": 1, "city": "杭州",
                                   "indicator": "公共数据授权运营", "points": 1, "reason": "r"})
    db["indicator_score_evidence"].insert({"score_id": 1, "evidence_id": evidence_id})
    db["documents"].update(1, {"text": "无关内容。", "content_hash": "a3"})
    stats = extract_all(db, project_extractor())
    assert stats.removed >= 1
    left = db.execute("SELECT id, review_status FROM evidence WHERE document_id = 1").fetchall()
    assert left == [(evidence_id, "superseded")]
