"""Benchmark of the extraction stage against plain jieba segmentation of the same text.

    .venv/bin/python benchmarks/extract.py [--mb 50] [--seed 7]

Builds at least --mb megabytes (UTF-8) of documents by repeating the golden documents
(tests/golden/extract/) with varied cities and numbers, then, in one process: runs the full rule
set over every document (keyword pass first, segmentation only around hits), and runs jieba.cut
over the same documents. Prints both throughputs, their ratio (target ≥ 8) and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 8.0


def make_documents(megabytes: float, seed: int) -> list[tuple[str, str]]:
    """(city, text) pairs: golden documents with another city's name and other numbers."""
    from citydx.registry import load_registry

    rng = random.Random(seed)
    cities = [c.name for c in load_registry().cities]
    originals = []
    for path in sorted((ROOT / "tests" / "golden" / "extract").glob("*/*.txt")):
        import json

        city = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["city"]
        originals.append((city, path.read_text(encoding="utf-8")))
    docs, size, target = [], 0, int(megabytes * 1024 * 1024)
    while size < target:
        city, text = rng.choice(originals)
        other = rng.choice(cities)
        text = text.replace(city, other)
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 9999)), text)
        paragraphs = text.split("\n")
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        text = "\n".join(head + body)
        docs.append((other, text))
        size += len(text.encode("utf-8"))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of text (default 50)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import logging

    import jieba

    from extractors.engine import load_extractor

    docs = make_documents(args.mb, args.seed)
    megabytes = sum(len(t.encode("utf-8")) for _, t in docs) / 1024 / 1024
    chars = sum(len(t) for _, t in docs)
    extractor = load_extractor()
    extractor.extract(docs[0][1], docs[0][0])  # load the tokenizer outside the timing
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    start = time.perf_counter()
    rows = sum(len(extractor.extract(text, city)) for city, text in docs)
    extract_seconds = time.perf_counter() - start

    start = time.perf_counter()
    tokens = sum(sum(1 for _ in jieba.cut(text)) for _, text in docs)
    jieba_seconds = time.perf_counter() - start

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = jieba_seconds / extract_seconds
    print(f"文本 text: {megabytes:.1f} MB, {chars:,} characters, {len(docs):,} documents")
    print(f"抽取 extraction: {extract_seconds:.1f} s, {megabytes / extract_seconds:.2f} MB/s, "
          f"{rows:,} evidence rows")
    print(f"jieba.cut: {jieba_seconds:.1f} s, {megabytes / jieba_seconds:.2f} MB/s, "
          f"{tokens:,} tokens")
    print(f"比值 ratio extraction/jieba throughput: {ratio:.1f} (target ≥ {TARGET_RATIO:g}: "
          f"{'met 达标' if ratio >= TARGET_RATIO else 'NOT met 未达标'})")
    print(f"峰值内存 peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
