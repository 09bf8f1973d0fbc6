"""One document on 浙江省's portal is evidence for each assessed city of 浙江: extraction writes
its rows once per city (attribution as computed for that city), scoring gives the province's
partial credit, and the province entry itself is never scored, ranked or exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_support import project_extractor
from scoring_support import add_document, mark_searched, run_scoring, score_of

from citydx.registry import load_registry
from db import open_db
from db.cities import sync_cities
from extractors.store import extract_all
from scoring.results import city_totals
from scoring.sheets_export import export_sheets

ZHEJIANG = ("杭州", "宁波", "温州", "金华", "台州", "嘉兴", "湖州", "绍兴")
TITLE = "浙江省公共数据授权运营管理办法"
TEXT = ("浙江省公共数据授权运营管理办法。为规范公共数据授权运营，省人民政府制定本办法，"
        "自2024年5月1日起施行。各设区市人民政府应当建立公共数据授权运营机制。"
        "杭州市已建成城市大脑算力中心。")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("fanout") / "c.db")
    sync_cities(db, load_registry())
    add_document(db, "浙江省", "https://www.zj.gov.cn/art/2024/5/6/art_1_1.html", title=TITLE,
                 issuer="浙江省人民政府办公厅", published_date="2024-05-06", text=TEXT)
    stats = extract_all(db, project_extractor())
    return db, stats


def rows(db, city: str, indicator: str) -> set[tuple[str, str]]:
    return set(db.execute("SELECT level, attribution FROM evidence WHERE city = ? AND "
                          "indicator = ?", [city, indicator]).fetchall())


def test_one_provincial_document_gives_rows_to_each_city_of_the_province(extracted) -> None:
    db, stats = extracted
    assert stats.documents == 1
    cities = {c for (c,) in db.execute("SELECT DISTINCT city FROM evidence")}
    assert cities == set(ZHEJIANG)  # never the entry 浙江省, never a city of another province
    for city in ZHEJIANG:
        # The measures, issued by the province: the province's share for every city.
        assert ("measures_issued", "province") in rows(db, city, "公共数据授权运营"), city


def test_city_words_on_a_provincial_document_are_the_province_unless_the_city_is_named(
        extracted) -> None:
    db, _ = extracted
    # "各设区市人民政府应当建立…" speaks of every city: province, not each city's own act.
    assert rows(db, "宁波", "公共数据授权运营") == {("measures_issued", "province"),
                                                   ("mentioned", "province")}
    # "杭州市已建成城市大脑算力中心" is 杭州's own platform, another city's for 宁波.
    assert rows(db, "杭州", "城市运行平台") == {("city_brain", "city")}
    assert rows(db, "宁波", "城市运行平台") == {("city_brain", "other_city")}


def test_extracting_again_adds_nothing(extracted) -> None:
    db, _ = extracted
    before = db.execute("SELECT count(*) FROM evidence").fetchone()[0]
    again = extract_all(db, project_extractor(), force=True)
    assert (again.inserted, again.removed, again.kept) == (0, 0, before)


@pytest.fixture(scope="module")
def scored(extracted):
    db, _ = extracted
    for city in ZHEJIANG:
        mark_searched(db, city)
    return db, *run_scoring(db)


def test_partial_credit_in_the_computed_scores(scored) -> None:
    _, _, result = scored
    # credit: city 1.0, province 0.5, other_city 0 (rules/indicators.yaml).
    # 宁波, 公共数据授权运营: measures_issued 2.5 points x 0.5 = 1.25 (beats mentioned 0.5 x 0.5).
    assert score_of(result, "宁波", "公共数据授权运营").points == pytest.approx(1.25)
    # 宁波, 城市运行平台: only another city's platform, credit 0.
    assert score_of(result, "宁波", "城市运行平台").points == 0
    # 杭州, 城市运行平台: city_brain 2 points x 1.0 (its own, named) = 2.
    assert score_of(result, "杭州", "城市运行平台").points == pytest.approx(2.0)
    totals = {c.city: c.total for c in result.cities}
    assert totals["宁波"] == pytest.approx(1.25)  # the measures are 宁波's only credited row
    assert totals["温州"] == pytest.approx(1.25)


def test_the_province_entry_is_never_scored_ranked_or_exported(scored, tmp_path: Path) -> None:
    db, run_id, result = scored
    assert "浙江省" not in {c.city for c in result.cities}
    assert "浙江省" not in {s.city for s in result.scores}
    for table in ("indicator_scores", "aggregate_scores", "city_results"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE city = '浙江省'").fetchone() \
            == (0,), table
    ranking = city_totals(db, run_id)
    assert "浙江省" not in {r["city"] for r in ranking}
    assert len(ranking) == 104  # every registry city, and only those
    written = export_sheets(db, tmp_path / "sheets")
    assert len(written) == 104
    assert not (tmp_path / "sheets" / "浙江省.xlsx").exists()


@pytest.mark.parametrize("chosen, extracted_documents", [
    (["宁波"], 1),  # a city of 浙江 brings 浙江省's document along
    (["北京"], 0),  # a city of another province does not
])
def test_pipeline_city_filter_brings_the_province_documents(
        chosen: list[str], extracted_documents: int, tmp_path: Path) -> None:
    from pipeline.stages import extract

    db = open_db(tmp_path / "c.db")
    sync_cities(db, load_registry())
    add_document(db, "浙江省", "https://www.zj.gov.cn/art/2024/5/6/art_1_1.html", title=TITLE,
                 issuer="浙江省人民政府办公厅", published_date="2024-05-06", text=TEXT)
    outcome = extract(db, chosen, lambda done, total: None)
    assert (outcome.documents, outcome.failures) == (extracted_documents, [])


def test_a_city_document_reposted_on_the_province_portal_stays_the_citys(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    sync_cities(db, load_registry())
    text = "为规范公共数据授权运营，市人民政府制定本办法，自2024年5月1日起施行。"
    add_document(db, "浙江省", "https://www.zj.gov.cn/art/2024/5/6/art_1_2.html",
                 title="宁波市公共数据授权运营管理办法", issuer="宁波市人民政府办公厅",
                 published_date="2024-05-06", text=text)
    extract_all(db, project_extractor())
    # Issued by 宁波: its own measures (市人民政府 is 宁波's), another city's for 杭州.
    assert ("measures_issued", "city") in rows(db, "宁波", "公共数据授权运营")
    assert {a for _, a in rows(db, "杭州", "公共数据授权运营")} == {"other_city"}


def test_the_text_is_read_once_for_all_cities_and_rows_match_one_by_one(monkeypatch) -> None:
    """Keywords, statuses and quantities do not depend on the city: a provincial document's
    text is read once, and each city's rows equal what extracting for that city alone gives."""
    extractor = project_extractor()
    reads: list[int] = []
    read_rows = extractor._rows
    monkeypatch.setattr(extractor, "_rows", lambda doc: reads.append(1) or read_rows(doc))
    together = extractor.extract_for(TEXT, ZHEJIANG, title=TITLE)
    assert len(reads) == 1
    for city in ZHEJIANG:
        assert together[city] == extractor.extract(TEXT, city, title=TITLE), city
    assert len(reads) == 1 + len(ZHEJIANG)
    # The rows differ by city where the attribution does (杭州's own centre, another's for 宁波).
    assert together["杭州"] != together["宁波"]
