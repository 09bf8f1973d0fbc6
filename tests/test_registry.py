"""The city registry: the 104 assessed cities, host ownership, custom registries, bad files."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from citydx.errors import RulesFileError, UnknownCityError
from citydx.paths import PROJECT_ROOT
from citydx.registry import load_registry

MUNICIPALITIES = {"北京", "上海", "天津", "重庆"}
SEPARATELY_PLANNED = {"深圳", "宁波", "厦门", "青岛", "大连"}


def test_104_assessed_cities_in_31_provinces() -> None:
    registry = load_registry()
    assessed = registry.assessed
    assert len(assessed) == 104
    assert len({c.name for c in assessed}) == 104
    # 22 provinces + 5 autonomous regions + 4 municipalities, each municipality its own province.
    assert len({c.province for c in assessed}) == 31


def test_kinds_of_city() -> None:
    cities = load_registry().assessed
    kinds = Counter(c.kind for c in cities)
    # 27 capitals of the 27 provinces and autonomous regions; the rest are prefecture-level.
    assert kinds == {"capital": 27, "municipality": 4, "separately_planned": 5,
                     "prefecture": 104 - 27 - 4 - 5}
    assert {c.name for c in cities if c.kind == "separately_planned"} == SEPARATELY_PLANNED
    municipalities = [c for c in cities if c.kind == "municipality"]
    assert {c.name for c in municipalities} == MUNICIPALITIES
    assert all(c.province == c.name for c in municipalities)
    capitals = [c for c in cities if c.is_capital]
    assert len({c.province for c in capitals}) == 27  # one capital per province
    assert not {c.province for c in capitals} & MUNICIPALITIES


def test_every_city_has_a_portal_on_its_own_domains() -> None:
    for city in load_registry().cities:
        assert city.owns_host(city.portal), city.name


@pytest.mark.parametrize("host, owned", [
    ("bd.gov.cn", True),
    ("www.bd.gov.cn", True),
    ("xxgk.bd.gov.cn", True),
    ("baoding.gov.cn", True),          # the alternate domain
    ("www.baoding.gov.cn", True),
    ("WWW.BD.GOV.CN.", True),          # case and the trailing root dot do not matter
    ("evil-bd.gov.cn.com", False),
    ("bd.gov.cn.evil.com", False),
    ("evil-bd.gov.cn", False),         # same suffix, different registrable name
    ("notbd.gov.cn", False),
    ("gov.cn", False),
    ("www.hebei.gov.cn", False),       # the province's portal is not the city's
])
def test_owns_host_for_subdomains_and_alternate_domains(host: str, owned: bool) -> None:
    assert load_registry().get("保定").owns_host(host) is owned


def test_unknown_city() -> None:
    with pytest.raises(UnknownCityError) as err:
        load_registry().get("雄安")
    assert str(err.value) == ("unknown city '雄安': use a name from rules/cities.yaml or add the "
                              "city there")


def test_custom_registry_adds_a_non_assessed_city(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules", rules)
    with (rules / "cities.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - name: 雄安\n    province: 河北\n    kind: prefecture\n"
                     "    assessed: false\n    portal: www.xiongan.gov.cn\n"
                     "    domains: [xiongan.gov.cn]\n")
    monkeypatch.setenv("CITYDX_RULES", str(rules))
    registry = load_registry()
    assert registry.path == str(rules / "cities.yaml")
    assert len(registry.cities) == 105 and len(registry.assessed) == 104
    xiongan = registry.get("雄安")
    assert (xiongan.assessed, xiongan.province) == (False, "河北")
    assert xiongan.owns_host("www.xiongan.gov.cn")
    assert not registry.get("保定").owns_host("www.xiongan.gov.cn")


CITY = "  - name: 保定\n    province: 河北\n    portal: www.bd.gov.cn\n    domains: [bd.gov.cn]\n"

# (id, file text, line, message)
BAD_REGISTRIES = [
    ("no cities list", "towns: []\n", 1, "expected a top-level 'cities:' list"),
    ("empty file", "", None, "expected a top-level 'cities:' list"),
    ("city is not a mapping", "cities:\n  - 保定\n", None, "each city must be a mapping"),
    ("missing name", "cities:\n  - province: 河北\n    portal: www.bd.gov.cn\n", 2,
     "city: missing 'name'"),
    ("city listed twice", "cities:\n" + CITY + CITY, 6, "city '保定' is listed twice"),
    ("missing province", "cities:\n  - name: 保定\n    portal: www.bd.gov.cn\n", 2,
     "city '保定': missing 'province'"),
    ("missing portal", "cities:\n  - name: 保定\n    province: 河北\n", 2,
     "city '保定': missing 'portal'"),
    ("unknown kind", "cities:\n" + CITY + "    kind: county\n", 2,
     "city '保定': kind must be one of municipality, separately_planned, capital, prefecture"),
    ("no domains", "cities:\n  - name: 保定\n    province: 河北\n    portal: www.bd.gov.cn\n", 2,
     "city '保定': 'domains' must list its gov.cn domains"),
    ("a domain without a dot", "cities:\n" + CITY.replace("[bd.gov.cn]", "[bd.gov.cn, bd]"), 2,
     "city '保定': 'domains' must list its gov.cn domains"),
    ("duplicate mapping key", "cities:\n" + CITY + "    province: 山西\n", 6,
     "duplicate key 'province' (first on line 3)"),
    ("invalid YAML (bad indentation)", "cities:\n  - name: 保定\n   province: 河北\n", 3,
     "invalid YAML: expected <block end>, but found '<block mapping start>' (while parsing a "
     "block collection on line 2)"),
]


@pytest.mark.parametrize("text, line, message", [c[1:] for c in BAD_REGISTRIES],
                         ids=[c[0] for c in BAD_REGISTRIES])
def test_bad_registry_file(text: str, line: int | None, message: str, tmp_path: Path) -> None:
    path = tmp_path / "cities.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesFileError) as err:
        load_registry(path)
    where = f"{path}:{line}" if line else str(path)
    assert str(err.value) == f"{where}: {message}"


def test_missing_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "cities.yaml"
    with pytest.raises(RulesFileError) as err:
        load_registry(path)
    assert str(err.value) == f"{path}: cannot read file (No such file or directory)"
