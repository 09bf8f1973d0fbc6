"""Errors of `citydx serve` the user can fix: one class per condition, each says how."""

from __future__ import annotations

from citydx.errors import CitydxError


class SecretRequiredError(CitydxError):
    def __init__(self, host: str) -> None:
        super().__init__(
            f"监听 {host} 需要共享密钥 binding to {host} needs a shared secret: set CITYDX_SECRET "
            "or pass --secret (only 127.0.0.1 / localhost may run without one)"
        )


class ReviewersFileError(CitydxError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


class ServePortError(CitydxError):
    def __init__(self, port: int, reason: str) -> None:
        super().__init__(
            f"审核界面无法监听端口 cannot listen on port {port} ({reason}): "
            "choose another with --port"
        )
