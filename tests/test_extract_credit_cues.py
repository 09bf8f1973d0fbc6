"""Engine behaviours that decide credit for every indicator: plans beside past words, steps
towards a thing, denials in other words, titles repealed or issued after the title, who "全市"
is in another city's text, and keywords that belong to a longer keyword of another indicator."""

import pytest

from extractors.metadata import parse_metadata
from tests.extract_support import project_extractor


def _findings(text: str, city: str = "南通") -> set[tuple[str, str, str]]:
    rows = project_extractor().extract(text, city)
    return {(r.indicator, r.level, r.status) for r in rows}


def _credited(text: str, city: str) -> set[tuple[str, str, str]]:
    extractor = project_extractor()
    rows = extractor.extract(text, city)
    return {(r.indicator, r.level, r.status) for r in rows
            if r.credit(extractor.credit_shares) > 0}


@pytest.mark.parametrize("text", [
    "我市智慧应急平台将于下月正式上线。",  # 正式 says how, 将于 says when
    "我市智慧应急平台已完成联调测试，将于下月正式上线运行。",  # a step towards it, not it
    "智慧应急指挥平台目前已完成选址论证和方案设计。",
])
def test_plans_beside_past_words(text):
    assert _findings(text) == {("智慧应急", "planned", "planned")}


@pytest.mark.parametrize("text", [
    "我市智慧应急平台已完成验收并投入运行。",
    "智慧应急平台已完成建设，正式上线运行。",
    "我市智慧应急平台首批接入12个部门。",
])
def test_finished_things_stay_built(text):
    assert _findings(text) == {("智慧应急", "built", "built")}


@pytest.mark.parametrize("text", [
    "全市至今缺乏统一的智慧应急平台。",
    "城市级智慧应急平台尚有待建立。",
    "目前仍缺乏智慧应急指挥平台，各部门各自调度。",
])
def test_denials_in_other_words(text):
    assert _findings(text) == {("智慧应急", "built", "negated")}


def test_a_fixed_status_yields_to_setting_up_after_the_keyword():
    assert _findings("淮安市数据交易服务中心目前正处于筹建阶段。", "淮安") == {
        ("数商发展", "ecosystem", "planned")}
    # the fixed status still holds when nothing after the keyword says it is being set up
    assert _findings("淮安市数据交易服务中心持续推进数据产品登记。", "淮安") == {
        ("数商发展", "ecosystem", "built")}


def test_a_title_being_repealed_is_not_issued():
    text = "经市政府研究，决定废止《杭州市公共数据管理办法》，本决定自公布之日起施行。"
    assert not {f for f in _findings(text, "杭州") if f[2] == "issued"}


@pytest.mark.parametrize("text", [
    "《杭州市公共数据管理办法》日前正式印发。",
    "《杭州市公共数据管理办法》（试行）近日印发实施。",
    "《杭州市公共数据条例》表决通过。",
    "《杭州市公共数据管理办法》自2024年5月1日起施行。",
])
def test_verb_right_after_the_title_issues_it(text):
    assert ("基础制度建设", "measures_issued", "issued") in _findings(text, "杭州")


@pytest.mark.parametrize("text", [
    "《杭州市公共数据管理办法》拟于年内印发。",
    "根据《杭州市公共数据管理办法》。本通知自印发之日起施行。",
])
def test_title_without_its_own_issuing_verb(text):
    assert not {f for f in _findings(text, "杭州") if f[2] == "issued"}


@pytest.mark.parametrize(("head", "repealed"), [
    ("时效性：已失效\n\n保定市公共数据管理办法\n", True),
    ("【该文件已废止】\n唐山市人民政府办公室关于印发唐山市数据安全管理办法的通知\n", True),
    ("沧州市政务数据管理办法\n本办法已废止。\n", True),
    ("沧州市公共数据管理办法\n本办法自2024年7月1日起施行。原《沧州市政务数据暂行办法》同时废止。\n",
     False),
])
def test_repealed_marks(head, repealed):
    assert parse_metadata(head).repealed is repealed


def test_source_line_is_read_and_keeps_the_headline():
    text = "全市首批公共数据产品挂牌上架\n\n来源：无锡日报　　发布时间：2024-06-12\n\n正文。\n"
    meta = parse_metadata(text)
    assert meta.source == "无锡日报"
    assert meta.body_start == 0  # the headline above the source line is still the title


