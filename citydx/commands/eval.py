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


def _print_split(result) -> None:
    print(f"== {result.name}: {result.documents} documents 文档 ==")
    print(f"{'指标 indicator':<16}{'TP':>5}{'FP':>5}{'FN':>5}{'精确率P':>10}{'召回率R':>10}"
          f"{'F1':>8}")
    for name in sorted(result.by_indicator):
        c = result.by_indicator[name]
        print(f"{name:<16}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>10.3f}{c.recall:>10.3f}"
              f"{c.f1:>8.3f}")
    o = result.overall
    print(f"{'总体 overall':<16}{o.tp:>5}{o.fp:>5}{o.fn:>5}{o.precision:>10.3f}"
          f"{o.recall:>10.3f}{o.f1:>8.3f}")
