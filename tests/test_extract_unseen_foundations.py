"""Digital foundations and data resources worded as unseen portal text words them.

Each case is a short text of our own, in other words than the labelled corpus, whose expected
finding was read off by hand against the conventions of extractors/corpus/README.md; the comment
says why (with the arithmetic for a quantity). A wrong level, status or quantity fails the case.
"""

import pytest

from extractors.summary import credited, summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str, indicator: str) -> set[tuple]:
    """(level, status, quantity) the text credits to the city for one indicator, as eval sees it."""
    extractor = project_extractor()
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree) if f.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # the scale of one kind is a part: 0.8 EFLOPS = 800 P, + 50 P of supercomputing = 850
    ("截至目前，我市智能算力规模约0.8EFLOPS，超算算力达到50P。", 850.0),
    # a figure the city has now, with no verb: 120 + 380 = 500
    ("我市现有通用算力规模为120PFLOPS，智能算力规模为380PFLOPS，为企业提供普惠算力服务。", 500.0),
    # 另有 adds a part told after the first: 1.2 EFLOPS = 1200 P, + 20 P = 1220
    ("目前全市已建成智能算力1.2EFLOPS，另有超算中心提供算力20P，算力规模居全省前列。", 1220.0),
    # a total given beside the parts is the figure, never added to them
    ("全市算力规模达到1500P，智能算力1200P，通用算力300P。", 1500.0),
    # a growth figure is a step, not a part: the 600 P there now, not 600 + 200
    ("目前智能算力已达600P，较去年增长200P。", 600.0),
    # a phase just begun is no part of what runs: 100 P, not 100 + 200
    ("智算中心一期100P已投运，二期200P已开工建设。", 100.0),
])
def test_compute_kinds_summed(text, expected):
    assert _findings(text, "南京", "算力基础设施") == {("built", "built", expected)}


@pytest.mark.parametrize(("text", "expected"), [
    # technologies joined before one platform are that platform's means: one facility
    ("交易中心建设的基于区块链和隐私计算的可信数据流通平台已投入运行，支持数据可用不可见交付。",
     {("built", "built", None)}),
    ("市数据交易所运用区块链、隐私计算等技术，建成数据流通服务平台并投入运行。",
     {("built", "built", None)}),
    # two platforms, each named with its own noun: two kinds
    ("市数据局建成区块链数据存证平台和隐私计算平台，支撑公共数据授权运营。",
     {("multiple_built", "built", None)}),
    # a ledger beside a platform that keeps data usable but unseen serves circulation too
    ("市数据局已建成区块链存证平台，同时上线多方安全计算平台，实现数据可用不可见。",
     {("multiple_built", "built", None)}),
])
def test_circulation_kinds_counted_by_facility(text, expected):
    assert _findings(text, "杭州", "数据流通基础设施") == expected


@pytest.mark.parametrize("text", [
    # graded supervision of market subjects, incidents or institutions: not data classified
    "在市场监管领域，引入电商平台经营数据开展信用分级分类监管。",
    "市市场监管局依托企业公示数据，对市场主体实施信用风险分类分级监管。",
    "市应急局明确了突发事件分级分类响应流程，相关数据实时共享。",
    "市卫健委推进医疗机构分级分类管理，完善数据报送机制。",
])
def test_classification_of_other_things_is_no_data_security(text):
    assert _findings(text, "苏州", "数据安全保护") == set()


