"""Platform, scenario, service and operation rules on the wording of documents written by people
who never saw the rules: one property of text per test, each in words other than the document
that showed it."""

import pytest

from tests.extract_support import indicator_findings, project_extractor


def _findings(text: str, indicator: str, city: str = "合肥") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize("text", [
    # the centre as a body that leads, speaks, works with others or receives cases
    "事件经系统研判后自动分拨至区城运中心，由其派单至责任单位。",
    "市城运中心联合市住建局开展燃气安全专项排查。",
    "由市城市运行管理中心牵头，相关部门建立了联合处置机制。",
    "市城运中心有关负责同志介绍了今年防汛工作安排。",
    "市城市运行指挥中心24小时值守，统筹调度全市突发事件。",
])
def test_centre_as_a_body_reports_no_platform(text):
    assert _findings(text, "城市运行平台") == set()


@pytest.mark.parametrize("text", [
    "3月5日，市城市运行管理中心正式揭牌运行。",
    "我市城市运行管理中心已于去年建成投用，目前已接入部门业务系统26个。",
    "市城运中心平台上线运行，汇聚视频资源3万路。",  # the centre's platform
])
def test_centre_with_a_cue_of_its_own_runs(text):
    assert _findings(text, "城市运行平台") == {("city_brain", "built")}


@pytest.mark.parametrize(("text", "expected"), [
    # a tender or a purchase seeks the system's builder: it is still to come
    ("城市运行体征监测平台采购项目竞争性磋商公告\n\n一、项目名称：城市运行体征监测平台采购项目。",
     {("planned", "planned")}),
    ("关于城市生命体征监测系统项目中标结果的公示\n\n经评审，某科技公司为该项目中标人。",
     {("planned", "planned")}),
    # advice with no one to act and no date is someone's view, not the city's plan
    ("调研报告\n\n专家建议，我市应加快构建城市体征指标体系。", set()),
    ("调研报告\n\n调研组建议由市城管局牵头，年内建成城市生命体征监测系统。",
     {("planned", "planned")}),
])
def test_vital_signs_tendered_or_advised(text, expected):
    assert _findings(text, "城市生命体征") == expected


@pytest.mark.parametrize("text", [
    # the platform another system is built on, or works through, exists
    "工作动态\n\n系统依托市社会治理综合指挥平台搭建，实现事件自动流转。",
    "工作动态\n\n该应用依托全市基层治理综合信息平台开发，已在街道试运行。",
])
def test_governance_platform_relied_on_exists(text):
    assert ("built", "built") in _findings(text, "基层治理平台")
    assert ("planned", "planned") not in _findings(text, "基层治理平台")


@pytest.mark.parametrize(("text", "expected"), [
    # the say of citizens and firms worked off in a closed loop or a list of problems
    ("工作动态\n\n我市构建了数据、设施、服务一体化运营体系，市民可通过12345热线对数字服务"
     "提出意见，相关问题闭环办理。", ("with_feedback", "built")),
    ("工作动态\n\n我市已对政务云、公共数据平台实行统一运营，并收集企业对数字服务的评价，"
     "每月形成问题清单交运营单位处理。", ("with_feedback", "built")),
    # a system named with its citizens' say needs no digital word of its own
    ("工作动态\n\n运营体系同步开通了市民和企业评价反馈渠道，意见按月汇总。",
     ("with_feedback", "built")),
])
def test_operation_feedback_in_other_words(text, expected):
    assert expected in _findings(text, "运营体系建设")


@pytest.mark.parametrize("text", [
    "工作动态\n\n公交运营体系建立了乘客满意度评价制度。",
    "工作动态\n\n景区运营体系建立了游客评价反馈渠道。",
])
def test_another_operators_feedback_is_not_the_citys(text):
    assert _findings(text, "运营体系建设") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # an agreement to build one thing together is a project's investment
    ("工作动态\n\n市政府与华为签署战略合作协议，共同投资建设鲲鹏产业园项目。", set()),
    ("工作动态\n\n我市与浪潮集团签订合作框架协议，项目总投资20亿元，建设城市级数据中心。", set()),
    # one that also spans fields of digital work is a way of working together
    ("工作动态\n\n市政府与中国移动签署战略合作协议，双方将在数字政府、智慧城市等领域开展合作，"
     "并合作建设算力中心。", {("mechanism", "issued")}),
])
def test_agreement_for_one_project_is_no_mechanism(text, expected):
    assert _findings(text, "政企合作机制") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a pushing verb heads a list of outcomes already at work: the scenarios have landed
    ("2024年工作总结\n\n聚焦工业制造、医疗健康两个领域，推进“数据要素×”场景落地：某工业互联网"
     "平台已接入企业300家；医疗影像云平台上线运行。", ("applied", "built", 2.0)),
    # "形成落地应用" names no 场景; the count stated beats the domain words
    ("工作动态\n\n目前，我市已在三个领域形成落地应用：工业制造领域，企业利用生产数据优化工艺；"
     "交通运输领域，港口数据与海关数据联动；医疗健康领域，检查结果互认。",
     ("applied", "built", 3.0)),
])
def test_scenarios_landed_in_other_words(text, expected):
    rows = project_extractor().extract(text, "合肥")
    got = {(r.level, r.status, r.quantity) for r in rows if r.indicator == "场景应用"}
    assert expected in got


