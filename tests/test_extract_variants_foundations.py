"""Digital foundations, data resources and security in other words than the rules were written on.

Each case is one short text whose expected finding was read off by hand against the labelling
conventions of extractors/corpus/README.md; the comment says why. A wrong level or status, a
missed variant or a credited hard negative fails the case.
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


@pytest.mark.parametrize(("text", "city", "expected"), [
    # a data-security rule named by its parts, issued
    ("济南市大数据局印发《济南市政务数据安全保护工作规范（试行）》。", "济南",
     ("dedicated_policy", "issued", None)),
    ("鄞州区大数据发展管理局印发《鄞州区公共数据安全管理暂行办法》。", "宁波",
     ("dedicated_policy", "issued", None)),
    # a measure named by its parts in an interpretation, without a verb: it exists
    ("市数据局有关负责人介绍，宁波市公共数据安全管理办法共六章三十条。", "宁波",
     ("dedicated_policy", "issued", None)),
    # classification and grading in the other word order
    ("海口市大数据管理局制定印发《海口市政务数据分类分级工作规范》。", "海口",
     ("classification_policy", "issued", None)),
    # an operator's duty inside another measure is a mention, not a policy
    ("第二十条 授权运营单位应当建立数据安全管理制度，落实数据安全主体责任。", "嘉兴",
     ("mentioned", "mentioned", None)),
    # a measure being drafted: no planned level on this ladder, so mentioned/planned
    ("市大数据局近日启动《烟台市数据安全管理办法》起草工作，计划于明年上半年提请审议。", "烟台",
     ("mentioned", "planned", None)),
])
def test_data_security_wordings(text, city, expected):
    assert _findings(text, city, "数据安全保护") == {expected}


@pytest.mark.parametrize(("text", "city"), [
    # a national law studied, a contest event, a job title, data flowing safely
    ("市数据局党支部集中学习数据安全法、个人信息保护法等法律法规。", "兰州"),
    ("比赛设置网络与数据安全攻防、应急响应等赛项，36支队伍参赛。", "洛阳"),
    ("招聘岗位：网络与数据安全工程师1名。", "宜宾"),
    ("探索建设隐私计算平台，推动数据安全有序流通。", "长沙"),
    # gas safety beside gas users' data is not data security
    ("各燃气企业要对燃气用户数据逐户核对，落实燃气安全管理责任。", "邯郸"),
])
def test_not_data_security(text, city):
    assert _findings(text, city, "数据安全保护") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # 1.8万P = 1.8 × 10000 = 18000 PFLOPS
    ("全市已投产算力总规模1.8万P。", 18000.0),
    # a total with a part: 1500, not 1500 + 1200 = 2700
    ("截至今年9月，全市算力总规模达到1500P，其中智能算力1200P。", 1500.0),
    # an increment and the total: 600, not 300 + 600 = 900
    ("计算中心二期通过验收，新增智能算力300P，中心总算力达到600P。", 600.0),
    # the same number twice: 2000 PFlops = 2 EFlops, not 4000
    ("人工智能算力中心建成投运，智能算力规模达到2000 PFlops（2 EFlops）。", 2000.0),
    # built and a target in one sentence: 800, the 2000P is a target
    ("全市已建成算力规模800P，到2026年将突破2000P。", 800.0),
    # listed parts are summed: 200 + 500 = 700
    ("城市算力中心一期建成投运，可提供通用算力200PFlops、智能算力500 PFLOPS。", 700.0),
])
def test_compute_quantities(text, expected):
    assert _findings(text, "长沙", "算力基础设施") == {("built", "built", expected)}


def test_compute_denied_is_negated():
    text = "目前，拉萨市尚未建成城市级智算中心，各部门算力需求主要依托政务云解决。"
    assert _findings(text, "拉萨", "算力基础设施") == {("built", "negated", None)}


@pytest.mark.parametrize(("text", "city", "level"), [
    ("无锡市数据要素流通服务平台正式上线，首批上架数据产品86个。", "无锡", "built"),
    ("泰州市隐私保护计算平台近日建成投用。", "泰州", "built"),
    ("徐州市基于区块链的政务数据共享存证平台已上线运行。", "徐州", "built"),
    # ledger evidence (链上存证) and multi-party computation: two kinds
    ("泉州市依托“星火·链网”骨干节点建成数据确权存证系统；同时，多方计算平台已上线运行。", "泉州",
     "multiple_built"),
])
def test_data_circulation_wordings(text, city, level):
    assert _findings(text, city, "数据流通基础设施") == {(level, "built", None)}


def test_a_facility_after_it_is_built_is_a_plan():
    text = "岳阳市拟建设城市可信数据空间。可信数据空间建成后，将推动产业链企业数据共享。"
    assert _findings(text, "岳阳", "数据流通基础设施") == {("planned", "planned", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # 社会保障 → 社保, 公共事业 → 公用事业: with the six others, 8 domains
    ("全市在金融服务、医疗健康、交通出行、文化旅游、社会保障、公共事业、市场监管、税务服务等领域"
     "推出政社数据融合应用场景。", {("applied", "built", 8.0)}),
    # social data fused into public data (the other order), the stated "两个领域"
    ("引入银联消费数据、通信运营商数据，与公共数据融合后用于商圈分析，目前已在消费促进、"
     "城市规划两个领域开展应用。", {("applied", "built", 2.0)}),
    # "和" instead of "与", an exhortation: a mention
    ("鼓励推动公共数据和社会数据融合。", {("mentioned", "mentioned", None)}),
])
def test_fusion_wordings(text, expected):
    assert _findings(text, "苏州", "政社数据融合应用") == expected


def test_technology_fusion_is_not_data_fusion():
    text = "扬州市在工业制造、医疗卫生等领域打造5G融合应用场景42个。"
    assert _findings(text, "扬州", "政社数据融合应用") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the name split by quotation marks, issued as a mechanism
    ("金华市城市运行管理服务中心印发《金华市“高效处置”一件事协同联动工作机制》。",
     {("mechanism", "issued", None)}),
    # the reform as a task
    ("一是深化“高效处置一件事”改革，推动城市治理问题快速发现、快速处置。",
     {("mentioned", "mentioned", None)}),
])
def test_resilience_wordings(text, expected):
    assert _findings(text, "金华", "城市韧性") == expected


@pytest.mark.parametrize(("text", "city", "indicator", "expected"), [
    # layers of a sky-ground system: 20万个 = 200000 sensors
    ("广州市已建成“天、空、地”协同的城市立体感知体系，融合卫星遥感、无人机巡查和20万个地面物联网"
     "传感器。", "广州", "物联感知体系", ("integrated", "built", 200000.0)),
    # the layers in quotation marks; 500万个 = 5000000 terminals, counted for that system
    ("北京市构建“空天地”一体化城市感知体系，已接入感知终端超过500万个。", "北京", "物联感知体系",
     ("integrated", "built", 5000000.0)),
    # 236万台 = 2360000 terminals
    ("南京市城市感知底座已接入物联网终端236万台。", "南京", "物联感知体系",
     ("platform_built", "built", 2360000.0)),
    ("九江市城市大数据平台已归集全市56个部门数据资源18亿条。", "九江", "数据资源体系",
     ("platform_built", "built", None)),
    ("《济宁市公共数据共享开放条例》于今年5月1日起正式施行。", "济宁", "基础制度建设",
     ("measures_issued", "issued", None)),
    ("宜昌市城市安全风险综合监测预警平台正式上线。", "宜昌", "智慧应急",
     ("built", "built", None)),
])
def test_platform_and_measure_wordings(text, city, indicator, expected):
    assert _findings(text, city, indicator) == {expected}
