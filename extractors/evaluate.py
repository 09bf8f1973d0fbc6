"""Precision and recall of the extraction against the labelled corpus (extractors/corpus/).

Per document, predicted = the (indicator, level, status) findings credited to the labelled city;
expected = the labels. A finding whose label gives a quantity must also match it within 1%.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from citydx.errors import InputFileError
from extractors.documents import read_document
from extractors.engine import Extractor
from extractors.summary import credited, summarize

LABELS = "labels.jsonl"
QUANTITY_TOLERANCE = 0.01

Key = tuple[str, str, str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SplitResult:
    name: str
    documents: int = 0
    overall: Counts = field(default_factory=Counts)
    by_indicator: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    mistakes: list[str] = field(default_factory=list)


def split_dirs(path: Path) -> list[Path]:
    """DIR itself when it holds labels.jsonl, else its sub-folders that do (dev, heldout)."""
    if not path.is_dir():
        raise InputFileError(f"not a folder: {path}")
    if (path / LABELS).exists():
        return [path]
    splits = sorted(p for p in path.iterdir() if (p / LABELS).exists())
    if not splits:
        raise InputFileError(f"{path} holds no {LABELS} (give extractors/corpus or one split)")
    return splits


def load_labels(split: Path) -> list[dict]:
    path = split / LABELS
    labels = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{path}:{number}: not JSON ({exc.msg})") from None
        for key in ("doc", "city", "evidence"):
            if key not in item:
                raise InputFileError(f"{path}:{number}: missing '{key}'")
        labels.append(item)
    return labels


def _expected(item: dict) -> dict[Key, float | None]:
    out: dict[Key, float | None] = {}
    for ev in item["evidence"]:
        out[(ev["indicator"], ev["level"], ev["status"])] = ev.get("quantity")
    return out


def _quantity_matches(expected: float | None, got: float | None) -> bool:
    if expected is None:
        return True
    if got is None:
        return False
    return abs(got - expected) <= QUANTITY_TOLERANCE * abs(expected)


def evaluate_split(split: Path, extractor: Extractor) -> SplitResult:
    result = SplitResult(split.name)
    tree = extractor.ruleset.tree
    for item in load_labels(split):
        text = read_document(split / item["doc"])
        rows = credited(extractor.extract(text, item["city"]), extractor.credit_shares)
        predicted = {(f.indicator, f.level, f.status): f.quantity for f in summarize(rows, tree)}
        expected = _expected(item)
        result.documents += 1
        for key in predicted.keys() | expected.keys():
            counts = result.by_indicator[key[0]]
            hit = key in predicted and key in expected \
                and _quantity_matches(expected[key], predicted[key])
            kinds = ("tp",) if hit else tuple(
                k for k, present in (("fp", key in predicted), ("fn", key in expected))
                if present)
            for kind in kinds:
                setattr(counts, kind, getattr(counts, kind) + 1)
                setattr(result.overall, kind, getattr(result.overall, kind) + 1)
            if not hit:
                result.mistakes.append(
                    f"{item['doc']} {'/'.join(key)}: 预期 expected "
                    f"{expected.get(key, '—') if key in expected else '—'}, "
                    f"抽取 got {predicted.get(key, '—') if key in predicted else '—'}")
    return result
