"""`citydx schedule` against a fake crontab command (CITYDX_CRONTAB), never the real one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from crawl_support import ROOT, env

FAKE_CRONTAB = """#!/bin/sh
# A stand-in for crontab(1): `-l` prints the stored table, `-` replaces it from stdin.
store="$(dirname "$0")/table"
case "$1" in
  -l) [ -f "$store" ] || { echo "no crontab for tester" >&2; exit 1; }; cat "$store" ;;
  -) cat > "$store" ;;
  *) exit 2 ;;
esac
"""


def fake_crontab(tmp_path: Path, existing: str | None = None) -> Path:
    script = tmp_path / "crontab"
    script.write_text(FAKE_CRONTAB)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    if existing is not None:
        (tmp_path / "table").write_text(existing)
    return script


def schedule(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "citydx.cli", "schedule", "--db", str(tmp_path / "c.db"),
               *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**env(), "CITYDX_CRONTAB": str(tmp_path / "crontab")})


def test_install_keeps_other_entries_and_replaces_its_own(tmp_path):
    fake_crontab(tmp_path, "0 5 * * * /usr/bin/backup\n")
    first = schedule(tmp_path, "--at", "02:30", "--keep-logs", "7")
    assert first.returncode == 0, first.stderr
    lines = (tmp_path / "table").read_text().splitlines()
    assert lines[0] == "0 5 * * * /usr/bin/backup"
    assert len(lines) == 2
    entry = lines[1]
    assert entry.startswith("30 2 * * * cd ")
    assert f"-n {tmp_path / 'c.db.run.lock'} " in entry and "flock" in entry
    assert f"run --db {tmp_path / 'c.db'} " in entry
    assert "--keep-logs 7" in entry and entry.endswith("# citydx nightly run")
    second = schedule(tmp_path, "--at", "3:05")
    assert "已更新 updated" in second.stdout
    lines = (tmp_path / "table").read_text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("5 3 * * * ")


def test_install_into_an_empty_crontab_then_remove(tmp_path):
    fake_crontab(tmp_path)
    assert schedule(tmp_path, "--at", "23:59").returncode == 0
    assert (tmp_path / "table").read_text().startswith("59 23 * * * ")
    removed = schedule(tmp_path, "--remove")
    assert removed.returncode == 0 and "已移除 removed 1" in removed.stdout
    assert (tmp_path / "table").read_text() == ""
    again = schedule(tmp_path, "--remove")
    assert again.stdout.strip() == "没有可移除的夜间运行 no nightly run was installed"


def test_print_shows_cron_and_systemd_and_installs_nothing(tmp_path):
    fake_crontab(tmp_path)
    shown = schedule(tmp_path, "--at", "02:30", "--print")
    assert shown.returncode == 0
    assert not (tmp_path / "table").exists()
    assert "\n30 2 * * * cd " in shown.stdout
    assert "OnCalendar=*-*-* 02:30:00" in shown.stdout and "Persistent=true" in shown.stdout
    assert "citydx-nightly.timer" in shown.stdout


def test_bad_time_is_one_line(tmp_path):
    fake_crontab(tmp_path)
    bad = schedule(tmp_path, "--at", "24:00")
    assert bad.returncode == 2
    assert bad.stderr.strip() == ("错误 error: --at '24:00': 需要 24 小时制时间 expected a time "
                                  "like 02:30 (HH:MM)")


def test_failing_crontab_command_is_one_line(tmp_path):
    broken = tmp_path / "crontab"
    broken.write_text("#!/bin/sh\necho 'permission denied' >&2\nexit 1\n")
    broken.chmod(0o755)
    result = schedule(tmp_path, "--at", "02:30")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"错误 error: crontab 命令失败 `{broken} -l` failed (permission denied): install cron, "
        "or use the systemd timer that `citydx schedule --print` shows")


def _scrapy(*args: str) -> subprocess.CompletedProcess:
    scrapy = Path(sys.executable).with_name("scrapy")
    return subprocess.run([str(scrapy), *args], capture_output=True, text=True, timeout=240,
                          cwd=ROOT, env={**env(), "PATH": os.environ.get("PATH", "")})


def test_scrapy_list_finds_the_spiders_for_scrapyd():
    """scrapy.cfg's [deploy] is for Scrapyd; `scrapy list` must load the spiders from the root."""
    done = _scrapy("list")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["citydx", "citydx-scheduled"]


def test_scheduled_spider_crawls_by_name_and_records_its_run(tmp_path):
    """What Scrapyd does: start the spider by name with string arguments only."""
    from crawl_support import query

    from crawler.samples.server import SampleServer
    from crawler.samples.sites import site_by_key
    from crawler.samples.world import SampleWorld

    world = SampleWorld()
    expected = len(world.documents(site_by_key("beijing")))
    db = tmp_path / "s.db"
    with SampleServer() as srv:
        done = _scrapy("crawl", "citydx-scheduled", "-a", f"db={db}", "-a", "profile=samples",
                       "-a", "city=北京", "-a", f"proxy={srv.proxy_url}",
                       "-s", "DOWNLOAD_DELAY=0")
    assert done.returncode == 0, done.stderr[-2000:]
    assert query(db, "SELECT status FROM crawl_runs") == [("finished",)]
    assert query(db, "SELECT status, new_documents FROM source_runs") == [("ok", expected)]
    assert query(db, "SELECT count(*) FROM documents WHERE city = '北京'") == [(expected,)]
