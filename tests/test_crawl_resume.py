"""kill -9 in the middle of a crawl, then crawl again: nothing lost, nothing twice."""

from __future__ import annotations

import signal
import subprocess
import time

from crawl_support import (
    ROOT,
    SAMPLE_URLS,
    crawl,
    crawl_command,
    env,
    last_run,
    query,
    source_run,
    write_sites,
)

from crawler.samples.server import SampleServer
from crawler.samples.sites import site_by_key
from crawler.samples.world import SampleWorld

KILL_AFTER = 40  # documents stored before the kill


def wait_for_documents(db, n: int, proc: subprocess.Popen, limit: float = 120) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                count = query(db, "SELECT count(*) FROM documents")[0][0]
            except Exception:  # noqa: BLE001 - the schema may not exist yet
                count = 0
            if count >= n:
                return count
        time.sleep(0.02)
    raise AssertionError("the crawl finished or stalled before the kill point")


def test_kill_minus_nine_then_resume(tmp_path):
    db = tmp_path / "c.db"
    sites = write_sites(tmp_path, "hangzhou", "beijing")
    world = SampleWorld()
    docs = {k: world.documents(site_by_key(k)) for k in ("hangzhou", "beijing")}
    total = sum(len(d) for d in docs.values())
    with SampleServer() as srv:
        args = ("--sites", str(sites), "--proxy", srv.proxy_url, "--per-host", "1")
        proc = subprocess.Popen(crawl_command(db, *args), env=env(), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_documents(db, KILL_AFTER, proc)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        killed_at = query(db, "SELECT count(*) FROM documents")[0][0]
        assert KILL_AFTER <= killed_at < total
        assert query(db, "SELECT status FROM crawl_runs") == [("running",)]
        # The killed crawl never reached its end, where it builds the search index: every
        # document it stored is still queued for it.
        assert query(db, "SELECT count(*) FROM documents_fts_pending") == [(killed_at,)]

        result = crawl(db, *args)
        assert result.returncode == 0, result.stdout + result.stderr
    assert query(db, "SELECT status FROM crawl_runs ORDER BY id") == [("interrupted",),
                                                                       ("finished",)]
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM documents") == [(total, total)]
    run = last_run(db)
    new = sum(source_run(db, run, SAMPLE_URLS[k])["new_documents"] for k in docs)
    assert new == total - killed_at
    # Each document was written with all its attachments or not at all.
    want = sum(len(d.attachments) for ds in docs.values() for d in ds)
    assert query(db, "SELECT count(*) FROM attachments") == [(want,)]
    # The resumed crawl ends by indexing the queue, its own documents and the killed run's:
    # nothing is left queued and FTS5's own check finds the index equal to the documents.
    assert query(db, "SELECT count(*) FROM documents_fts_pending") == [(0,)]
    query(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
