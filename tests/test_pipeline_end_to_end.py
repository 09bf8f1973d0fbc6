"""`citydx run` twice against the sample portals, with the portals changed in between.

The sample cities' portals already hold enough to saturate most indicators, so 北京's portal
answers 412 (blocked) on the first night and comes back with three more documents on the second:
then its points move. Between the runs, one 广州 document is silently edited and 无锡's source
breaks (a redesign). The second summary must report exactly those changes, and its score
changes must be exactly the points that differ between the two stored scoring runs, each with
the evidence (from 北京's documents) that moved it.
"""

from __future__ import annotations

import json
import shutil

import pytest
from crawl_support import ROOT, query, write_sites
from pipeline_support import read_summary, run_folders, run_pipeline

from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import SampleWorld


def _truth_urls(key: str) -> list[str]:
    world = SampleWorld()
    site = site_by_key(key)
    renderer = world.renderer(site)
    return sorted(renderer.detail_url(d) for d in world.documents(site))


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pipeline")
    db, out = tmp / "citydx.db", tmp / "runs"
    sites = write_sites(tmp, "beijing", "guangzhou", "wuxi")
    # A snapshot of rules/, so both nights extract with the same rules even while the rules
    # in the checkout are being edited (a rules change re-extracts every document).
    rules = shutil.copytree(ROOT / "rules", tmp / "rules")
    pinned = {"CITYDX_RULES": str(rules)}
    with SampleServer() as srv:
        srv.set_scenario("北京", "blocked_412")
        # The portals date new documents today-ish, after the round's window: score up to a day
        # that includes them, the same in both runs.
        args = ("--sites", str(sites), "--proxy", srv.proxy_url, "--refresh-days", "36500",
                "--as-of", "2030-12-31")
        first = run_pipeline(db, out, *args, extra_env=pinned)
        srv.set_scenario("北京", "normal")
        new_urls = srv.add_documents("北京", 3)
        edited = _truth_urls("guangzhou")[0]
        srv.edit_document(edited)
        srv.set_scenario("无锡", "broken_layout")
        second = run_pipeline(db, out, *args, extra_env=pinned)
    return db, out, first, second, new_urls, edited


def test_first_run_reports_new_documents_and_the_blocked_source(two_runs):
    _, out, first, _, _, _ = two_runs
    assert first.returncode == 1, first.stderr  # 北京 blocked
    summary = read_summary(run_folders(out)[0])
    # First night: every stored document is new to its city, nothing is changed yet.
    assert {c: v["new_documents"] for c, v in summary["cities"].items()} == \
        {"广州": len(_truth_urls("guangzhou")), "无锡": len(_truth_urls("wuxi"))}
    assert all(v["changed_documents"] == 0 for v in summary["cities"].values())
    assert [(f["city"], f["status"]) for f in summary["failed_sources"]] == [("北京", "blocked")]
    assert summary["stage_failures"] == []
    assert summary["previous_scoring_run_id"] is None and summary["scoring_run_id"] == 1


def test_second_run_reports_the_new_edited_and_broken(two_runs):
    db, out, _, second, new_urls, edited = two_runs
    assert second.returncode == 1, second.stderr  # 无锡's source failed
    summary = read_summary(run_folders(out)[1])
    assert set(new_urls) <= {u for (u,) in query(db, "SELECT url FROM documents")}
    started = query(db, "SELECT started_at FROM pipeline_runs WHERE id = 2")[0][0]
    # Documents: exactly the scenario. 北京's whole portal is new (it was blocked), 广州 has the
    # one edited document, 无锡 nothing (its list pages are broken).
    assert {c: (v["new_documents"], v["changed_documents"])
            for c, v in summary["cities"].items() if v["new_documents"] or
            v["changed_documents"]} == {"北京": (len(_truth_urls("beijing")) + 3, 0),
                                        "广州": (0, 1)}
    # Evidence: 北京's is all new. Elsewhere new rows can only come from documents this run
    # fetched (the edited one; a re-fetched attachment that failed on the first night), and
    # the summary must count exactly those.
    assert summary["cities"]["北京"]["new_evidence"] == \
        query(db, "SELECT count(*) FROM evidence WHERE city = '北京'")[0][0]
    refetched = dict(query(db, "SELECT d.city, count(*) FROM evidence e JOIN documents d ON "
                               "d.id = e.document_id WHERE e.created_at >= ? AND "
                               "d.fetched_at >= ? AND d.city != '北京' GROUP BY d.city",
                           started, started))
    assert {c: v["new_evidence"] for c, v in summary["cities"].items() if c != "北京"
            and v["new_evidence"]} == refetched
    assert query(db, "SELECT count(*) FROM evidence WHERE created_at >= ? AND city != '北京' "
                     "AND document_id IN (SELECT id FROM documents WHERE fetched_at < ?)",
                 started, started) == [(0,)]
    assert [(f["city"], f["status"]) for f in summary["failed_sources"]] == [("无锡", "broken")]
    assert summary["stage_failures"] == []
    assert query(db, "SELECT version FROM documents WHERE url = ?", edited) == [(2,)]


