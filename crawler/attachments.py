"""Attachment files: their real type (magic bytes beat the URL) and their text.

Text extraction belongs to extractors/attachment_text.py (shared with the extraction stage);
`extract_text` is the only place the crawler calls it, so wiring it is one line.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_TYPES = ("doc", "xls", "wps", "et", "ppt")


@dataclass(frozen=True)
class AttachmentResult:
    file_type: str
    status: str  # ok | unextractable | too_large | failed | pending
    text: str | None = None
    reason: str | None = None


def filename_from(url: str, content_disposition: bytes | str | None) -> str:
    """The file's name: Content-Disposition (RFC 5987, UTF-8 or GBK bytes), else the URL."""
    if content_disposition:
        raw = content_disposition
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                raw = raw.decode("gb18030", "replace")
        star = re.search(r"filename\*\s*=\s*[\w\-]+''([^;]+)", raw, re.I)
        if star:
            return unquote(star.group(1)).strip('"')
        plain = re.search(r'filename\s*=\s*"?([^";]+)"?', raw, re.I)
        if plain:
            return unquote(plain.group(1)).strip()
    parts = urlsplit(url)
    query_name = re.search(r"filename=([^&]+)", parts.query)
    return unquote(query_name.group(1) if query_name else parts.path.rsplit("/", 1)[-1])


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff_type(data: bytes, filename: str = "") -> str:
    """The file type from its first bytes; the name only separates the OLE and zip cousins."""
    ext = extension(filename)
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return ext if ext in OLE_TYPES else "doc"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, ext)
    if data[:5].lower().startswith((b"<html", b"<!doc")):
        return "html"
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "image"
    if data.startswith((b"Rar!",)):
        return "rar"
    return ext or "unknown"


def _zip_kind(data: bytes, ext: str) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return ext if ext in ("docx", "xlsx", "ofd", "zip") else "zip"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.upper() == "OFD.XML" or n.startswith("Doc_0/") for n in names):
        return "ofd"
    return "zip"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_text(data: bytes, filename: str, content_type: str = "") -> AttachmentResult:
    """Text of an attachment through the shared extractor; 'pending' until it is installed."""
    file_type = sniff_type(data, filename)
    try:
        from extractors.attachment_text import extract_attachment_text
    except ImportError:
        return AttachmentResult(file_type, "pending", None,
                                "文本抽取模块未安装 extractor not installed")
    try:
        got = extract_attachment_text(data, filename, content_type)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the crawl
        return AttachmentResult(file_type, "failed", None, f"{type(exc).__name__}: {exc}"[:300])
    return AttachmentResult(got.file_type or file_type, got.status, got.text, got.reason)