@pytest.mark.parametrize(("text", "credited"), [
    # 全市 in an article taken from 无锡's newspaper is 无锡
    ("全市智慧应急平台上线\n\n来源：无锡日报　　发布时间：2024-06-12\n\n"
     "6月11日，全市智慧应急平台正式上线运行。\n", False),
    # 本市 in 无锡's own measures, found on 常州's portal
    ("发文机关：无锡市数据局\n\n无锡市应急管理办法\n\n本市智慧应急平台已建成投用。\n", False),
    # a national outlet that names no place may report this city
    ("全市智慧应急平台上线\n\n来源：中国新闻网\n\n6月11日，全市智慧应急平台正式上线运行。\n", True),
    ("全市智慧应急平台上线\n\n6月11日，全市智慧应急平台正式上线运行。\n", True),
])
def test_generic_own_words_belong_to_the_author(text, credited):
    found = _credited(text, "常州")
    assert (("智慧应急", "built", "built") in found) is credited


def test_a_longer_keyword_of_another_indicator_claims_its_text():
    # "一件事" (政务增值化服务) inside "高效处置一件事" (城市韧性)
    found = {f[0] for f in _findings("我市建立高效处置一件事工作机制。", "杭州")}
    assert "城市韧性" in found and "政务增值化服务" not in found
    # on its own it is still a service item
    found = {f[0] for f in _findings("我市推出高效办成一件事集成服务。", "杭州")}
    assert "政务增值化服务" in found


def test_recruitment_posts_are_not_facts():
    text = "招聘岗位：网络与数据安全工程师1名、系统运维工程师2名。"
    assert _findings(text, "宜宾") == set()


def test_a_draft_title_is_a_plan_even_when_approved():
    text = "市政府常务会议审议通过了《杭州市公共数据管理办法（送审稿）》。"
    assert _findings(text, "杭州") == {("基础制度建设", "mentioned", "planned")}
    text = "市政府常务会议审议通过了《杭州市公共数据管理办法》。"
    assert _findings(text, "杭州") == {("基础制度建设", "measures_issued", "issued")}


def test_a_headline_naming_a_denied_topic_is_no_mention():
    text = "赣州市智慧应急平台建设情况\n\n目前，我市尚未建成智慧应急平台。\n"
    assert _findings(text, "赣州") == {("智慧应急", "built", "negated")}


def test_the_lead_sentence_is_read_past_the_source_line():
    # no place in the headline: the lead sentence names the actor, not the "来源" line
    text = ("转载：智慧应急平台建设指引\n\n来源：中国政府网\n\n"
            "应急管理部近日发布通知，要求各地智慧应急平台于年底前建成投用。\n")
    assert not _credited(text, "长沙")


@pytest.mark.parametrize(("text", "city", "credited"), [
    # 城市级 holds 市级 but names no city: the place before it is 深圳
    ("考察团参观了深圳市数据局，深圳已建成城市级智慧应急平台。", "长沙", False),
    # 义乌 is a county-level city of 金华; 杭州 is where, not who
    ("义乌市在杭州设立的智慧应急平台已建成投用。", "金华", True),
    # 鼓楼区 is both 南京's and 福州's
    ("鼓楼区智慧应急平台已建成投用。", "福州", True),
    ("鼓楼区智慧应急平台已建成投用。", "南京", True),
    ("鼓楼区智慧应急平台已建成投用。", "杭州", False),
    # "河西区域" is a region, not 天津's 河西区
    ("河西区域智慧应急平台已建成投用。", "兰州", True),
])
def test_district_and_place_names(text, city, credited):
    assert (("智慧应急", "built", "built") in _credited(text, city)) is credited


@pytest.mark.parametrize("text", [
    "智慧应急平台一期工程已完成主体开发，计划于10月底前上线。",  # developed is not yet running
    "下一步，我局将争取省级支持，研究设立智慧应急指挥平台。",  # 下一步 looks ahead
    "研究建立全市统一的智慧应急平台。",
])
def test_work_towards_a_thing_is_a_plan(text):
    assert _findings(text) == {("智慧应急", "planned", "planned")}


