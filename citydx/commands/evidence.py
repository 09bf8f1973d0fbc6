"""`citydx evidence`: run the extraction on local files and print the evidence as JSON lines."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 21


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "evidence", help="从本地文件抽取证据 extract evidence from local files (JSON lines)",
        description="Run the same extraction as `citydx extract` on local HTML, TXT, PDF, DOCX "
                    "(and other attachment) files, as if found on CITY's portal, and print one "
                    "JSON object per evidence row. Example: citydx evidence --city 杭州 page.html",
    )
    parser.add_argument("--city", required=True, help="城市 the city whose portal the files are "
                                                      "from (a name in rules/cities.yaml)")
    parser.add_argument("--all", action="store_true",
                        help="也显示不计分的证据 also print evidence not credited to CITY")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from citydx.registry import load_registry
    from extractors.documents import read_document
    from extractors.engine import load_extractor

    load_registry().get(args.city)  # unknown city → one-line error before any file is read
    texts = [(path, read_document(path)) for path in args.files]
    extractor = load_extractor()
    for path, text in texts:
        for row in extractor.extract(text, args.city):
            if not args.all and row.credit(extractor.credit_shares) <= 0:
                continue
            print(json.dumps({
                "file": str(path), "indicator": row.indicator, "level": row.level,
                "status": row.status, "quantity": row.quantity, "unit": row.unit,
                "snippet": row.snippet, "attribution": row.attribution, "rule": row.rule_id,
            }, ensure_ascii=False))
    return 0
