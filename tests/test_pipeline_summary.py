"""The run summary's Markdown, from a summary written out by hand."""

from __future__ import annotations

from pipeline.summary import to_markdown


def _evidence(i: int) -> dict:
    return {"id": i, "level": "built", "status": "built", "quantity": None,
            "snippet": f"杭州市城市大脑已建成投用{i}", "title": "工作要点",
            "url": f"http://www.hangzhou.gov.cn/art/{i}.html"}


SUMMARY = {
    "run_id": 7, "started_at": "2026-11-26T02:30:00+00:00",
    "finished_at": "2026-11-26T02:41:00+00:00", "exit_code": 1, "out_dir": "out/runs/x",
    "crawl_run_id": 9, "scoring_run_id": 12, "previous_scoring_run_id": 11,
    "stages": [{"stage": "crawl", "status": "ok", "seconds": 61.04, "detail": "批次 run #9"}],
    "cities": {"杭州": {"new_documents": 2, "changed_documents": 1, "new_evidence": 7}},
    "score_changes": [{"city": "杭州", "indicator": "城市运行平台", "old": 2.0, "new": 3.5,
                       "reason": "evidence", "cause": "evidence",
                       "added": [_evidence(i) for i in range(1, 8)], "dropped": []},
                      {"city": "宁波", "indicator": "政务增值化服务", "old": 2.5, "new": 2.25,
                       "reason": "evidence", "cause": "normalisation", "added": [],
                       "dropped": []}],
    "failed_sources": [{"city": "成都", "url": "http://www.chengdu.gov.cn/zwgk/zcwj/index.html",
                        "status": "blocked", "message": "412 challenge"}],
    "stage_failures": [{"stage": "extract", "city": "宁波", "document_id": 3,
                        "error": "RuntimeError: boom"}],
    "alerts": [{"city": "成都", "url": "http://www.chengdu.gov.cn/zwgk/zcwj/index.html",
                "text": "连续 3 晚失败 failing 3 nights in a row (blocked)"}],
    "outputs": {"sheets": ["out/runs/x/sheets/杭州.xlsx"]},
}


def test_markdown_lists_every_part_of_the_summary():
    lines = to_markdown(SUMMARY).splitlines()
    assert lines[0] == "# 夜间运行摘要 Pipeline run #7"
    assert "- 结果 result: 有失败 failures (exit 1)" in lines
    assert "- 采集批次 crawl run: 9; 评分批次 scoring run: 11 → 12" in lines
    assert "| crawl | ok | 61.0 | 批次 run #9 |" in lines
    assert "| 杭州 | 2 | 1 | 7 |" in lines
    assert "- **杭州 · 城市运行平台**: 2 → 3.5（evidence; 证据变化 evidence moved）" in lines
    assert ("  - + 证据 evidence #1 built 「杭州市城市大脑已建成投用1」 工作要点 "
            "http://www.hangzhou.gov.cn/art/1.html") in lines
    # Seven added rows: five shown, the other two counted.
    assert sum(1 for line in lines if line.startswith("  - + 证据")) == 5
    assert "  - + … 另有 2 条 more (summary.json)" in lines
    assert ("- **宁波 · 政务增值化服务**: 2.5 → 2.25（evidence; 归一化：他市数值变化 "
            "normalisation: another city's value moved）") in lines
    assert ("- 来源 source 成都 http://www.chengdu.gov.cn/zwgk/zcwj/index.html: 被拦截 blocked "
            "— 412 challenge") in lines
    assert "- 阶段 stage extract 宁波: RuntimeError: boom" in lines
    assert ("- 成都 http://www.chengdu.gov.cn/zwgk/zcwj/index.html: 连续 3 晚失败 failing 3 "
            "nights in a row (blocked)") in lines
    assert "- sheets: 1 个文件 file(s)" in lines


def test_an_empty_night_says_so():
    quiet = {**SUMMARY, "exit_code": 0, "cities": {}, "score_changes": [],
             "failed_sources": [], "stage_failures": [], "alerts": [], "outputs": {}}
    text = to_markdown(quiet)
    assert "- 结果 result: 正常 ok (exit 0)" in text
    assert text.count("无 none.") == 3 and "无新内容 nothing new." in text
