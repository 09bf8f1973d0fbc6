"""What the audit app needs to start: database, shared secret, reviewer list, bind check."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from audit.errors import ReviewersFileError, SecretRequiredError
from citydx.paths import rules_dir
from citydx.yamlio import load_yaml

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class AuditConfig:
    """secret: shared login secret (None: a name is enough, only on localhost).
    reviewers: allowed reviewer names (empty: anyone may log in with a name)."""

    db_path: Path
    secret: str | None = None
    reviewers: tuple[str, ...] = ()
    # Signs the session cookie; random per process unless a secret is configured.
    session_key: str = field(default_factory=lambda: secrets.token_hex(32))


def check_bind(host: str, secret: str | None) -> None:
    """Anyone on the network could act as a reviewer without a secret, so refuse that."""
    if host not in LOCAL_HOSTS and not (secret and secret.strip()):
        raise SecretRequiredError(host)


def default_reviewers_path() -> Path:
    return rules_dir() / "reviewers.yaml"


def load_reviewers(option: str | None) -> tuple[str, ...]:
    """--reviewers "张三,李四" wins; else rules/reviewers.yaml (`reviewers: [..]`) if present."""
    if option is not None:
        names = tuple(n.strip() for n in option.replace("，", ",").split(",") if n.strip())
        if not names:
            raise ReviewersFileError("--reviewers", "give reviewer names separated by commas, "
                                                    "e.g. --reviewers 张三,李四")
        return names
    path = default_reviewers_path()
    if not path.exists():
        return ()
    data = load_yaml(path)
    names = data.get("reviewers") if isinstance(data, dict) else None
    if not isinstance(names, list) or not names or not all(
            isinstance(n, str) and n.strip() for n in names):
        raise ReviewersFileError(str(path), "expected 'reviewers:' with a list of names, "
                                            "e.g. reviewers: [张三, 李四]")
    return tuple(n.strip() for n in names)
