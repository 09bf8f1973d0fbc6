"""Platforms, scenarios, services, cooperation and operation in other words.

Each case is one sentence (or a headline and a sentence) whose expected finding was read off by
hand against the labelling conventions of extractors/corpus/README.md; the comment says why.
The rules are rules/extraction/{city_operation_platform, city_common_platform, digital_scenarios,
scenario_applications, city_vital_signs, grassroots_enforcement, grassroots_governance,
value_added_services, gov_enterprise_cooperation, operation_system}.yaml.
"""

import pytest

from citydx.registry import load_registry
from extractors.summary import credited, summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str, indicator: str) -> set[tuple]:
    """(level, status, quantity) the document credits to its city for one indicator.

    The site's city is the first assessed city the text names, else the one given.
    """
    extractor = project_extractor()
    named = [(text.find(c.name), c.name) for c in load_registry().cities if c.name in text]
    city = min(named)[1] if named else city
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree) if f.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # the national name of the urban management platform, and its short form
    ("绍兴市城市运行管理服务平台顺利通过专家组验收。", {("city_brain", "built", None)}),
    ("宜昌市城市运管服平台近日正式上线运行。", {("city_brain", "built", None)}),
    ("市城市管理局对数字化城市管理平台进行了升级改造。", {("city_brain", "built", None)}),
    # the slogan of 一网统管 achieved
    ("南通依托全市统一的城市运行管理平台，实现“一屏观全域、一网管全城”。",
     {("unified_platform", "built", None)}),
    # a platform named as such exists; 一网统管 named as work needs a cue of its own
    ("依托“一网统管”平台，全市事件实现统一派单。", {("unified_platform", "built", None)}),
    ("“一网统管”是超大城市治理的必由之路。", set()),
    ("会议听取了全市“一网统管”工作情况汇报。", set()),
    ("会议指出，要以“一网统管”理念提升城市治理精细化水平。", set()),
    # a talk on the topic only mentions it
    ("专家围绕城市大脑、一网统管等话题作了交流发言。", set()),
    # a job at the centre is not the platform
    ("关于市城市运行管理中心2024年公开招聘工作人员的公告", set()),
    # a tender finished is not a platform running
    ("济宁市城市大脑一期项目近日完成公开招标，预计2025年6月建成投入使用。",
     {("planned", "planned", None)}),
])
def test_city_operation_platform_wordings(text, expected):
    assert _findings(text, "温州", "城市运行平台") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # CIM under its longer name plus 三维实景 in the other order: two kinds
    ("南昌市建成CIM基础信息平台；同步完成中心城区三维实景建模。", {("two_kinds", "built", None)}),
    ("宜春市时空信息云平台建设项目近日通过专家验收。", {("one_kind", "built", None)}),
    # a training on a platform says nothing about the city's own
    ("定于7月举办CIM基础平台应用培训，请各单位选派技术骨干参加。", set()),
])
def test_common_platform_wordings(text, expected):
    assert _findings(text, "南昌", "城市基础共性平台") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # factories by other names (production) and hospitals, homes (living): both spaces
    ("全市累计认定智能制造示范工厂45家、5G全连接工厂12家；建成互联网医院8家、智慧小区136个。",
     {("both_spaces", "built", None)}),
    ("茂名市首个荔枝数字农业工厂近日投入运营。", {("one_space", "built", None)}),
    # a plan with a concrete intent is the ladder's lowest level, planned
    ("计划新建智能工厂5家、数字化车间20个。", {("mentioned", "planned", None)}),
    # factories certified (认定) exist; a list proposed for it (拟认定) is a plan
    ("今年认定市级智能制造示范工厂12家；全市已建成智慧社区80个。",
     {("both_spaces", "built", None)}),
    ("公示拟认定的智能工厂名单。", {("mentioned", "planned", None)}),
])
def test_digital_scenario_wordings(text, expected):
    assert _findings(text, "东莞", "数字化场景") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 智能制造 = 工业制造, 智慧农业 = 现代农业, 文旅 = 文化旅游, 医疗卫生 = 医疗健康: 4 domains
    ("我市围绕“数据要素×”行动，在智能制造、智慧农业、文旅消费、医疗卫生四大领域落地一批数据应用场景。",
     {("applied", "built", 4.0)}),
    # departments named after a domain (市金融办, 市气象局) are not domains: 交通运输 only
    ("市数据局会同市金融办、市气象局，在交通运输领域落地“数据要素×”应用场景。",
     {("applied", "built", 1.0)}),
    # a contest briefing lands nothing
    ("市数据局举办2024年“数据要素×”大赛宣讲会，介绍了大赛赛道设置和评审规则。", set()),
])
def test_scenario_application_wordings(text, expected):
    assert _findings(text, "扬州", "场景应用") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("淮安市城市运行管理中心近日上线“体征”监测系统，遴选86项指标实时监测。",
     {("built", "built", None)}),
    # an old person's vital signs are care, not the city's
    ("为独居老人配备可监测心率、血压等生命体征的智能手环。", set()),
    # in testing, with one step done, is still a plan
    ("镇江市城市运行生命体征监测平台目前处于开发测试阶段，预计明年二季度上线。",
     {("planned", "planned", None)}),
])
def test_vital_signs_wordings(text, expected):
    assert _findings(text, "淮安", "城市生命体征") == expected


