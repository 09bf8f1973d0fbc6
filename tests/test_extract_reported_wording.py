"""Platform, scenario, service and operation rules on reports written by people who never saw
the rules: one sentence per property of text, each in words other than the dev document that
showed it, beside a sentence that must still give nothing (or a plan)."""

import pytest

from citydx.indicators import load_indicator_tree
from extractors.summary import summarize
from tests.extract_support import project_extractor


def _findings(text: str, indicator: str, city: str = "成都") -> set[tuple[str, str, float | None]]:
    rows = project_extractor().extract(text, city)
    return {(r.level, r.status, r.quantity) for r in rows if r.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # a report over a period gone by: 推动 is the work done; 五个领域 is the count
    ("今年，成都围绕“数据要素×”行动，推动平台数据在五个领域落地应用：在金融服务领域，支持银行"
     "开展普惠授信；在医疗健康领域，推进商保快赔。",
     {("applied", "built", 5.0), ("planned", "planned", 5.0)}),
    # two domains named, none counted: 工业制造 + 金融服务 = 2
    ("今年以来，市数据局围绕“数据要素×”行动，推动公共数据在工业制造、金融服务等重点行业落地应用。",
     {("applied", "built", 2.0), ("planned", "planned", None)}),
    # 交通运输 + 医疗健康 = 2, stated as 两个领域
    ("上半年，我市深入实施“数据要素×”行动，推动数据在交通运输和医疗健康两个领域落地见效。",
     {("applied", "built", 2.0)}),
    # looking ahead, or no period at all: a plan
    ("今年，市数据局将推动“数据要素×”在工业制造、现代农业等领域落地应用。",
     {("planned", "planned", None)}),
    ("推动“数据要素×”在工业制造、现代农业等领域落地应用。", {("planned", "planned", None)}),
])
def test_data_elements_reported_over_a_period(text, expected):
    assert _findings(text, "场景应用") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the count of landed scenarios in a sentence that no longer names the action
    ("会上通报，我市已在工业制造、商贸流通、交通运输、金融服务、文化旅游五个领域落地一批典型场景："
     "工业领域依托供应链数据优化排产。", {("applied", "built", 5.0)}),
    ("据了解，本市已经在交通运输和医疗健康两个领域落地了典型场景，打通了相关部门数据。",
     {("applied", "built", 2.0)}),
    # another technology's scenarios, living-space scenarios, or scenarios ahead
    ("我区已在工业制造、城市治理两个领域落地5G应用场景12个，数据传输效率提升。", set()),
    ("已在教育、医疗等领域落地一批智慧场景，推动数据共享。", set()),
    ("下一步，将在工业制造、现代农业两个领域落地一批数据场景。", set()),
])
def test_scenarios_counted_by_domain_without_the_action(text, expected):
    assert _findings(text, "场景应用") == expected


def _levels(text: str, indicator: str, city: str = "株洲") -> set[tuple[str, str]]:
    return {(level, status) for level, status, _ in _findings(text, indicator, city)}


