"""Login state, CSRF tokens and response headers.

Every POST must carry the session's CSRF token (form field or X-CSRF-Token header, which htmx
sends from base.html), so another site cannot make a logged-in reviewer's browser act.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Response, abort, current_app, redirect, request, session, url_for

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
PUBLIC_ENDPOINTS = frozenset({"static", "auth.login", "auth.login_post", "auth.logout"})

PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'self'")
# The stored copy of a crawled page: no scripts, no requests, a unique origin.
STORED_CSP = "sandbox; default-src 'none'"


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def current_reviewer() -> str | None:
    return session.get("reviewer")


def check_request() -> Response | None:
    """before_request: login where needed, then CSRF on every POST."""
    if request.endpoint in PUBLIC_ENDPOINTS and request.method != "POST":
        return None
    config = current_app.config["AUDIT"]
    logged_in = current_reviewer() is not None
    if request.method == "POST":
        sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
        expected = session.get("csrf") or ""
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(400, description="CSRF 校验失败，请刷新页面后重试 "
                                   "the form's CSRF token is missing or invalid: reload the page")
        if not logged_in and request.endpoint not in PUBLIC_ENDPOINTS:
            abort(403, description="请先登录再审核 log in before reviewing")
        return None
    if config.secret and not logged_in:
        return redirect(url_for("auth.login", next=request.full_path))
    return None


def add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    return response


def safe_next(target: str | None) -> str:
    """Only local paths, so a login link cannot send the reviewer to another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("pages.ranking")
