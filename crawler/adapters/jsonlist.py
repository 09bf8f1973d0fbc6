"""Helpers shared by the JSON list adapters (suzhou_json, igs, bulidstatic): reading a reply,
page arithmetic, pin flags and timestamps that JSON APIs write in UTC."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.dates import iso_date

PINNED_KEYS = frozenset({"is_top", "istop", "top", "is_sticky", "sticky", "pinned", "zd",
                         "settop", "is_settop"})
_UTC_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z$")
CHINA = dt.timezone(dt.timedelta(hours=8))


def load_json(text: str) -> dict[str, Any] | None:
    """The reply as a mapping, or None for anything else (an HTML error page, a WAF stub)."""
    try:
        data = json.loads(text or "")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def as_int(value: object) -> int | None:
    """Counts arrive as numbers or as strings ("5005"); anything else is unknown."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def has_next(page_no: int, n_rows: int, page_size: int | None, total: int | None,
             total_pages: int | None = None) -> bool:
    """Whether another page follows: by the page count, else the row total, else a full page.

    Without any count a full page leads on; a server that repeats page 1 for every pageNo is
    caught by the spider's repeated-page check.
    """
    if n_rows == 0:
        return False
    if total_pages is not None:
        return page_no < total_pages
    size = page_size or n_rows
    if total is not None:
        return page_no * size < total
    return page_size is not None and n_rows >= page_size


def pinned(item: dict[str, Any]) -> bool:
    """A pin flag under any of the usual names and cases ("1", true, "是")."""
    for key, value in item.items():
        if str(key).lower() in PINNED_KEYS and str(value).strip().lower() in (
                "1", "true", "y", "yes", "是"):
            return True
    return False


def china_date(value: object) -> str | None:
    """The date in Beijing of a stamp; ISO stamps ending in Z are UTC and may fall on the
    next day in China (2024-03-04T17:00:00Z is 2024-03-05)."""
    text = str(value or "").strip()
    match = _UTC_STAMP.match(text)
    if match:
        day, hour, minute, second = match.groups()
        stamp = dt.datetime.fromisoformat(f"{day}T{hour}:{minute}:{second or '00'}+00:00")
        return stamp.astimezone(CHINA).date().isoformat()
    return iso_date(value)


def with_query(url: str, **params: str) -> str:
    """url with the given query parameters set (others kept in their order)."""
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in params]
    pairs.extend(params.items())
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def query_value(url: str, name: str) -> str | None:
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key == name:
            return value
    return None


def clean_fields(fields: dict[str, object]) -> dict[str, str]:
    return {k: str(v).strip() for k, v in fields.items()
            if v is not None and str(v).strip() not in ("", "null", "None")}
