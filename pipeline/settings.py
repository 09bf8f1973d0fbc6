"""Pipeline settings (rules/pipeline.yaml): refresh window, alert thresholds, logs, mail."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from citydx.errors import RulesFileError
from citydx.paths import rules_dir
from citydx.yamlio import key_line, load_yaml


@dataclass(frozen=True)
class AlertSettings:
    failing_nights: int = 3
    recent_runs: int = 3
    min_history: int = 5
    min_mean: float = 1.0
    drop_ratio: float = 0.2


@dataclass(frozen=True)
class MailSettings:
    host: str | None = None
    port: int = 25
    sender: str = "citydx@localhost"
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class PipelineSettings:
    refresh_days: int = 30
    keep_logs: int = 14
    alerts: AlertSettings = field(default_factory=AlertSettings)
    mail: MailSettings = field(default_factory=MailSettings)


def load_pipeline_settings(path: str | Path | None = None) -> PipelineSettings:
    """Defaults for every key left out, so an old file keeps working after a new key appears."""
    path = Path(path) if path else rules_dir() / "pipeline.yaml"
    if not path.exists():
        return PipelineSettings()
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise RulesFileError(str(path), None, "expected a mapping of settings")
    alerts = _section(path, data, "alerts")
    smtp = _section(path, data, "smtp")
    defaults = AlertSettings()
    alert = AlertSettings(
        failing_nights=_number(path, alerts, "failing_nights", defaults.failing_nights, int),
        recent_runs=_number(path, alerts, "recent_runs", defaults.recent_runs, int),
        min_history=_number(path, alerts, "min_history", defaults.min_history, int),
        min_mean=_number(path, alerts, "min_mean", defaults.min_mean, float),
        drop_ratio=_number(path, alerts, "drop_ratio", defaults.drop_ratio, float),
    )
    to = smtp.get("to") or []
    mail = MailSettings(host=smtp.get("host") or None, port=_number(path, smtp, "port", 25, int),
                        sender=str(smtp.get("sender") or MailSettings.sender),
                        to=tuple(str(t) for t in (to if isinstance(to, list) else [to])))
    return PipelineSettings(refresh_days=_number(path, data, "refresh_days", 30, int),
                            keep_logs=_number(path, data, "keep_logs", 14, int),
                            alerts=alert, mail=mail)


def _section(path: Path, data: dict, key: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise RulesFileError(str(path), key_line(data, key), f"{key} must be a mapping")
    return value


def _number(path: Path, node: dict, key: str, default: float, kind: type) -> int | float:
    value = node.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise RulesFileError(str(path), key_line(node, key),
                             f"{key} must be a number of 0 or more")
    return kind(value)
