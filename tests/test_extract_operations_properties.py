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


@pytest.mark.parametrize(("text", "expected"), [
    # a factory or workshop named by a digital word before it, not by a set name
    ("全区已建成5G工厂3家、黑灯车间7个，生产效率平均提升三成。", {("one_space", "built")}),
    ("上半年，全市累计建成省级智能制造标杆工厂12家。", {("one_space", "built")}),
    # a product named before the factory is what it makes; a forum names the idea
    ("比亚迪智能网联汽车工厂一期投产，年产整车20万辆。", set()),
    ("推动200家工厂开展数字化改造。", set()),
    ("数字经济论坛上，专家介绍了黑灯工厂的做法。", set()),
])
def test_a_factory_named_by_its_parts(text, expected):
    assert _findings(text, "数字化场景") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # newly built ones counted in a report of work done exist; both spaces make both_spaces
    ("会同市民政局新建智慧养老服务社区12个，居家老人可一键呼叫服务。", {("one_space", "built")}),
    ("今年新建智慧社区15个、智能化工厂4家。",
     {("one_space", "built"), ("both_spaces", "built")}),
    # 新建 with a word that looks ahead is a task
    ("下一步将新建智慧养老服务中心8个。", set()),
])
def test_newly_built_scenarios_counted_exist(text, expected):
    assert _findings(text, "数字化场景") == expected


def test_digital_tourism_is_no_living_space():
    # visitors served by a tourism data scenario: the 文化旅游 domain of 场景应用
    text = "吴江区“数字文旅一码游”场景累计服务游客超过600万人次。"
    assert _findings(text, "数字化场景", "苏州") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the grid's finds passed on to the enforcement team, told in the present, is the link at work
    ("网格上报的占道经营、违规装修等线索直接推送至街道执法队，执法结果回传网格闭环。",
     {("built", "built")}),
    # an enforcement platform named before the grid, or a module of one
    ("“大综合一体化”行政执法平台与网格联动运行，今年累计协同处置执法事项4600余件。",
     {("built", "built")}),
    ("综合行政执法与网格联动模块已上线运行，执法队员可直接认领网格线索。", {("built", "built")}),
    # the same link still ahead, or kept by phone, runs on no platform
    ("下一步，网格上报的线索将实现在线推送至执法队。", {("planned", "planned")}),
    ("目前网格上报的问题仍靠电话通知执法队，尚未实现线上闭环。", set()),
])
def test_the_grid_to_enforcement_link_in_other_words(text, expected):
    assert _findings(text, "基层执法平台") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the platform under another noun: an application or a "brain" of grassroots governance
    ("泉州市报送的“网格通”基层治理应用入选国家级案例。", {("built", "built")}),
    ("吴兴区“基层智治大脑”应用已覆盖全区12个乡镇。", {("built", "built")}),
    ("区基层治理大脑计划明年上线。", {("planned", "planned")}),
    ("市委党校举办基层治理应用专题培训班。", set()),
])
def test_a_governance_application_is_the_platform(text, expected):
    assert _findings(text, "基层治理平台", "泉州") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a measure issued in another clause says nothing of the platform the work runs on
    ("会议通报，今年3月市政府办公室印发《合肥市“高效处置一件事”工作机制》以来，已梳理首批10个"
     "处置事项，事件从发现到办结全部在市城市运行“一网统管”平台闭环流转。",
     {("unified_platform", "built")}),
    # a title that holds the name is the measure, not the platform
    ("市政府印发《关于全面推进城市运行“一网统管”平台建设的实施意见》。", set()),
    # the platform used by visitors to look at the work runs
    ("市领导到区调研，通过“一网统管”平台查看了事件处置流程。", {("unified_platform", "built")}),
    ("某科技公司在博览会上演示“一网统管”平台解决方案，参观者查看了演示。", set()),
])
def test_the_unified_platform_beside_an_issue_or_a_visit(text, expected):
    assert _findings(text, "城市运行平台", "合肥") == expected
