"""Sources that need a person: failing night after night, or gone quiet against their history.

A "night" is one crawl run of the source (the pipeline runs once a night). Interrupted runs
are left out: they say nothing about the source.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from typing import Any

import sqlite_utils

from crawler.runner import FAILED
from pipeline.settings import AlertSettings, MailSettings

_HISTORY = """
SELECT s.city, s.url, r.status, r.new_documents, coalesce(r.message, '')
FROM source_runs r JOIN sources s ON s.id = r.source_id
WHERE r.source_id = ? AND r.status NOT IN ('interrupted', 'running', 'skipped')
ORDER BY r.run_id
"""


def find_alerts(db: sqlite_utils.Database, settings: AlertSettings,
                source_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Alerts for the given sources (default: every enabled source), in city order."""
    if source_ids is None:
        source_ids = [r[0] for r in db.conn.execute("SELECT id FROM sources WHERE enabled = 1")]
    alerts = []
    for source_id in source_ids:
        runs = db.conn.execute(_HISTORY, [source_id]).fetchall()
        if not runs:
            continue
        alert = _failing(runs, settings) or _quiet(runs, settings)
        if alert:
            alerts.append({"city": runs[-1][0], "url": runs[-1][1], **alert})
    return sorted(alerts, key=lambda a: (a["city"], a["url"]))


def _failing(runs: list[tuple], settings: AlertSettings) -> dict[str, Any] | None:
    n = settings.failing_nights
    last = runs[-n:]
    if n and len(last) == n and all(r[2] in FAILED for r in last):
        return {"kind": "failing", "nights": n, "status": last[-1][2], "message": last[-1][4],
                "text": f"连续 {n} 晚失败 failing {n} nights in a row ({last[-1][2]})"}
    return None


def _quiet(runs: list[tuple], settings: AlertSettings) -> dict[str, Any] | None:
    """The first run is the initial back-catalogue, not a nightly rate, so it is left out."""
    counts = [r[3] for r in runs[1:]]
    recent, history = counts[-settings.recent_runs:], counts[:-settings.recent_runs]
    if not settings.recent_runs or len(history) < max(settings.min_history, 1):
        return None
    before, now = sum(history) / len(history), sum(recent) / len(recent)
    if before < settings.min_mean or now > settings.drop_ratio * before:
        return None
    return {"kind": "quiet", "recent_mean": round(now, 2), "history_mean": round(before, 2),
            "status": runs[-1][2], "message": runs[-1][4],
            "text": f"新增文件骤降 new documents dropped: {now:.2f}/晚 night over the last "
                    f"{len(recent)} vs {before:.2f} before"}


def mail_alerts(settings: MailSettings, alerts: list[dict[str, Any]], subject: str,
                body: str) -> bool:
    """Send one message with every alert; False when mail is not configured or nothing to say."""
    if not settings.host or not settings.to or not alerts:
        return False
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message.set_content(body)
    with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
        smtp.send_message(message)
    return True
