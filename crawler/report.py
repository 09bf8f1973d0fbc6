"""The run report: one row per source of a crawl run, with Chinese headers."""

from __future__ import annotations

import sqlite_utils

STATUS_LABELS = {"ok": "正常 ok", "empty": "无内容 empty", "blocked": "被拦截 blocked",
                 "broken": "解析失败 broken", "unreachable": "无法访问 unreachable",
                 "skipped": "跳过 skipped", "interrupted": "中断 interrupted",
                 "running": "进行中 running"}
HEADERS = ("城市", "来源", "状态", "列表页", "新增", "变更", "未变", "附件", "错误", "说明")


def run_rows(db: sqlite_utils.Database, run_id: int) -> list[tuple]:
    return list(db.execute(
        "SELECT s.city, s.url, r.status, r.lists_fetched, r.new_documents, "
        "r.changed_documents, r.unchanged_documents, r.attachments, r.errors, "
        "coalesce(r.message, '') FROM source_runs r JOIN sources s ON s.id = r.source_id "
        "WHERE r.run_id = ? ORDER BY s.city, s.url", [run_id]).fetchall())


def print_report(db: sqlite_utils.Database, run_id: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"采集结果 crawl run #{run_id}")
    for header in HEADERS:
        table.add_column(header, overflow="fold")
    for row in run_rows(db, run_id):
        city, url, status, *counts, message = row
        table.add_row(city, url, STATUS_LABELS.get(status, status), *map(str, counts),
                      message[:120])
    Console(width=200).print(table)