def test_classification_of_data_is_mentioned():
    # the data graded is named before the classification: a security practice, no policy
    text = "市数据局要求各单位按照数据敏感程度开展分类分级保护。"
    assert _findings(text, "苏州", "数据安全保护") == {("mentioned", "mentioned", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # the outcome in the pushing verb's own clause says the fusion is done
    ("今年以来，市数据资源局推动政务数据与社会数据融合应用取得实效。", ("applied", "built")),
    # the same outcome ahead (将, 要, 力争) is a task: a mention
    ("下一步，市数据资源局将推动政务数据与社会数据融合应用取得更大实效。",
     ("mentioned", "mentioned")),
    ("会议强调，要推动公共数据与社会数据融合应用见到实效。", ("mentioned", "mentioned")),
    ("市数据局着力推动政企数据融通，力争年底前取得实效。", ("mentioned", "mentioned")),
])
def test_fusion_pushed_to_an_outcome(text, expected):
    found = {(level, status) for level, status, _ in _findings(text, "长沙", "政社数据融合应用")}
    assert found == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # a measure told by how long it has applied is in force: issued
    ("自《宁波市公共数据管理办法（试行）》实施一年来，全市共享调用数据超过3亿次。",
     {("measures_issued", "issued", None)}),
    # in force, with supporting rules issued beside a security rule: measures and rules
    ("《宁波市公共数据管理办法》施行以来，市数据局配套出台了《宁波市公共数据共享实施细则》和"
     "《宁波市公共数据安全管理实施细则》。",
     {("system_issued", "issued", None)}),
    # a sharing rule beside a classification guide is still a supporting rule (no measure here)
    ("市数据局制定了《宁波市公共数据开放实施细则》和《宁波市公共数据分类分级指南》，现印发给你们。",
     {("measures_issued", "issued", None)}),
    # a draft out for comment is a plan, on a ladder whose plan level is mentioned
    ("《宁波市公共数据管理办法（征求意见稿）》公开征求意见以来，共收到意见建议42条。",
     {("mentioned", "planned", None)}),
])
def test_data_measures_in_force_and_named_rules(text, expected):
    assert _findings(text, "宁波", "基础制度建设") == expected


def test_security_measure_in_force_is_not_a_data_management_measure():
    text = "《宁波市公共数据安全管理办法》施行以来，全市未发生重大数据安全事件。"
    assert _findings(text, "宁波", "基础制度建设") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # what the system can do now says it works: 构建 there is no task
    ("平台整合卫星遥感、无人机巡检和地面传感网络，构建“天空地”一体化的城市感知体系，"
     "可对道路积水、高空抛物等场景实时监测预警。", {("integrated", "built", None)}),
    ("市城运中心融合卫星、无人机和地面物联感知设备，构建空天地一体化感知网络，可实时监测全市重点区域。",
     {("integrated", "built", None)}),
    # the same capability after a plan word or in a demand is the aim of a plan
    ("下一步，我市将构建“天空地”一体化感知体系，实现对城市运行的实时监测。",
     {("planned", "planned", None)}),
    ("会议强调，要构建天空地一体化的城市感知体系，实现对风险隐患的实时感知。",
     {("planned", "planned", None)}),
])
def test_integrated_sensing_told_by_what_it_can_do(text, expected):
    assert _findings(text, "无锡", "物联感知体系") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a routine that sends its cases to the platform presumes the platform: built
    ("（一）统一受理。各类事件信息统一汇入市智慧应急综合指挥平台，由平台自动分拨至牵头部门。",
     {("built", "built", None)}),
    ("预警信息经市应急管理平台推送至各镇街值班人员手机。", {("built", "built", None)}),
    # the same routine for a platform still to be built is its plan
    ("市应急局计划今年建设应急指挥平台，实现事件信息自动分拨至责任部门。",
     {("planned", "planned", None)}),
])
def test_emergency_platform_presumed_by_a_routine(text, expected):
    assert _findings(text, "厦门", "智慧应急") == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # one trade's quick-handling routine is not the city-governance mechanism
    ("市交通局建立交通事故快速处置机制，实现轻微事故快处快赔。", "城市韧性"),
    # a hospital's own machine room or command platform serves the hospital
    ("市第一人民医院数据中心完成扩容改造，存储容量提升至2PB。", "算力基础设施"),
    ("市人民医院建成院内应急指挥平台，提升急诊救治效率。", "智慧应急"),
    # a firm's certified capability is the firm's, not the city's protection of its data
    ("某公司通过数据安全能力成熟度DSMM三级认证。", "数据安全保护"),
])
def test_other_bodies_work_is_no_credit(text, indicator):
    assert _findings(text, "南京", indicator) == set()


