"""Running the app: werkzeug's threaded server, with a clear error when the port is taken."""

from __future__ import annotations

import sys

from audit.config import AuditConfig
from audit.errors import ServePortError


def make_server(config: AuditConfig, host: str, port: int):  # noqa: ANN201 (werkzeug type)
    from werkzeug.serving import make_server as werkzeug_server

    from audit.app import create_app

    try:
        return werkzeug_server(host, port, create_app(config), threaded=True)
    except (OSError, SystemExit) as exc:
        raise ServePortError(port, str(exc) or "in use") from None


def serve(config: AuditConfig, host: str, port: int) -> None:
    server = make_server(config, host, port)
    shown = f"[{host}]" if ":" in host else host
    print(f"证据审核界面 audit UI: http://{shown}:{server.server_port}/ "
          f"(数据库 db {config.db_path}; Ctrl+C 退出 to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
