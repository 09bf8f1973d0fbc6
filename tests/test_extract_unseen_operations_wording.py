"""Platform, governance, service and operation rules on text written in words no rule had been
fitted to: each case is one property of text (another operator's customers, a seminar, a job
advert, work under way), told in wording other than the probe that showed it."""

import pytest

from tests.extract_support import indicator_findings


def _findings(text: str, indicator: str, city: str = "南京") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize("text", [
    # passengers', tourists' or clients' say on a bus line, a scenic area or a bank is about
    # another operator's service, not the city's digital operation
    "市公交集团建立乘客满意度评价和运营考核体系，线路准点率提升至95%。",
    "景区运营公司开通游客“好差评”入口，差评问题纳入运营考核并限期整改。",
    "某银行设立客户意见反馈渠道，收集意见后纳入网点运营考核。",
])
def test_other_operators_feedback_is_no_operation_system(text):
    assert _findings(text, "运营体系建设") == set()


def test_city_feedback_on_operation_still_counts():
    # the city's own users' say worked into the operation stays a practice, and an operation
    # that acts on its users' say is an operation system with feedback
    text = "通过“好差评”收集市民对政务平台运营的意见，纳入运营单位考核并限期整改。"
    assert _findings(text, "运营体系建设") == {("with_feedback", "built")}


@pytest.mark.parametrize("text", [
    # a seminar or a lecture on how to build the system names the topic, not the city's system
    "与会专家围绕城市生命体征指标体系的构建思路进行了深入研讨。",
    "论坛上，多位嘉宾分享了城市运行体征监测的实践经验。",
    "市委党校举办城市体征系统专题讲座，邀请高校教授授课。",
])
def test_talk_on_vital_signs_is_no_system(text):
    assert _findings(text, "城市生命体征") == set()


@pytest.mark.parametrize("text", [
    # a job advert, a course or a holiday notice names the office, not a reform carried out
    "市企业综合服务中心现面向社会招聘窗口工作人员5名。",
    "国庆假期，“一件事”联办窗口暂停服务，网上办理不受影响。",
    "市政务办举办“高效办成一件事”业务培训班，各窗口人员参训。",
])
def test_office_notices_report_no_service_reform(text):
    assert _findings(text, "政务增值化服务") == set()


@pytest.mark.parametrize("text", [
    # a platform whose making is under way is still to come, whatever step is done already
    "市实景三维城市级建设项目已完成航空摄影，正在开展三维建模，预计明年完成。",
    "我市CIM基础平台项目进展：数据汇聚已完成八成，正在推进系统联调。",
    "时空大数据平台二期正在建设，已完成需求分析。",
])
def test_platform_in_the_making_is_a_plan(text):
    assert _findings(text, "城市基础共性平台") == {("planned", "planned")}


def test_platform_in_use_beside_new_work_stays_built():
    # a platform already running while new layers are produced stays built
    text = "实景三维南京已建成投用，已在规划审批中广泛应用。"
    assert _findings(text, "城市基础共性平台") == {("one_kind", "built")}


@pytest.mark.parametrize("text", [
    # an item told by what it has cut for the public runs
    "企业开办“一件事”全流程用时压减至0.5个工作日。",
    "办理退休“一件事”，申请材料由10份减少为2份，实现“零跑动”。",
])
def test_item_measured_by_its_cut_is_in_service(text):
    # the sentence's mention row is dropped beside the fact when the document is summarised
    assert ("implemented", "built") in _findings(text, "政务增值化服务")


@pytest.mark.parametrize("text", [
    # the same cut as a target or a task is no item in service
    "我市将推动企业开办“一件事”办理时间压缩至半个工作日。",
    "到2025年底，“一件事”平均办理时间压缩至1个工作日以内。",
])
def test_cut_as_target_is_no_item_in_service(text):
    assert ("implemented", "built") not in _findings(text, "政务增值化服务")


@pytest.mark.parametrize(("text", "indicator"), [
    # a hearing on the topic, a standard's scope or a writer's view reports no platform
    ("市人大常委会围绕城市大脑建设开展专题询问，市数据局负责同志到会应询。", "城市运行平台"),
    ("本标准适用于数字化城市管理系统的部件和事件分类、编码及判定。", "城市运行平台"),
    ("笔者认为，智慧城管平台应当以问题为导向，加强数据共享。", "城市运行平台"),
    ("业内人士认为，实景三维是数字孪生城市的底座。", "城市基础共性平台"),
])
def test_hearing_standard_or_view_is_no_platform(text, indicator):
    assert _findings(text, indicator) == set()


@pytest.mark.parametrize("text", [
    # software still debugged or developed, or a first check passed, is a platform yet to run
    "市城市运行管理服务平台已完成设备部署，应用软件仍在调试。",
    "城市大脑二期项目日前通过初验，拟于年底前上线。",
    "智慧城管平台主体功能开发基本完成，下月起开展试用。",
])
def test_platform_under_test_is_a_plan(text):
    assert _findings(text, "城市运行平台") == {("planned", "planned")}


@pytest.mark.parametrize(("text", "expected"), [
    # a lack told in words the shared negation cues do not hold
    ("目前全市还不具备统一的城市运行“一网统管”平台。", {("unified_platform", "negated")}),
    ("我市不具备数字城管系统，城市管理仍靠人工巡查。", {("city_brain", "negated")}),
])
def test_platform_lacking_is_denied(text, expected):
    assert _findings(text, "城市运行平台") == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # a group's business results or staff congress report no operation company set up
    ("市大数据集团去年实现营业收入12亿元，净利润同比增长8%。", "政企合作机制"),
    # an agreement for one investment project is a deal, not a way of working together
    ("市政府与中国移动签署战略合作协议，移动公司将投资8亿元建设千兆光网。", "政企合作机制"),
    # roads, bridges and parks run by one group are no digital operation system
    ("市城投集团对全市道路、桥梁和公园实行统一运营。", "运营体系建设"),
    # advice gathered on the topic builds nothing
    ("市数据局邀请专家学者为城市数字化运营体系建设献计献策。", "运营体系建设"),
])
def test_business_deals_and_advice_are_no_operation_model(text, indicator):
    assert _findings(text, indicator) == set()


def test_agreement_spanning_fields_with_investment_stays_a_mechanism():
    text = "市政府与某科技集团签署战略合作协议，双方将在数字政府、智慧城市等领域合作，总投资5亿元。"
    assert _findings(text, "政企合作机制") == {("mechanism", "issued")}


def test_grid_and_enforcement_linked_by_phone_is_no_platform():
    # the way of working rolled out, but kept by phone, runs on no platform
    text = "全市推开“网格+执法”模式，网格员发现问题后通过电话告知执法中队处理。"
    assert _findings(text, "基层执法平台") == set()
    text = "今年全市推开“网格+执法”模式，违法线索一键推送至执法中队。"
    assert _findings(text, "基层执法平台") == {("built", "built")}


@pytest.mark.parametrize("text", [
    # a course, an on-site meeting or a visit to learn names the scenario as a topic
    "市经信局组织企业观摩全省数字化车间建设现场会。",
    "区卫健局举办智慧医院建设业务培训班，各医院信息科人员参训。",
])
def test_course_or_site_meeting_is_no_scenario(text):
    assert _findings(text, "数字化场景") == set()
