"""The nightly run for the current user: a crontab entry (or, printed, a systemd user timer).

The entry runs `citydx run` under flock, so a night that overruns never overlaps the next, and
with --log-dir/--keep-logs, so logs rotate without logrotate. The crontab command is
$CITYDX_CRONTAB when set (tests point it at a fake), else `crontab`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from citydx.errors import CitydxError

MARKER = "# citydx nightly run"


class ScheduleTimeError(CitydxError):
    def __init__(self, text: str) -> None:
        super().__init__(f"--at '{text}': 需要 24 小时制时间 expected a time like 02:30 (HH:MM)")


class CrontabError(CitydxError):
    def __init__(self, command: str, reason: str) -> None:
        super().__init__(f"crontab 命令失败 `{command}` failed ({reason}): install cron, or use "
                         "the systemd timer that `citydx schedule --print` shows")


@dataclass(frozen=True)
class Job:
    hour: int
    minute: int
    root: Path
    db: Path
    out: Path
    log_dir: Path
    keep_logs: int

    @property
    def lock(self) -> Path:
        return self.db.with_name(self.db.name + ".run.lock")

    def command(self) -> str:
        """The shell command both cron and systemd run (absolute paths: cron's PATH is bare)."""
        citydx = Path(sys.executable).with_name("citydx")
        flock = shutil.which("flock") or "flock"
        run = [str(citydx), "run", "--db", str(self.db), "--out", str(self.out),
               "--log-dir", str(self.log_dir), "--keep-logs", str(self.keep_logs)]
        return (f"cd {shlex.quote(str(self.root))} && {flock} -n {shlex.quote(str(self.lock))} "
                + " ".join(shlex.quote(part) for part in run))


def parse_at(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ScheduleTimeError(text)
    return int(match[1]), int(match[2])


def cron_line(job: Job) -> str:
    return f"{job.minute} {job.hour} * * * {job.command()} {MARKER}"


def systemd_units(job: Job) -> dict[str, str]:
    """~/.config/systemd/user/ units; Persistent= runs a night missed while the machine slept."""
    service = ("[Unit]\nDescription=citydx nightly run\n\n[Service]\nType=oneshot\n"
               f"ExecStart=/bin/sh -c {shlex.quote(job.command())}\n")
    timer = ("[Unit]\nDescription=citydx nightly run timer\n\n[Timer]\n"
             f"OnCalendar=*-*-* {job.hour:02d}:{job.minute:02d}:00\nPersistent=true\n\n"
             "[Install]\nWantedBy=timers.target\n")
    return {"citydx-nightly.service": service, "citydx-nightly.timer": timer}


def crontab_command() -> list[str]:
    return shlex.split(os.environ.get("CITYDX_CRONTAB") or "crontab")


def read_crontab() -> list[str]:
    """The user's crontab lines; none when the user has no crontab yet."""
    command = crontab_command()
    try:
        done = subprocess.run([*command, "-l"], capture_output=True, text=True, timeout=30)
    except OSError as exc:
        raise CrontabError(" ".join(command), exc.strerror or str(exc)) from None
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise CrontabError(f"{' '.join(command)} -l", done.stderr.strip() or "exit "
                           f"{done.returncode}")
    return done.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    command = crontab_command()
    text = "\n".join(lines) + "\n" if lines else ""
    try:
        done = subprocess.run([*command, "-"], input=text, capture_output=True, text=True,
                              timeout=30)
    except OSError as exc:
        raise CrontabError(" ".join(command), exc.strerror or str(exc)) from None
    if done.returncode != 0:
        raise CrontabError(f"{' '.join(command)} -", done.stderr.strip() or "exit "
                           f"{done.returncode}")


def install(job: Job) -> tuple[str, bool]:
    """Replace any earlier citydx entry with this one; returns the line and whether one was
    replaced. Other entries of the user's crontab are kept as they are."""
    lines = read_crontab()
    kept = [line for line in lines if MARKER not in line]
    write_crontab([*kept, cron_line(job)])
    return cron_line(job), len(kept) != len(lines)


def remove() -> int:
    """Take the citydx entry away; returns how many lines were removed."""
    lines = read_crontab()
    kept = [line for line in lines if MARKER not in line]
    if len(kept) != len(lines):
        write_crontab(kept)
    return len(lines) - len(kept)
