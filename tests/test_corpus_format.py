"""The labelled corpus is the ground truth the extraction rules are measured against, so every
label must name a real city, indicator, level and status, and each split must exercise the whole
indicator tree and enough hard negatives to catch rules that credit too eagerly.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from citydx.indicators import IndicatorTree, load_indicator_tree
from citydx.registry import load_registry

CORPUS = Path(__file__).resolve().parents[1] / "extractors" / "corpus"
SPLITS = ("dev", "heldout")
STATUSES = ("issued", "built", "planned", "negated", "mentioned")
HARD_NEGATIVE_KINDS = frozenset({
    "repost", "other_city", "planned_vs_built", "negation", "repealed", "cited_title", "unrelated",
})
# Kinds whose documents credit the city with nothing at all.
EMPTY_KINDS = frozenset({"repost", "other_city", "repealed", "unrelated"})
KINDS = HARD_NEGATIVE_KINDS | {"positive", "quantity", "award", "province", "mention"}
DOC_NAME = re.compile(r"^[a-z]\d{3,4}\.(txt|html)$")


def read_labels(split_dir: Path) -> list[tuple[int, dict | None, str]]:
    """(line number, parsed object or None, raw line) for each non-blank line."""
    rows = []
    text = (split_dir / "labels.jsonl").read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rows.append((number, json.loads(raw), raw))
        except json.JSONDecodeError:
            rows.append((number, None, raw))
    return rows


def evidence_problems(item: object, tree: IndicatorTree) -> list[str]:
    """Problems of one evidence entry; empty when it names a real indicator, level and status."""
    if not isinstance(item, dict):
        return ["evidence entries must be objects"]
    problems = []
    name = item.get("indicator")
    tertiary = next((t for t in tree.tertiaries if t.name == name), None)
    if tertiary is None:
        return [f"unknown indicator '{name}'"]
    if item.get("level") not in tertiary.level_keys:
        problems.append(f"'{name}' has no level '{item.get('level')}'")
    if item.get("status") not in STATUSES:
        problems.append(f"unknown status '{item.get('status')}'")
    quantity, unit = item.get("quantity"), item.get("unit")
    if quantity is None:
        if unit is not None:
            problems.append(f"'{name}': unit '{unit}' given without a quantity")
    elif tertiary.quantity is None:
        problems.append(f"'{name}' takes no quantity")
    elif isinstance(quantity, bool) or not isinstance(quantity, (int, float)) or quantity <= 0:
        problems.append(f"'{name}': quantity must be a positive number")
    elif unit != tertiary.quantity.unit:
        problems.append(f"'{name}': unit must be '{tertiary.quantity.unit}', not '{unit}'")
    return problems


def best_level_problems(entries: list[dict]) -> list[str]:
    """One level per (indicator, status), and no plan or mention beside an issued or built fact."""
    problems = []
    pairs = Counter((e.get("indicator"), e.get("status")) for e in entries)
    for (name, status), count in pairs.items():
        if count > 1:
            problems.append(f"'{name}' has {count} entries with status '{status}', keep the best")
    credited = {e.get("indicator") for e in entries if e.get("status") in ("issued", "built")}
    for e in entries:
        if e.get("indicator") in credited and e.get("status") in ("planned", "mentioned"):
            problems.append(f"'{e.get('indicator')}' is issued or built, drop its "
                            f"'{e.get('status')}' entry")
    return problems


def record_problems(record: dict, split_dir: Path, tree: IndicatorTree,
                    cities: set[str]) -> list[str]:
    problems = []
    doc = record.get("doc")
    if not isinstance(doc, str) or not DOC_NAME.match(doc):
        problems.append(f"bad document name {doc!r}")
    elif not (split_dir / doc).is_file():
        problems.append(f"document {doc} does not exist")
    if record.get("city") not in cities:
        problems.append(f"city '{record.get('city')}' is not in rules/cities.yaml")
    kind = record.get("kind")
    if kind not in KINDS:
        problems.append(f"unknown kind '{kind}'")
    evidence = record.get("evidence")
    if not isinstance(evidence, list):
        return problems + ["evidence must be a list"]
    entries = [i for i in evidence if isinstance(i, dict)]
    for item in evidence:
        problems += evidence_problems(item, tree)
    problems += best_level_problems(entries)
    if kind in EMPTY_KINDS and evidence:
        problems.append(f"a '{kind}' document credits the city with nothing, evidence must be []")
    if kind in HARD_NEGATIVE_KINDS and any(
            isinstance(i, dict) and i.get("status") in ("issued", "built") for i in evidence):
        problems.append(f"a '{kind}' document is a hard negative and cannot be issued or built")
    return problems


def label_problems(split_dir: Path, tree: IndicatorTree, cities: set[str]) -> list[str]:
    """Every problem in a split's labels.jsonl, each prefixed with its line number."""
    problems = []
    seen: Counter[str] = Counter()
    for number, record, _raw in read_labels(split_dir):
        if not isinstance(record, dict):
            problems.append(f"labels.jsonl:{number}: not a JSON object")
            continue
        seen[str(record.get("doc"))] += 1
        problems += [f"labels.jsonl:{number}: {p}"
                     for p in record_problems(record, split_dir, tree, cities)]
    problems += [f"labels.jsonl: {doc} is labelled {n} times" for doc, n in seen.items() if n > 1]
    files = {p.name for p in split_dir.iterdir() if p.suffix in (".txt", ".html")}
    problems += [f"{name} has no label" for name in sorted(files - set(seen))]
    return problems


