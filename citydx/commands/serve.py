"""`citydx serve`: the evidence audit web UI (see audit/)."""

from __future__ import annotations

import argparse
import os

from citydx.commands.common import add_db_option

ORDER = 80


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help="证据审核界面 web UI to review evidence and override scores",
        description="Serve the evidence audit UI: rankings, city and indicator pages, document "
                    "search, accepting or rejecting evidence and overriding points (each action "
                    "is audited and rescored at once). Binding to anything but localhost needs a "
                    "shared secret. Example: citydx serve --port 8000 --reviewers 张三,李四",
    )
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="监听地址 address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="端口 port (default 8000)")
    parser.add_argument("--secret", default=None,
                        help="共享密钥 shared login secret (default: $CITYDX_SECRET)")
    parser.add_argument("--reviewers", default=None, metavar="NAMES",
                        help="审核人名单 comma-separated reviewer names (default: "
                             "rules/reviewers.yaml if present; else any name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from audit.config import AuditConfig, check_bind, load_reviewers
    from audit.server import serve
    from citydx.commands.common import open_project_db
    from citydx.paths import default_db_path

    secret = args.secret if args.secret is not None else os.environ.get("CITYDX_SECRET")
    secret = secret.strip() if secret and secret.strip() else None
    check_bind(args.host, secret)
    reviewers = load_reviewers(args.reviewers)
    db_path = args.db or default_db_path()
    db = open_project_db(db_path)
    _build_search_index(db)
    db.conn.close()
    serve(AuditConfig(db_path, secret, reviewers), args.host, args.port)
    return 0


def _build_search_index(db) -> None:  # noqa: ANN001 (sqlite_utils.Database, imported lazily)
    """Index what the crawls queued now, so the first search in the UI does not wait for it."""
    from db.search_index import index_pending, pending_count

    waiting = pending_count(db)
    if waiting:
        print(f"建立搜索索引 indexing {waiting} 篇文件 documents for search …", flush=True)
        index_pending(db)
