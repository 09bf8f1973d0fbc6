"""Benchmark of the audit UI on a synthetic database (104 cities, 100,000 evidence rows).

    .venv/bin/python benchmarks/audit.py [--cities 104] [--evidence 100000]

Builds the database with benchmarks/scoring.py's generator, scores it once, then times the main
pages (best of 3) and one accept action, which includes the full rescore, through Flask's test
client (no network).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=104)
    parser.add_argument("--evidence", type=int, default=100_000)
    args = parser.parse_args()

    from audit.app import create_app
    from audit.config import AuditConfig
    from benchmarks.scoring import build
    from db import open_db
    from tests.scoring_support import run_scoring

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        build(path, args.cities, args.evidence)
        db = open_db(path)
        run_scoring(db)
        evidence_id, city, indicator = db.conn.execute(
            "SELECT id, city, indicator FROM evidence WHERE review_status = 'pending' "
            "AND document_id IS NOT NULL ORDER BY id LIMIT 1").fetchone()
        db.conn.close()
        client = create_app(AuditConfig(path)).test_client()
        client.get("/login")
        with client.session_transaction() as session:
            session["reviewer"] = "benchmark"
            token = session["csrf"]
        print(f"{args.cities} cities, {args.evidence} evidence rows")
        for name, url in (("ranking", "/"), ("city", f"/city/{city}"),
                          ("city x indicator", f"/city/{city}/{indicator}"),
                          ("indicator across cities", f"/indicator/{indicator}"),
                          ("review queue", "/queue"), ("search", "/search?q=数据")):
            best = min(_timed(lambda u=url: client.get(u))[0] for _ in range(3))
            print(f"  GET {name:<24} {best * 1000:8.1f} ms")
        seconds, response = _timed(lambda: client.post(
            f"/evidence/{evidence_id}/review", data={"decision": "accept", "csrf_token": token}))
        print(f"  POST accept + rescore      {seconds * 1000:8.1f} ms "
              f"(status {response.status_code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