@pytest.mark.parametrize("text", [
    # the same list under a plan, or still ahead, lands nothing
    "关于印发《数据要素×三年行动实施方案》的通知\n\n围绕工业制造、医疗健康两个领域，推动数据要素×"
    "场景落地：建设工业数据平台，接入重点企业500家。",
    "工作动态\n\n下一步，将围绕交通、医疗两个领域推动数据要素×场景落地：计划接入企业100家。",
    # government and social data joined is another indicator's matter
    "工作动态\n\n我市推动公共数据与社会数据融合，已在金融、医疗两个领域落地应用。",
])
def test_scenarios_ahead_or_of_fusion_are_not_landed(text):
    rows = project_extractor().extract(text, "合肥")
    assert not {r.status for r in rows if r.indicator == "场景应用"} & {"built", "issued"}


@pytest.mark.parametrize(("text", "indicator"), [
    # a definition holds a built word (支撑) that is no fact
    ("城市大脑是城市治理现代化的重要支撑。", "城市运行平台"),
    ("CIM是智慧城市建设的重要支撑。", "城市基础共性平台"),
    # services for the centre's building, the centre as a body, a job's skills, an expert's view
    ("市城市大脑指挥中心保洁服务采购公告\n\n一、项目名称：市城市大脑指挥中心保洁服务。",
     "城市运行平台"),
    ("温馨提示\n\n市数字城管监督指挥中心工作人员提醒市民，发现井盖缺失可拨打12319热线。",
     "城市运行平台"),
    ("招聘GIS开发工程师，熟悉时空大数据平台开发者优先。", "城市基础共性平台"),
    ("专家认为，城市体征监测有助于提升城市安全韧性。", "城市生命体征"),
    # a talk names the idea only
    ("专家在讲座中介绍了未来社区的概念。", "数字化场景"),
])
def test_definitions_services_jobs_and_talks_credit_nothing(text, indicator):
    assert _findings(text, indicator) == set()


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # a project reported as progressing, or a slogan for when it is built, is under way
    ("市城市运行管理服务平台建设项目进展顺利\n\n目前已完成总体设计，计划明年上线。", "城市运行平台",
     {("planned", "planned")}),
    ("工作动态\n\n项目建成后，将实现城市运行“一屏观全域、一网管全城”。", "城市运行平台", set()),
    # a centre that coordinates or is in charge acts as a body
    ("工作动态\n\n全区已建立由区城运中心统筹、各街道协同的联动处置机制。", "城市运行平台", set()),
    # the link tried out beside a word that looks ahead is a plan; rolled out alone it runs
    ("工作安排\n\n在两个区试点推行“网格+执法”模式，将研究建设网格与执法联动平台。", "基层执法平台",
     {("planned", "planned")}),
    ("工作动态\n\n今年全市推开“网格+执法”模式，累计处置违法线索1200条。", "基层执法平台",
     {("built", "built")}),
    # implementing the action since it began is work done, not a policy issued
    ("工作动态\n\n我市实施“数据要素×”行动以来，已在工业制造、交通运输等5个领域落地一批应用场景。",
     "场景应用", {("applied", "built")}),
])
def test_progress_coordination_pilots_and_actions(text, indicator, expected):
    assert _findings(text, indicator) == expected


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # a scheme for founding the company still under review is an intent
    ("工作动态\n\n组建城市运营公司的方案已报市政府审定。", "政企合作机制",
     {("mentioned", "planned")}),
    # a governance platform under a name of its own is the grassroots one when the grid uses it
    ("工作动态\n\n我市已建成覆盖市县镇村四级的“微网实格”智慧治理平台，网格员通过手机上报事件。",
     "基层治理平台", {("built", "built")}),
    ("工作动态\n\n计划建设“e治理”平台，网格员可在线上报问题。", "基层治理平台",
     {("planned", "planned")}),
    ("工作动态\n\n我市建成“一网统管”城市治理平台，网格员发现问题可一键上报。", "基层治理平台",
     set()),
    # the platform's machine room or a call for needs names no platform at work
    ("停电通知\n\n因设备检修，城市大脑机房将于本周六停电。", "城市运行平台", set()),
    ("通知\n\n请各单位于周五前将城市大脑应用需求报送至市数据局。", "城市运行平台", set()),
])
def test_schemes_own_names_and_rooms(text, indicator, expected):
    assert _findings(text, indicator) == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # a firm's or a hospital's own operation system is not the city's
    ("工作动态\n\n某物流企业构建数字化运营体系，实现降本增效。", "运营体系建设"),
    ("工作动态\n\n市人民医院建立智慧医院运营管理体系。", "运营体系建设"),
    # a company's managers, party organs or business news say nothing of its founding
    ("工作动态\n\n市大数据集团副总经理接受记者采访，介绍了公司近期经营情况。", "政企合作机制"),
    ("工作动态\n\n市大数据集团党委召开理论学习中心组学习会。", "政企合作机制"),
    # the nation's programme named after real-scene 3D is no platform of the city
    ("工作动态\n\n实景三维中国建设是国家重大工程。", "城市基础共性平台"),
])
def test_other_owners_and_company_news_credit_nothing(text, indicator):
    assert _findings(text, indicator) == set()


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # advice with no one to act and no date is a member's view, not the city's plan
    ("政协提案\n\n委员建议：我市应尽快建设基层治理综合信息平台，打通数据壁垒。", "基层治理平台",
     set()),
    ("政协提案\n\n委员建议在全市推广“网格+执法”模式。", "基层执法平台", set()),
    # advice naming who acts and by when is a plan; what was done about advice is a fact
    ("调研报告\n\n调研组建议由市综合执法局牵头，年内建成“网格+执法”联动平台。", "基层执法平台",
     {("planned", "planned")}),
    ("建议答复\n\n针对代表建议，我市已于去年建成基层治理综合信息平台。", "基层治理平台",
     {("built", "built")}),
])
def test_grassroots_platforms_advised(text, indicator, expected):
    assert _findings(text, indicator) == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # a research group's or an expert's advice ("课题组建议" holds no 组建) is no fact or plan
    ("调研报告\n\n课题组建议我市围绕工业制造等领域打造“数据要素×”应用场景。", "场景应用"),
    ("调研报告\n\n专家建议我市构建数据、设施、服务一体化运营体系。", "运营体系建设"),
])
def test_advice_on_scenarios_and_operation(text, indicator):
    assert _findings(text, indicator) == set()


