"""Helpers for the pipeline tests: `citydx run` in a subprocess against the sample portals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crawl_support import ROOT, env


def run_pipeline(db: Path, out: Path, *args: str, timeout: float = 300,
                 extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "citydx.cli", "run", "--db", str(db), "--out", str(out),
               "--delay", "0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**env(), **(extra_env or {})}, cwd=ROOT)


def run_folders(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir())


def read_summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))
