"""Properties of text the platform, scenario, service and operation rules read, each pinned in
wordings other than the documents that showed it (d1590–d1679 were written by people who never
saw the rules): who runs an operation, what a demand is, how a scenario is named by its parts."""

import pytest

from tests.extract_support import indicator_findings


def _findings(text: str, indicator: str, city: str = "杭州") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize("text", [
    # an operation that takes in its users' say and acts on it is a system with feedback, with
    # or without the system named in the same text
    "市数字政府运营中心每月汇总市民和企业对政务应用的评价意见，督促运营单位限期整改。",
    "数字化项目实行“建设—运营—评价”闭环管理，每季度对已上线应用开展用户满意度回访，"
    "群众和企业的意见作为下一轮迭代依据。",
])
def test_feedback_acted_on_is_an_operation_system_with_feedback(text):
    assert _findings(text, "运营体系建设") == {("with_feedback", "built")}


@pytest.mark.parametrize("text", [
    # a meeting's demand or a duty for the operators is no practice yet
    "会议强调，要把市民和企业评价纳入运营考核，推动应用持续改进。",
    "会议要求进一步理顺权责边界，完善以市民企业评价为导向的运营考核。",
    "平台运营方应当建立用户评价机制，对企业反映的问题及时答复。",
])
def test_a_demand_for_feedback_is_no_practice(text):
    assert _findings(text, "运营体系建设") == set()


@pytest.mark.parametrize("text", [
    # a company or group that undertakes the unified operation is the operation company
    # (政企合作机制), not an operation system of the city
    "该公司受市政府委托负责城市数字化项目的统一运营，目前运营各类平台和场景14个。",
    "市城投集团作为全市数字政府统一运营单位，负责政务云和公共数据平台的一体化运营。",
    "由市属国企承担全市城市级数字底座和重点应用的统一运营。",
])
def test_a_company_running_the_unified_operation_is_no_system(text):
    assert _findings(text, "运营体系建设") == set()


def test_the_city_running_its_facilities_as_one_is_still_a_system():
    # no company named: the city's data and facilities under one operation
    text = "我市对政务云、公共数据平台和物联感知设施实行统一运营，由市大数据中心负责。"
    assert _findings(text, "运营体系建设") == {("system_built", "built")}
