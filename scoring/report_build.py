"""Assemble the report in memory, then write it: a failure anywhere leaves --out untouched."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from citydx.errors import InputFileError
from citydx.indicators import IndicatorTree
from citydx.registry import Registry
from scoring.report_charts import render_charts
from scoring.report_input import ScoreTable
from scoring.report_tables import build_summary
from scoring.report_xlsx import render_workbook

SUMMARY = "summary.json"
WORKBOOK = "report.xlsx"


class OutputDirError(InputFileError):
    def __init__(self, out: Path, reason: str) -> None:
        super().__init__(f"--out {out}: {reason}: choose another folder with --out")


def build_report(table: ScoreTable, tree: IndicatorTree, registry: Registry,
                 band_lowers: Sequence[float], tier_thresholds: Sequence[float],
                 previous: ScoreTable | None = None,
                 year: int | None = None) -> dict[str, bytes]:
    """Every output file's bytes by name; nothing touches the disk here."""
    summary = build_summary(table, tree, registry, band_lowers, tier_thresholds, previous)
    primaries = [p.name for p in tree.primaries]
    files = {SUMMARY: json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8") + b"\n",
             WORKBOOK: render_workbook(summary, primaries)}
    files.update(render_charts(summary, {p.name: p.key for p in tree.primaries}, year))
    return files


def check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputDirError(out, "不是文件夹 is a file, not a folder")


def write_report(files: dict[str, bytes], out: Path) -> list[Path]:
    check_out_dir(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, content in files.items():
            path = out / name
            path.write_bytes(content)
            written.append(path)
    except OSError as exc:
        raise OutputDirError(out, f"无法写入 cannot write ({exc.strerror})") from None
    return written
