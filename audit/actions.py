"""Reviewer actions (POST only, CSRF-checked and logged in, see audit.security).

Each action is audited by the function it calls and followed by a rescore, so the page the
reviewer comes back to shows the new points.
"""

from __future__ import annotations

import math

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for

from audit.app import get_db
from audit.pages import city_or_404, pair_context, tertiary_or_404
from audit.queries import one_evidence
from audit.review import DECISIONS, remove_override, review_evidence, set_override
from audit.security import current_reviewer
from audit.trees import current_tree

bp = Blueprint("actions", __name__)

MAX_REASON_CHARS = 1000
DECISION_LABELS = {"accept": "采纳", "reject": "驳回", "reset": "恢复待审"}


def _reason() -> str:
    reason = request.form.get("reason", "").strip()
    if not reason:
        abort(400, description="人工改分必须填写理由 an override needs a reason")
    if len(reason) > MAX_REASON_CHARS:
        abort(400, description=f"理由过长（最多 {MAX_REASON_CHARS} 字）reason too long")
    return reason


def _pair_form() -> tuple[str, str]:
    db = get_db()
    city = request.form.get("city", "")
    indicator = request.form.get("indicator", "")
    city_or_404(db, city)
    tertiary_or_404(current_tree(db), indicator)
    return city, indicator


@bp.post("/evidence/<id:evidence_id>/review")
def review(evidence_id: int) -> Response | str:
    db = get_db()
    decision = request.form.get("decision", "")
    if decision not in DECISIONS:
        abort(400, description="审核结论只能是 accept、reject 或 reset "
                               "decision must be accept, reject or reset")
    row = one_evidence(db, evidence_id)
    if row is None:
        abort(404, description=f"没有编号为 {evidence_id} 的证据 no such evidence")
    run_id = review_evidence(db, evidence_id, decision, current_reviewer())
    message = (f"证据 #{evidence_id} 已{DECISION_LABELS[decision]}，已重新评分（批次 #{run_id}）"
               f" evidence {decision}ed, rescored")
    if request.headers.get("HX-Request"):
        context = pair_context(db, row["city"], row["indicator"])
        return render_template("_review_result.html", ev=one_evidence(db, evidence_id),
                               message=message, **context)
    flash(message)
    return redirect(url_for("pages.pair_page", city=row["city"], indicator=row["indicator"]))


@bp.post("/override")
def override() -> Response:
    city, indicator = _pair_form()
    reason = _reason()
    raw = request.form.get("points", "").strip()
    try:
        points = float(raw)
    except ValueError:
        points = math.nan
    if not math.isfinite(points):
        abort(400, description="分值必须是数字 points must be a number")
    db = get_db()
    run_id = set_override(db, current_tree(db), city, indicator, points, reason,
                          current_reviewer())
    flash(f"已记录人工分 {points:g}，已重新评分（批次 #{run_id}） override saved, rescored")
    return redirect(url_for("pages.pair_page", city=city, indicator=indicator))


@bp.post("/override/clear")
def clear() -> Response:
    city, indicator = _pair_form()
    reason = _reason()
    db = get_db()
    run_id = remove_override(db, current_tree(db), city, indicator, reason, current_reviewer())
    flash(f"已撤销人工分，已重新评分（批次 #{run_id}） override cleared, rescored")
    return redirect(url_for("pages.pair_page", city=city, indicator=indicator))
