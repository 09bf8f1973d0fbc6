"""Province entries in rules/cities.yaml (`provinces:`): portal owners that are never assessed,
validated on load with file:line errors, synced into the cities table, owners of sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydx.errors import RulesFileError
from citydx.registry import load_registry
from crawler.sites import load_sources
from db import open_db
from db.cities import sync_cities

MUNICIPALITIES = {"北京", "上海", "天津", "重庆"}


def test_every_province_with_assessed_cities_has_one_entry() -> None:
    registry = load_registry()
    # 31 provinces hold assessed cities; the 4 municipalities are their own province: 27 entries.
    provinces = {c.province for c in registry.assessed} - MUNICIPALITIES
    assert sorted(p.province for p in registry.provinces) == sorted(provinces)
    assert len(registry.provinces) == 27
    assert all(p.kind == "province" and not p.assessed and not p.verified
               for p in registry.provinces)
    assert all(p.owns_host(p.portal) for p in registry.provinces)
    # Entries own documents but are not cities: never among the cities or the assessed.
    names = {p.name for p in registry.provinces}
    assert not names & {c.name for c in registry.cities}
    assert len(registry.cities) == 104 and len(registry.assessed) == 104


def test_a_province_entry_fans_out_to_its_assessed_cities() -> None:
    registry = load_registry()
    zhejiang = registry.get("浙江省")
    assert (zhejiang.province, zhejiang.portal, zhejiang.domains) == (
        "浙江", "www.zj.gov.cn", ("zj.gov.cn",))
    assert zhejiang.owns_host("www.zj.gov.cn") and not zhejiang.owns_host("www.hangzhou.gov.cn")
    # The 8 assessed cities of 浙江 in rules/cities.yaml, in file order.
    assert registry.fan_out("浙江省") == ("杭州", "宁波", "温州", "金华", "台州", "嘉兴", "湖州",
                                          "绍兴")
    assert registry.fan_out("杭州") == ("杭州",)  # a city's documents stay the city's


def test_sync_writes_province_entries_as_unassessed_owners(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    sync_cities(db, load_registry())
    assert db.execute("SELECT name, province, kind, assessed, portal FROM cities "
                      "WHERE name = '广东省'").fetchall() == [
        ("广东省", "广东", "province", 0, "www.gd.gov.cn")]
    assert db.execute("SELECT count(*) FROM cities WHERE kind = 'province'").fetchone() == (27,)


def test_a_source_may_name_a_province_entry_and_stays_on_its_domains(tmp_path: Path) -> None:
    registry = load_registry()
    good = tmp_path / "good.yaml"
    good.write_text("profile: live\nsources:\n  - {city: 浙江省, url: "
                    "'https://www.zj.gov.cn/col/col1229019364/index.html'}\n", encoding="utf-8")
    assert [s.city for s in load_sources(registry, "live", good)] == ["浙江省"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("profile: live\nsources:\n  - {city: 浙江省, url: "
                   "'https://www.hangzhou.gov.cn/'}\n", encoding="utf-8")
    with pytest.raises(RulesFileError) as err:
        load_sources(registry, "live", bad)
    assert str(err.value) == (f"{bad}:3: url https://www.hangzhou.gov.cn/ is not on 浙江省's "
                              "domains (zj.gov.cn)")


CITIES = ("cities:\n  - name: 杭州\n    province: 浙江\n    portal: www.hangzhou.gov.cn\n"
          "    domains: [hangzhou.gov.cn]\n")  # lines 1-5; `provinces:` starts on line 6
ZJ = "  - {name: 浙江省, province: 浙江, portal: www.zj.gov.cn, domains: [zj.gov.cn]}\n"

# (id, provinces section, line, message)
BAD_PROVINCES = [
    ("not a list", "provinces: {}\n", 6, "'provinces:' must be a list"),
    ("entry is not a mapping", "provinces:\n  - 浙江省\n", 7, "each province must be a mapping"),
    ("missing name", "provinces:\n  - {province: 浙江, portal: www.zj.gov.cn}\n", 7,
     "province: missing 'name'"),
    ("name of a city", "provinces:\n" + ZJ.replace("name: 浙江省", "name: 杭州"), 7,
     "province '杭州': the name is already used by a city or province; name the entry after the "
     "province, e.g. 浙江省"),
    ("listed twice", "provinces:\n" + ZJ + ZJ, 8,
     "province '浙江省': the name is already used by a city or province; name the entry after "
     "the province, e.g. 浙江省"),
    ("missing province", "provinces:\n  - {name: 浙江省, portal: www.zj.gov.cn}\n", 7,
     "province '浙江省': missing 'province'"),
    ("missing portal", "provinces:\n  - {name: 浙江省, province: 浙江}\n", 7,
     "province '浙江省': missing 'portal'"),
    ("province with no assessed city", "provinces:\n" + ZJ.replace("province: 浙江",
                                                                   "province: 浙江省"), 7,
     "province '浙江省': no assessed city has province '浙江省'; spell it as the cities do"),
    ("second entry for a province", "provinces:\n" + ZJ + ZJ.replace("name: 浙江省",
                                                                     "name: 浙江"), 8,
     "province '浙江': province '浙江' already has the entry '浙江省'"),
    ("no domains", "provinces:\n  - {name: 浙江省, province: 浙江, portal: www.zj.gov.cn}\n", 7,
     "province '浙江省': 'domains' must list its gov.cn domains"),
    ("a city's domain", "provinces:\n" + ZJ.replace("[zj.gov.cn]", "[zj.gov.cn, hangzhou.gov.cn]"),
     7, "province '浙江省': domain 'hangzhou.gov.cn' belongs to city '杭州'"),
]


@pytest.mark.parametrize("section, line, message", [c[1:] for c in BAD_PROVINCES],
                         ids=[c[0] for c in BAD_PROVINCES])
def test_bad_province_entry(section: str, line: int, message: str, tmp_path: Path) -> None:
    path = tmp_path / "cities.yaml"
    path.write_text(CITIES + section, encoding="utf-8")
    with pytest.raises(RulesFileError) as err:
        load_registry(path)
    assert str(err.value) == f"{path}:{line}: {message}"


def test_a_registry_without_provinces_has_none(tmp_path: Path) -> None:
    path = tmp_path / "cities.yaml"
    path.write_text(CITIES, encoding="utf-8")
    registry = load_registry(path)
    assert registry.provinces == () and [c.name for c in registry.owners] == ["杭州"]


def test_a_good_province_section_loads(tmp_path: Path) -> None:
    path = tmp_path / "cities.yaml"
    path.write_text(CITIES + "provinces:\n" + ZJ, encoding="utf-8")
    registry = load_registry(path)
    assert [(p.name, p.kind, p.assessed) for p in registry.owners] == [
        ("杭州", "prefecture", True), ("浙江省", "province", False)]
    assert registry.fan_out("浙江省") == ("杭州",)
