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
