"""A simple login: a reviewer's name (from the configured list, if any) and the shared secret
when one is configured. The name is what the audit log records as the actor."""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, current_app, redirect, render_template, request, session

from audit.app import get_db
from audit.security import safe_next
from db.audit import log_action

bp = Blueprint("auth", __name__)

MAX_NAME_CHARS = 40


@bp.get("/login")
def login() -> str:
    config = current_app.config["AUDIT"]
    return render_template("login.html", config=config, next=request.args.get("next", ""),
                           error=None)


def _login_error(message: str, code: int) -> tuple[str, int]:
    config = current_app.config["AUDIT"]
    return render_template("login.html", config=config, next=request.form.get("next", ""),
                           error=message), code


@bp.post("/login")
def login_post() -> Response | tuple[str, int]:
    config = current_app.config["AUDIT"]
    name = request.form.get("name", "").strip()
    if not name or len(name) > MAX_NAME_CHARS:
        return _login_error(f"请输入审核人姓名（不超过 {MAX_NAME_CHARS} 字）"
                            "enter your name", 400)
    if config.reviewers and name not in config.reviewers:
        return _login_error("该姓名不在审核人名单中 not on the reviewer list", 403)
    if config.secret:
        given = request.form.get("secret", "")
        if not hmac.compare_digest(given.encode(), config.secret.encode()):
            return _login_error("共享密钥不正确 wrong shared secret", 403)
    csrf = session.get("csrf")
    session.clear()
    session["reviewer"] = name
    if csrf:
        session["csrf"] = csrf
    log_action(get_db(), name, "login", "reviewer", name, {"origin": "ui"})
    return redirect(safe_next(request.form.get("next")))


@bp.post("/logout")
def logout() -> Response:
    session.pop("reviewer", None)
    return redirect(safe_next(None))