def test_cross_department_quick_handling_is_the_mechanism():
    text = "市城管局牵头建立城市管理事件跨部门快速处置机制，明确首接负责、限时办结。"
    assert _findings(text, "南京", "城市韧性") == {("mechanism", "issued", None)}


@pytest.mark.parametrize("text", [
    # another trade's data quality rules or checks: its own readings, not public data
    "市教育局印发《学生体质健康监测数据质量管理办法》。",
    "市生态环境局印发《生态环境监测数据质量管理办法》，严厉打击监测数据造假。",
    "市卫健委开展病历数据质量评估，全市二级以上医院全部参加。",
])
def test_other_trades_data_quality_is_no_credit(text):
    assert _findings(text, "合肥", "数据质量评价") == set()


@pytest.mark.parametrize(("text", "indicator"), [
    # a project past an expert review but not yet carried out is a plan, not a platform
    ("市智慧应急指挥平台建设项目已通过专家评审，即将进入实施阶段。", "智慧应急"),
    # work in progress told by its share done is a platform still being built
    ("全市物联感知平台建设取得阶段性进展，已完成60%的工程量。", "物联感知体系"),
    ("市公共数据平台二期建设形象进度已达80%。", "数据资源体系"),
])
def test_project_under_way_is_a_plan(text, indicator):
    assert _findings(text, "合肥", indicator) == {("planned", "planned", None)}


@pytest.mark.parametrize(("text", "indicator"), [
    # a post's remit in a personnel notice names duties, not the city's work
    ("关于张三同志任市数据局副局长的通知，张三同志分管数据资源、数据安全工作。", "数据安全保护"),
    ("李四同志任市发展改革委副主任，分管低空经济、招商引资工作。", "数字低空基础设施"),
])
def test_personnel_remit_is_no_mention(text, indicator):
    assert _findings(text, "合肥", indicator) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the quality of an operator's service, beside data named elsewhere, is not data quality
    ("公司建立了覆盖数据、设施、服务的运营体系，并把用户评价和热线诉求纳入运营质量评价，问题整改情况"
     "每月通报。", set()),
    # data quality told by its dimensions before the assessment: a practice carried out
    ("今年一季度起，市局对各部门共享数据从完整性、准确性、及时性三个方面开展质量评估，评估结果在全市通报。",
     {("practiced", "built", None)}),
    # the assessment named with the data in its own name
    ("扬州市组织开展首轮政务数据治理考核，考核结果已在全市通报。", {("practiced", "built", None)}),
])
def test_quality_assessed_is_of_data(text, expected):
    assert _findings(text, "扬州", "数据质量评价") == expected


def test_platform_told_as_going_on_is_in_use():
    # iterated with no cue of its own, then entries counted: platform and catalogue
    text = ("一、夯实数据底座。一体化智能化公共数据平台持续迭代，累计归集数据超过180亿条；"
            "全面完成全市公共数据目录编制，市县两级共梳理目录1.3万余条。")
    assert _findings(text, "宁波", "数据资源体系") == {("platform_and_catalogue", "built", None)}


def test_security_measure_covering_classification_is_dedicated():
    # what the measure covers, in a clause of its own, leaves it a security measure
    text = "市政府出台《贵阳市数据安全管理办法》，对数据分类分级、风险评估、安全审查作出专门规定。"
    assert _findings(text, "贵阳", "数据安全保护") == {("dedicated_policy", "issued", None)}
    # a classification guide named as such stays a classification policy
    text = "市数据局印发《贵阳市公共数据安全分类分级指南》。"
    assert _findings(text, "贵阳", "数据安全保护") == {("classification_policy", "issued", None)}


def test_privacy_node_deployed_is_built():
    text = "平台由市大数据局统一建设管理，部署了隐私计算节点，原始数据不出域，实现数据可用不可见。"
    assert _findings(text, "温州", "数据流通基础设施") == {("built", "built", None)}