def _summary(text: str, indicator: str, city: str = "南京") -> set[tuple[str, str]]:
    """What the text as a whole supports, as the evaluation weighs its rows."""
    rows = project_extractor().extract(text, city)
    return {(f.level, f.status) for f in summarize(rows, load_indicator_tree())
            if f.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # many departments' events taken in and dispatched in one place: the unified platform
    ("会议通报，市城市运行管理服务平台今年3月上线以来，已接入住建、城管、应急、交通等16个部门的"
     "业务系统，城市运行事件实现统一受理、统一分拨、统一督办。",
     {("city_brain", "built"), ("unified_platform", "built")}),
    ("市城运中心已整合公安、城管、水务等20个部门的热线和巡查事件，实行统一受理、统一派单。",
     {("city_brain", "built"), ("unified_platform", "built")}),
    # monitoring and dispatch alone, or urban management's own case dispatch: a centre only
    ("市城市运行和治理中心正式投入运行，汇聚18个部门的数据，对城市运行状况统一监测、统一调度。",
     {("city_brain", "built")}),
    ("数字城管平台已覆盖主城区，各部门案件统一派单处置，结案率98%。", {("city_brain", "built")}),
    # a plan stays a plan, a study tour is another city's
    ("下一步，将依托城市大脑推动各部门事件统一受理、统一分拨。", {("planned", "planned")}),
    ("考察组参观了该市城市运行管理中心，了解各部门事件统一受理、统一派单的做法。", set()),
])
def test_unified_platform_told_by_its_function(text, expected):
    assert _levels(text, "城市运行平台") == expected


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # a place visited for a study is no report on the platform; early study is a step to it
    ("市领导到市城市运行管理中心调研，听取平台建设情况汇报。", "城市运行平台", set()),
    ("城市大脑二期项目已完成需求调研，正在开展总体设计。", "城市运行平台",
     {("planned", "planned")}),
    # the platform's own construction scheme plans it, issued or not; a cited one gives nothing
    ("市政府常务会议审议通过《株洲市城市大脑建设实施方案》。", "城市运行平台",
     {("planned", "planned")}),
    ("根据《株洲市城市大脑建设实施方案》，市数据局开展系统操作培训。", "城市运行平台", set()),
    # a system still in development or testing is no system running yet
    ("城市体征监测系统目前仍在开发测试中。", "城市生命体征", {("planned", "planned")}),
    ("城市运行体征监测平台正在联调，预计下月上线。", "城市生命体征", {("planned", "planned")}),
    ("市城市运行体征监测平台上线，首批纳入58项体征指标。", "城市生命体征", {("built", "built")}),
])
def test_visits_schemes_and_systems_in_testing(text, indicator, expected):
    assert _levels(text, indicator) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count of events handled is the platform at work, with no verb of building
    ("鼓楼区社会治理综合指挥中心今年以来受理各类事件4.1万件。", {("built", "built")}),
    ("区基层治理平台上线以来，累计办结群众诉求2.3万件。", {("built", "built")}),
    # handling still ahead, or another city's centre
    ("下一步，将依托基层治理平台推动事件统一受理、分拨处置。", {("planned", "planned")}),
    ("苏州市社会治理综合指挥中心今年以来受理各类事件12万件，我市将学习借鉴。", set()),
])
def test_governance_platform_told_by_its_work(text, expected):
    assert _levels(text, "基层治理平台", "南京") == expected


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # a platform already at use in some work exists, 规划审批 being the work and not a plan
    ("我市已建成CIM基础平台，实景三维南京建设成果已在规划审批中应用。", "城市基础共性平台",
     {("two_kinds", "built")}),
    ("市CIM平台成果已应用于工程建设项目审批全流程。", "城市基础共性平台", {("one_kind", "built")}),
    ("下一步，将推动实景三维成果在规划审批中应用。", "城市基础共性平台", {("planned", "planned")}),
    # the action's plan issued still only plans the scenarios
    ("我市印发《“数据要素×”三年行动实施方案》，聚焦工业制造等8个领域。", "场景应用",
     {("planned", "planned")}),
    # an incident handled as 一件事 is city governance's, whatever the quotes between
    ("市城管局高效处置“违规占道经营”一件事，平均处置时长缩短至2小时。", "政务增值化服务", set()),
    ("“退休一件事”上线后，办理时间由20个工作日压缩至5个工作日。", "政务增值化服务",
     {("implemented", "built")}),
])
def test_platforms_in_use_plans_issued_and_incidents(text, indicator, expected):
    assert _summary(text, indicator) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a franchise or build-and-operate contract only urged for digital work is a mention
    ("鼓励社会资本通过特许经营等方式参与智慧城市建设运营。", {("mentioned", "mentioned")}),
    ("探索智慧停车项目建设运营一体化模式，引导企业参与数字化项目运营。",
     {("mentioned", "mentioned")}),
    # one for a sewage plant is not digital work; one adopted for the city brain is a mechanism
    ("鼓励社会资本通过特许经营方式参与污水处理厂建设。", set()),
    ("城市大脑二期采用特许经营模式，由某科技公司投资建设并运营20年。", {("mechanism", "issued")}),
])
def test_cooperation_contracts_urged_or_adopted(text, expected):
    assert _summary(text, "政企合作机制") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the say the system takes in, named by what the sayers give (意见建议, 打分) or by its post
    ("我市智慧城市运营体系设立“市民体验官”，已收集意见建议3200条，应用据此优化迭代260次。",
     {("with_feedback", "built")}),
    ("城市数字化运营体系运行以来，市民通过App打分3.2万次，低分应用限期整改。",
     {("with_feedback", "built")}),
    # the say still to come leaves the system without it
    ("我市已建立统一的数字政府运营体系。下一步将引入市民评价机制。", {("system_built", "built")}),
])
def test_operation_system_with_the_say_of_its_users(text, expected):
    assert _summary(text, "运营体系建设") == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # a body or a product whose name a platform's heads is not the platform
    ("某城市大脑科技有限公司落户我市高新区，注册资本5000万元。", "城市运行平台"),
    ("城市大脑研究院院长做客“数字大讲堂”。", "城市运行平台"),
    ("市智慧城管大队开展违章停车专项整治。", "城市运行平台"),
    ("某公司自主研发的CIM平台软件获评国家专精特新产品。", "城市基础共性平台"),
    ("某公司发布智慧家庭新品，覆盖安防、照明等生活场景。", "数字化场景"),
    # the idiom of a task taken to heart is no service item
    ("区委书记强调，要把群众的事当作自己的一件事来办。", "政务增值化服务"),
    ("办好一件事，温暖一座城——记市政务服务中心窗口工作人员。", "政务增值化服务"),
])
def test_names_and_idioms_holding_a_keyword(text, indicator):
    assert _summary(text, indicator) == set()


