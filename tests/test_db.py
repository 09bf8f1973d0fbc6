"""The database: schema, pragmas, in-place upgrades, refusals, foreign keys and `citydx init`."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from citydx.cli import main
from citydx.errors import DatabaseError
from citydx.paths import PROJECT_ROOT
from citydx.registry import load_registry
from db import MIGRATIONS, SCHEMA_VERSION, open_db
from db.cities import sync_cities
from db.connection import schema_version
from db.search_index import index_pending

TABLES = {"cities", "sources", "crawl_runs", "source_runs", "documents", "document_versions",
          "attachments", "evidence", "overrides", "scoring_runs", "indicator_scores",
          "indicator_score_evidence", "aggregate_scores", "city_results", "audit_log",
          "documents_fts", "documents_fts_pending"}
OLD_TEXT = "保定市推进数字孪生城市建设，建成城市运行管理平台。"


def test_new_file_gets_the_current_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_db(tmp_path / "sub" / "new.db")  # the parent folder is created too
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 3
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert TABLES <= set(db.table_names())


def _make_v1(path: Path) -> None:
    """A file as version 1 of citydx left it: only the first migration, with one document."""
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO cities (name, province, kind) VALUES ('保定', '河北', 'prefecture')")
    conn.execute("INSERT INTO documents (id, city, url, title, text) VALUES "
                 "(7, '保定', 'http://www.bd.gov.cn/a.html', '数字保定', ?)", (OLD_TEXT,))
    conn.commit()
    conn.close()


def test_v1_file_is_upgraded_in_place_and_old_documents_are_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _make_v1(path)
    db = open_db(path)
    assert schema_version(db) == SCHEMA_VERSION
    # The trigram index finds the pre-existing document by a 3-character Chinese substring.
    hits = db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                      ('"孪生城"',)).fetchall()
    assert hits == [(7,)]
    # and not by one it does not contain
    assert db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                      ('"低空经"',)).fetchall() == []
    # New rows are queued by the trigger and indexed by whoever searches next.
    db["documents"].insert({"id": 8, "city": "保定", "url": "http://www.bd.gov.cn/b.html",
                            "title": "低空经济", "text": "出台低空经济发展行动方案"})
    assert index_pending(db) == 1
    hits = db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                      ('"低空经"',)).fetchall()
    assert hits == [(8,)]
    db.conn.close()
    assert schema_version(open_db(path)) == SCHEMA_VERSION  # opening again changes nothing


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseError) as err:
        open_db(path)
    assert str(err.value) == (f"{path} has schema version {SCHEMA_VERSION + 1}, newer than "
                              f"this citydx ({SCHEMA_VERSION}): "
                              "upgrade citydx")


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库 not a database\n" * 200, encoding="utf-8")
    with pytest.raises(DatabaseError) as err:
        open_db(path)
    assert str(err.value) == (f"{path} is not a citydx database (file is not a database): "
                              "choose another --db")


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as err:
        open_db(tmp_path)
    assert str(err.value) == f"{tmp_path} is a folder: give --db the path of a database file"


def test_foreign_keys_reject_evidence_for_an_unknown_city(tmp_path: Path) -> None:
    db = open_db(tmp_path / "fk.db")
    sync_cities(db, load_registry())
    row = {"indicator": "城市韧性", "level": "policy", "status": "stated", "snippet": "……",
           "rule_id": "r1", "rules_version": "2024.1"}
    db["evidence"].insert({**row, "city": "保定"})  # a registry city is fine
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        db["evidence"].insert({**row, "city": "雄安", "rule_id": "r2"})
    assert db["evidence"].count == 1


def test_init_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "citydx.db"
    assert main(["init", "--db", str(path)]) == 0
    assert capsys.readouterr().out == (f"数据库已就绪 database ready: schema v{SCHEMA_VERSION}, "
                                       "104 cities, "
                                       "31 tertiary indicators (rules 2024.1)\n")
    db = open_db(path)
    # 104 cities and 27 province entries (the 4 municipalities are their own province).
    assert db["cities"].count == 104 + 27
    assert db.execute("SELECT COUNT(*) FROM cities WHERE kind = 'province' AND assessed = 0"
                      ).fetchone() == (27,)
    assert db.execute("SELECT province, kind FROM cities WHERE name = '深圳'").fetchone() == (
        "广东", "separately_planned")
    db.conn.close()
    assert main(["init", "--db", str(path)]) == 0  # running it again is harmless
    assert "104 cities" in capsys.readouterr().out


def test_init_upgrades_a_v1_file_and_loads_a_custom_registry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules", rules)
    with (rules / "cities.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - name: 雄安\n    province: 河北\n    assessed: false\n"
                     "    portal: www.xiongan.gov.cn\n    domains: [xiongan.gov.cn]\n")
    monkeypatch.setenv("CITYDX_RULES", str(rules))
    path = tmp_path / "old.db"
    _make_v1(path)
    assert main(["init", "--db", str(path)]) == 0
    assert f"schema v{SCHEMA_VERSION}, 105 cities" in capsys.readouterr().out
    db = open_db(path)
    assert db.execute("SELECT assessed FROM cities WHERE name = '雄安'").fetchone() == (0,)
    assert db["documents"].count == 1


def test_init_refuses_a_newer_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=9")
    conn.close()
    assert main(["init", "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"错误 error: {path} has schema version 9, newer than this citydx "
                            f"({SCHEMA_VERSION}): upgrade citydx\n")
