"""Log files of scheduled runs: everything the run prints goes to one file, old files pruned."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

PREFIX = "run-"


def redirect_output(log_dir: Path, keep: int) -> Path:
    """Point file descriptors 1 and 2 at a new log file, so Scrapy's log, rich's output and any
    child process land in it too; then delete all but the newest `keep` logs."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = log_dir / f"{PREFIX}{stamp}.log"
    sys.stdout.flush()
    sys.stderr.flush()
    with open(path, "ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
    prune_logs(log_dir, keep)
    return path


def prune_logs(log_dir: Path, keep: int) -> list[Path]:
    """Delete the oldest run-*.log beyond `keep` (names sort by time); returns what was deleted."""
    logs = sorted(log_dir.glob(f"{PREFIX}*.log"))
    doomed = logs[:-keep] if keep > 0 else logs
    for path in doomed:
        path.unlink()
    return doomed
