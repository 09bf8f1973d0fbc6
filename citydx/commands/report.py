"""`citydx report`: the assessment report's tables, workbook and charts from scores."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from citydx.commands.common import add_db_option
from citydx.errors import CitydxError

if TYPE_CHECKING:
    from citydx.indicators import IndicatorTree
    from scoring.report_input import ScoreTable

ORDER = 60


class TiersOptionError(CitydxError):
    def __init__(self, text: str) -> None:
        super().__init__(
            f"--tiers '{text}': 需要递减的数字 expected descending numbers such as 65,50,40"
        )


class MissingDatabaseError(CitydxError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"数据库不存在 database {path} does not exist: run `citydx init` and `citydx score`, "
            "or pass --scores CSV"
        )


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report",
        help="生成评估报告的表格、工作簿和图表 build the report's tables, xlsx and charts",
        description="Build the report (ranking, indicator averages and score rates, score bands, "
                    "province tiers, provincial capitals, year-on-year) from the latest scoring "
                    "run, or from a published-format CSV. Example: citydx report --scores "
                    "published_2024_scores.csv --previous scores_2023.csv --out out/report",
    )
    add_db_option(parser)
    parser.add_argument("--scores", type=Path, help="得分表 CSV of primary scores per city "
                        "(columns city, digital_support, ..., total); default: the database")
    parser.add_argument("--previous", type=Path,
                        help="上年得分表 previous year's CSV, same format, for year-on-year")
    parser.add_argument("--out", type=Path, default=Path("out/report"),
                        help="输出文件夹 output folder (default: out/report)")
    parser.add_argument("--tiers", help="省份梯队阈值 province tier thresholds, descending "
                        "(default: rules/assessment.yaml tiers, 65,50,40)")
    parser.add_argument("--year", type=int, help="图表标题中的年份 year in chart titles "
                        "(default: rules/assessment.yaml year)")
    parser.set_defaults(func=run)


def parse_tiers(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise TiersOptionError(text) from None
    if list(values) != sorted(set(values), reverse=True):
        raise TiersOptionError(text)
    return values


def run(args: argparse.Namespace) -> int:
    from citydx.indicators import load_indicator_tree
    from citydx.paths import default_db_path
    from citydx.registry import load_registry
    from citydx.settings import load_settings
    from scoring.report_build import build_report, check_out_dir, write_report
    from scoring.report_input import read_scores_csv

    tree, registry, settings = load_indicator_tree(), load_registry(), load_settings()
    tiers = parse_tiers(args.tiers) if args.tiers else settings.tiers
    check_out_dir(args.out)
    if args.scores:
        table = read_scores_csv(args.scores, tree, registry)
    else:
        table = _read_db(args.db or default_db_path(), tree)
    previous = None
    if args.previous:
        previous = read_scores_csv(args.previous, tree, None, option="--previous")
    files = build_report(table, tree, registry, settings.bands, tiers, previous,
                         args.year or settings.year)
    written = write_report(files, args.out)
    print(f"报告 report: {len(table.rows)} 个城市 cities from {table.source}"
          + (f"; {len(table.flagged)} 个城市含未检索指标 flagged unsearched" if table.flagged
             else ""))
    for path in written:
        print(f"已写入 written: {path}")
    return 0


def _read_db(path: Path, tree: IndicatorTree) -> ScoreTable:
    """Refuse a missing file rather than let open_db create an empty database."""
    from db import open_db
    from scoring.report_input import read_scores_db

    if not path.exists():
        raise MissingDatabaseError(path)
    return read_scores_db(open_db(path), tree, str(path))
