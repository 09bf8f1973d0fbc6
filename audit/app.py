"""The Flask application: one database connection per request, Chinese error pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils
from flask import Flask, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from audit.config import AuditConfig
from audit.labels import template_helpers
from audit.security import add_headers, check_request, csrf_token, current_reviewer
from citydx.errors import CitydxError
from db import open_db

ERROR_TITLES = {400: "请求有误", 403: "没有权限", 404: "未找到", 405: "不支持的请求方法",
                413: "请求过大", 500: "服务器内部错误"}
DEFAULT_MESSAGES = {400: "请求参数有误 bad request", 403: "没有权限 forbidden",
                    404: "页面或记录不存在 no such page or record",
                    405: "该地址不接受此请求方法 method not allowed",
                    413: "提交的内容过大 request too large"}


class RowIdConverter(IntegerConverter):
    """A row id: an integer SQLite can hold, so /document/<huge number> is a 404, not a crash."""

    def __init__(self, map: Any) -> None:  # noqa: A002 (werkzeug's parameter name)
        super().__init__(map, min=0, max=2**63 - 1)


def create_app(config: AuditConfig) -> Flask:
    """The views import get_db from here, so their blueprints are imported late."""
    from audit.actions import bp as actions_bp
    from audit.auth import bp as auth_bp
    from audit.pages import bp as pages_bp

    here = Path(__file__).parent
    app = Flask("audit", template_folder=str(here / "templates"),
                static_folder=str(here / "static"))
    app.config.update(AUDIT=config, SECRET_KEY=config.session_key,
                      SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True,
                      MAX_CONTENT_LENGTH=64 * 1024)
    app.url_map.converters["id"] = RowIdConverter
    app.before_request(check_request)
    app.after_request(add_headers)
    app.teardown_appcontext(_close_db)
    app.register_blueprint(pages_bp)
    app.register_blueprint(actions_bp)
    app.register_blueprint(auth_bp)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CitydxError, _citydx_error)
    app.register_error_handler(Exception, _unexpected_error)
    app.context_processor(_template_globals)
    return app


def get_db() -> sqlite_utils.Database:
    """One connection per request (sqlite3 connections stay in their thread); the schema was
    brought up to date once when the server started."""
    if "db" not in g:
        g.db = open_db(current_app.config["AUDIT"].db_path, migrate=False)
    return g.db


def _close_db(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def _template_globals() -> dict[str, Any]:
    from audit.trees import level_label

    return {"csrf_token": csrf_token, "reviewer": current_reviewer(), "level_label": level_label,
            **template_helpers()}


def _error_page(code: int, message: str) -> tuple[str, int]:
    title = ERROR_TITLES.get(code, "出错了")
    if request.headers.get("HX-Request"):
        return render_template("_error.html", code=code, title=title, message=message), code
    return render_template("error.html", code=code, title=title, message=message), code


def _http_error(exc: HTTPException) -> tuple[str, int]:
    """Our own abort() messages are shown; werkzeug's English defaults are replaced."""
    code = exc.code or 500
    own = exc.description if exc.description != type(exc).description else None
    return _error_page(code, own or DEFAULT_MESSAGES.get(code, str(exc.name)))


def _citydx_error(exc: CitydxError) -> tuple[str, int]:
    return _error_page(400, str(exc))


def _unexpected_error(exc: Exception) -> tuple[str, int]:
    current_app.logger.exception("unexpected error: %s", exc)
    return _error_page(500, "处理请求时出错，已记录日志 the request failed; the error was logged")
