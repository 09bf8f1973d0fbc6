"""The run summary: gathered from the tables the stages wrote, rendered as JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler.report import STATUS_LABELS
from crawler.runner import FAILED

_PER_CITY_DOCS = """
SELECT s.city, sum(r.new_documents), sum(r.changed_documents)
FROM source_runs r JOIN sources s ON s.id = r.source_id WHERE r.run_id = ? GROUP BY s.city
"""
_FAILED_SOURCES = """
SELECT s.city, s.url, r.status, coalesce(r.message, '')
FROM source_runs r JOIN sources s ON s.id = r.source_id
WHERE r.run_id = ? AND r.status IN ({}) ORDER BY s.city, s.url
""".format(", ".join("?" for _ in FAILED))
EVIDENCE_SHOWN = 5  # per change in the Markdown; summary.json lists them all
CAUSES = {"evidence": "证据变化 evidence moved",
          "normalisation": "归一化：他市数值变化 normalisation: another city's value moved",
          "other": "其他：人工改分、检索状态或权重 other: override, searched flag or weights"}
_NEW_EVIDENCE = """
SELECT city, count(*) FROM evidence WHERE id > ? AND review_status != 'superseded'
GROUP BY city
"""


def city_activity(db: sqlite_utils.Database, crawl_run: int | None,
                  evidence_before: int) -> dict[str, dict[str, int]]:
    """Per city: new and changed documents of the crawl run, new evidence rows since the start.

    Cities with nothing new are left out, so the summary lists only what moved.
    """
    cities: dict[str, dict[str, int]] = {}
    if crawl_run is not None:
        for city, new, changed in db.conn.execute(_PER_CITY_DOCS, [crawl_run]):
            if new or changed:
                cities[city] = {"new_documents": new, "changed_documents": changed,
                                "new_evidence": 0}
    for city, count in db.conn.execute(_NEW_EVIDENCE, [evidence_before]):
        cities.setdefault(city, {"new_documents": 0, "changed_documents": 0,
                                 "new_evidence": 0})["new_evidence"] = count
    return dict(sorted(cities.items()))


def failed_sources(db: sqlite_utils.Database, crawl_run: int | None) -> list[dict[str, Any]]:
    if crawl_run is None:
        return []
    rows = db.conn.execute(_FAILED_SOURCES, [crawl_run, *FAILED])
    return [{"city": c, "url": u, "status": s, "message": m} for c, u, s, m in rows]


def write_summary(summary: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / "summary.json", out_dir / "summary.md"
    json_path.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    md_path.write_text(to_markdown(summary), encoding="utf-8")
    return [md_path, json_path]


def to_markdown(summary: dict[str, Any]) -> str:
    lines = [f"# 夜间运行摘要 Pipeline run #{summary['run_id']}", "",
             f"- 开始 started: {summary['started_at']}",
             f"- 结束 finished: {summary['finished_at']}",
             f"- 结果 result: {'正常 ok' if summary['exit_code'] == 0 else '有失败 failures'} "
             f"(exit {summary['exit_code']})",
             f"- 采集批次 crawl run: {summary['crawl_run_id']}; 评分批次 scoring run: "
             f"{summary['previous_scoring_run_id']} → {summary['scoring_run_id']}", ""]
    lines += _stages(summary["stages"]) + _cities(summary["cities"])
    lines += _changes(summary["score_changes"]) + _failures(summary)
    lines += _alerts(summary["alerts"]) + _outputs(summary["outputs"])
    return "\n".join(lines) + "\n"


def _stages(stages: list[dict[str, Any]]) -> list[str]:
    lines = ["## 阶段 Stages", "", "| 阶段 stage | 状态 status | 秒 seconds | 说明 detail |",
             "|---|---|---|---|"]
    lines += [f"| {s['stage']} | {s['status']} | {s['seconds']:.1f} | {s['detail']} |"
              for s in stages]
    return lines + [""]


def _cities(cities: dict[str, dict[str, int]]) -> list[str]:
    lines = ["## 各城市 Per city", ""]
    if not cities:
        return lines + ["无新内容 nothing new.", ""]
    lines += ["| 城市 city | 新文件 new | 变更文件 changed | 新证据 new evidence |",
              "|---|---|---|---|"]
    lines += [f"| {c} | {v['new_documents']} | {v['changed_documents']} | {v['new_evidence']} |"
              for c, v in cities.items()]
    return lines + [""]


def _changes(changes: list[dict[str, Any]]) -> list[str]:
    lines = ["## 得分变化 Indicators whose points changed", ""]
    if not changes:
        return lines + ["无 none.", ""]
    for change in changes:
        old = "—" if change["old"] is None else f"{change['old']:g}"
        lines.append(f"- **{change['city']} · {change['indicator']}**: {old} → "
                     f"{change['new']:g}（{change['reason']}; {CAUSES[change['cause']]}）")
        for sign, key in (("+", "added"), ("−", "dropped")):
            for ev in change[key][:EVIDENCE_SHOWN]:
                lines.append(f"  - {sign} 证据 evidence #{ev['id']} {ev.get('level') or ''} "
                             f"「{_short(ev.get('snippet'))}」 {ev.get('title') or ''} "
                             f"{ev.get('url') or ''}".rstrip())
            if len(change[key]) > EVIDENCE_SHOWN:
                lines.append(f"  - {sign} … 另有 {len(change[key]) - EVIDENCE_SHOWN} 条 more "
                             "(summary.json)")
    return lines + [""]


def _failures(summary: dict[str, Any]) -> list[str]:
    lines = ["## 失败 Failures", ""]
    sources, stages = summary["failed_sources"], summary["stage_failures"]
    if not sources and not stages:
        return lines + ["无 none.", ""]
    lines += [f"- 来源 source {s['city']} {s['url']}: {STATUS_LABELS.get(s['status'], s['status'])}"
              f"{' — ' + s['message'] if s['message'] else ''}" for s in sources]
    lines += [f"- 阶段 stage {f['stage']}{' ' + f['city'] if f.get('city') else ''}: {f['error']}"
              for f in stages]
    return lines + [""]


def _alerts(alerts: list[dict[str, Any]]) -> list[str]:
    lines = ["## 告警 Alerts", ""]
    if not alerts:
        return lines + ["无 none.", ""]
    return lines + [f"- {a['city']} {a['url']}: {a['text']}" for a in alerts] + [""]


def _outputs(outputs: dict[str, list[str]]) -> list[str]:
    lines = ["## 输出 Outputs", ""]
    for kind, paths in outputs.items():
        lines.append(f"- {kind}: {len(paths)} 个文件 file(s)")
        lines += [f"  - {p}" for p in paths]
    return lines + [""]


def _short(text: str | None, limit: int = 60) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"
