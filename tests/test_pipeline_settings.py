"""rules/pipeline.yaml, log rotation, and the run verb's option errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from crawl_support import ROOT, env

from citydx.errors import RulesFileError
from pipeline.logs import prune_logs
from pipeline.settings import load_pipeline_settings


def test_the_bundled_settings_load_with_their_documented_defaults():
    settings = load_pipeline_settings()
    assert settings.alerts.failing_nights == 3
    assert settings.refresh_days == 30 and settings.keep_logs == 14
    assert settings.mail.host is None


def test_missing_keys_fall_back_to_defaults(tmp_path):
    path = tmp_path / "pipeline.yaml"
    path.write_text("alerts:\n  failing_nights: 5\nsmtp:\n  host: mail.local\n  to: ops@x\n")
    settings = load_pipeline_settings(path)
    assert settings.alerts.failing_nights == 5 and settings.alerts.drop_ratio == 0.2
    assert (settings.mail.host, settings.mail.port, settings.mail.to) == \
        ("mail.local", 25, ("ops@x",))


def test_a_bad_number_names_file_and_line(tmp_path):
    path = tmp_path / "pipeline.yaml"
    path.write_text("refresh_days: 30\nalerts:\n  failing_nights: -1\n")
    with pytest.raises(RulesFileError) as caught:
        load_pipeline_settings(path)
    assert str(caught.value) == f"{path}:3: failing_nights must be a number of 0 or more"


def test_prune_keeps_the_newest_logs(tmp_path):
    names = [f"run-2026110{d}-023000.log" for d in range(1, 6)]
    for name in names:
        (tmp_path / name).write_text("log")
    (tmp_path / "other.txt").write_text("not a log")
    deleted = prune_logs(tmp_path, 2)
    assert [p.name for p in deleted] == names[:3]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", *names[3:]]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "citydx.cli", "run", *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, env=env())


def test_run_option_errors_are_one_line(tmp_path):
    db = str(tmp_path / "c.db")
    bad = _run("--db", db, "--refresh-days", "-1")
    assert (bad.returncode, bad.stderr.strip()) == \
        (2, "错误 error: --refresh-days 必须不小于 0 must be 0 or more")
    unknown = _run("--db", db, "--city", "火星")
    assert unknown.stderr.strip() == ("错误 error: unknown city '火星': use a name from "
                                      "rules/cities.yaml or add the city there")
    assert not (tmp_path / "c.db").exists()  # refused before anything started


def test_log_dir_captures_all_output_and_rotates(tmp_path):
    """Scheduled runs write everything (this process and its children) to one log file."""
    for day in (1, 2, 3):
        (tmp_path / f"run-2026110{day}-023000.log").write_text("old")
    script = ("import os, sys, pathlib; from pipeline.logs import redirect_output; "
              f"redirect_output(pathlib.Path({str(tmp_path)!r}), 2); print('到 stdout'); "
              "print('to stderr', file=sys.stderr); os.system('echo from a child')")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env())
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    logs = sorted(p.name for p in tmp_path.glob("run-*.log"))
    assert logs[0] == "run-20261103-023000.log" and len(logs) == 2  # newest old one + this one
    text = (tmp_path / logs[1]).read_text(encoding="utf-8")
    assert "到 stdout" in text and "to stderr" in text and "from a child" in text