def test_a_topic_title_is_no_fact():
    # "关于…的说明": the headline names the topic, the body says it is only intended
    text = ("关于建设智慧应急平台有关情况的说明\n\n"
            "市应急管理局拟于明年启动建设智慧应急平台，目前方案已报市政府审定。\n")
    assert _findings(text) == {("智慧应急", "planned", "planned")}


@pytest.mark.parametrize("text", [
    "智慧应急平台项目已开工建设。",
    "智慧应急平台建设方案已报市政府审定。",
])
def test_past_steps_on_the_way_are_plans(text):
    assert _findings(text) == {("智慧应急", "planned", "planned")}


def test_a_work_notice_issues_no_policy():
    text = "关于召开低空经济发展政策座谈会的通知\n\n请各区派员参加。\n"
    assert not {f for f in _findings(text, "杭州") if f[2] == "issued"}
    text = "关于印发低空经济发展若干政策措施的通知\n\n现印发给你们。\n"
    assert ("数字低空基础设施", "policy_issued", "issued") in _findings(text, "杭州")


@pytest.mark.parametrize(("text", "source"), [
    ("正文。\n（来源：苏州日报）\n", "苏州日报"),
    ("正文。本文转自：无锡发布\n", "无锡发布"),
    ("正文，来源可靠。\n", ""),  # 来源 without a colon is no byline
])
def test_trailing_source(text, source):
    assert parse_metadata(text).source == source


@pytest.mark.parametrize("text", [
    "我市智慧应急平台尚未完全建成，部分功能仍在调试。",  # not wholly done is under way
    "开展智慧应急平台建设项目可行性研究报告编制。",  # a study towards it
])
def test_under_way_is_planned(text):
    assert _findings(text) == {("智慧应急", "planned", "planned")}


def test_a_report_heard_on_a_topic_is_no_fact():
    # 城市大脑 is built when nothing is said; a meeting hearing a report on it says nothing
    assert _findings("会议听取了全市城市大脑建设情况汇报，研究部署下一步工作。", "济南") == set()
    assert _findings("全市城市大脑实时汇聚交通、城管数据。", "济南") == {
        ("城市运行平台", "city_brain", "built")}


def test_an_announced_measure_is_a_concrete_plan():
    assert ("公共数据授权运营", "mentioned", "planned") in _findings(
        "近期将出台公共数据授权运营管理办法。", "成都")


def test_an_explained_title_is_in_force():
    text = "《深圳市公共数据授权运营管理办法》政策解读\n\n一、主要内容\n办法共六章。\n"
    assert ("公共数据授权运营", "measures_issued", "issued") in _findings(text, "深圳")
    # a training notice on the explanation is still a notice of work to do
    text = "关于参加《济南市公共数据授权运营管理办法》解读培训的通知\n\n请准时参加。\n"
    assert _findings(text, "济南") == set()


@pytest.mark.parametrize("verb", ["交付使用", "投入实战应用", "日前落成", "已部署到位"])
def test_other_words_for_running(verb):
    assert _findings(f"南通市智慧应急指挥平台{verb}。") == {("智慧应急", "built", "built")}


@pytest.mark.parametrize(("text", "level", "status"), [
    ("智慧应急指挥平台有望年底建成。", "planned", "planned"),
    ("智慧应急指挥平台目前处在方案设计阶段。", "planned", "planned"),
    ("我市智慧应急指挥平台建设仍是空白。", "built", "negated"),
])
def test_stages_and_gaps(text, level, status):
    assert _findings(text) == {("智慧应急", level, status)}


@pytest.mark.parametrize("text", [
    "南通市拟出台低空经济发展政策。",
    "南通市低空经济发展政策正在征求意见。",
    "南通市低空经济政策仍处于研究阶段。",
])
def test_a_policy_on_its_way_is_a_concrete_plan(text):
    assert ("数字低空基础设施", "mentioned", "planned") in _findings(text)


def test_under_a_heading_of_tasks_a_fact_word_is_a_plan():
    text = ("南通市数字政府建设工作报告\n\n一、2024年工作回顾\n我市智慧应急指挥平台已建成投用。\n"
            "二、2025年重点任务\n建成城市生命体征监测系统。\n")
    found = _findings(text)
    assert ("智慧应急", "built", "built") in found  # the review reports what was done
    assert ("城市生命体征", "planned", "planned") in found
    assert ("城市生命体征", "built", "built") not in found