@pytest.fixture(scope="module")
def tree() -> IndicatorTree:
    return load_indicator_tree()


@pytest.fixture(scope="module")
def cities() -> set[str]:
    return {c.name for c in load_registry().cities}


def records(split: str) -> list[dict]:
    return [r for _n, r, _raw in read_labels(CORPUS / split) if isinstance(r, dict)]


@pytest.mark.parametrize("split", SPLITS)
def test_every_label_line_is_valid(split: str, tree: IndicatorTree, cities: set[str]) -> None:
    assert label_problems(CORPUS / split, tree, cities) == []


@pytest.mark.parametrize("split", SPLITS)
def test_documents_are_nonempty_utf8(split: str) -> None:
    for rec in records(split):
        text = (CORPUS / split / rec["doc"]).read_text(encoding="utf-8")
        assert len(text.strip()) >= 40, rec["doc"]


@pytest.mark.parametrize("split", SPLITS)
def test_split_covers_every_indicator_and_status(split: str, tree: IndicatorTree) -> None:
    evidence = [e for r in records(split) for e in r["evidence"]]
    assert {t.name for t in tree.tertiaries} - {e["indicator"] for e in evidence} == set()
    assert set(STATUSES) - {e["status"] for e in evidence} == set()


@pytest.mark.parametrize("split", SPLITS)
def test_at_least_30_percent_hard_negatives(split: str) -> None:
    kinds = [r["kind"] for r in records(split)]
    hard = sum(k in HARD_NEGATIVE_KINDS for k in kinds)
    assert hard / len(kinds) >= 0.30, f"{hard} of {len(kinds)}"


def test_corpus_size_and_split_ratio() -> None:
    dev, heldout = len(records("dev")), len(records("heldout"))
    assert dev + heldout >= 250
    assert 0.25 <= heldout / (dev + heldout) <= 0.35


def test_readme_counts_match_the_labels() -> None:
    """The README's kind table is how users see the corpus; it must not drift from the labels."""
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    counts = {s: Counter(r["kind"] for r in records(s)) for s in SPLITS}
    for kind in sorted(set(counts["dev"]) | set(counts["heldout"])):
        row = f"| {kind} | {counts['dev'][kind]} | {counts['heldout'][kind]} |"
        assert row in readme, row
    total = f"| total | {sum(counts['dev'].values())} | {sum(counts['heldout'].values())} |"
    assert total in readme


BAD_LABELS = [
    {"doc": "d001.txt", "city": "杭州", "kind": "positive",
     "evidence": [{"indicator": "城市大脑", "level": "built", "status": "built",
                   "quantity": None, "unit": None}]},
    {"doc": "d002.txt", "city": "火星", "kind": "repost",
     "evidence": [{"indicator": "算力基础设施", "level": "built", "status": "done",
                   "quantity": 300, "unit": "P"}]},
    {"doc": "d003.txt", "city": "南京", "kind": "negation",
     "evidence": [{"indicator": "智慧应急", "level": "built", "status": "built",
                   "quantity": 5, "unit": None},
                  {"indicator": "智慧应急", "level": "built", "status": "built",
                   "quantity": None, "unit": None},
                  {"indicator": "智慧应急", "level": "planned", "status": "planned",
                   "quantity": None, "unit": None}]},
    {"doc": "d009.txt", "city": "南京", "kind": "rumour", "evidence": []},
]


def test_checker_reports_each_bad_label(tmp_path: Path, tree: IndicatorTree,
                                        cities: set[str]) -> None:
    """The checker itself must fail on bad labels, or the real-corpus test proves nothing."""
    for name in ("d001.txt", "d002.txt", "d003.txt", "d004.txt"):
        (tmp_path / name).write_text("正文", encoding="utf-8")
    lines = [json.dumps(r, ensure_ascii=False) for r in BAD_LABELS] + ["{not json"]
    (tmp_path / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert label_problems(tmp_path, tree, cities) == [
        "labels.jsonl:1: unknown indicator '城市大脑'",
        "labels.jsonl:2: city '火星' is not in rules/cities.yaml",
        "labels.jsonl:2: unknown status 'done'",
        "labels.jsonl:2: '算力基础设施': unit must be 'PFLOPS', not 'P'",
        "labels.jsonl:2: a 'repost' document credits the city with nothing, evidence must be []",
        "labels.jsonl:3: '智慧应急' takes no quantity",
        "labels.jsonl:3: '智慧应急' has 2 entries with status 'built', keep the best",
        "labels.jsonl:3: '智慧应急' is issued or built, drop its 'planned' entry",
        "labels.jsonl:3: a 'negation' document is a hard negative and cannot be issued or built",
        "labels.jsonl:4: document d009.txt does not exist",
        "labels.jsonl:4: unknown kind 'rumour'",
        "labels.jsonl:5: not a JSON object",
        "d004.txt has no label",
    ]
