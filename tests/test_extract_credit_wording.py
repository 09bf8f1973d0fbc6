"""Engine behaviours for wording that rule authors did not write: ranks that are no actors,
plan words before an issuing verb, headings that run on into their paragraph, works just begun,
and a concrete plan that belongs to another clause."""

import pytest

from tests.extract_support import project_extractor


def _rows(text: str, city: str = "南通"):
    return project_extractor().extract(text, city)


def _findings(text: str, city: str = "南通") -> set[tuple[str, str, str]]:
    return {(r.indicator, r.level, r.status) for r in _rows(text, city)}


@pytest.mark.parametrize(("text", "attribution"), [
    ("我市累计建成省级智慧应急指挥平台1个。", "city"),  # 省级 is the platform's rank
    ("南通获评省级示范，已建成智慧应急指挥平台。", "city"),
    ("省级部门牵头建成智慧应急指挥平台。", "province"),  # 省级部门 act
])
def test_a_provincial_rank_is_no_actor(text, attribution):
    rows = _rows(text)
    assert {r.attribution for r in rows if r.indicator == "智慧应急"} == {attribution}


@pytest.mark.parametrize("verb", ["研究制定", "拟出台", "将印发", "抓紧制定"])
def test_a_plan_word_before_the_issuing_verb_keeps_the_title_unissued(verb):
    text = f"市数据局{verb}《南通市公共数据管理办法》。"
    found = {f for f in _findings(text) if f[0] == "基础制度建设"}
    assert found and all(status != "issued" for _, _, status in found)


def test_an_issuing_verb_alone_still_issues_the_title():
    text = "市政府制定《南通市公共数据管理办法》。"
    assert ("基础制度建设", "measures_issued", "issued") in _findings(text)


def test_a_heading_that_runs_on_into_its_paragraph_still_heads_tasks():
    text = ("南通市新型基础设施建设行动计划政策解读\n一、出台背景。……\n"
            "二、主要目标。到2026年，力争建成智算中心1个；建成市级智慧应急指挥平台。\n"
            "三、工作成效。市智慧应急指挥平台已建成投用。\n")
    rows = _rows(text)
    by_sentence = {(r.snippet[:6], r.status) for r in rows if r.indicator == "智慧应急"}
    assert ("建成市级智慧", "planned") in by_sentence  # under 二、主要目标
    assert ("建成市级智慧", "built") not in by_sentence
    assert ("市智慧应急指", "built") in by_sentence  # 三、 ends the section of aims


@pytest.mark.parametrize("text", [
    "南通市智慧应急指挥平台建设项目正式开工。",
    "南通市数据交易服务中心项目日前开工。",
])
def test_a_work_just_begun_is_a_plan(text):
    statuses = {status for _, _, status in _findings(text)}
    assert statuses == {"planned"}


def test_a_later_clause_plan_is_not_the_earlier_clauses_intent():
    # 将大力发展 exhorts; the 拟 of the next clause is the platform's plan, not the aim's
    text = "今年，我们将大力发展数字经济，拟建设全市统一的公共数据运营平台。"
    found = _findings(text)
    assert ("顶层设计", "mentioned", "mentioned") in found
    assert ("顶层设计", "mentioned", "planned") not in found
    # an opening 计划 governs the clause of the hit
    assert ("顶层设计", "mentioned", "planned") in _findings("计划编制数字经济发展规划。")


_META_PAGE = """<html><head><title>{title}</title></head><body>
<table class="info"><tr><th>发 文 机 关</th><td>{issuer}</td>
<th>有　效　性</th><td>{validity}</td></tr>
</table>
<div class="article"><p>{title}</p>
<p>第一条 为推进公共数据共享，结合本市实际，制定本办法。</p>
<p>第二条 市大数据局负责建设市公共数据平台。</p></div></body></html>"""


def test_a_metadata_table_beside_the_article_is_read():
    from extractors.html_text import html_to_text
    from extractors.metadata import parse_metadata

    html = _META_PAGE.format(title="南通市公共数据管理办法", issuer="南通市人民政府",
                             validity="已废止")
    meta = parse_metadata(html_to_text(html))
    assert (meta.issuer, meta.validity, meta.repealed) == ("南通市人民政府", "已废止", True)


