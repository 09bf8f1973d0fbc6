"""One pipeline run: crawl → extract → score → export changed sheets → report → summary.

A stage that fails is recorded and the stages that do not need it still run; the exit code is 1
when any source or stage failed, 0 otherwise.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from crawler.runner import FAILED
from pipeline import stages
from pipeline.alerts import find_alerts, mail_alerts
from pipeline.changes import score_changes
from pipeline.settings import PipelineSettings
from pipeline.store import begin_run, finish_run, mark_interrupted, set_stage_ids
from pipeline.summary import city_activity, failed_sources, to_markdown, write_summary


@dataclass
class RunOptions:
    db_path: Path
    out_root: Path
    sources: list  # crawler.sites.Source, already chosen and checked
    cities: list[str]
    samples: bool = False
    proxy: str | None = None
    delay: float | None = None
    refresh_days: int | None = None
    as_of: str | None = None
    crawl: bool = True


@dataclass
class RunState:
    """What the stages produced so far, for the summary."""

    crawl_run: int | None = None
    statuses: dict[int, str] = field(default_factory=dict)
    scoring_run: int | None = None
    stages: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    outputs: dict[str, list[str]] = field(default_factory=dict)


def run_folder(root: Path, now: dt.datetime) -> Path:
    """out/runs/<UTC timestamp>, with a suffix when two runs start in the same second."""
    base = root / now.strftime("%Y%m%d-%H%M%S")
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    folder.mkdir(parents=True)
    return folder


def run_pipeline(options: RunOptions, settings: PipelineSettings,
                 console: Console) -> tuple[int, dict[str, Any], Path]:
    """Run every stage; returns the exit code, the summary and the run's folder."""
    from citydx.commands.common import open_project_db
    from scoring.results import latest_run_id

    db = open_project_db(options.db_path)
    folder = run_folder(options.out_root, dt.datetime.now(dt.UTC))
    previous = latest_run_id(db)
    evidence_before = db.conn.execute("SELECT coalesce(max(id), 0) FROM evidence").fetchone()[0]
    run_id = begin_run(db, _options_record(options), str(folder), previous)
    state = RunState()
    try:
        _run_stages(db, run_id, options, state, console, folder)
    except KeyboardInterrupt:
        mark_interrupted(db, run_id)
        raise
    step = _Stepper(console, state)

    summary = _summary(db, run_id, options, state, previous, evidence_before, folder, settings)
    step("mail", "告警邮件 mail alerts", lambda: _mail(settings, summary))
    summary["stage_failures"] = state.failures
    exit_code = 1 if summary["failed_sources"] or state.failures else 0
    summary["exit_code"] = exit_code
    summary["finished_at"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    summary["outputs"]["summary"] = [str(folder / "summary.md"), str(folder / "summary.json")]
    write_summary(summary, folder)
    finish_run(db, run_id, exit_code, summary)
    return exit_code, summary, folder


def _run_stages(db, run_id: int, options: RunOptions, state: RunState, console: Console,
                folder: Path) -> None:
    """crawl → search index → extract → score → export → report; a stage whose input failed
    is skipped."""
    from citydx.registry import load_registry

    step = _Stepper(console, state)
    if options.crawl:
        def on_run(crawl_run: int) -> None:
            state.crawl_run = crawl_run
            set_stage_ids(db, run_id, crawl_run_id=crawl_run)

        step("crawl", "采集 crawl", lambda: _crawl(options, load_registry(), state, on_run))
    step("index", "搜索索引 search index", lambda: _index(db))
    step("extract", "抽取 extract", lambda: _extract(db, options, state, console))
    if step("score", "评分 score", lambda: _score(db, options, state)) and state.scoring_run:
        set_stage_ids(db, run_id, scoring_run_id=state.scoring_run)
        if stages.sheets_exporter_available():
            step("export", "导出评分表 export sheets", lambda: _export(db, state, folder))
        step("report", "报告 report", lambda: _report(db, options, state, folder))


class _Stepper:
    """Runs one stage with a progress line, its time and its failure recorded."""

    def __init__(self, console: Console, state: RunState) -> None:
        self.console, self.state = console, state

    def __call__(self, name: str, label: str, work: Callable[[], str]) -> bool:
        self.console.print(f"▶ {label} …")
        start = time.monotonic()
        try:
            detail, status = work(), "ok"
        except Exception as exc:  # noqa: BLE001 (a failed stage must not stop the others)
            detail, status = stages.describe(exc), "failed"
            self.state.failures.append({"stage": name, "city": None, "error": detail})
        seconds = time.monotonic() - start
        self.state.stages.append({"stage": name, "status": status, "seconds": round(seconds, 1),
                                  "detail": detail})
        mark = "✓" if status == "ok" else "✗"
        self.console.print(f"{mark} {label} {seconds:.1f} s: {detail}")
        return status == "ok"


def _crawl(options: RunOptions, registry, state: RunState,
           on_run: Callable[[int], None]) -> str:
    delay = options.delay if options.delay is not None else (0.0 if options.samples else 0.5)
    outcome = stages.crawl(options.db_path, registry, options.sources, options.refresh_days,
                           options.proxy, options.samples, delay, on_run)
    state.crawl_run, state.statuses = outcome.run_id, outcome.statuses
    failed = sum(1 for s in outcome.statuses.values() if s in FAILED)
    return (f"批次 run #{outcome.run_id}: {len(outcome.statuses)} 个来源 sources, "
            f"{failed} 个失败 failed")


def _index(db) -> str:
    from db.search_index import index_pending

    return f"{index_pending(db)} 篇文件入索引 documents indexed"


def _extract(db, options: RunOptions, state: RunState, console: Console) -> str:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("抽取 extracting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True, console=console,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task("extract", total=None)
        outcome = stages.extract(db, options.cities or None,
                                 lambda done, total: progress.update(task, completed=done,
                                                                     total=total))
    state.failures.extend(outcome.failures)
    return (f"{outcome.documents} 个文件 documents, +{outcome.inserted} 条证据 evidence, "
            f"-{outcome.removed}; {len(outcome.failures)} 个失败 failed")


def _score(db, options: RunOptions, state: RunState) -> str:
    state.scoring_run = stages.score(db, options.as_of)
    return f"评分批次 scoring run #{state.scoring_run}"


def _export(db, state: RunState, folder: Path) -> str:
    written = stages.export_changed_sheets(db, state.scoring_run, folder / "sheets")
    state.outputs["sheets"] = [str(p) for p in written]
    return f"{len(written)} 个评分表 sheets (得分有变化的城市 cities whose points changed)"


def _report(db, options: RunOptions, state: RunState, folder: Path) -> str:
    written = stages.report(db, options.db_path, folder / "report")
    state.outputs["report"] = [str(p) for p in written]
    return f"{len(written)} 个文件 files"


def _mail(settings: PipelineSettings, summary: dict[str, Any]) -> str:
    subject = f"citydx 告警 alerts: {len(summary['alerts'])} 个来源 sources"
    sent = mail_alerts(settings.mail, summary["alerts"], subject, to_markdown(summary))
    return "已发送 sent" if sent else "未发送 not sent (无告警或未配置 no alerts or no SMTP host)"


def _summary(db, run_id: int, options: RunOptions, state: RunState, previous: int | None,
             evidence_before: int, folder: Path, settings: PipelineSettings) -> dict[str, Any]:
    changes = score_changes(db, previous, state.scoring_run) if state.scoring_run else []
    source_ids = list(state.statuses) or None
    row = db["pipeline_runs"].get(run_id)
    return {
        "run_id": run_id, "started_at": row["started_at"], "finished_at": None,
        "exit_code": None, "out_dir": str(folder), "crawl_run_id": state.crawl_run,
        "scoring_run_id": state.scoring_run, "previous_scoring_run_id": previous,
        "stages": state.stages, "cities": city_activity(db, state.crawl_run, evidence_before),
        "score_changes": changes, "failed_sources": failed_sources(db, state.crawl_run),
        "stage_failures": state.failures,
        "alerts": find_alerts(db, settings.alerts, source_ids),
        "outputs": dict(state.outputs),
    }


def _options_record(options: RunOptions) -> dict[str, Any]:
    return {"cities": options.cities, "samples": options.samples, "proxy": options.proxy,
            "refresh_days": options.refresh_days, "as_of": options.as_of,
            "crawl": options.crawl,
            "sources": [s.url for s in options.sources]}
