"""General properties of unseen text for the infrastructure and data-foundation indicators: the
other wordings another writer would use for the same thing (one sentence each), and the words
that also name something else."""

import pytest

from extractors.summary import summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str, indicator: str) -> set[tuple]:
    """(level, status, quantity) of what the document supports for one indicator."""
    extractor = project_extractor()
    rows = [r for r in extractor.extract(text, city)
            if r.credit(extractor.credit_shares) > 0 and r.indicator == indicator]
    return {(f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree)}


@pytest.mark.parametrize("text, scale", [
    # 160P + 40P are the parts, 200P the total the sentence states
    ("一期部署智能算力160P、通用算力40P，总算力规模达200P，已签约用户36家。", 200),
    ("市智算中心已投入运行，算力规模300P，签约企业用户58家。", 300),
    ("城市算力中心一期已投运，算力规模达到100P，目前已签约客户20家。", 100),
    ("算力中心签约入驻企业12家，智能算力规模达到80P。", 80),
])
def test_users_signed_up_are_no_deal_for_the_centre(text, scale):
    # customers or tenants signed up use a centre that runs; only a deal for the centre
    # (项目签约, 签约仪式) leaves it to be built
    assert _findings(text, "九江", "算力基础设施") == {("built", "built", scale)}


@pytest.mark.parametrize("text", [
    "市智算中心项目签约仪式举行，规划算力300P。",
    "昨日，我市与华为公司签约，双方将合作建设智算中心，规划算力200P。",
])
def test_a_deal_for_the_centre_is_still_a_plan(text):
    assert _findings(text, "九江", "算力基础设施") == {("planned", "planned", None)}


@pytest.mark.parametrize("text", [
    "全年纳入统一运营的数据中心机房3处、政务云资源节点2个。",
    "全市已建成政务云数据中心机房5处。",
    "市数据中心机房完成升级改造，可用机柜500个。",
])
def test_server_rooms_are_no_compute_centre(text):
    assert _findings(text, "嘉兴", "算力基础设施") == set()


@pytest.mark.parametrize("text", [
    "拟于年内研究制定《廊坊市公共数据分类分级管理办法》。",
    "我局正在起草公共数据分级分类管理制度。",
])
def test_a_classification_measure_drafted_is_the_data_security_plan(text):
    # corpus convention 9: a data-security measure goes to 数据安全保护
    assert _findings(text, "廊坊", "基础制度建设") == set()
    assert ("mentioned", "planned", None) in _findings(text, "廊坊", "数据安全保护")


@pytest.mark.parametrize("text", [
    "二、数据制度建设方面\n截至目前，我市尚未出台市级公共数据管理办法。",
    "在数据基础制度方面，我市尚未出台公共数据管理办法。",
])
def test_a_topic_heading_is_no_mention_beside_a_denial(text):
    assert _findings(text, "唐山", "基础制度建设") == {("measures_issued", "negated", None)}


@pytest.mark.parametrize("text", [
    "修订出台《嘉兴市公共数据管理实施细则》，同步印发《嘉兴市公共数据安全管理实施细则》。",
    "市政府印发《嘉兴市政务数据管理暂行办法》，对数据安全、共享开放作出规定。",
])
def test_a_measure_issued_beside_a_neighbours_words_in_another_clause(text):
    assert _findings(text, "嘉兴", "基础制度建设") == {("measures_issued", "issued", None)}


def test_a_neighbours_measure_alone_is_not_the_data_measure():
    text = "市数据局印发《嘉兴市公共数据安全管理细则》。"
    assert _findings(text, "嘉兴", "基础制度建设") == set()


@pytest.mark.parametrize("text", [
    "我市已出台《泉州市公共数据管理办法》，配套印发公共数据共享、开放两项实施细则和"
    "《泉州市公共数据质量管理规范》。",
    "市政府印发《泉州市政务数据管理办法》，市数据局配套出台数据共享、开放等3项实施细则及"
    "数据分类分级指南。",
])
def test_sharing_and_opening_rules_counted_under_one_head_complete_the_system(text):
    assert _findings(text, "泉州", "基础制度建设") == {("system_issued", "issued", None)}


@pytest.mark.parametrize("text, domains", [
    ("我局推动政务数据与社会数据融合应用，目前已在以下六个领域形成实效：", 6),
    ("我局推动政务数据与社会数据融合应用，目前已在金融、医疗两个领域形成实效。", 2),
    ("公共数据与社会数据融合应用已在普惠金融、医疗理赔等领域收到良好成效。", 2),
])
def test_fusion_with_its_outcome_told_in_other_words_is_applied(text, domains):
    assert _findings(text, "宜昌", "政社数据融合应用") == {("applied", "built", domains)}


@pytest.mark.parametrize("text", [
    "下一步，要推动政务数据与社会数据融合应用见到实效。",
    "力争推动公共数据与社会数据融合应用在三个领域取得成效。",
    "政务数据与社会数据融合应用的成效还不明显。",
])
def test_an_outcome_to_reach_or_lacking_is_no_fusion_applied(text):
    found = _findings(text, "宜昌", "政社数据融合应用")
    assert not any(status == "built" for _, status, _ in found)


@pytest.mark.parametrize("text", [
    "在数据质量方面，市数据管理局每季度对各部门数据开展完整性、及时性、准确性评估，评估结果在全市通报。",
    "市大数据中心已对归集的38个部门数据开展准确性、一致性检测，发现问题数据1.2万条。",
])
def test_an_assessment_named_by_its_dimensions_is_the_practice(text):
    assert _findings(text, "泉州", "数据质量评价") == {("practiced", "built", None)}


