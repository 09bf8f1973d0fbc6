"""The same facts in other words: rules generalised beyond the wording they were written on.

Each case is one sentence whose expected finding was read off by hand against the labelling
conventions of extractors/corpus/README.md; the comment says why.
"""

import pytest

from citydx.registry import load_registry
from extractors.summary import credited, summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str | None, indicator: str) -> set[tuple]:
    """(indicator, level, status, quantity) the document credits to the city, as eval sees it.

    The site's city is the one given, or (None) the first assessed city the text names.
    """
    extractor = project_extractor()
    if city is None:
        city = min((text.find(c.name), c.name) for c in load_registry().cities
                   if c.name in text)[1]
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.indicator, f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree) if f.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # 监测 / 检查 / 考核 carried out are assessments practised
    ("常州市大数据管理中心完成2024年度公共数据质量监测工作。", ("practiced", "built")),
    ("青岛市大数据局对共享数据开展季度质量检查，发现问题数据86项，已全部整改。",
     ("practiced", "built")),
    ("扬州市组织开展首轮政务数据治理考核，考核结果已在全市通报。", ("practiced", "built")),
    # a rule document named as 数据质量 + 细则 / 考核办法
    ("市数据局印发《苏州市公共数据质量评估实施细则（试行）》。", ("rules_issued", "issued")),
    ("德州市制定了《德州市政务数据质量考核办法》，明确每半年考核一次。",
     ("rules_issued", "issued")),
])
def test_data_quality_wordings(text, expected):
    assert _findings(text, None, "数据质量评价") == {("数据质量评价", *expected, None)}


def test_air_quality_monitoring_is_not_data_quality():
    text = "各部门已建设空气质量监测设备，但感知数据分散。"
    assert _findings(text, "保定", "数据质量评价") == set()


def test_a_recommendation_is_a_mention_not_a_plan():
    # "研究制定" is an intent word, but the sentence is the survey team's advice
    text = "调研组建议研究制定数据质量评价办法。"
    assert _findings(text, "南通", "数据质量评价") == {("数据质量评价", "mentioned", "mentioned",
                                                      None)}


def test_a_quality_rule_is_not_a_supporting_data_rule():
    text = "市数据局印发《苏州市公共数据质量评估实施细则（试行）》。"
    assert _findings(text, "苏州", "基础制度建设") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("东营市成立由市委书记任组长的数字东营建设领导小组，组建工作专班。", ("mechanism", "issued")),
    ("鄂尔多斯市建立数字政府建设联席会议制度，由常务副市长召集。", ("mechanism", "issued")),
    ("沧州市尚未建立数字化改革统筹推进机制。", ("mechanism", "negated")),
    ("镇江市拟建立数字化改革工作专班。", ("mentioned", "planned")),  # no plan level: lowest
])
def test_mechanism_wordings(text, expected):
    assert _findings(text, None, "推进机制") == {("推进机制", *expected, None)}


@pytest.mark.parametrize("text", [
    "市体育局成立第五届运动会筹备工作领导小组。",
    "市政府与中国电信签署战略合作协议，建立政企联席会议机制，定期会商数字政府建设事项。",
])
def test_other_bodies_are_not_the_reform_mechanism(text):
    assert _findings(text, "上饶", "推进机制") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the total, not the increment: 新增8项 … 累计达到32项
    ("台州市新增企业信息变更等8项“高效办成一件事”，累计达到32项。", ("implemented", "built", 32.0)),
    # the number sits by the second hit, 28 characters after the first
    ("株洲市推行“一件事一次办”集成服务改革，企业开办、不动产登记、新生儿出生等二十六项“一件事”"
     "已实现一次办理。", ("implemented", "built", 26.0)),
    ("廊坊市在市政务服务中心设立企业增值服务专区，为企业提供政策、金融等增值服务。",
     ("implemented", "built", None)),
])
def test_value_added_wordings(text, expected):
    assert _findings(text, None, "政务增值化服务") == {("政务增值化服务", *expected)}


@pytest.mark.parametrize(("text", "expected"), [
    ("《兰州市公共数据管理办法》已经市人民政府常务会议审议通过，现予颁布。",
     ("measures_issued", "issued")),
    ("《兰州市公共数据资源管理办法》自5月1日起正式施行。", ("measures_issued", "issued")),
    ("中共兰州市委、兰州市人民政府出台《关于构建数据基础制度更好发挥数据要素作用的实施意见》。",
     ("measures_issued", "issued")),
])
def test_data_institution_wordings(text, expected):
    assert _findings(text, None, "基础制度建设") == {("基础制度建设", *expected, None)}


def test_a_measure_being_drafted_is_planned():
    # the headline names the measure, then 起草: a plan, not an issued measure
    text = "新乡市公共数据管理办法起草工作进展\n\n市数据局正在起草《新乡市公共数据管理办法》。\n"
    assert _findings(text, "新乡", "基础制度建设") == {("基础制度建设", "mentioned", "planned",
                                                      None)}


