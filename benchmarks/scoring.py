"""Benchmark of the scoring engine on a synthetic database (3,000 cities, 1,000,000 evidence rows).

    .venv/bin/python benchmarks/scoring.py [--cities 3000] [--evidence 1000000] [--keep DIR]

Builds the database in a temp dir, then measures in fresh child processes (so peak memory is the
measured step's own): a baseline bare scan `SELECT city, indicator, level, quantity FROM
evidence` into Python, and one full scoring run (compute + store). Prints elapsed seconds, peak
RSS and the ratios to the targets (30 s, 1 GiB) and to the baseline, in wall and CPU time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 30.0
TARGET_BYTES = 1 << 30
ATTRIBUTIONS = (("city", 60), ("province", 25), ("national", 10), ("other_city", 5))
STATUSES = (("built", 50), ("planned", 30), ("issued", 10), ("mentioned", 5), ("negated", 5))
REVIEWS = (("pending", 80), ("accepted", 15), ("rejected", 5))


def _choices(pairs: tuple[tuple[str, int], ...]) -> list[str]:
    return [value for value, weight in pairs for _ in range(weight)]


def build(path: Path, n_cities: int, n_evidence: int, seed: int = 7) -> None:
    """A database with synthetic cities, ~90% of them searched, few documents, many rows."""
    from citydx.indicators import load_indicator_tree
    from db import open_db

    rng = random.Random(seed)
    tree = load_indicator_tree()
    db = open_db(path)
    conn = db.conn
    cities = [f"城{i:04d}" for i in range(n_cities)]
    with db.atomic():
        conn.executemany("INSERT INTO cities (name, province, kind, assessed) VALUES (?, ?, ?, ?)",
                         ((c, f"省{i % 31:02d}", "prefecture", int(i % 50 != 0))
                          for i, c in enumerate(cities)))
        conn.execute("INSERT INTO crawl_runs (id, started_at, status) "
                     "VALUES (1, '2024-10-01', 'ok')")
        searched = [c for c in cities if rng.random() < 0.9]
        conn.executemany("INSERT INTO sources (id, city, url) VALUES (?, ?, ?)",
                         ((i + 1, c, f"https://{i}.example/") for i, c in enumerate(searched)))
        conn.executemany("INSERT INTO source_runs (run_id, source_id, status, finished_at) "
                         "VALUES (1, ?, 'ok', '2024-10-01T08:00:00+00:00')",
                         ((i + 1,) for i in range(len(searched))))
        conn.executemany("INSERT INTO documents (id, city, url, published_date) "
                         "VALUES (?, ?, ?, ?)",
                         ((i + 1, rng.choice(cities), f"https://d.example/{i}",
                           _date(rng) if i % 3 else None) for i in range(1000)))
        conn.executemany(
            "INSERT INTO evidence (document_id, city, indicator, level, status, quantity, "
            "snippet, start_offset, rule_id, rules_version, attribution, evidence_date, "
            "repealed, review_status) VALUES (?, ?, ?, ?, ?, ?, 's', ?, 'r', 'b', ?, ?, ?, ?)",
            _evidence_rows(rng, tree, cities, n_evidence))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _evidence_rows(rng: random.Random, tree, cities: list[str], n: int) -> Iterator[tuple]:
    tertiaries = tree.tertiaries
    attributions, statuses, reviews = (_choices(ATTRIBUTIONS), _choices(STATUSES),
                                       _choices(REVIEWS))
    for i in range(n):
        t = rng.choice(tertiaries)
        level = rng.choice(t.levels).key if rng.random() > 0.01 else "unknown_level"
        quantity = rng.lognormvariate(3, 2) if t.quantity and rng.random() < 0.5 else None
        document = rng.randint(1, 1000) if i % 10 == 0 else None
        yield (document, rng.choice(cities), t.name, level, rng.choice(statuses), quantity, i,
               rng.choice(attributions), _date(rng) if rng.random() > 0.1 else None,
               int(rng.random() < 0.02), rng.choice(reviews))


def child_baseline(path: Path) -> dict:
    from db import open_db

    db = open_db(path)
    start, cpu = time.perf_counter(), time.process_time()
    rows = db.conn.execute("SELECT city, indicator, level, quantity FROM evidence").fetchall()
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
            "rows": len(rows)}


def child_score(path: Path) -> dict:
    import datetime as dt

    from citydx.indicators import load_indicator_tree
    from db import open_db
    from scoring.engine import compute_run
    from scoring.store import write_run
    from scoring.window import Window

    db = open_db(path)
    tree = load_indicator_tree()
    start, cpu = time.perf_counter(), time.process_time()
    run = compute_run(db, tree, Window(dt.date(2024, 11, 30)), None)
    computed = time.perf_counter()
    run_id = write_run(db, run)
    end, cpu = time.perf_counter(), time.process_time() - cpu
    links = db.conn.execute("SELECT COUNT(*) FROM indicator_score_evidence l JOIN "
                            "indicator_scores s ON s.id = l.score_id WHERE s.scoring_run_id = ?",
                            [run_id]).fetchone()[0]
    return {"seconds": end - start, "cpu_seconds": cpu, "compute_seconds": computed - start,
            "write_seconds": end - computed, "scores": len(run.scores), "links": links,
            "credited_rows": run.stats.credited_rows,
            "unknown_level_rows": run.stats.unknown_level_rows,
            "flagged_cities": sum(1 for c in run.cities if not c.searched)}


def measure(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=3000)
    parser.add_argument("--evidence", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, path = args.child
        result = (child_baseline if mode == "baseline" else child_score)(Path(path))
        result["maxrss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bench.db"
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        build(path, args.cities, args.evidence)
        print(f"built {args.cities} cities, {args.evidence} evidence rows in "
              f"{time.perf_counter() - start:.1f} s ({path.stat().st_size / 2**20:.0f} MiB)")
        report(measure("baseline", path), measure("score", path))
    return 0


def report(baseline: dict, score: dict) -> None:
    mib = 2 ** 20
    print(f"baseline (bare SQL scan of {baseline['rows']} rows into Python): "
          f"{baseline['seconds']:.2f} s (CPU {baseline['cpu_seconds']:.2f} s), "
          f"peak RSS {baseline['maxrss_bytes'] / mib:.0f} MiB")
    print(f"scoring: {score['seconds']:.2f} s (compute {score['compute_seconds']:.2f} s, "
          f"write {score['write_seconds']:.2f} s; CPU {score['cpu_seconds']:.2f} s), "
          f"peak RSS {score['maxrss_bytes'] / mib:.0f} MiB")
    print(f"  {score['scores']} indicator scores, {score['links']} evidence links, "
          f"{score['credited_rows']} credited rows, {score['unknown_level_rows']} unknown-level "
          f"rows skipped, {score['flagged_cities']} cities flagged")
    print(f"ratio to target time ({TARGET_SECONDS:.0f} s): "
          f"{score['seconds'] / TARGET_SECONDS:.3f}")
    print(f"ratio to target memory (1 GiB): {score['maxrss_bytes'] / TARGET_BYTES:.3f}")
    print(f"ratio of scoring time to baseline scan: {score['seconds'] / baseline['seconds']:.2f} "
          f"(CPU time: {score['cpu_seconds'] / baseline['cpu_seconds']:.2f}; CPU time is the "
          "steadier figure on a shared machine)")


if __name__ == "__main__":
    sys.exit(main())