def test_a_metadata_list_names_the_reposted_issuer_and_title():
    from extractors.html_text import html_to_text
    from extractors.metadata import parse_metadata

    html = ("<html><head><title>南通市数据局 政策文件</title></head><body><ul class='xxgk'>"
            "<li><span>标题：</span>国家数据局关于印发《数据工作要点》的通知</li>"
            "<li><span>发文机关：</span>国家数据局</li></ul>"
            "<div class='zoom'><p>现将《数据工作要点》印发给你们，请认真贯彻执行。</p></div>"
            "</body></html>")
    text = html_to_text(html)
    assert parse_metadata(text).issuer == "国家数据局"
    assert "国家数据局关于印发《数据工作要点》的通知" in text.split("\n")[:3]


def test_a_headline_above_its_metadata_is_the_title():
    text = ("转发国家数据局关于印发《公共数据授权运营管理办法》的通知\n发布机构：南通市数据局\n"
            "发布日期：2024-01-22\n各县（市、区）数据局：\n"
            "现将国家数据局《公共数据授权运营管理办法》转发给你们，请结合实际认真贯彻落实。"
            "办法提出建设公共数据授权运营平台。\n")
    rows = _rows(text)
    assert rows  # the topic is found ...
    assert {r.attribution for r in rows} == {"national"}  # ... and is the forwarded notice's


@pytest.mark.parametrize(("text", "quantity"), [
    # 新引入 is the step (41), 增至 names the total: 145 + 41 = 186
    ("南通数据交易中心新引入各类数商41家，入驻数商总数由年初的145家增至186家。", 186),
    # the total word opens the number's clause, 12 characters before it
    ("新增入驻数商9家，至此南通数据交易中心累计入驻各类数商主体25家。", 25),
])
def test_the_total_beats_the_step_it_grew_by(text, quantity):
    rows = [r for r in _rows(text) if r.indicator == "数商发展" and r.quantity is not None]
    assert rows and {r.quantity for r in rows} == {quantity}


def test_a_table_row_stays_one_line():
    from extractors.html_text import html_to_text

    html = ("<html><body><div class='article'><h1>南通市数据要素市场发展情况</h1><table>"
            "<tr><th>指标</th><th>情况</th></tr>"
            "<tr><td>数据交易场所</td><td>南通数据交易服务中心已挂牌运营</td></tr>"
            "<tr><td>登记数商数量</td><td>263家</td></tr></table>"
            "<table><tr><th>发 文 机 关</th><td>南通市人民政府</td><th>有　效　性</th>"
            "<td>有效</td></tr></table></div></body></html>")
    lines = html_to_text(html).split("\n")
    assert "登记数商数量：263家" in lines
    assert "发文机关：南通市人民政府" in lines and "有效性：有效" in lines
    rows = _rows(html_to_text(html))
    assert {r.quantity for r in rows if r.indicator == "数商发展"} >= {263}


@pytest.mark.parametrize(("text", "attribution"), [
    # the partner city is named after 与: the author's city builds it
    ("一是与上海市共同建设的沪通科技成果转化联合中心揭牌运行。", "city"),
    ("我市与江苏省苏州市合作共建的苏通科创飞地已投入运营。", "city"),
    # a name right before the thing is its owner, partner or not
    ("上海科创飞地已投入运营。", "other_city"),
])
def test_a_partner_city_is_not_the_actor(text, attribution):
    rows = [r for r in _rows(text) if r.indicator == "跨区域协同创新平台"]
    assert rows and {r.attribution for r in rows} == {attribution}


@pytest.mark.parametrize(("text", "jiang"), [
    ("通过将不动产登记信息与供电企业户号数据相互比对核验，实现联动办理。", False),  # 把
    ("将企业纳税、社保等政务数据和银行信贷数据打通。", False),
    ("我市将建成城市大脑。", True),
    ("平台将于明年上线。", False),  # 将于 is one cue word, not 将
    ("将在年内建成城市大脑。", True),
    ("将全市应急平台建成投用。", True),  # an object, then a fact verb: still to be done
])
def test_jiang_as_will_or_as_ba(text, jiang):
    words = project_extractor().status.words(text)
    assert ("将" in words) is jiang


