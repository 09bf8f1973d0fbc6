"""Platform, operation and cooperation rules on wording written by people who had not read them:
one sentence per text property, in words other than the dev documents that showed it."""

import pytest

from tests.extract_support import indicator_findings


def _findings(text: str, indicator: str, city: str = "南京") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize(("text", "expected"), [
    # a platform told as the city's single, unified one is the unified level
    ("目前我市还没有建成全市统一的城市运行管理平台。", {("unified_platform", "negated")}),
    # unified management reached as an outcome
    ("城市大脑已接入部门系统56个，初步实现城市运行“一网统管”。",
     {("city_brain", "built"), ("unified_platform", "built")}),
    # a project's award named right after 一网统管
    ("我市“城市大脑·一网统管”项目获评省级优秀案例。", {("unified_platform", "built")}),
    # early work on the platform is a plan, even after a past marker
    ("城市大脑中枢系统建设项目已完成初步设计批复。", {("planned", "planned")}),
    ("市数据局已会同市住建局启动城市运行管理服务平台前期研究。", {("planned", "planned")}),
])
def test_city_operation_platform(text, expected):
    # a sentence may also yield the lower level of the same status (the summary keeps the best):
    # the expected rows are there and no other status is
    found = _findings(text, "城市运行平台")
    assert expected <= found
    assert {status for _, status in found} == {status for _, status in expected}


@pytest.mark.parametrize("text", [
    "关于城市大脑展厅改造工程的竞争性磋商公告",          # a showroom named after it
    "数字城管平台运行维护服务项目成交结果公告",          # a maintenance contract
    "会上，与会专家围绕城市大脑的未来发展展开深入交流。",  # a discussion
    "“一网统管”建设是提升城市治理现代化水平的关键一招。",  # a judgement
    "市政协委员建议加快城市运行管理服务平台建设。",        # bare advice
    "据悉，智慧城管是城市管理的发展方向，目前多地已有探索。",  # what other places try
])
def test_city_operation_platform_not_credited(text):
    assert _findings(text, "城市运行平台") == set()


def test_vital_signs_listed_among_scenes_is_no_system():
    text = "力争年底前实现城市运行体征、应急调度、市政设施等首批场景上线。"
    assert _findings(text, "城市生命体征") == set()


def test_platform_a_fact_was_done_through_runs():
    assert _findings("依托“网格+执法”基层执法平台，全市执法队纳入统一指挥。",
                     "基层执法平台") == {("built", "built")}
    assert _findings("该项目依托基层治理数字化平台，将2.8万名网格员纳入一个平台。",
                     "基层治理平台") == {("built", "built")}


def test_an_enforcement_item_is_no_value_added_service():
    text = "海曙区还在平台上线了“执法+监管”一件事联办功能，减少对企业的重复检查。"
    assert _findings(text, "政务增值化服务") == set()


@pytest.mark.parametrize("text", [
    "市文旅集团建立景区智慧化运营体系，游客满意度达到98%。",
    "市公交集团完善运营管理体系，新增新能源公交车200辆，设施更新率达到90%。",
    "全市政务服务中心建立了统一的运营管理体系，各部门窗口实行标准化管理。",
])
def test_another_operators_system_is_not_the_citys(text):
    assert _findings(text, "运营体系建设") == set()


def test_an_operation_evaluation_system_to_study_is_planned():
    text = "市数据局已制定整改方案，明确将研究建立运营评价制度。"
    assert _findings(text, "运营体系建设") == {("planned", "planned")}


def test_state_owned_company_running_the_centre_is_the_operation_company():
    text = ("去年揭牌运营的城市数字化运营中心，由市属国资企业南京城市数字科技有限公司"
            "负责日常运营。")
    assert ("operation_company", "built") in _findings(text, "政企合作机制")


@pytest.mark.parametrize(("text", "expected"), [
    ("试点“政府引导、企业运营”的城市数字化运营模式。", {("mentioned", "mentioned")}),
    # a franchise explored for a digital project is a cooperation mode urged, as the model is
    ("下一步将探索智慧路灯特许经营模式，吸引社会资本参与。", {("mentioned", "mentioned")}),
    ("国有企业要带头开展数字化转型，打造一批数字科技公司。", set()),
])
def test_cooperation_models_urged_or_generic(text, expected):
    assert _findings(text, "政企合作机制") == expected


def test_a_contest_prize_lands_no_scenario():
    text = "我市企业在全国“数据要素×”大赛中荣获二等奖。"
    assert _findings(text, "场景应用") == set()


def test_scenarios_of_a_field_are_a_mention_of_the_task():
    text = "积极探索智慧农业应用场景，鼓励农业企业开展数字化改造。"
    assert _findings(text, "数字化场景") == {("mentioned", "mentioned")}
