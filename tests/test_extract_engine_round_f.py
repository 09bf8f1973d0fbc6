"""Engine properties of unseen wording (round F): each case is a wording the rules were not
written from, with the credit worked out by hand from the corpus README's conventions."""

from __future__ import annotations

import pytest

from tests.extract_support import indicator_findings, project_extractor

HEAD = "杭州市数据局工作动态\n\n"


@pytest.mark.parametrize("sentence", [
    "市政府办公厅印发修订后的《杭州市公共数据管理办法》。",
    "市政府近日发布新版《杭州市公共数据管理办法》。",
    "市政府发布2024年版《杭州市公共数据管理办法》。",
    "市政府正式印发新修订的《杭州市公共数据管理办法》。",
])
def test_edition_word_between_issuing_verb_and_title_keeps_it_issued(sentence: str) -> None:
    # the verb issues the title whatever edition word stands between: measures_issued/issued
    assert indicator_findings(HEAD + sentence, "基础制度建设", "杭州") == {
        ("measures_issued", "issued")}


@pytest.mark.parametrize("sentence", [
    # a plan word before the verb keeps the edition to come unissued
    "市数据局将发布新版《杭州市公共数据管理办法》。",
    # a title cited as the ground of a course is no issue by the city in this text
    "根据市政府印发的新版《杭州市公共数据管理办法》，现开展业务培训。",
])
def test_edition_word_does_not_make_a_planned_or_cited_title_issued(sentence: str) -> None:
    assert ("measures_issued", "issued") not in indicator_findings(
        HEAD + sentence, "基础制度建设", "杭州")


def _fusion_quantities(text: str) -> set[float | None]:
    return {r.quantity for r in project_extractor().extract(text, "杭州")
            if r.indicator == "政社数据融合应用" and r.status == "built"}


@pytest.mark.parametrize("domains, count", [
    # 普惠小微企业信贷 (8 characters) + 商业健康保险快速理赔 (10) + 企业用电能耗分析 (8) = 3
    ("普惠小微企业信贷、商业健康保险快速理赔和企业用电能耗分析", 3.0),
    # 普惠金融信贷 + 商业保险理赔 = 2
    ("普惠金融信贷和商业保险理赔", 2.0),
])
def test_long_domain_names_joined_before_one_domain_word_each_count(domains: str,
                                                                  count: float) -> None:
    text = (HEAD + "市数据局依托公共数据平台，将政务数据与银行、保险公司数据融合，在"
            + domains + "等领域开展应用。")
    assert _fusion_quantities(text) == {count}


REPORT = ("杭州市数据局2024年上半年工作自查报告\n\n一、工作开展情况\n"
          "市公共数据平台已归集数据12亿条。\n\n二、存在的问题\n{items}\n\n三、下一步打算\n加快推进相关工作。")


@pytest.mark.parametrize("item, indicator", [
    ("一是公共数据授权运营平台运行不稳定，数据产品供给少。", "公共数据授权运营"),
    ("一是城市大脑的应用场景更新慢。", "城市运行平台"),
])
def test_what_a_problems_section_lists_is_a_shortfall_not_a_fact(item: str,
                                                                 indicator: str) -> None:
    # under "二、存在的问题" the platform is named as lacking: no built row (a shortfall is a
    # mention, and neither ladder has a mentioned level)
    assert indicator_findings(REPORT.format(items=item), indicator, "杭州") == set()


def test_a_thing_told_done_in_a_problems_section_stays_done() -> None:
    # "已建成的物联感知平台…有待扩大": 已建成 marks it done → platform_built/built
    text = REPORT.format(items="一是已建成的物联感知平台接入设备数量有待扩大。")
    assert indicator_findings(text, "物联感知体系", "杭州") == {("platform_built", "built")}