def test_second_run_score_changes_match_the_stored_runs(two_runs):
    db, out, _, _, _, _ = two_runs
    summary = read_summary(run_folders(out)[1])
    assert (summary["previous_scoring_run_id"], summary["scoring_run_id"]) == (1, 2)
    differing = query(db, "SELECT n.city, n.indicator, o.points, n.points FROM indicator_scores n "
                          "JOIN indicator_scores o ON o.city = n.city AND o.indicator = "
                          "n.indicator AND o.scoring_run_id = 1 WHERE n.scoring_run_id = 2 AND "
                          "o.points != n.points ORDER BY n.city, n.indicator")
    reported = sorted((c["city"], c["indicator"], c["old"], c["new"])
                      for c in summary["score_changes"])
    assert reported == sorted(differing)
    from_beijing = {i for (i,) in query(db, "SELECT id FROM evidence WHERE city = '北京'")}
    started = query(db, "SELECT started_at FROM pipeline_runs WHERE id = 2")[0][0]
    created_tonight = {i for (i,) in query(db, "SELECT id FROM evidence WHERE created_at >= ?",
                                           started)}
    for change in summary["score_changes"]:
        added = {ev["id"] for ev in change["added"]}
        assert change["dropped"] == [], change
        if change["city"] == "北京":
            # 北京 was not searched on the first night: every point it has now is evidence.
            assert change["cause"] == "evidence" and added and added <= from_beijing, change
        elif change["cause"] == "evidence":
            # Only evidence created tonight (from a re-fetched document) can move them.
            assert added and added <= created_tonight, change
        else:
            # Or quantity normalisation against 北京's numbers: their own quantity is the same
            # in both runs, the normalised value is not.
            assert change["cause"] == "normalisation" and not added, change
            old_q, new_q = (query(db, "SELECT quantity, normalised FROM indicator_scores WHERE "
                                      "scoring_run_id = ? AND city = ? AND indicator = ?",
                                  run, change["city"], change["indicator"])[0] for run in (1, 2))
            assert old_q[0] == new_q[0] and old_q[1] != new_q[1], change


def test_summary_is_stored_and_written_as_markdown(two_runs):
    db, out, _, _, _, _ = two_runs
    folder = run_folders(out)[1]
    stored = query(db, "SELECT status, exit_code, summary, out_dir FROM pipeline_runs "
                       "WHERE id = 2")[0]
    assert stored[:2] == ("failed", 1) and stored[3] == str(folder)
    assert json.loads(stored[2]) == read_summary(folder)
    markdown = (folder / "summary.md").read_text(encoding="utf-8")
    assert f"| 北京 | {len(_truth_urls('beijing')) + 3} | 0 |" in markdown
    assert "| 广州 | 0 | 1 |" in markdown
    assert "来源 source 无锡 http://www.wuxi.gov.cn/zfxxgk/zcwj/index.shtml: 解析失败 broken" \
        in markdown
    change = read_summary(folder)["score_changes"][0]
    assert f"**{change['city']} · {change['indicator']}**: {change['old']:g} → " \
           f"{change['new']:g}" in markdown
    # Changed sheets only: the second night exports the cities whose points moved.
    moved = {c["city"] for c in read_summary(folder)["score_changes"]}
    assert sorted(p.name for p in (folder / "sheets").iterdir()) == \
        sorted(f"{city}.xlsx" for city in moved)
    assert (folder / "report" / "summary.json").exists()



def test_the_search_index_matches_the_documents_after_both_nights(two_runs):
    """The crawl only queues documents for the index; the run's index stage builds it, so the
    queue is empty and FTS5's own check of index against documents passes (it fails on a stored
    document missing from the index, and on an edited one indexed with its old text)."""
    db, out, _, second, _, edited = two_runs
    assert query(db, "SELECT count(*) FROM documents_fts_pending") == [(0,)]
    query(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    stages = read_summary(run_folders(out)[1])["stages"]
    assert [s["stage"] for s in stages][:3] == ["crawl", "index", "extract"]
    title = query(db, "SELECT title FROM documents WHERE url = ?", edited)[0][0]
    hits = query(db, "SELECT d.url FROM documents_fts f JOIN documents d ON d.id = f.rowid "
                     "WHERE documents_fts MATCH ?", '"' + title + '"')
    assert edited in {u for (u,) in hits}
