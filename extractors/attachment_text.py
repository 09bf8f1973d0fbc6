"""Text of a document's attachments: PDF, DOCX, DOC/WPS, OFD, XLS/XLSX, and ZIP files of these.

The type comes from the file's magic bytes (portals mislabel files and their extensions); the
name and Content-Type only break ties inside OLE and ZIP containers. Failures never raise: the
crawler stores status 'unextractable' (no text layer, e.g. a scanned PDF) or 'failed' with a
reason a person can act on.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

OK, UNEXTRACTABLE, FAILED = "ok", "unextractable", "failed"
MAX_ZIP_MEMBERS = 50
MAX_ZIP_BYTES = 100 * 1024 * 1024
ANTIWORD_TIMEOUT = 60


@dataclass(frozen=True)
class AttachmentText:
    text: str
    file_type: str
    status: str
    reason: str = ""


def detect_type(data: bytes, filename: str = "", content_type: str = "") -> str:
    """pdf, docx, xlsx, ofd, zip, doc, wps, xls, html, txt, rtf, image or unknown."""
    ext = Path(filename).suffix.lower().lstrip(".")
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_type(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_type(data, ext, content_type)
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data[:4] in (b"\x89PNG", b"GIF8") or data[:3] == b"\xff\xd8\xff":
        return "image"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<meta", b"<div", b"<p")):
        return "html"
    if _decode(data) is not None:
        return "txt"
    return "unknown"


def _zip_type(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "unknown"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names or any(n.lower().endswith("ofd.xml") for n in names):
        return "ofd"
    return "zip"


def _ole_type(data: bytes, ext: str, content_type: str) -> str:
    # A Word stream decides first: Word files can carry the UTF-16 text "Book" (style names).
    is_word = "WordDocument".encode("utf-16-le") in data
    if not is_word and ("Workbook".encode("utf-16-le") in data
                        or "Book".encode("utf-16-le") in data[:65536]
                        or ext in ("xls", "et") or "excel" in content_type):
        return "xls"
    if ext == "wps" or "wps" in content_type:
        return "wps"
    return "doc"


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text[:1000]:
            return text
    return None


def extract_attachment_text(data: bytes, filename: str = "",
                            content_type: str = "") -> AttachmentText:
    """Text of one attachment; never raises."""
    file_type = detect_type(data, filename, content_type)
    reader = _READERS.get(file_type)
    if reader is None:
        reason = "图片附件无文字层 image without a text layer" if file_type == "image" else \
            "无法识别的文件类型 unknown file type"
        return AttachmentText("", file_type, UNEXTRACTABLE, reason)
    try:
        text = reader(data)
    except _Unextractable as exc:
        return AttachmentText("", file_type, UNEXTRACTABLE, str(exc))
    except Exception as exc:  # a broken file must not stop a crawl
        return AttachmentText("", file_type, FAILED, f"{type(exc).__name__}: {exc}"[:300])
    text = _tidy(text)
    if not text.strip():
        return AttachmentText("", file_type, UNEXTRACTABLE,
                              "没有可提取的文字 no text found (scanned or empty file)")
    return AttachmentText(text, file_type, OK)


class _Unextractable(Exception):
    pass


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = re.sub(r"[ \t\u3000]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return extract_text(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise _Unextractable("加密的PDF encrypted PDF") from None


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _word97(data: bytes) -> str:
    """DOC and WPS through antiword; LibreOffice headless when antiword cannot read the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "attachment.doc"
        path.write_bytes(data)
        antiword = shutil.which("antiword")
        if antiword:
            done = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", str(path)],
                                  capture_output=True, timeout=ANTIWORD_TIMEOUT)
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout.decode("utf-8", errors="replace")
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            # A private profile per call: concurrent conversions sharing the user's profile
            # fail silently on its lock.
            profile = Path(folder, "profile").as_uri()
            subprocess.run([office, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "txt:Text", "--outdir", folder, str(path)],
                           capture_output=True, timeout=120)
            out = Path(folder) / "attachment.txt"
            if out.exists():
                return out.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
        if not antiword and not office:
            raise RuntimeError("antiword not installed: run scripts/system-packages")
        raise RuntimeError("antiword could not read the file and LibreOffice is not installed")


def _ofd(data: bytes) -> str:
    """OFD (GB/T 33190) is zipped XML; page text sits in TextCode elements."""
    from lxml import etree

    archive = zipfile.ZipFile(io.BytesIO(data))
    pages = sorted((n for n in archive.namelist() if re.search(r"Pages/Page_\d+/Content\.xml$", n)),
                   key=lambda n: [int(x) for x in re.findall(r"\d+", n)])
    lines = []
    for name in pages:
        root = etree.fromstring(archive.read(name))
        lines.append("".join(el.text or "" for el in root.iter("{*}TextCode")))
    return "\n".join(lines)


def _xls(data: bytes) -> str:
    import xlrd

    book = xlrd.open_workbook(file_contents=data)
    rows = []
    for sheet in book.sheets():
        for r in range(sheet.nrows):
            rows.append("\t".join(str(v) for v in sheet.row_values(r) if v != ""))
    return "\n".join(rows)


def _xlsx(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows.append("\t".join(str(v) for v in row if v is not None))
    return "\n".join(rows)


def _zip(data: bytes) -> str:
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = [m for m in archive.infolist() if not m.is_dir()][:MAX_ZIP_MEMBERS]
    if sum(m.file_size for m in members) > MAX_ZIP_BYTES:
        raise _Unextractable("压缩包过大 ZIP expands beyond 100 MB")
    parts = []
    for member in members:
        inner = extract_attachment_text(archive.read(member), member.filename)
        if inner.status == OK:
            parts.append(f"【{member.filename}】\n{inner.text}")
    if not parts:
        raise _Unextractable("压缩包内没有可提取文字的文件 no readable file inside the ZIP")
    return "\n\n".join(parts)


def _html(data: bytes) -> str:
    from extractors.html_text import html_to_text

    return html_to_text(_decode(data) or data.decode("utf-8", errors="replace"))


def _txt(data: bytes) -> str:
    text = _decode(data)
    if text is None:
        raise _Unextractable("不是UTF-8或GB18030文本 not UTF-8 or GB18030 text")
    return text


def _rtf(data: bytes) -> str:
    text = data.decode("latin-1")
    text = re.sub(r"\\'([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"\\[a-z]+-?\d* ?|[{}]", "", text)
    return text.encode("latin-1", errors="ignore").decode("gb18030", errors="replace")


_READERS = {"pdf": _pdf, "docx": _docx, "doc": _word97, "wps": _word97, "ofd": _ofd,
            "xls": _xls, "xlsx": _xlsx, "zip": _zip, "html": _html, "txt": _txt, "rtf": _rtf}
