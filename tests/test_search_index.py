"""The full-text index built after the crawl: the queue, edits and deletions on both sides of
it, searches that index first, and the audit UI's start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from audit.search import search_documents
from db import open_db
from db.search_index import index_pending, pending_count


@pytest.fixture()
def db(tmp_path: Path):
    database = open_db(tmp_path / "s.db")
    database["cities"].insert({"name": "保定", "province": "河北", "kind": "prefecture"})
    return database


def _add(db, doc_id: int, text: str) -> None:
    db["documents"].insert({"id": doc_id, "city": "保定", "url": f"http://www.bd.gov.cn/{doc_id}",
                            "title": f"文件{doc_id}", "text": text})


def _hits(db, phrase: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts "
                                     "MATCH ? ORDER BY rowid", (f'"{phrase}"',))]


def _check(db) -> None:
    """FTS5's own comparison of the index with the documents table: raises when they differ."""
    db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")


def test_new_documents_wait_in_the_queue_until_indexed(db) -> None:
    _add(db, 1, "建成城市运行管理平台")
    _add(db, 2, "出台数据资源管理办法")
    assert pending_count(db) == 2
    assert _hits(db, "运行管理") == []  # queued, not yet in the index
    with pytest.raises(sqlite3.DatabaseError):
        _check(db)  # the check notices the missing rows
    assert index_pending(db) == 2
    assert pending_count(db) == 0
    assert _hits(db, "运行管理") == [1] and _hits(db, "资源管理") == [2]
    _check(db)
    assert index_pending(db) == 0  # nothing left: a no-op


def test_edits_and_deletions_of_queued_and_indexed_documents_keep_the_index_exact(db) -> None:
    for doc_id, text in [(1, "数字孪生城市"), (2, "城市大脑中枢"), (3, "低空经济发展")]:
        _add(db, doc_id, text)
    index_pending(db)
    _add(db, 4, "算力中心建设")  # queued
    _add(db, 5, "一网统管平台")  # queued, then deleted before indexing
    db.execute("UPDATE documents SET text = '城市大脑新版' WHERE id = 2")  # indexed: re-indexed
    db.execute("UPDATE documents SET text = '智算中心投运' WHERE id = 4")  # queued: stays queued
    db.execute("DELETE FROM documents WHERE id = 3")  # indexed: removed from the index
    db.execute("DELETE FROM documents WHERE id = 5")  # queued: leaves the queue
    db.conn.commit()
    assert pending_count(db) == 1
    assert index_pending(db) == 1
    assert _hits(db, "大脑新版") == [2] and _hits(db, "大脑中枢") == []
    assert _hits(db, "智算中心") == [4] and _hits(db, "算力中心") == []
    assert _hits(db, "低空经济") == [] and _hits(db, "一网统") == []
    _check(db)


def test_a_search_indexes_the_queue_first(db) -> None:
    _add(db, 1, "本市建成城市运行管理平台，接入部门系统")
    result = search_documents(db, "运行管理平台")
    assert (result.mode, result.total) == ("fts", 1)
    assert result.rows[0]["marked"] == "运行管理平台"
    assert pending_count(db) == 0


def test_a_short_query_uses_like_and_leaves_the_queue(db) -> None:
    _add(db, 1, "建成城市大脑")
    result = search_documents(db, "大脑")
    assert (result.mode, result.total) == ("like", 1)
    assert pending_count(db) == 1


def test_serve_builds_the_index_before_it_listens(db, tmp_path: Path, monkeypatch, capsys) -> None:
    from citydx.cli import main

    _add(db, 1, "建成城市运行管理平台")
    _add(db, 2, "出台数据资源管理办法")
    db.conn.commit()
    started: list[str] = []
    monkeypatch.setattr("audit.server.serve", lambda config, host, port: started.append(host))
    assert main(["serve", "--db", str(tmp_path / "s.db")]) == 0
    assert started == ["127.0.0.1"]
    assert capsys.readouterr().out == "建立搜索索引 indexing 2 篇文件 documents for search …\n"
    assert pending_count(open_db(tmp_path / "s.db")) == 0


def test_a_file_from_before_the_queue_keeps_its_index(tmp_path: Path) -> None:
    """Upgrading a version-5 file: its documents were indexed by the old triggers and stay so."""
    from db.schema import MIGRATIONS

    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    conn.executescript(";".join(MIGRATIONS[:5]))
    conn.execute("PRAGMA user_version=5")
    conn.execute("INSERT INTO cities (name, province, kind) VALUES ('保定', '河北', 'prefecture')")
    conn.execute("INSERT INTO documents (id, city, url, title, text) VALUES "
                 "(7, '保定', 'http://www.bd.gov.cn/a.html', '数字保定', '数字孪生城市')")
    conn.commit()
    conn.close()
    db = open_db(path)
    assert pending_count(db) == 0
    assert _hits(db, "孪生城") == [7]
    db.execute("UPDATE documents SET text = '城市大脑' WHERE id = 7")  # indexed: re-indexed
    db.conn.commit()
    assert _hits(db, "孪生城") == [] and _hits(db, "城市大") == [7]
    _check(db)
