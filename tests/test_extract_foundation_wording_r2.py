"""Wording of unseen text for the foundation, data and safety indicators (d1500–d1589 round).

Each case is one property of real text the rules now read: an industry is not the city's
devices, a task list or a plan headline issues nothing, a firm's or a utility's thing is not the
city's, a shortfall is no plan. Expected findings are worked out by hand from the conventions of
extractors/corpus/README.md.
"""

from __future__ import annotations

import pytest
from extract_support import indicator_findings


def _found(text: str, indicator: str, city: str = "杭州") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize(("text", "indicator"), [
    # sensors as goods made or courted: an industry, not devices laid out
    ("深入实施数字经济核心产业倍增行动，培育壮大软件和信息服务、智能传感器等产业集群。",
     "物联感知体系"),
    ("我市将打造千亿级智能传感器产业链，引进传感器制造企业20家。", "物联感知体系"),
    # a carrier's platform and connections are its business
    ("中国移动宁波分公司建成物联网平台，连接终端超过300万个。", "物联感知体系"),
    # a merchant's service type and a sensing network's aim are not the city's assessment
    ("交易所累计登记数商863家，涵盖数据提供、数据加工、合规评估、质量评估等类型。", "数据质量评价"),
    ("2025年，我们将围绕数字孪生城市建设，进一步提升感知数据质量和共享效率。", "数据质量评价"),
    # a rule of work still to write, and a course explaining the reform, set no mechanism up
    ("下一步，我市将制定“高效处置一件事”工作规程，明确事件分级和处置流程。", "城市韧性"),
    ("培训班围绕“高效处置一件事”流程再造进行了专题讲解。", "城市韧性"),
    # a firm's product is no low-altitude policy
    ("某科技公司在展会上发布低空经济整体解决方案。", "数字低空基础设施"),
    # the nation's compute and a firm's rented compute are no capacity of the city
    ("全国算力总规模达到246EFLOPS，位居全球第二。", "算力基础设施"),
    ("某企业租用智算中心算力50P开展大模型训练。", "算力基础设施"),
    # a utility's own emergency platform; platforms of other trades that serve in emergencies
    ("国网宁波供电公司建成电力应急指挥平台。", "智慧应急"),
    ("市人社局上线就业应急服务平台。", "智慧应急"),
    ("全市应急广播平台已覆盖所有行政村。", "智慧应急"),
    # studying the national 数据二十条 is no local measure
    ("市委理论学习中心组专题学习“数据二十条”精神。", "基础制度建设"),
])
def test_no_credit_of_the_city(text, indicator):
    found = _found(text, indicator)
    assert not {f for f in found if f[1] in ("issued", "built", "planned")}, found


@pytest.mark.parametrize(("text", "indicator"), [
    ("我市应急指挥平台功能还不完善，与区级平台联动不够。", "智慧应急"),
    ("我市公共数据平台功能还不完善，数据更新不及时。", "数据资源体系"),
])
def test_a_shortfall_of_a_platform_is_no_plan(text, indicator):
    assert _found(text, indicator) == set()


def test_local_standards_published_are_no_data_measure_but_classify_data():
    # the neighbouring title 《城市运行事件分类与编码》 classes incidents, not the guide's data
    text = ("《政务数据目录编制规范》《公共数据分类分级指南》《城市运行事件分类与编码》等6项武汉市"
            "地方标准已经审定，现予发布，自2024年10月1日起实施。")
    assert ("classification_policy", "issued") in _found(text, "数据安全保护", "武汉")
    assert _found(text, "基础制度建设", "武汉") == set()


def test_a_denied_security_system_beside_an_unstarted_classification():
    text = "目前尚未制定专门的政务数据安全管理制度，数据分级分类目录也未编制完成。"
    assert ("dedicated_policy", "negated") in _found(text, "数据安全保护")


def test_rules_in_a_list_of_tasks_are_plans():
    text = ("2025年工作安排\n（一）夯实数字底座。推进可信数据空间建设。\n"
            "（二）健全数据制度。出台公共数据管理办法，建立公共数据质量评价机制，"
            "制定数据分类分级指南。\n")
    for indicator in ("数据安全保护", "数据质量评价", "基础制度建设"):
        assert not {f for f in _found(text, indicator, "南京") if f[1] == "issued"}


@pytest.mark.parametrize(("text", "indicator"), [
    ("银川市拟出台公共数据安全管理办法\n近日，市数据局就办法起草工作召开座谈会。\n",
     "数据安全保护"),
    ("银川市拟出台公共数据质量评价办法\n近日，市数据局就办法起草工作召开座谈会。\n",
     "数据质量评价"),
    ("银川市计划年内出台公共数据分类分级实施细则\n记者从市数据局获悉。\n", "数据安全保护"),
])
def test_a_plan_headline_issues_no_rule(text, indicator):
    # the measure is still to come: the lowest level, planned (README conventions 3)
    assert _found(text, indicator, "银川") == {("mentioned", "planned")}


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    ("今年3月，市数据局出台公共数据分类分级指南。", "数据安全保护",
     ("classification_policy", "issued")),
    ("市政府办公厅制定了公共数据安全管理办法，明确了数据处理各环节安全责任。", "数据安全保护",
     ("dedicated_policy", "issued")),
    ("市大数据局印发数据质量管理办法，对数据质量评价作出规定。", "数据质量评价",
     ("rules_issued", "issued")),
    ("市政府办公厅印发低空经济高质量发展实施方案。", "数字低空基础设施",
     ("policy_issued", "issued")),
    ("市城市物联感知平台已接入各类传感器12万个。", "物联感知体系", ("platform_built", "built")),
    ("市应急指挥综合平台二期上线运行，汇聚气象、水文、视频监控等数据。", "智慧应急",
     ("built", "built")),
])
def test_facts_in_other_words_still_count(text, indicator, expected):
    assert expected in _found(text, indicator)
