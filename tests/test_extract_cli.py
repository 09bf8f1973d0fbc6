"""The verbs: citydx evidence, citydx extract and citydx eval, as a user runs them."""

import json

import pytest

from citydx.cli import main
from citydx.registry import load_registry
from db import open_db
from db.cities import sync_cities

DOC = ("温州市大数据发展管理局关于印发《温州市公共数据质量评价办法（试行）》的通知\n\n"
       "杭州城市大脑已建成覆盖11个重点领域的应用场景。\n")


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_evidence_prints_credited_rows_as_json_lines(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(DOC, encoding="utf-8")
    assert main(["evidence", "--city", "温州", str(path)]) == 0
    rows = _lines(capsys.readouterr().out)
    title = "温州市大数据发展管理局关于印发《温州市公共数据质量评价办法（试行）》的通知"
    assert rows == [
        {"file": str(path), "indicator": "数据质量评价", "level": "mentioned",
         "status": "mentioned", "quantity": None, "unit": None, "snippet": title,
         "attribution": "city", "rule": "data_quality.mention"},
        {"file": str(path), "indicator": "数据质量评价", "level": "rules_issued",
         "status": "issued", "quantity": None, "unit": None, "snippet": title,
         "attribution": "city", "rule": "data_quality.rules"},
    ]


def test_evidence_all_adds_other_cities_rows(tmp_path, capsys):
    path = tmp_path / "a.html"
    path.write_text(f"<html><body><div class='content'><p>{DOC}</p></div></body></html>",
                    encoding="utf-8")
    assert main(["evidence", "--all", "--city", "温州", str(path)]) == 0
    rows = _lines(capsys.readouterr().out)
    other = [r for r in rows if r["attribution"] != "city"]
    assert [(r["indicator"], r["level"], r["attribution"]) for r in other] == [
        ("城市运行平台", "city_brain", "other_city")]


@pytest.mark.parametrize(("argv", "message"), [
    (["evidence", "--city", "火星", "{doc}"],
     "unknown city '火星': use a name from rules/cities.yaml or add the city there"),
    (["evidence", "--city", "温州", "{tmp}/none.txt"], "file not found: {tmp}/none.txt"),
    (["evidence", "--city", "温州", "{tmp}"], "{tmp} is a folder: give document files"),
    (["evidence", "--city", "温州", "{tmp}/bad.txt"],
     "{tmp}/bad.txt is not UTF-8 or GB18030 text"),
    (["evidence", "--city", "温州", "{tmp}/scan.pdf"], "cannot read text from {tmp}/scan.pdf: "
     "无法识别的文件类型 unknown file type"),
    (["eval", "{tmp}"], "{tmp} holds no labels.jsonl (give extractors/corpus or one split)"),
    (["eval", "{tmp}/none"], "not a folder: {tmp}/none"),
])
def test_bad_input_is_one_line(tmp_path, capsys, argv, message):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x81\x00" * 10)
    (tmp_path / "scan.pdf").write_bytes(b"\x00\x01\x02\x03" * 8)
    args = [a.format(tmp=tmp_path, doc=tmp_path / "doc.txt") for a in argv]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err == f"错误 error: {message.format(tmp=tmp_path)}\n"
    assert captured.out == ""


def test_extract_twice_adds_nothing(tmp_path, capsys):
    path = tmp_path / "c.db"
    db = open_db(path)
    sync_cities(db, load_registry())
    db["documents"].insert({"city": "温州", "url": "https://www.wenzhou.gov.cn/1", "text": DOC})
    db.conn.close()
    assert main(["extract", "--db", str(path)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("抽取完成 extracted: 1 documents (0 unchanged), +3 evidence rows, "
                            "0 kept, 0 removed")
    assert main(["extract", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith(
        "抽取完成 extracted: 0 documents (1 unchanged), +0 evidence rows, 0 kept, 0 removed")
    assert main(["extract", "--db", str(path), "--force"]) == 0
    assert capsys.readouterr().out.startswith(
        "抽取完成 extracted: 1 documents (0 unchanged), +0 evidence rows, 3 kept, 0 removed")


def test_eval_counts_by_hand(tmp_path, capsys):
    split = tmp_path / "dev"
    split.mkdir()
    (split / "a.txt").write_text(DOC, encoding="utf-8")
    (split / "b.txt").write_text("南京市城市级物联感知平台已累计接入感知设备120万个。\n",
                                 encoding="utf-8")
    labels = [
        {"doc": "a.txt", "city": "温州", "kind": "positive", "evidence": [
            {"indicator": "数据质量评价", "level": "rules_issued", "status": "issued",
             "quantity": None, "unit": None}]},
        {"doc": "b.txt", "city": "南京", "kind": "quantity", "evidence": [
            {"indicator": "物联感知体系", "level": "platform_built", "status": "built",
             "quantity": 1300000, "unit": "个"}]},
    ]
    (split / "labels.jsonl").write_text(
        "\n".join(json.dumps(item, ensure_ascii=False) for item in labels), encoding="utf-8")
    assert main(["eval", str(tmp_path), "--mistakes"]) == 0
    out = capsys.readouterr().out
    # a.txt: rules_issued/issued found (TP). b.txt: 1 200 000 found, label says 1 300 000: off by
    # more than 1%, so the finding is a FP and the label a FN. TP 1, FP 1, FN 1:
    # precision 1/2 = 0.5, recall 1/2 = 0.5, F1 0.5.
    assert "== dev: 2 documents 文档 ==" in out
    overall = next(line for line in out.splitlines() if line.startswith("总体"))
    assert overall.split()[2:] == ["1", "1", "1", "0.500", "0.500", "0.500"]
    mistake = ("  × b.txt 物联感知体系/platform_built/built: 预期 expected 1300000, "
               "抽取 got 1200000.0")
    assert mistake in out
