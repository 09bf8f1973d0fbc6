"""Alerts from a source's own history, and mailing them through an in-process SMTP stub."""

from __future__ import annotations

import socketserver
import threading

import pytest

from db import open_db
from pipeline.alerts import find_alerts, mail_alerts
from pipeline.settings import AlertSettings, MailSettings

URL = "http://www.hangzhou.gov.cn/col/col1/index.html"


@pytest.fixture()
def db(tmp_path):
    database = open_db(tmp_path / "a.db")
    database["cities"].insert({"name": "杭州", "province": "浙江", "kind": "capital"})
    database["sources"].insert({"id": 1, "city": "杭州", "url": URL})
    return database


def nights(db, *runs: tuple[str, int]) -> None:
    """One crawl run per (status, new documents), in order."""
    for status, new in runs:
        run = db["crawl_runs"].insert({"started_at": "2026-11-01T02:30:00+00:00",
                                       "status": "finished"}).last_pk
        db["source_runs"].insert({"run_id": run, "source_id": 1, "status": status,
                                  "new_documents": new, "message": f"{status} night"})


def test_three_failed_nights_in_a_row_alert(db):
    nights(db, ("ok", 50), ("blocked", 0), ("broken", 0), ("unreachable", 0))
    alerts = find_alerts(db, AlertSettings(failing_nights=3))
    assert [(a["kind"], a["status"], a["message"]) for a in alerts] == \
        [("failing", "unreachable", "unreachable night")]
    assert alerts[0]["text"] == "连续 3 晚失败 failing 3 nights in a row (unreachable)"


def test_two_failed_nights_or_a_good_night_between_do_not_alert(db):
    nights(db, ("ok", 50), ("blocked", 0), ("ok", 1), ("blocked", 0), ("blocked", 0))
    assert find_alerts(db, AlertSettings(failing_nights=3)) == []
    # Interrupted runs say nothing about the source and are skipped, not counted.
    nights(db, ("interrupted", 0))
    assert find_alerts(db, AlertSettings(failing_nights=3)) == []


def test_new_document_rate_far_below_its_history_alerts(db):
    # First run (the back catalogue, 80) is left out. History: 4, 6, 5, 5, 5 -> mean 5.0.
    # Recent 3 runs: 1, 0, 0 -> mean 1/3 = 0.33, at most 0.2 x 5.0 = 1.0: flagged.
    nights(db, ("ok", 80), ("ok", 4), ("ok", 6), ("ok", 5), ("ok", 5), ("ok", 5),
           ("ok", 1), ("empty", 0), ("empty", 0))
    alerts = find_alerts(db, AlertSettings(recent_runs=3, min_history=5, drop_ratio=0.2))
    assert [(a["kind"], a["recent_mean"], a["history_mean"]) for a in alerts] == \
        [("quiet", 0.33, 5.0)]


def test_rate_alert_needs_enough_history_and_a_real_drop(db):
    # Recent mean (2 + 1 + 1) / 3 = 1.33 > 0.2 x 5.0: a slower week, not an alert.
    nights(db, ("ok", 80), ("ok", 5), ("ok", 5), ("ok", 5), ("ok", 5), ("ok", 5),
           ("ok", 2), ("ok", 1), ("ok", 1))
    settings = AlertSettings(recent_runs=3, min_history=5, drop_ratio=0.2)
    assert find_alerts(db, settings) == []
    # With 6 runs of history required, the 5 there are not enough to judge.
    assert find_alerts(db, AlertSettings(recent_runs=3, min_history=6, drop_ratio=1.0)) == []


class _SMTPStub(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: greet, accept every command, keep the DATA."""

    received: list[str] = []

    def handle(self) -> None:
        self.wfile.write(b"220 stub\r\n")
        while line := self.rfile.readline():
            verb = line.decode().strip().upper()
            if verb == "DATA":
                self.wfile.write(b"354 go on\r\n")
                body = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(part.decode("utf-8", "replace"))
                self.received.append("".join(body))
                self.wfile.write(b"250 queued\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


def test_alerts_are_mailed_through_the_configured_host():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPStub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings = MailSettings(host="127.0.0.1", port=server.server_address[1],
                                sender="citydx@example.org", to=("ops@example.org",))
        alert = {"city": "杭州", "url": URL, "text": "连续 3 晚失败"}
        assert mail_alerts(settings, [alert], "citydx alerts: 1", "杭州 连续 3 晚失败") is True
    finally:
        server.shutdown()
        server.server_close()
    message = _SMTPStub.received[-1]
    assert "To: ops@example.org" in message and "Subject: citydx alerts: 1" in message


def test_no_mail_without_a_host_or_without_alerts():
    alert = {"city": "杭州", "url": URL, "text": "x"}
    assert mail_alerts(MailSettings(host=None, to=("a@b",)), [alert], "s", "b") is False
    assert mail_alerts(MailSettings(host="127.0.0.1", port=9, to=("a@b",)), [], "s", "b") is False
