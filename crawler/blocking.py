"""Telling a real page from an anti-bot answer: 412 JS-cookie challenges, WAF pages served with
200, WZWS/Jiasule/瑞数 shells. A source that answers so is 'blocked' and is not asked again.

This runs on every page. The case-insensitive MARKERS search is slow (the regex engine has no
literal prefix to skip by), so it only runs on a page whose lower-cased head holds a fixed part
of some marker, which one case-sensitive regex finds about ten times faster.
"""

from __future__ import annotations

import re

BLOCK_STATUSES = frozenset({403, 412, 418, 429, 521})
MARKERS = re.compile(
    r"wzws|__jsl_clearance|\$_ts|_\$\w\w\(|WAF|Web应用防火墙|安全狗|创宇|知道创宇|"
    r"请开启\s*JavaScript|enable\s+JavaScript|访问被拒绝|访问受限|您的访问被|安全拦截|"
    r"非法请求|检测到异常|人机验证|document\.cookie\s*=|eval\(function\(p,a,c,k,e,r\)",
    re.I,
)
# Every match of MARKERS holds one of these once lower-cased, unless it spells an ASCII letter
# with one of the characters re.I also equates with it (ſ, ı, İ, whose lower() leaves a U+0307
# dot): those characters count as a possible marker too. Keep in step with MARKERS.
MARKER_PARTS = ("wzws", "__jsl_clearance", "$_ts", "_$", "waf", "web应用防火墙", "安全狗", "创宇",
                "javascript", "访问被拒绝", "访问受限", "您的访问被", "安全拦截", "非法请求",
                "检测到异常", "人机验证", "document.cookie", "eval(function(p,a,c,k,e,r)",
                "ſ", "ı", "\u0307")
_MAY_HOLD_MARKER = re.compile("|".join(map(re.escape, MARKER_PARTS)))
SMALL_PAGE = 4096
SCAN_CHARS = 20000  # markers are looked for in the head of the page only
PROSE_CHARS = 200
# At least PROSE_CHARS Chinese characters; possessive, so a failed match never backtracks.
_PROSE = re.compile(f"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{PROSE_CHARS}}}")


def block_reason(status: int, text: str) -> str | None:
    """Why this response is an anti-bot answer, or None for a normal page."""
    if status in BLOCK_STATUSES:
        return f"HTTP {status} 拦截页 challenge"
    head = text[:SCAN_CHARS]
    if not _MAY_HOLD_MARKER.search(head.lower()):
        return None
    marker = MARKERS.search(head)
    if marker and (len(text.encode("utf-8", "ignore")) < SMALL_PAGE or _no_content(text)):
        return f"拦截页 WAF/JS challenge (marker {marker.group(0)!r}, HTTP {status})"
    return None


def _no_content(text: str) -> bool:
    """A page with a challenge marker and almost no Chinese prose is a shell, not a document."""
    return _PROSE.match(text) is None
