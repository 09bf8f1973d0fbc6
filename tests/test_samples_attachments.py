"""Attachments of every type: right magic bytes, readable text, and the special cases."""

from __future__ import annotations

import io
import urllib.request
import zipfile
from urllib.parse import unquote

import pytest
from samples_support import fetch

from crawler.samples.attachments import OVERSIZE_BYTES, attachment_bytes
from crawler.samples.server import SampleServer
from crawler.samples.sites import SITES
from crawler.samples.world import SampleWorld

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


@pytest.fixture(scope="module")
def srv():
    with SampleServer() as server:
        yield server


def find(kind: str, family: str | None = None):
    """(url, attachment) of the first served attachment of this kind."""
    world = SampleWorld()
    for site in SITES:
        if family and site.family != family:
            continue
        renderer = world.renderer(site)
        for path, ref in renderer.attachments.items():
            if ref.attachment.kind == kind:
                return f"http://{site.host}{path}", ref.attachment
    raise AssertionError(f"no {kind} attachment")


def get(srv, kind: str):
    url, att = find(kind)
    answer = fetch(srv.proxy_url, url)
    assert answer.status == 200
    disposition = answer.headers["Content-Disposition"]
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == att.name
    return answer, att


def test_every_kind_is_served_somewhere():
    kinds = {"pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "zip", "oversize", "scanned",
             "corrupt"}
    assert {find(k)[1].kind for k in kinds} == kinds


def test_pdf_has_extractable_chinese_text(srv):
    from pdfminer.high_level import extract_text

    answer, att = get(srv, "pdf")
    assert answer.body.startswith(b"%PDF-")
    assert answer.headers["Content-Type"] == "application/pdf"
    text = "".join(extract_text(io.BytesIO(answer.body)).split())
    assert att.paragraphs[1] in text


def test_docx_and_xlsx_open_with_their_libraries(srv):
    import docx
    import openpyxl

    answer, att = get(srv, "docx")
    assert answer.body[:4] == b"PK\x03\x04"
    paragraphs = [p.text for p in docx.Document(io.BytesIO(answer.body)).paragraphs]
    assert paragraphs == att.paragraphs
    answer, att = get(srv, "xlsx")
    assert answer.body[:4] == b"PK\x03\x04"
    sheet = openpyxl.load_workbook(io.BytesIO(answer.body)).active
    assert sheet.cell(row=2, column=2).value == att.paragraphs[0]


def test_ofd_is_zipped_xml_with_text_codes(srv):
    answer, att = get(srv, "ofd")
    assert answer.body[:4] == b"PK\x03\x04"
    with zipfile.ZipFile(io.BytesIO(answer.body)) as zf:
        assert {"OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"} <= set(
            zf.namelist())
        content = zf.read("Doc_0/Pages/Page_0/Content.xml").decode("utf-8")
    assert f"<ofd:TextCode X=\"0\" Y=\"3\">{att.paragraphs[1]}</ofd:TextCode>" in content


def test_zip_bundles_pdf_docx_and_xlsx(srv):
    answer, _ = get(srv, "zip")
    with zipfile.ZipFile(io.BytesIO(answer.body)) as zf:
        assert zf.namelist() == ["附件1.pdf", "附件2.docx", "附件3.xlsx"]
        assert zf.read("附件1.pdf").startswith(b"%PDF-")


@pytest.mark.parametrize("kind,phrase", [
    ("doc", "本市公共数据授权运营平台已建成上线"),
    ("wps", "本市“一网统管”平台已全面建成"),
])
def test_doc_and_wps_are_word97_binaries_with_utf16_text(srv, kind, phrase):
    answer, _ = get(srv, kind)
    assert answer.body[:8] == OLE2
    assert phrase.encode("utf-16-le") in answer.body


def test_xls_is_excel97_readable_by_xlrd(srv):
    import xlrd

    answer, _ = get(srv, "xls")
    assert answer.body[:8] == OLE2
    sheet = xlrd.open_workbook(file_contents=answer.body).sheet_by_index(0)
    assert sheet.cell_value(2, 1) == "本市已建成数字化转型促进中心五家，服务中小企业2800余家次。"


def test_scanned_pdf_has_no_text_and_corrupt_file_does_not_open(srv):
    from pdfminer.high_level import extract_text

    scanned, _ = get(srv, "scanned")
    assert scanned.body.startswith(b"%PDF-")
    assert extract_text(io.BytesIO(scanned.body)).strip() == ""
    corrupt, _ = get(srv, "corrupt")
    assert corrupt.body[:4] == b"PK\x03\x04"
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(corrupt.body))


def test_oversize_file_announces_its_size_and_streams(srv):
    url, _ = find("oversize")
    head = fetch(srv.proxy_url, url, method="HEAD")
    assert int(head.headers["Content-Length"]) == OVERSIZE_BYTES == 60 * 1024 * 1024
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": srv.proxy_url}))
    with opener.open(url, timeout=30) as resp:  # read the start only, as a size cap would
        assert resp.read(5) == b"%PDF-"


def test_hanweb_download_redirects_to_attach(srv):
    url, att = find("docx", family="hanweb")
    name = url.rsplit("/", 1)[1]
    host = url.split("/")[2]
    download = f"http://{host}/module/download/downfile.jsp?classid=0&filename={name}"
    answer = fetch(srv.proxy_url, download, follow=False)
    assert answer.status == 302
    assert answer.headers["Location"] == f"/attach/0/{name}"
    followed = fetch(srv.proxy_url, download)
    assert followed.url == url and followed.body == attachment_bytes(att)
    assert fetch(srv.proxy_url, download.replace(name, "0" * 32 + ".pdf")).status == 404


def test_generated_files_carry_no_clock_time():
    """Same input, same bytes on any day: zip entries and document properties use fixed stamps."""
    _, att = find("docx")
    with zipfile.ZipFile(io.BytesIO(attachment_bytes(att))) as zf:
        assert {info.date_time for info in zf.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode("utf-8")
    assert core.count("2024-01-01T00:00:00Z") == 2  # created and modified
    _, att = find("pdf")
    assert attachment_bytes(att) == attachment_bytes(att)
