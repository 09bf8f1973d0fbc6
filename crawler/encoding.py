"""Decoding portal pages: the declared charset is often wrong, so decide from the bytes.

Pages that declare gb2312 routinely contain GBK-only characters (镕, 喆, 堃); decoding them as
gb2312 turns those into U+FFFD. GB18030 is a superset of both, so gb2312/gbk are read as gb18030.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "hz-gb-2312"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)
_LATIN_MOJIBAKE = re.compile("[\u00c0-\u00ff][\u0080-\u00ff]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # U+FFFD left in the text: the mojibake the page still carries

    @property
    def mojibake_rate(self) -> float:
        return self.replaced / max(len(self.text), 1)


def normalise_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in GB_FAMILY:
        return "gb18030"
    if name in ("utf8", "utf-8"):
        return "utf-8"
    return name


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    """The charset from the Content-Type header, else from a <meta> tag."""
    if content_type:
        match = re.search(r"charset\s*=\s*([\w\-]+)", content_type, re.I)
        if match:
            return match.group(1)
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page, trying the declared charset first and falling back by evidence."""
    if body.startswith(b"\xef\xbb\xbf"):
        return _decoded(body[3:].decode("utf-8", "replace"), "utf-8")
    declared = normalise_charset(declared_charset(body, content_type))
    # Bytes that are valid UTF-8 are UTF-8 whatever the page says: GBK text almost never is.
    candidates = [c for c in ("utf-8", declared, "gb18030") if c]
    for encoding in dict.fromkeys(candidates):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_double_encoded(text):
            return _decoded(text, encoding)
    best = min((_lenient(body, c) for c in dict.fromkeys(candidates)),
               key=lambda d: d.replaced)
    return best


def _lenient(body: bytes, encoding: str) -> Decoded:
    try:
        return _decoded(body.decode(encoding, "replace"), encoding)
    except LookupError:
        return _decoded(body.decode("utf-8", "replace"), "utf-8")


def _decoded(text: str, encoding: str) -> Decoded:
    return Decoded(text, encoding, text.count("\ufffd"))


def _looks_double_encoded(text: str) -> bool:
    """UTF-8 bytes read as Latin-1 show up as runs like 'æ\x94¿'; real Chinese pages have none."""
    hits = len(_LATIN_MOJIBAKE.findall(text))
    return hits > 20 and hits > len(re.findall("[\u4e00-\u9fff]", text))


def has_mojibake(text: str, threshold: float = 0.001) -> bool:
    return text.count("\ufffd") / max(len(text), 1) > threshold