def test_a_draft_under_discussion_is_a_concrete_plan():
    text = "会议讨论了《南通市公共数据授权运营管理办法（草案）》，要求修改完善后按程序报批。"
    # a planned item takes the ladder's plan level (corpus README, convention 3)
    assert ("公共数据授权运营", "platform_planned", "planned") in _findings(text)


@pytest.mark.parametrize(("text", "pflops"), [
    ("每秒300亿亿次", 3000.0),  # 300 × 1e16 = 3e18 FLOPS = 3000 PFLOPS
    ("50亿亿次/秒", 500.0),  # 50 × 1e16 = 5e17 = 500 PFLOPS
    ("每秒5千万亿次", 5.0),  # 5 × 1e15 = 5 PFLOPS
])
def test_operations_per_second_in_chinese_magnitudes(text, pflops):
    from extractors.quantities import parse_quantity

    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (pflops, "PFLOPS")


def test_a_verb_after_a_citation_is_not_the_citations_drafting():
    text = "根据《南通市公共数据管理办法》，现启动2024年度政务信息化项目申报工作。"
    assert not {f for f in _findings(text) if f[0] == "基础制度建设"}


def test_a_title_published_late_in_its_sentence_is_issued():
    text = ("《南通市智慧应急平台管理办法》已经2024年3月5日市人民政府第十二次常务会议审议通过，"
            "现予公布。")
    # the verb sits 33 characters after the title, in the sentence
    assert project_extractor()._issued_after(text, text.index("》"), len(text))


def test_a_first_acceptance_is_a_step_towards_the_thing():
    assert _findings("南通市智慧应急指挥平台已完成初验。") == {("智慧应急", "planned", "planned")}


@pytest.mark.parametrize(("text", "expected"), [
    # the plan word of the first clause governs the list
    ("我市将出台授权运营管理办法，建成公共数据授权运营平台。",
     ("公共数据授权运营", "platform_planned", "planned")),
    ("拟制定数据管理办法，上线公共数据授权运营平台。",
     ("公共数据授权运营", "platform_planned", "planned")),
    # a past marker in the clause still tells what exists
    ("我市将继续完善制度，已建成公共数据授权运营平台。",
     ("公共数据授权运营", "platform_built", "built")),
])
def test_a_plan_word_governs_the_later_clauses(text, expected):
    found = {f for f in _findings(text) if f[0] == "公共数据授权运营" and "platform" in f[1]}
    assert found == {expected}


def test_a_heading_takes_the_fact_of_its_body():
    text = "南通市应用场景建设情况\n（一）智慧应急指挥平台。平台已接入部门32个。\n"
    assert ("智慧应急", "built", "built") in _findings(text)
    # a body that only plans gives the heading nothing more than its topic
    text = "南通市应用场景建设情况\n（一）智慧应急指挥平台。谋划明年启动建设。\n"
    assert not {f for f in _findings(text) if f[2] == "built"}


def test_an_attributive_verb_names_the_thing_it_does_not_plan_it():
    text = "由市大数据局牵头建设的城市运行管理平台，经过半年调试，已于3月正式上线。"
    found = {f for f in _findings(text) if f[0] == "城市运行平台"}
    assert found and all(status == "built" for _, _, status in found)


@pytest.mark.parametrize(("text", "value"), [("聚焦三大领域", 3.0), ("覆盖五类领域", 5.0),
                                             ("选取3个重点领域", 3.0)])
def test_domains_counted_in_other_words(text, value):
    from extractors.quantities import parse_quantity

    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, "个领域")


def test_the_items_listed_after_a_domains_sentence_are_counted():
    text = ("南通市政社数据融合应用情况\n"
            "市大数据局打通政务数据与银行数据，政社数据融合应用已在以下领域落地见效：\n"
            "一是普惠金融，为小微企业提供续贷服务；\n二是医疗保险，实现一站式理赔；\n"
            "三是公用事业，过户与不动产登记联动办理。\n")
    rows = [r for r in _rows(text) if r.indicator == "政社数据融合应用" and r.status == "built"]
    assert rows and {r.quantity for r in rows} == {3.0}  # 一是, 二是, 三是: three items


@pytest.mark.parametrize("text", ["城市规划", "国土空间规划", "市自然资源和规划局"])
def test_planning_as_a_discipline_or_a_bureau_is_no_plan_word(text):
    assert "规划" not in project_extractor().status.words(text)