@pytest.mark.parametrize("text", [
    "下一步，要对共享数据开展完整性、准确性核查。",  # a task
    "各部门应当定期对数据开展准确性核查。",  # a duty a measure sets
    "数据中心完成了机房设备的可用性检测。",  # a system's availability, not data quality
    "市档案馆对馆藏档案数据开展完整性检测。",  # another trade's data
])
def test_dimensions_checked_elsewhere_or_ahead_are_no_practice(text):
    assert _findings(text, "泉州", "数据质量评价") == set()


@pytest.mark.parametrize("text", [
    "泉州市一体化公共数据资源平台通过终验。",
    "9月10日，泉州市一体化公共数据资源平台项目顺利通过终验，平台正式转入运行。",
    "市政务大数据平台项目通过竣工验收。",
])
def test_a_platform_past_its_final_acceptance_is_built(text):
    assert _findings(text, "泉州", "数据资源体系") == {("platform_built", "built", None)}


@pytest.mark.parametrize("text", [
    "市公共数据平台项目将于年底前组织终验。",
    "市大数据平台项目已完成初验，计划明年终验。",
])
def test_a_final_acceptance_ahead_leaves_the_platform_a_plan(text):
    assert _findings(text, "泉州", "数据资源体系") == {("planned", "planned", None)}


def test_a_catalogue_compiled_stays_built_beside_how_it_is_kept():
    text = ("全市公共数据资源目录已编制目录4352项，按照“一数一源”原则明确数据责任部门和更新频率。")
    assert _findings(text, "泉州", "数据资源体系") == {("platform_built", "built", None)}


@pytest.mark.parametrize("text", [
    "《办法》明确了公共数据目录编制、更新的规则。",
    "《办法》规定公共数据目录实行统一管理，各部门按目录归集数据。",
])
def test_a_catalogue_a_measure_sets_out_is_no_catalogue(text):
    assert _findings(text, "泉州", "数据资源体系") == set()


@pytest.mark.parametrize("text", [
    "2024年南通市“智慧应急杯”安全生产知识竞赛已于6月下旬结束。",
    "市应急局举办智慧应急宣传周活动。",
    "我市智慧应急建设取得积极成效。",  # the field, no platform named
])
def test_the_field_named_alone_or_a_contest_after_it_is_no_platform(text):
    assert _findings(text, "南通", "智慧应急") == set()


@pytest.mark.parametrize("text", [
    "我市智慧应急一张图已上线运行。",
    "智慧应急体系初步建成。",
])
def test_a_smart_emergency_thing_named_and_running_is_built(text):
    assert _findings(text, "南通", "智慧应急") == {("built", "built", None)}


@pytest.mark.parametrize("text, indicator, level", [
    ("市应急局介绍，智慧应急指挥平台项目已完成招标，预计明年上半年投入使用。", "智慧应急",
     "planned"),
    ("市应急管理综合应用平台已完成采购，计划9月上线。", "智慧应急", "planned"),
    ("市公共数据平台项目已完成招标，预计年底前上线。", "数据资源体系", "planned"),
])
def test_a_tender_done_with_the_launch_ahead_is_a_plan(text, indicator, level):
    assert _findings(text, "南阳", indicator) == {(level, "planned", None)}


@pytest.mark.parametrize("text, indicator", [
    ("应急指挥平台升级改造项目已完成招标，预计年底完工。", "智慧应急"),
    ("市公共数据平台升级项目已完成招标，预计年底前完成。", "数据资源体系"),
])
def test_a_tender_to_upgrade_a_platform_in_use_is_no_plan_of_one(text, indicator):
    assert _findings(text, "南阳", indicator) == set()


@pytest.mark.parametrize("text", [
    "3.城市级物联感知平台运维项目，安排资金236万元。",
    "由市大数据公司负责城市感知平台的运行维护。",
])
def test_a_sensing_platform_kept_up_exists(text):
    assert _findings(text, "金华", "物联感知体系") == {("platform_built", "built", None)}


@pytest.mark.parametrize("text", [
    "市物联感知平台运维服务项目招标公告。",  # a tender for the upkeep
    "交通物联感知平台运维项目，安排资金50万元。",  # a sector's own platform
])
def test_upkeep_tendered_or_of_a_sectors_platform_is_no_city_platform(text):
    assert ("platform_built", "built", None) not in _findings(text, "金华", "物联感知体系")


@pytest.mark.parametrize("text", [
    "《办法》对公共数据目录管理、归集共享、开放利用和安全保障等作出系统规定。",
    "《条例》共八章，规定了政务数据共享、开放和安全保障等内容。",
])
def test_security_as_a_matter_a_data_measure_governs_is_a_mention(text):
    # corpus convention 9: security clauses inside another measure are mentioned
    assert _findings(text, "漳州", "数据安全保护") == {("mentioned", "mentioned", None)}


@pytest.mark.parametrize("text", [
    "公共数据平台运维项目，包括系统维护和安全保障，安排资金410万元。",  # upkeep of a budget item
    "做好春节期间供水安全保障工作。",
])
def test_security_upkeep_is_no_clause_of_a_measure(text):
    assert _findings(text, "漳州", "数据安全保护") == set()
