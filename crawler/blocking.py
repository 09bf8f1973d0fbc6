"""Telling a real page from an anti-bot answer: 412 JS-cookie challenges, WAF pages served with
200, WZWS/Jiasule/瑞数 shells. A source that answers so is 'blocked' and is not asked again."""

from __future__ import annotations

import re

BLOCK_STATUSES = frozenset({403, 412, 418, 429, 521})
MARKERS = re.compile(
    r"wzws|__jsl_clearance|\$_ts|_\$\w\w\(|WAF|Web应用防火墙|安全狗|创宇|知道创宇|"
    r"请开启\s*JavaScript|enable\s+JavaScript|访问被拒绝|访问受限|您的访问被|安全拦截|"
    r"非法请求|检测到异常|人机验证|document\.cookie\s*=|eval\(function\(p,a,c,k,e,r\)",
    re.I,
)
SMALL_PAGE = 4096


def block_reason(status: int, text: str) -> str | None:
    """Why this response is an anti-bot answer, or None for a normal page."""
    if status in BLOCK_STATUSES:
        return f"HTTP {status} 拦截页 challenge"
    marker = MARKERS.search(text[:20000])
    if marker and (len(text.encode("utf-8", "ignore")) < SMALL_PAGE or _no_content(text)):
        return f"拦截页 WAF/JS challenge (marker {marker.group(0)!r}, HTTP {status})"
    return None


def _no_content(text: str) -> bool:
    """A page with a challenge marker and almost no Chinese prose is a shell, not a document."""
    return len(re.findall("[\u4e00-\u9fff]", text)) < 200
