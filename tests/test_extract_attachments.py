"""Attachment text for every type, built in the test from libraries (no binary fixtures)."""

import io
import os
import stat
import zipfile

import pytest

from extractors.attachment_text import detect_type, extract_attachment_text

SENTENCE = "杭州市公共数据授权运营平台已上线运行"


def _pdf(text: str | None) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    if not os.path.exists(font):
        pytest.skip("Chinese font missing: run scripts/system-packages")
    plt.rcParams["pdf.fonttype"] = 42
    fig = plt.figure()
    if text:
        fig.text(0.1, 0.5, text, fontproperties=font_manager.FontProperties(fname=font))
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf")
    plt.close(fig)
    return buf.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "公共数据授权运营"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["城市", "算力规模"])
    book.active.append(["成都", "5.2EFLOPS"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _ofd() -> bytes:
    page = ('<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/'
            '2016"><ofd:Content><ofd:Layer><ofd:TextObject ID="1"><ofd:TextCode X="0" Y="0">{}'
            '</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
        archive.writestr("Doc_0/Pages/Page_10/Content.xml", page.format("第二页"))
        archive.writestr("Doc_0/Pages/Page_2/Content.xml", page.format(SENTENCE))
    return buf.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def test_pdf_text():
    result = extract_attachment_text(_pdf(SENTENCE), "a.pdf")
    assert (result.file_type, result.status, result.text) == ("pdf", "ok", SENTENCE)


def test_pdf_without_text_layer_is_unextractable():
    result = extract_attachment_text(_pdf(None), "scan.pdf")
    assert (result.status, result.reason) == (
        "unextractable", "没有可提取的文字 no text found (scanned or empty file)")


def test_docx_paragraphs_and_tables():
    result = extract_attachment_text(_docx(), "a.docx")
    assert (result.file_type, result.status) == ("docx", "ok")
    assert result.text == f"{SENTENCE}\n指标\t公共数据授权运营"


def test_xlsx_rows():
    result = extract_attachment_text(_xlsx(), "table.xlsx")
    assert (result.file_type, result.text) == ("xlsx", "城市\t算力规模\n成都\t5.2EFLOPS")


def test_ofd_pages_in_page_order():
    result = extract_attachment_text(_ofd(), "a.ofd")
    assert (result.file_type, result.text) == ("ofd", f"{SENTENCE}\n第二页")  # 2 before 10


def test_zip_of_attachments_names_each_member():
    data = _zip({"说明.docx": _docx(), "表.xlsx": _xlsx(), "logo.png": b"\x89PNG\r\n"})
    result = extract_attachment_text(data, "files.zip")
    assert result.file_type == "zip"
    assert result.text == (f"【说明.docx】\n{SENTENCE}\n指标\t公共数据授权运营\n\n"
                           "【表.xlsx】\n城市\t算力规模\n成都\t5.2EFLOPS")


def test_type_comes_from_magic_bytes_not_the_name():
    assert detect_type(_docx(), "misnamed.pdf") == "docx"
    assert detect_type(_pdf(SENTENCE), "file.doc", "application/msword") == "pdf"


def test_doc_and_wps_go_through_antiword(tmp_path, monkeypatch):
    fake = tmp_path / "antiword"
    fake.write_text("#!/bin/sh\necho 'WPS 文档：数据安全管理办法'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert extract_attachment_text(ole, "a.wps").file_type == "wps"
    result = extract_attachment_text(ole, "a.doc")
    assert (result.file_type, result.status, result.text) == (
        "doc", "ok", "WPS 文档：数据安全管理办法")


def test_doc_without_antiword_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    result = extract_attachment_text(ole, "a.doc")
    assert (result.status, result.reason) == (
        "failed", "RuntimeError: antiword not installed: run scripts/system-packages")


def test_broken_xls_fails_with_reason():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 600
    result = extract_attachment_text(ole, "a.xls")
    assert result.file_type == "xls"
    assert result.status == "failed"
    assert result.reason.startswith("CompDocError")


def test_images_and_unknown_bytes_are_unextractable():
    image = extract_attachment_text(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "scan.png")
    assert (image.status, image.reason) == ("unextractable",
                                            "图片附件无文字层 image without a text layer")
    junk = extract_attachment_text(bytes(range(256)) * 4, "x.bin")
    assert (junk.file_type, junk.status) == ("unknown", "unextractable")


def test_gb18030_text_and_html():
    text = extract_attachment_text(SENTENCE.encode("gb18030"), "a.txt")
    assert (text.file_type, text.text) == ("txt", SENTENCE)
    page = f"<html><body><div class='nav'>首页</div><div class='content'><p>{SENTENCE}</p>" \
           "</div></body></html>"
    html = extract_attachment_text(page.encode(), "a.html")
    assert (html.file_type, html.text) == ("html", SENTENCE)
