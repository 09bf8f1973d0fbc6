"""A failure for one city's document does not stop the run for the others; the exit code says so.

Runs the pipeline in this process without a crawl (documents inserted as the crawler stores
them), with the extraction of 宁波's document made to fail.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

import extractors.store
from citydx.commands.common import open_project_db
from db import open_db
from pipeline.runner import RunOptions, run_pipeline
from pipeline.settings import PipelineSettings

TEXT = "杭州市城市大脑已建成投用，接入交通、城管、应急等数字驾驶舱四十余个。"


@pytest.fixture()
def outcome(tmp_path, monkeypatch):
    db_path = tmp_path / "f.db"
    db = open_project_db(db_path)
    db["documents"].insert_all([
        {"id": 1, "city": "杭州", "url": "http://www.hangzhou.gov.cn/art/1.html",
         "title": "杭州市城市运行工作要点", "text": TEXT, "published_date": "2024-05-01"},
        {"id": 2, "city": "宁波", "url": "http://www.ningbo.gov.cn/art/2.html",
         "title": "宁波市城市运行工作要点", "text": TEXT.replace("杭州", "宁波"),
         "published_date": "2024-05-01"},
    ])
    db.close()
    real = extractors.store.extract_document

    def failing(db, extractor, doc_id):
        if doc_id == 2:
            raise RuntimeError("boom")
        return real(db, extractor, doc_id)

    monkeypatch.setattr(extractors.store, "extract_document", failing)
    options = RunOptions(db_path=db_path, out_root=tmp_path / "runs", sources=[],
                         cities=[], crawl=False)
    console = Console(file=io.StringIO(), width=200)
    code, summary, folder = run_pipeline(options, PipelineSettings(), console)
    return open_db(db_path), code, summary, folder, console.file.getvalue()


def test_one_failed_document_is_reported_and_the_rest_runs(outcome):
    db, code, summary, folder, shown = outcome
    assert code == 1
    assert summary["stage_failures"] == [{"stage": "extract", "city": "宁波", "document_id": 2,
                                          "error": "RuntimeError: boom"}]
    hangzhou = db.execute("SELECT count(*) FROM evidence WHERE city = '杭州'").fetchone()[0]
    assert hangzhou > 0
    assert summary["cities"] == {"杭州": {"new_documents": 0, "changed_documents": 0,
                                          "new_evidence": hangzhou}}
    assert [s["stage"] for s in summary["stages"]] == ["index", "extract", "score", "export",
                                                       "report", "mail"]
    assert all(s["status"] == "ok" for s in summary["stages"])
    assert (folder / "report" / "summary.json").exists()
    assert "阶段 stage extract 宁波: RuntimeError: boom" in (folder / "summary.md").read_text()
    assert "▶ 抽取 extract" in shown and "✓ 评分 score" in shown


def test_the_failed_document_is_retried_next_night(outcome):
    db, *_ = outcome
    # No extraction_state row was written for it, so the next extract picks it up again.
    assert db.execute("SELECT document_id FROM extraction_state").fetchall() == [(1,)]
