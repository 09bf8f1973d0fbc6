"""General properties of unseen text for the economy and governance indicators: a fact told in
its own clause beside a plan for another thing, a shortfall judged by count, and the other
wordings another writer would use for the same thing (one sentence each)."""

import pytest

from tests.extract_support import project_extractor


def _findings(text: str, city: str = "邯郸", indicator: str | None = None) -> set[tuple]:
    rows = project_extractor().extract(text, city)
    return {(r.indicator, r.level, r.status) for r in rows
            if indicator is None or r.indicator == indicator}


@pytest.mark.parametrize("text", [
    "市政府已印发公共数据授权运营实施细则，授权运营平台正在加快建设，预计明年上半年上线。",
    "公共数据授权运营实施细则已经出台，但运营平台有望明年才能上线。",
    "今年3月，《邯郸市公共数据授权运营管理办法》已正式印发，授权运营平台预计年底建成。",
])
def test_a_measure_issued_in_its_own_clause_stays_issued_beside_a_later_plan(text):
    found = _findings(text, indicator="公共数据授权运营")
    assert ("公共数据授权运营", "measures_issued", "issued") in found


@pytest.mark.parametrize("text", [
    "公共数据授权运营管理办法经市政府常务会议审议通过，预计下月印发。",
    "授权运营管理办法起草工作已完成，预计年底前印发。",
    "我市拟于明年出台公共数据授权运营管理办法。",
])
def test_a_measure_on_its_way_takes_the_plan_level(text):
    # corpus convention 3: a planned item takes platform_planned on this ladder
    assert _findings(text, indicator="公共数据授权运营") == {
        ("公共数据授权运营", "platform_planned", "planned")}


@pytest.mark.parametrize("text", [
    "与周边城市共建的跨区域创新平台较少。",
    "我市与京津共建的协同创新中心数量偏少，作用发挥不充分。",
    "目前，我市参与的区域协同创新平台屈指可数。",
    "与雄安新区合作共建的产业园区仍然较少，承接产业转移能力不强。",
])
def test_a_count_judged_too_small_is_no_platform(text):
    assert _findings(text, indicator="跨区域协同创新平台") == set()


def test_a_platform_running_stays_built_beside_a_small_count():
    found = _findings("我市与北京共建的联合实验室已投入运行，但数量较少。",
                      indicator="跨区域协同创新平台")
    assert found == {("跨区域协同创新平台", "one_platform", "built")}


@pytest.mark.parametrize("text", [
    "数据交易所是数据要素流通的重要载体。",  # a definition of the class
    "据了解，全国已有40余家数据交易所。",  # a count across the country
    "市数据局组织企业参加全国数据交易所联席会议。",  # a meeting the city attends
    "我市代表团出席2024全球数商大会暨数据交易所发展论坛。",
    "数据交易所的运营模式值得借鉴。",  # a model to learn from
])
def test_exchanges_as_a_class_are_no_exchange_of_the_city(text):
    assert _findings(text, indicator="数商发展") == set()


@pytest.mark.parametrize("text", [
    "全市数商数量较少，数据交易所尚在谋划。",
    "市里正研究数据交易机构的设立路径。",
])
def test_an_exchange_still_laid_out_or_studied_is_planned(text):
    assert _findings(text, indicator="数商发展") == {("数商发展", "ecosystem", "planned")}


def test_a_named_exchange_at_work_still_exists():
    assert _findings("邯郸数据交易中心运行一年来，累计交易额达2.3亿元。", indicator="数商发展") == {
        ("数商发展", "ecosystem", "built")}


@pytest.mark.parametrize("text", [
    "市水务局印发《城乡一体化供水规划（2024—2035年）》。",
    "我市出台城乡融合发展户籍制度改革实施意见，放宽落户限制。",
    "城乡一体化供水规划尚未出台。",
])
def test_an_urban_rural_policy_on_another_subject_is_no_digital_policy(text):
    assert _findings(text, indicator="城乡数字化协同建设") == set()


@pytest.mark.parametrize("text", [
    "市政府印发《关于推进城乡数字化协同发展的实施意见》。",
    "我市印发城乡融合发展实施方案，推动数字公共服务向乡村延伸。",
])
def test_an_urban_rural_policy_with_a_digital_word_is_issued(text):
    assert ("城乡数字化协同建设", "policy_issued", "issued") in _findings(
        text, indicator="城乡数字化协同建设")


@pytest.mark.parametrize(("text", "indicator"), [
    ("全国已建成数字化转型促进中心200余家。", "数字化转型协同发展"),
    ("截至去年底，全国共有数字化转型促进中心300多家，我市正在谋划。", "数字化转型协同发展"),
])
def test_a_count_across_the_country_is_background(text, indicator):
    assert not {f for f in _findings(text, indicator=indicator) if f[2] == "built"}