def test_the_body_of_an_action_plan_lists_plans():
    text = ("南通市智慧城市建设三年行动计划（2024—2026年）\n\n"
            "（一）建成城市生命体征监测系统，实现风险早发现。\n（二）智慧应急指挥平台已建成投用，持续迭代。\n")
    found = _findings(text)
    assert ("城市生命体征", "planned", "planned") in found
    assert ("城市生命体征", "built", "built") not in found
    assert ("智慧应急", "built", "built") in found  # a past marker still tells what exists


def test_a_task_with_a_fixed_status_keyword_is_a_plan():
    text = ("淮安市数据工作要点\n\n（一）设立淮安数据交易服务中心。\n"
            "（二）出台公共数据授权运营管理办法。\n")
    found = _findings(text, "淮安")
    assert ("数商发展", "ecosystem", "planned") in found
    assert ("数商发展", "ecosystem", "built") not in found
    assert ("公共数据授权运营", "measures_issued", "issued") not in found


@pytest.mark.parametrize("lead", [
    "为深入贯彻落实《国务院关于加强数字政府建设的指导意见》精神，结合我市实际，提出如下意见。",
    "根据应急管理部统一部署，我市智慧应急指挥平台已于近日建成投用。",
])
def test_the_lead_sentence_speaks_for_the_city_that_cites_the_nation(lead):
    text = f"智慧应急工作情况\n\n{lead}\n智慧应急指挥平台已建成投用。\n"
    assert ("智慧应急", "built", "built") in _credited(text, "南通")


def test_a_national_lead_sentence_still_makes_a_national_text():
    text = ("关于加强数字政府建设的指导意见\n\n各省、自治区、直辖市人民政府，国务院各部委：\n"
            "智慧应急指挥平台已建成投用。\n")
    assert not _credited(text, "南通")


def test_related_links_inside_the_article_are_not_its_text():
    from extractors.html_text import html_to_text

    html = ("<html><body><div class='content'><h1>市政府召开常务会议</h1>"
            "<p>会议研究了防汛工作，部署了安全生产检查。会议还听取了有关情况汇报。</p>"
            "<p>相关链接</p><p>南通市智慧应急指挥平台建成投用</p>"
            "<p>上一篇：南通市公共数据授权运营平台上线</p></div></body></html>")
    text = html_to_text(html)
    assert "会议研究了防汛工作" in text
    assert "智慧应急" not in text and "上一篇" not in text


@pytest.mark.parametrize("text", [
    "为确保定期演练，智慧应急指挥平台已建成投用。",
    "依托大带宽、大连接能力，智慧应急指挥平台已建成投用。",
    "北京时间6月1日，智慧应急指挥平台正式上线运行。",
    "推进创新乡村治理，智慧应急指挥平台已建成投用。",
    "依托沿海口岸优势，智慧应急指挥平台已建成投用。",
])
def test_city_names_inside_ordinary_words(text):
    assert ("智慧应急", "built", "built") in _credited(text, "南通")


@pytest.mark.parametrize(("text", "attribution"), [
    ("南通在全省率先建成智慧应急指挥平台。", "city"),  # the province is the scope
    ("南通市建成江苏省首个城市级智慧应急指挥平台。", "city"),
    ("学习南通经验，省应急管理厅建成智慧应急指挥平台。", "province"),  # a provincial body acts
])
def test_scope_and_provincial_bodies(text, attribution):
    rows = project_extractor().extract(text, "南通")
    assert {r.attribution for r in rows if r.indicator == "智慧应急"} == {attribution}


@pytest.mark.parametrize(("text", "credited"), [
    ("杭州市数据局局长介绍，全市已建成智慧应急指挥平台。", False),  # 全市 is the speaker's city
    ("杭州市召开会议，市政府已建成智慧应急指挥平台。", False),
    ("学习杭州经验，我市已建成智慧应急指挥平台。", True),  # 我市 is the author's
    ("宁波市数据局介绍，全市已建成智慧应急指挥平台。", True),
])
def test_generic_words_after_another_city(text, credited):
    assert (("智慧应急", "built", "built") in _credited(text, "宁波")) is credited