def test_course_on_compiling_the_catalogue_is_no_catalogue():
    # an item of a training notice's contents teaches the task
    text = ("关于举办2024年全市公共数据工作业务培训班的通知\n一、培训内容\n"
            "（二）公共数据目录编制与数据归集实务；\n（三）数据共享申请和使用流程操作。")
    assert _findings(text, "泉州", "数据资源体系") == set()


@pytest.mark.parametrize(("text", "indicator"), [
    # a notice's errand (a call for applications, a correction, a call for scenes) beside a
    # cited title mentions nothing of the city's own
    ("为落实《合肥市低空经济发展若干措施》，现组织开展2025年度低空经济项目申报工作。",
     "数字低空基础设施"),
    ("根据《合肥市公共数据质量管理办法》，现对各部门数据质量评价得分更正如下。", "数据质量评价"),
    ("根据《关于推进政务数据与社会数据融合应用的实施意见》，现征集融合应用场景。",
     "政社数据融合应用"),
])
def test_notice_errands_beside_a_cited_title(text, indicator):
    assert _findings(text, "合肥", indicator) == set()


def test_measure_still_at_a_stage_before_issue_is_not_issued():
    text = "据悉，我市公共数据管理办法目前仍在调研论证阶段。"
    found = _findings(text, "苏州", "基础制度建设")
    assert found and all(status != "issued" for _, status, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    # a pushing verb heading outcomes after a colon: a product launched is the fusion done
    ("我市推动政务数据与社会数据融合应用：将企业纳税数据与银行信贷数据融合，推出线上融资产品。",
     ("applied", "built")),
    # the same list looking ahead is a task
    ("下一步，我市将推动政务数据与社会数据融合应用：计划将纳税数据与银行信贷数据融合，推出融资产品。",
     ("mentioned", "mentioned")),
])
def test_fusion_outcomes_listed_after_a_colon(text, expected):
    found = {(level, status) for level, status, _ in _findings(text, "嘉兴", "政社数据融合应用")}
    assert found == {expected}


def test_circulation_facilities_denied_as_a_whole():
    # the denial speaks for its whole sentence, so the plan told beside it is not a finding
    text = "我市数据流通基础设施建设仍是空白，隐私计算平台尚处于谋划阶段。"
    assert _findings(text, "合肥", "数据流通基础设施") == {("built", "negated", None)}
    # named as a field of work, the whole is a topic: nothing
    text = "要加强数据流通基础设施建设，推动数据要素流通。"
    assert _findings(text, "合肥", "数据流通基础设施") == set()


@pytest.mark.parametrize(("text", "indicator"), [
    # what someone hopes the city will do is no fact of the city's
    ("某企业负责人表示，希望政府出台低空经济支持政策。", "数字低空基础设施"),
    ("企业代表希望我市尽快出台公共数据管理办法。", "基础制度建设"),
    ("政协委员呼吁建成城市级物联感知平台。", "物联感知体系"),
    ("多家企业期待市里出台数据安全管理办法，明确数据使用边界。", "数据安全保护"),
    ("企业家希望市政府建成智算中心，降低用算成本。", "算力基础设施"),
])
def test_a_wish_is_no_fact(text, indicator):
    found = _findings(text, "合肥", indicator)
    assert all(status not in ("issued", "built") for _, status, _ in found)


@pytest.mark.parametrize("text", [
    # a holder's data or trade fused with a technology or another trade, no government side
    "市通信管理局联合三大运营商推进5G融合应用，建成5G基站1.2万个。",
    "市电力公司建成电力大数据平台，推动电力数据在电网调度中的融合应用。",
    "某银行运用大数据技术实现线上融合应用，客户数增长20%。",
    "推动数实融合，银行业在供应链金融领域实现应用。",
])
def test_fusion_needs_a_government_side(text):
    assert _findings(text, "合肥", "政社数据融合应用") == set()
