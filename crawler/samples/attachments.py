"""Attachment bytes, made deterministically from an Attachment's kind and paragraphs.

PDF, DOCX, XLSX, OFD and ZIP are generated here; DOC, WPS and XLS are small committed fixtures
(fixtures/, made once with LibreOffice by make_fixtures.py) since no Python library writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from crawler.samples.model import Attachment

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OVERSIZE_BYTES = 60 * 1024 * 1024  # above any sensible crawler size cap (the default is lower)
MIME = {
    "pdf": "application/pdf", "doc": "application/msword", "wps": "application/kswps",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd", "zip": "application/zip",
}
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
STAMP_RE = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms)")


def content_type(att: Attachment) -> str:
    return MIME.get(att.ext, "application/octet-stream")


def attachment_bytes(att: Attachment) -> bytes:
    """The file's bytes (not for 'oversize', which is streamed by oversize_chunks).

    Cached for the whole process: the bytes depend only on kind and text, and making a DOCX
    takes a quarter of a second, which adds up over the many servers a test run starts.
    """
    return _cached_bytes(att.kind, tuple(att.paragraphs))


@lru_cache(maxsize=1024)
def _cached_bytes(kind: str, paragraphs: tuple[str, ...]) -> bytes:
    att = Attachment(name="", kind=kind, paragraphs=list(paragraphs))
    makers = {"pdf": pdf_bytes, "docx": docx_bytes, "xlsx": xlsx_bytes, "ofd": ofd_bytes,
              "zip": zip_bytes, "scanned": scanned_pdf_bytes, "corrupt": corrupt_bytes}
    if att.kind in ("doc", "wps", "xls"):
        return (FIXTURES / f"sample.{att.kind}").read_bytes()
    return makers[att.kind](att.paragraphs)


def pdf_bytes(paragraphs: list[str]) -> bytes:
    """A text PDF in the built-in CID font STSong-Light, so the Chinese text is extractable."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=1)
    pdf.setFont("STSong-Light", 11)
    y = 800
    for para in paragraphs:
        for start in range(0, len(para), 38):
            pdf.drawString(50, y, para[start:start + 38])
            y -= 18
        y -= 6
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf_bytes(paragraphs: list[str]) -> bytes:
    """A 'scanned' page: only drawn shapes standing in for an image, so no text to extract."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=1)
    for row in range(40):
        for col in range(30):
            if (row * 7 + col * 3) % 5 < 2:
                pdf.rect(60 + col * 16, 760 - row * 16, 14, 10, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for para in paragraphs:
        document.add_paragraph(para)
    out = io.BytesIO()
    document.save(out)
    return _normalise_zip(out.getvalue())


def xlsx_bytes(paragraphs: list[str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["序号", "内容", "牵头单位"])
    for n, para in enumerate(paragraphs, 1):
        sheet.append([n, para, "市数据资源管理局"])
    out = io.BytesIO()
    book.save(out)
    return _normalise_zip(out.getvalue())


def ofd_bytes(paragraphs: list[str]) -> bytes:
    """A minimal OFD (GB/T 33190): zipped XML with one page of TextObject/TextCode elements."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    texts = "".join(
        f'<ofd:TextObject ID="{n + 10}" Boundary="20 {20 + n * 12} 170 10" Font="3" Size="3.5">'
        f'<ofd:TextCode X="0" Y="3">{_xml_escape(p)}</ofd:TextCode></ofd:TextObject>'
        for n, p in enumerate(paragraphs))
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} DocType="OFD" '
                   f'Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>citydx-sample</ofd:DocID>'
                   f"</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
                   f"</ofd:OFD>",
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
                              f"<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                              f"</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                              f'<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
                              f"</ofd:Document>",
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page '
                                          f"{ns}><ofd:Content><ofd:Layer ID=\"2\">{texts}"
                                          f"</ofd:Layer></ofd:Content></ofd:Page>",
    }
    return _zip(files)


def zip_bytes(paragraphs: list[str]) -> bytes:
    """A ZIP of a PDF, a DOCX and an XLSX, as portals bundle 配套文件."""
    return _zip({"附件1.pdf": pdf_bytes(paragraphs), "附件2.docx": docx_bytes(paragraphs),
                 "附件3.xlsx": xlsx_bytes(paragraphs[:2])})


def corrupt_bytes(paragraphs: list[str]) -> bytes:
    """Starts like a DOCX (zip magic) but is cut short: nothing can be extracted from it."""
    return docx_bytes(paragraphs)[:700]


def oversize_chunks(size: int = OVERSIZE_BYTES) -> Iterator[bytes]:
    head = b"%PDF-1.4\n% oversize sample attachment\n"
    yield head
    chunk = b"%" + b"0" * 65534 + b"\n"
    left = size - len(head)
    while left > 0:
        yield chunk[:left]
        left -= len(chunk)


def _zip(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so the same input gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    if "docProps/core.xml" in files:
        core = files["docProps/core.xml"].decode("utf-8")
        core = STAMP_RE.sub(r"\g<1>2024-01-01T00:00:00Z\g<2>", core)
        files["docProps/core.xml"] = core.encode("utf-8")
    return _zip(files)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
