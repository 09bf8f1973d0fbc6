"""`citydx eval`: precision and recall of the extraction on the labelled corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 22


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval", help="评估抽取准确率 precision/recall of extraction on a labelled corpus",
        description="Compare the extraction with labels.jsonl for each split under DIR "
                    "(extractors/corpus holds dev and heldout) and print precision, recall and "
                    "F1 per indicator and overall. Example: citydx eval extractors/corpus",
    )
    parser.add_argument("dir", type=Path, metavar="DIR")
    parser.add_argument("--mistakes", action="store_true",
                        help="列出每个错误 list every false positive and false negative")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractors.engine import load_extractor
    from extractors.evaluate import evaluate_split, split_dirs

    splits = split_dirs(args.dir)
    extractor = load_extractor()
    for split in splits:
        result = evaluate_split(split, extractor)
        _print_split(result)
        if args.mistakes:
            for line in result.mistakes:
                print(f"  × {line}")
    return 0


def _pad(text: str, width: int) -> str:
    """Left-align by display width: a Chinese character takes two columns."""
    import unicodedata

    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _row(name: str, c) -> str:
    return (f"{_pad(name, 22)}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>10.3f}"
            f"{c.recall:>10.3f}{c.f1:>8.3f}")


def _print_split(result) -> None:
    print(f"== {result.name}: {result.documents} documents 文档 ==")
    print(f"{_pad('指标 indicator', 22)}{'TP':>5}{'FP':>5}{'FN':>5}{'P 精确率':>10}"
          f"{'R 召回率':>10}{'F1':>8}")
    for name in sorted(result.by_indicator):
        print(_row(name, result.by_indicator[name]))
    print(_row("总体 overall", result.overall))