def test_the_section_before_the_problems_heading_keeps_its_facts() -> None:
    # "市公共数据平台已归集数据12亿条" under 一、工作开展情况: platform_built/built
    text = REPORT.format(items="一是城市大脑的应用场景更新慢。")
    assert ("platform_built", "built") in indicator_findings(text, "数据资源体系", "杭州")


@pytest.mark.parametrize("sentence, indicator, expected", [
    # the building is scheduled as a works project: not yet there → planned
    ("城市运行生命体征监测系统建设已纳入市重点工程。", "城市生命体征", {("planned", "planned")}),
    ("城市运行生命体征监测系统建设已列入市政府为民办实事项目。", "城市生命体征",
     {("planned", "planned")}),
    # data put into a platform (the platform is where it goes): the platform runs → built
    ("各部门已将企业信用数据纳入市公共数据平台统一管理。", "数据资源体系",
     {("platform_built", "built")}),
])
def test_a_thing_scheduled_as_a_works_project_is_planned(sentence: str, indicator: str,
                                                         expected: set) -> None:
    assert indicator_findings(HEAD + sentence, indicator, "杭州") == expected


BLOCK = ("索引号：11330100002489-2024-0088\n主题分类：政务公开\n发布机构：杭州市数据资源管理局\n"
         "公开方式：主动公开\n")


def test_headline_under_a_block_with_portal_only_labels_is_the_title() -> None:
    from extractors.engine import _title_span
    from extractors.metadata import parse_metadata

    # 主题分类 and 公开方式 are lines of the block, so the headline under them is the title
    text = BLOCK + "关于举办《杭州市公共数据授权运营管理办法》专题培训班的通知\n各区县数据局：\n"
    a, b = _title_span(text, parse_metadata(text), "")
    assert text[a:b] == "关于举办《杭州市公共数据授权运营管理办法》专题培训班的通知"


@pytest.mark.parametrize("lead, expected", [
    # the lead-in says the listed titles were issued → dedicated_policy/issued for the item
    ("近日，两份配套文件已正式印发：\n（一）《杭州市公共数据授权运营实施细则》。\n",
     {("dedicated_policy", "issued"), ("mentioned", "mentioned")}),
    ("今年以来，市政府先后出台以下制度文件：1.《杭州市公共数据管理办法》；",
     {("dedicated_policy", "issued"), ("mentioned", "mentioned")}),
    # a lead-in that plans the issue keeps the listed titles unissued
    ("下一步，市数据局拟于年内印发以下配套文件：\n（一）《杭州市公共数据授权运营实施细则》。\n",
     set()),
])
def test_titles_listed_under_a_lead_in_that_issues_them(lead: str, expected: set) -> None:
    text = HEAD + lead + "（二）《杭州市公共数据安全管理办法》。"
    assert indicator_findings(text, "数据安全保护", "杭州") == expected


def test_items_under_a_course_content_heading_are_topics_taught() -> None:
    # "二、培训内容" carries to its items: the platform is a topic taught, no plan of the city
    # (before, the 工作安排 headline read every item as planned: 城市运行平台 planned/planned)
    text = ("杭州市数据局2024年数据业务能力提升工作安排\n\n一、培训对象\n各区县数据局业务骨干。\n"
            "二、培训内容\n（一）公共数据授权运营平台应用实务；\n（二）城市大脑运行与事件处置。\n"
            "三、时间安排\n6月5日至6日。\n")
    assert indicator_findings(text, "城市运行平台", "杭州") == set()
    assert indicator_findings(text, "公共数据授权运营", "杭州") == set()


def test_a_fact_after_the_course_section_still_counts() -> None:
    # the next numbered heading ends the course section: 已上线运行 → city_brain/built
    text = ("杭州市数据局工作动态\n\n一、培训内容\n（一）数据安全管理实务。\n"
            "二、工作进展\n杭州城市大脑已上线运行。\n")
    assert indicator_findings(text, "城市运行平台", "杭州") == {("city_brain", "built")}
