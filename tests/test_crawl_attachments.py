"""Attachment typing from magic bytes and Content-Disposition; the DB store's document versions."""

from __future__ import annotations

import io
import zipfile

import pytest

from crawler.attachments import OLE_MAGIC, extract_text, filename_from, sniff_type
from crawler.store import CrawlStore
from db.connection import open_db


def zipped(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            zf.writestr(name, "x")
    return buf.getvalue()


@pytest.mark.parametrize(("data", "name", "kind"), [
    (b"%PDF-1.7\n...", "download.jsp", "pdf"),
    (OLE_MAGIC + b"\0" * 100, "通知.wps", "wps"),
    (OLE_MAGIC + b"\0" * 100, "表.xls", "xls"),
    (OLE_MAGIC + b"\0" * 100, "", "doc"),
    (zipped("[Content_Types].xml", "word/document.xml"), "a.zip", "docx"),
    (zipped("[Content_Types].xml", "xl/workbook.xml"), "", "xlsx"),
    (zipped("OFD.xml", "Doc_0/Document.xml"), "x.bin", "ofd"),
    (zipped("a.pdf", "b.docx"), "附件.zip", "zip"),
    (b"<html><body>404</body></html>", "a.pdf", "html"),
])
def test_type_comes_from_the_bytes(data, name, kind):
    assert sniff_type(data, name) == kind


def test_filename_from_content_disposition_forms():
    url = "http://www.hangzhou.gov.cn/module/download/downfile.jsp?classid=0&filename=ab12.pdf"
    assert filename_from(url, None) == "ab12.pdf"
    assert filename_from(url, "attachment; filename*=UTF-8''%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88"
                              ".pdf") == "实施方案.pdf"
    assert filename_from(url, 'attachment; filename="规划.docx"'.encode("gbk")) == "规划.docx"
    assert filename_from("http://x.gov.cn/a/P020240912.pdf", b"inline") == "P020240912.pdf"


def test_extract_text_is_pending_only_until_the_shared_extractor_exists():
    import importlib.util

    installed = importlib.util.find_spec("extractors.attachment_text") is not None
    got = extract_text(b"%PDF-1.4 not really", "a.pdf")
    assert got.file_type == "pdf"
    assert (got.status == "pending") is (not installed)


def doc(url: str, text: str) -> dict:
    from crawler.detail import content_hash
    return {"city": "北京", "url": url, "title": "标题", "text": text,
            "content_hash": content_hash("标题", text),
            "attachments": [{"url": url + ".pdf", "status": "ok", "file_type": "pdf",
                             "size": 3, "text": "附件"}]}


def test_store_new_unchanged_changed_with_versions(tmp_path):
    db = open_db(tmp_path / "s.db")
    db["cities"].insert({"name": "北京", "province": "北京", "kind": "municipality"})
    store = CrawlStore(db)
    url = "http://www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_1.html"
    assert store.save_document(doc(url, "第一版")) == "new"
    assert store.save_document(doc(url, "第一版")) == "unchanged"
    assert store.save_document(doc(url, "第二版")) == "changed"
    assert list(db.execute("SELECT version, text FROM documents")) == [(2, "第二版")]
    assert list(db.execute("SELECT version, text FROM document_versions")) == [(1, "第一版")]
    assert db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 1


def test_runs_of_dead_processes_are_marked_interrupted(tmp_path):
    db = open_db(tmp_path / "s.db")
    store = CrawlStore(db)
    dead = store.begin_run({})
    db.execute("UPDATE crawl_runs SET options = '{\"pid\": 999999999}' WHERE id = ?", [dead])
    alive = store.begin_run({})  # this process: still running
    assert store.mark_interrupted() == 1
    assert list(db.execute("SELECT id, status FROM crawl_runs ORDER BY id")) == [
        (dead, "interrupted"), (alive, "running")]
