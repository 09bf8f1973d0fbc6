"""`citydx run`: the nightly pipeline, every stage in order, with a run summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from citydx.commands.common import (
    add_crawl_options,
    add_db_option,
    check_crawl_options,
    crawl_delay,
)
from citydx.errors import CitydxError

ORDER = 5


class RunOptionError(CitydxError):
    """An option of `citydx run` that cannot be used as given."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run", help="夜间流水线：采集→抽取→评分→导出→报告 run every stage, with a summary",
        description="Run crawl, extract, score, export of changed score sheets and the report, "
                    "each incremental, then write the run summary (summary.md, summary.json) "
                    "to OUT/<timestamp>/. Exit 0: all ok; 1: a source or stage failed. "
                    "Example: citydx run --samples; citydx run --city 杭州 --out out/runs",
    )
    add_db_option(parser)
    add_crawl_options(parser)
    parser.add_argument("--city", action="append", default=[], metavar="NAME",
                        help="只处理该城市 only this city (repeatable; default all)")
    parser.add_argument("--out", type=Path, default=Path("out/runs"), metavar="DIR",
                        help="输出目录 folder for the runs' folders (default out/runs)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="评分截止日期 score evidence dated up to this day (default: the "
                             "round's window end, rules/assessment.yaml)")
    parser.add_argument("--no-crawl", action="store_true",
                        help="跳过采集 skip the crawl (extract, score and report what is stored)")
    parser.add_argument("--log-dir", type=Path, metavar="DIR",
                        help="输出写入日志文件 write all output to DIR/run-<time>.log "
                             "(as scheduled runs do) and keep the newest --keep-logs")
    parser.add_argument("--keep-logs", type=int, metavar="N",
                        help="保留日志数 log files kept (default: rules/pipeline.yaml keep_logs)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from citydx.paths import default_db_path
    from citydx.settings import load_settings
    from pipeline.logs import redirect_output
    from pipeline.runner import RunOptions, run_pipeline
    from pipeline.settings import load_pipeline_settings
    from scoring.window import window_for

    settings = load_pipeline_settings()
    window_for(load_settings(), args.as_of)  # a bad --as-of stops the run before it starts
    check_crawl_options(args)
    if args.keep_logs is not None and args.keep_logs < 1:
        raise RunOptionError("--keep-logs 必须至少为 1 must be 1 or more")
    sources = [] if args.no_crawl else _sources(args)
    if args.log_dir:
        redirect_output(args.log_dir, args.keep_logs or settings.keep_logs)
    refresh = args.refresh_days if args.refresh_days is not None else settings.refresh_days
    options = RunOptions(db_path=args.db or default_db_path(), out_root=args.out,
                         sources=sources, cities=args.city, samples=args.samples,
                         proxy=args.proxy, delay=crawl_delay(args), refresh_days=refresh,
                         as_of=args.as_of, crawl=not args.no_crawl)
    console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)
    code, summary, folder = run_pipeline(options, settings, console)
    _print_summary(summary, folder)
    return code


def _sources(args: argparse.Namespace) -> list:
    """The crawl's sources, checked by the crawl verb's own rules before anything starts."""
    from citydx.commands.crawl import choose_sources
    from citydx.registry import load_registry

    registry = load_registry()
    for city in args.city:
        registry.get(city)
    crawl_args = argparse.Namespace(cms="auto", source=None, city=None, sites=args.sites,
                                    samples=args.samples)
    sources = choose_sources(crawl_args, registry)
    chosen = [s for s in sources if not args.city or s.city in args.city]
    if not chosen:
        from crawler.errors import NoSourcesError

        raise NoSourcesError(", ".join(args.city))
    return chosen


def _print_summary(summary: dict, folder: Path) -> None:
    cities = summary["cities"]
    print(f"运行 run #{summary['run_id']}: "
          f"{'正常 ok' if summary['exit_code'] == 0 else '有失败 failures'}")
    for city, v in cities.items():
        print(f"  {city}: 新文件 new {v['new_documents']}, 变更 changed "
              f"{v['changed_documents']}, 新证据 evidence +{v['new_evidence']}")
    print(f"得分变化 indicators changed: {len(summary['score_changes'])}; "
          f"失败来源 failed sources: {len(summary['failed_sources'])}; "
          f"阶段失败 stage failures: {len(summary['stage_failures'])}; "
          f"告警 alerts: {len(summary['alerts'])}")
    print(f"摘要 summary: {folder / 'summary.md'}")
