"""Benchmark of the extraction stage against plain jieba segmentation of the same text.

    .venv/bin/python benchmarks/extract.py [--mb 50] [--mix typical|dense] [--seed 7]

Builds at least --mb megabytes (UTF-8) of documents by repeating the golden documents
(tests/golden/extract/) with varied cities, numbers and paragraph order, then, in one process:
runs the full rule set over every document (keyword pass first, segmentation only around hits),
and runs jieba.cut over the same documents, the two in turn batch by batch. Prints both
throughputs (CPU time, so a busy machine does not skew the ratio), their ratio (target ≥ 8) and
peak RSS.

--mix typical (default) sets each golden document inside a longer page of ordinary government
prose (work-report sentences that no rule matches, varied the same way), as real pages are:
one or two supporting sentences among many. --mix dense uses the golden documents alone, where
nearly every sentence is a hit: the worst case for the rule pass.
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
BATCH = 400  # documents per turn of each side (about 1.7 MB, so caches warm up)
# Ordinary work-report prose: no rule keyword in it, so it measures the keyword pass itself.
FILLER = (
    "{n}月{d}日，市政府召开常务会议，研究部署近期重点工作。",
    "会议强调，要坚持稳中求进工作总基调，统筹抓好经济运行各项工作。",
    "今年以来，全市地区生产总值同比增长{p}%，规模以上工业增加值增长{q}%。",
    "各地各部门要压实工作责任，细化工作举措，确保各项任务落到实处。",
    "全市共受理群众来信来访{x}件，按期办结率达到{p}%。",
    "市委理论学习中心组举行集体学习，围绕深化改革开展专题研讨。",
    "会议听取了关于全市安全生产工作情况的汇报，并对下一阶段工作作出安排。",
    "全年新增城镇就业{x}人，城镇调查失业率控制在{q}%以内。",
    "要进一步优化营商环境，持续提升企业和群众的满意度和获得感。",
    "市人大常委会组织开展专题调研，听取有关部门工作情况汇报。",
    "全市累计完成造林绿化{x}亩，空气质量优良天数比例达到{p}%。",
    "各单位要严格落实值班值守制度，确保节日期间社会大局和谐稳定。",
)


def _filler(rng: random.Random, sentences: int) -> str:
    return "".join(
        rng.choice(FILLER).format(n=rng.randint(1, 12), d=rng.randint(1, 28),
                                  p=rng.randint(1, 99), q=rng.randint(1, 9),
                                  x=rng.randint(100, 99999))
        + ("\n" if rng.random() < 0.3 else "")
        for _ in range(sentences))


def make_documents(megabytes: float, seed: int, mix: str = "typical") -> list[tuple[str, str]]:
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
        if mix == "typical":
            text = f"{_filler(rng, rng.randint(20, 60))}\n{text}\n{_filler(rng, 10)}"
        docs.append((other, text))
        size += len(text.encode("utf-8"))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of text (default 50)")
    parser.add_argument("--mix", choices=("typical", "dense"), default="typical",
                        help="golden documents inside ordinary pages, or alone (worst case)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import logging

    import jieba

    from extractors.engine import load_extractor

    docs = make_documents(args.mb, args.seed, args.mix)
    megabytes = sum(len(t.encode("utf-8")) for _, t in docs) / 1024 / 1024
    chars = sum(len(t) for _, t in docs)
    extractor = load_extractor()
    extractor.status.tokenizer  # noqa: B018  load the jieba dictionary outside the timing
    extractor.extract(docs[0][1], docs[0][0])
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    rows, tokens, extract_seconds, jieba_seconds = 0, 0, 0.0, 0.0
    # Both sides run batch by batch in turn, so a change in the machine's load (another process
    # on the sibling core, a frequency step) weighs on both alike and the ratio stays put.
    for first in range(0, len(docs), BATCH):
        batch = docs[first:first + BATCH]
        start = time.process_time()
        rows += sum(len(extractor.extract(text, city)) for city, text in batch)
        extract_seconds += time.process_time() - start
        start = time.process_time()
        tokens += sum(sum(1 for _ in jieba.cut(text)) for _, text in batch)
        jieba_seconds += time.process_time() - start

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = jieba_seconds / extract_seconds
    print(f"文本 text ({args.mix}): {megabytes:.1f} MB, {chars:,} characters, "
          f"{len(docs):,} documents")
    print(f"抽取 extraction: {extract_seconds:.1f} s CPU, {megabytes / extract_seconds:.2f} MB/s, "
          f"{rows:,} evidence rows, jieba on {extractor.status.jieba_calls:,} clauses")
    print(f"jieba.cut: {jieba_seconds:.1f} s CPU, {megabytes / jieba_seconds:.2f} MB/s, "
          f"{tokens:,} tokens")
    print(f"比值 ratio extraction/jieba throughput: {ratio:.1f} (target ≥ {TARGET_RATIO:g}: "
          f"{'met 达标' if ratio >= TARGET_RATIO else 'NOT met 未达标'})")
    print(f"峰值内存 peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
