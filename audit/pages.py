"""Read-only pages: ranking, city, city x indicator, indicator across cities, documents,
search, the review queue and the audit log."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, render_template, request

from audit.app import get_db
from audit.queries import (
    audit_entries,
    city_exists,
    city_total,
    document,
    indicator_across,
    override_history,
    pair_evidence,
    review_counts,
    score_row,
    stored_html,
)
from audit.queue import QUEUE_LIMIT, review_queue
from audit.search import MAX_QUERY_CHARS, PAGE_SIZE, clean_query, search_documents
from audit.security import STORED_CSP
from audit.trees import current_tree
from citydx.errors import UnknownIndicatorError
from citydx.indicators import IndicatorTree, Tertiary
from scoring.results import aggregates, city_totals, indicator_breakdown, latest_run_id, run_info

bp = Blueprint("pages", __name__)

MAX_PAGE = 10_000
AUDIT_PAGE_SIZE = 50


def int_arg(name: str, default: int, low: int = 1, high: int = MAX_PAGE) -> int:
    """A bounded integer query parameter; anything else is a 400 page, never a traceback."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        abort(400, description=f"参数 {name} 必须是 {low} 到 {high} 之间的整数 "
                               f"'{name}' must be an integer from {low} to {high}")
    return value


def tertiary_or_404(tree: IndicatorTree, name: str) -> Tertiary:
    try:
        return tree.tertiary(name)
    except UnknownIndicatorError:
        abort(404, description=f"没有名为“{name}”的三级指标 no such tertiary indicator")


def city_or_404(db: Any, city: str) -> None:
    if not city_exists(db, city):
        abort(404, description=f"没有名为“{city}”的城市 no such city")


def _run(db: Any) -> tuple[int | None, dict[str, Any] | None]:
    run_id = latest_run_id(db)
    return run_id, run_info(db, run_id) if run_id is not None else None


@bp.get("/")
def ranking() -> str:
    db = get_db()
    run_id, info = _run(db)
    tree = current_tree(db)
    rows = city_totals(db, run_id) if run_id is not None else []
    return render_template("ranking.html", rows=rows, info=info,
                           primaries=[p.name for p in tree.primaries])


@bp.get("/city/<city>")
def city_page(city: str) -> str:
    db = get_db()
    city_or_404(db, city)
    run_id, info = _run(db)
    tree = current_tree(db)
    scores = {r["indicator"]: r for r in indicator_breakdown(db, run_id, city)} if run_id else {}
    aggregate = {a["indicator"]: a["points"] for a in aggregates(db, run_id, city)} if run_id \
        else {}
    return render_template("city.html", city=city, tree=tree, scores=scores,
                           counts=review_counts(db, city), aggregate=aggregate, info=info,
                           total=city_total(db, run_id, city))


def pair_context(db: Any, city: str, indicator: str) -> dict[str, Any]:
    """Everything the city x indicator page and its htmx partials show."""
    tree = current_tree(db)
    tertiary = tertiary_or_404(tree, indicator)
    run_id, info = _run(db)
    score = score_row(db, run_id, city, indicator)
    return {"city": city, "tertiary": tertiary, "score": score, "info": info,
            "total": city_total(db, run_id, city),
            "linked": score["evidence_ids"] if score else set(),
            "levels": {lv.key: lv.label for lv in tertiary.levels}}


@bp.get("/city/<city>/<indicator>")
def pair_page(city: str, indicator: str) -> str:
    db = get_db()
    city_or_404(db, city)
    context = pair_context(db, city, indicator)
    return render_template("pair.html", evidence=pair_evidence(db, city, indicator),
                           overrides=override_history(db, city, indicator), **context)


@bp.get("/indicators")
def indicators() -> str:
    return render_template("indicators.html", tree=current_tree(get_db()))


@bp.get("/indicator/<indicator>")
def indicator_page(indicator: str) -> str:
    db = get_db()
    tertiary = tertiary_or_404(current_tree(db), indicator)
    run_id, info = _run(db)
    return render_template("indicator.html", tertiary=tertiary, info=info,
                           rows=indicator_across(db, run_id, indicator),
                           levels={lv.key: lv.label for lv in tertiary.levels})


@bp.get("/document/<id:document_id>")
def document_page(document_id: int) -> str:
    db = get_db()
    doc = document(db, document_id)
    if doc is None:
        abort(404, description=f"没有编号为 {document_id} 的文件 no such document")
    return render_template("document.html", doc=doc)


@bp.get("/document/<id:document_id>/stored")
def stored_copy(document_id: int) -> Response:
    """The crawled HTML in a sandbox: no scripts, no requests; ?as=text shows it as plain text."""
    html = stored_html(get_db(), document_id)
    if html is None:
        abort(404, description=f"文件 {document_id} 没有保存的网页副本 no stored copy")
    as_text = request.args.get("as") == "text"
    response = Response(html, mimetype="text/plain" if as_text else "text/html")
    response.headers["Content-Security-Policy"] = STORED_CSP
    return response


@bp.get("/search")
def search() -> str:
    db = get_db()
    query = clean_query(request.args.get("q", ""))
    if len(request.args.get("q", "").strip()) > MAX_QUERY_CHARS:
        abort(400, description=f"搜索词过长（最多 {MAX_QUERY_CHARS} 字）query too long")
    city = request.args.get("city") or None
    if city is not None:
        city_or_404(db, city)
    page = int_arg("page", 1)
    result = search_documents(db, query, city, page) if query else None
    return render_template("search.html", query=query, city=city, page=page, result=result,
                           page_size=PAGE_SIZE)


@bp.get("/queue")
def queue() -> str:
    return render_template("queue.html", queue=review_queue(get_db()), limit=QUEUE_LIMIT)


@bp.get("/audit")
def audit_log() -> str:
    page = int_arg("page", 1)
    entries = audit_entries(get_db(), AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE)
    return render_template("audit.html", entries=entries, page=page,
                           page_size=AUDIT_PAGE_SIZE)
