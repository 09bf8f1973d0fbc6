"""`citydx weights RATINGS.csv`: tertiary weights from an expert panel's 1-6 ratings.

Stdout carries only the JSON object of weights, so it can be piped; the panel's agreement and the
comparison with the published parent weights go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydx.indicators import IndicatorTree

ORDER = 70


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "weights", help="专家打分定权 expert weights from a ratings table",
        description="由专家评分（1–6）计算 31 项三级指标权重 Compute the 31 tertiary weights from "
                    "expert ratings: C_j = Σ_i C_ij / Σ_i Σ_j C_ij × 100. Prints JSON on stdout; "
                    "Kendall's W and the parent weights on stderr. "
                    "Example: citydx weights ratings.csv --keep-parents --save",
    )
    parser.add_argument("ratings", type=Path, metavar="RATINGS.csv",
                        help="评分表 one row per expert, one column per tertiary indicator "
                             "(Chinese names), integers 1-6; optional first column 'expert'")
    parser.add_argument("--keep-parents", action="store_true",
                        help="在每个二级指标内定权并保持公布的上级权重 apply the formula within "
                             "each secondary indicator, keeping the published parent weights")
    parser.add_argument("--save", nargs="?", const=True, default=None, type=Path,
                        metavar="PATH",
                        help="保存权重供评分使用 write the weights where scoring reads them "
                             "(default: rules/expert_weights.yaml)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citydx.indicators import load_indicator_tree
    from scoring.agreement import reading, significance
    from scoring.expert_weights import expert_weights, save_weights
    from scoring.ratings_table import read_ratings
    from scoring.weights import default_weights_path

    tree = load_indicator_tree()
    ratings = read_ratings(args.ratings, tree)
    result = expert_weights(tree, ratings, keep_parents=args.keep_parents)
    w = "—" if result.kendall_w is None else f"{result.kendall_w:.4f}"
    _err(f"专家 {len(ratings.experts)} 位 experts, 指标 {len(ratings.indicators)} 项 "
         f"indicators; 一致性 Kendall's W (tie-corrected) = {w}")
    _err(f"  {reading(result.kendall_w, len(ratings.experts))}")
    if result.kendall_p is not None:
        _err(f"  {significance(result.kendall_p)}")
    if args.keep_parents:
        _err("已在各二级指标内定权，一级、二级权重保持公布值 weights applied within each "
             "secondary indicator: the published primary and secondary weights are kept")
    else:
        _print_parent_table(tree, result.weights)
    if args.save:
        path = default_weights_path() if args.save is True else args.save
        _err(f"已保存 saved: {save_weights(result, path)}")
    print(json.dumps(result.weights, ensure_ascii=False, indent=2))
    return 0


def _print_parent_table(tree: IndicatorTree, weights: dict[str, float]) -> None:
    """Why the table: the report's formula over all 31 indicators moves the parent weights."""
    from scoring.expert_weights import implied_parents

    _err("注意：按全部 31 项三级指标统一定权，不保持公布的一级、二级权重 "
         "note: applied across all 31 indicators, the formula does not keep the published parent "
         "weights (use --keep-parents to keep them)")
    _err(_row(("层级 tier", "指标 indicator", "公布 published", "专家 implied", "差 diff")))
    for row in implied_parents(tree, weights):
        tier = "一级 primary" if row.tier == "primary" else "  二级 secondary"
        diff = row.implied - row.published
        _err(_row((tier, row.name, f"{row.published:.2f}", f"{row.implied:.2f}",
                   f"{diff:+.2f}")))


_WIDTHS = (18, 16, 16, 14, 10)


def _row(cells: tuple[str, ...]) -> str:
    return "".join(_pad(cell, width, right=k >= 2) for k, (cell, width)
                   in enumerate(zip(cells, _WIDTHS, strict=True))).rstrip()


def _pad(text: str, width: int, right: bool) -> str:
    """Pad by display width: a Chinese character takes two columns in a terminal."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(width - shown, 1)
    return fill + text if right else text + fill


def _err(text: str) -> None:
    print(text, file=sys.stderr)