def test_grid_to_enforcement_link_in_other_words():
    text = "网格员上报的违法线索在线推送至镇街综合行政执法队，实现“网格发现、执法处置”闭环。"
    assert _findings(text, "嘉兴", "基层执法平台") == {("built", "built", None)}


@pytest.mark.parametrize("text", [
    "九江市智慧网格管理系统已覆盖全市1.2万个网格。",
    "城东区建成区级社会治理中心和“一中心四平台”，事项统一由信息系统受理。",
])
def test_grassroots_governance_wordings(text):
    assert _findings(text, "九江", "基层治理平台") == {("built", "built", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # 一类事 items: the total (25), not the increment (9), when 累计 stands right before it
    ("全市累计推出涉企“一类事”服务场景25个。", {("implemented", "built", 25.0)}),
    ("推出新生儿出生、入学、退休等主题集成服务套餐38个。", {("implemented", "built", 38.0)}),
    ("湖州市企业综合服务中心近日正式运行。", {("implemented", "built", None)}),
    # 高效处置 with the quote inside is the city-governance item (城市韧性), not a service item
    ("印发《金华市“高效处置”一件事协同联动工作机制》。", set()),
    ("城市管理“一件事”协同处置机制建立。", set()),
])
def test_value_added_service_wordings(text, expected):
    assert _findings(text, "金华", "政务增值化服务") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("市城投集团与中电科合资成立城市数字科技有限公司，作为全市智慧城市项目的统一建设运营主体。",
     {("operation_company", "built", None)}),
    ("市城投集团拟与阿里云合资成立城市数字科技有限公司。", {("mentioned", "planned", None)}),
    ("智慧停车项目采用特许经营模式，由中标企业负责投资建设和运营。",
     {("mechanism", "issued", None)}),
    ("市人民政府与华为技术有限公司签订数字徐州共建协议。", {("mechanism", "issued", None)}),
    ("我市采用政企合作模式推进智慧城市建设。", {("mechanism", "issued", None)}),
    # urged, not established
    ("要加强政企合作，引导企业参与数字政府建设。", {("mentioned", "mentioned", None)}),
    # not digital, not with a company, or only an investment deal
    ("东营市人民政府与中国石化签署战略合作协议，双方将在炼化一体化、氢能产业等领域深化合作。",
     set()),
    ("市数据局与浙江大学签署数据要素合作协议。", set()),
    ("市人民政府与某科技公司签署合作协议，拟投资建设智算中心。", set()),
    # an operation measure names no company
    ("我市出台《数字政府运营管理办法》，明确运营主体和考核要求。", set()),
])
def test_gov_enterprise_cooperation_wordings(text, expected):
    assert _findings(text, "徐州", "政企合作机制") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("济南市建立了覆盖数据、设施和应用服务的统一运营框架，运营成效由企业用户按季度评价。",
     {("with_feedback", "built", None)}),
    # the system and the feedback in two sentences combine
    ("无锡市城市数字化运营中心揭牌运行，统筹负责数据运营、设施运营和服务运营。"
     "中心通过“好差评”和企业走访收集意见，每月形成运营改进清单。",
     {("with_feedback", "built", None)}),
    ("我市尚未建立统筹数据、设施和服务的运营机制。", {("system_built", "negated", None)}),
    ("我市出台《数字政府运营管理办法》，明确运营主体和考核要求。",
     {("system_built", "issued", None)}),
    # the authorised operation of public data is 公共数据授权运营, not this system
    ("我市构建了公共数据授权运营体系，授权运营平台已上线。", set()),
])
def test_operation_system_wordings(text, expected):
    assert _findings(text, "济南", "运营体系建设") == expected