def test_suggestions_of_citizens_still_feed_the_operation():
    text = ("工作动态\n\n我市已建立数据、设施、服务一体化运营体系，市民和企业的意见建议每月汇总，"
            "纳入运营单位考核。")
    assert ("with_feedback", "built") in _findings(text, "运营体系建设")


@pytest.mark.parametrize(("text", "expected"), [
    # a demonstration watched on a visit shows the platform running; the visit is only a topic
    ("调研\n\n调研组在中心大厅观看了全区“一网统管”平台演示。", {("unified_platform", "built")}),
    # a firm's product shown at an expo is not the city's platform
    ("展会\n\n在数字经济博览会上，某公司演示了城市大脑解决方案。", set()),
])
def test_platform_demonstrated_or_visited(text, expected):
    assert _findings(text, "城市运行平台") == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # the centre as the venue of another project's kick-off plans no platform of its own
    ("项目启动会\n\n城市运行生命体征监测系统项目启动会在市城市运行管理中心召开。", "城市运行平台"),
    # the model named as the idea a thing was built by adopts no mechanism of its own
    ("工作动态\n\n市里按照“政府主导、企业运营、社会参与”的思路，建立了三条线的运营服务体系。",
     "政企合作机制"),
])
def test_venue_and_guiding_idea_credit_nothing(text, indicator):
    assert _findings(text, indicator) == set()


def test_common_platforms_relied_on():
    # platforms another system calls exist; the building word before 的 names their builder
    text = "工作动态\n\n平台底图调用市规划自然资源局建设的实景三维城市和CIM基础平台，辅助指挥调度。"
    assert ("two_kinds", "built") in _findings(text, "城市基础共性平台")
    # reliance still ahead is no fact
    text = "工作动态\n\n下一步，应急平台将接入正在建设的CIM基础平台。"
    assert ("one_kind", "built") not in _findings(text, "城市基础共性平台")