@pytest.mark.parametrize(("text", "expected"), [
    ("茂名市与广州市联合建设的穗茂产业合作园完成首期建设，已有12家企业入驻投产。",
     ("one_platform", "built")),
    ("茂名市与深圳市共同组建的深茂联合实验室日前揭牌。", ("one_platform", "built")),
])
def test_cross_region_wordings(text, expected):
    assert _findings(text, None, "跨区域协同创新平台") == {("跨区域协同创新平台", *expected,
                                                           None)}


def test_a_headline_without_a_place_takes_the_lead_sentence_actor():
    text = ("西咸协同创新中心揭牌\n\n西安市与咸阳市共建的西咸协同创新中心日前揭牌。"
            "榆林市科技局派员参加了揭牌仪式。\n")
    assert _findings(text, "榆林", "跨区域协同创新平台") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # one domain, named 医疗保险: 1
    ("宜昌市通过医保数据与商业保险数据融合，在医疗保险理赔领域实现快速赔付。",
     ("applied", "built", 1.0)),
    # the domains clause is done (实现), though the fusion clause says 推动; stated 两个领域 = 2
    ("金华市推动公共数据与保险、电力等社会数据融合，在普惠金融、医疗保险两个领域实现应用。",
     ("applied", "built", 2.0)),
    ("淄博市公共数据与社会数据的融合应用尚未起步。", ("applied", "negated", None)),
])
def test_data_fusion_wordings(text, expected):
    assert _findings(text, None, "政社数据融合应用") == {("政社数据融合应用", *expected)}


def test_a_stated_domain_count_beats_counting_domain_words():
    # four domain words (纳税/社保/用电/金融 …) but the text states 两个领域
    text = ("临沂市把企业纳税、社保缴纳、用电等公共数据同银行信贷模型结合，“信易贷”平台已上线运行，"
            "在普惠金融、公用事业两个领域实现政银数据融合应用。")
    assert _findings(text, "临沂", "政社数据融合应用") == {("政社数据融合应用", "applied", "built",
                                                          2.0)}


@pytest.mark.parametrize(("text", "expected"), [
    # 医疗保险理赔 is one compound domain, not 医疗 + 保险: 1
    ("宜昌市通过医保数据与商业保险数据融合，在医疗保险理赔领域实现快速赔付。", 1.0),
    # 普惠金融 and 商业保险理赔 are two domains: 2
    ("常德市推动政务数据与银行、保险公司数据融合，融合应用已在普惠金融和商业保险理赔中投入使用。",
     2.0),
])
def test_domains_are_counted_once_per_name(text, expected):
    assert _findings(text, None, "政社数据融合应用") == {("政社数据融合应用", "applied", "built",
                                                        expected)}


def test_a_place_after_zai_is_where_not_who():
    text = "泉州市与厦门大学共建的联合实验室已投入运行，泉州在深圳设立的科创飞地也已正式运营。"
    assert _findings(text, "泉州", "跨区域协同创新平台") == {
        ("跨区域协同创新平台", "multiple_platforms", "built", None)}


def test_an_assessment_not_yet_done_is_negated():
    text = "常州市数据质量评估工作还没有开展，部分部门数据长期未更新。"
    assert _findings(text, None, "数据质量评价") == {("数据质量评价", "practiced", "negated", None)}


def test_what_a_measure_says_is_not_a_fact():
    # "办法明确了…目录编制" describes the measure's text; no catalogue is credited
    text = ("《福州市公共数据资源管理办法》自5月1日起正式施行。"
            "办法明确了公共数据目录编制、共享等要求。")
    assert _findings(text, "福州", "数据资源体系") == set()


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    ("株洲市政务服务已延伸至全部村（社区），村级帮办代办点实现全覆盖。",
     "城乡数字化协同建设", ("services_reach_rural", "built")),
    ("宿迁市农村地区的政务数字化服务尚未实现行政村全覆盖。",
     "城乡数字化协同建设", ("services_reach_rural", "negated")),
    ("贵阳市印发《支持数据要素型企业发展的若干措施》，对新认定的数据要素型企业给予一次性奖励。",
     "奖励政策", ("policy_issued", "issued")),
    ("合肥市印发政策，对新引进的数据服务商给予三年房租补贴。",
     "奖励政策", ("policy_issued", "issued")),
    # 组建 is done; "调研组建议" below holds no 组建
    ("潍坊市组建市属国有数字产业集团，负责全市数字城市建设运营。",
     "政企合作机制", ("operation_company", "built")),
    ("宁德市人民政府与华为技术有限公司签订全面合作框架协议，共建数字宁德。",
     "政企合作机制", ("mechanism", "issued")),
])
def test_other_indicator_wordings(text, indicator, expected):
    assert _findings(text, None, indicator) == {(indicator, *expected, None)}