def test_the_platform_itself_still_counts_beside_its_builder():
    # the builder's name does not head the platform's: 城市大脑 is the thing reported
    assert _summary("城市大脑由某科技有限公司承建，已上线运行。", "城市运行平台") == {
        ("city_brain", "built")}
    assert _summary("“企业开办一件事”实现全程网办，1个工作日内办结。", "政务增值化服务") == {
        ("implemented", "built")}


@pytest.mark.parametrize(("text", "indicator"), [
    # another operator's system, a web page on the topic, a firm's offer named after the action
    ("某银行持续完善数字化运营体系，手机银行月活用户突破800万。", "运营体系建设"),
    ("中国移动南京分公司构建数智化运营体系，5G用户突破500万户。", "运营体系建设"),
    ("“社会治理”专题网页平台改版上线。", "基层治理平台"),
    ("某科技公司推出“数据要素×”行业解决方案，服务金融、医疗等领域客户。", "场景应用"),
])
def test_other_operators_pages_and_offers(text, indicator):
    assert _summary(text, indicator) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the platform the city's work relies on exists; reliance ahead or on one to build does not
    ("依托城市大脑，我市探索推进“一网统管”改革。", {("city_brain", "built")}),
    ("基于城市运行管理服务平台，今年共处置事件3万件。", {("city_brain", "built")}),
    ("下一步，将依托城市大脑推进城市运行“一网统管”。", {("planned", "planned")}),
    # unified management told as set up in other words, or as an aim
    ("城市运行“一网统管”体系初步建立，市、区、街道三级平台全面贯通。",
     {("unified_platform", "built")}),
    ("到2025年，城市运行“一网统管”体系基本建立。", {("planned", "planned")}),
    # a company named after the platform it runs shows the platform
    ("杭州城市大脑有限公司由市属国企控股设立，承担城市大脑运营、数据资产运营等职能。",
     {("city_brain", "built")}),
])
def test_platform_relied_on_or_established(text, expected):
    assert _summary(text, "城市运行平台", "杭州") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the grid's finds passed on to enforcement through a system, told from the grid's side
    ("网格员巡查发现的占道经营等问题，通过“基层智治”系统一键流转至综合行政执法队。",
     {("built", "built")}),
    ("网格巡查与执法处置仍靠电话、微信对接，尚未建立线上联动平台。", {("built", "negated")}),
    ("下一步，将推动网格员发现的问题通过平台在线推送至执法部门。", {("planned", "planned")}),
    # helping enforcement, or a job advert, passes nothing on through a system
    ("网格员协助综合执法队开展占道经营整治。", set()),
    ("全市招聘网格员200名，负责协助执法、线上巡查等工作。", set()),
])
def test_grid_to_enforcement_from_the_grid_side(text, expected):
    assert _summary(text, "基层执法平台") == expected
