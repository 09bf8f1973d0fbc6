"""Engine behaviours for wording the rule authors had not seen: news headlines about a plan,
press conferences, metadata printed inline beside the article, sign-off lines, obligations in a
measure's articles, stages of a project still under way."""

import pytest

from tests.extract_support import project_extractor


def _findings(text: str, city: str = "德州") -> set[tuple[str, str, str]]:
    rows = project_extractor().extract(text, city)
    return {(r.indicator, r.level, r.status) for r in rows}


def test_a_news_headline_about_a_plan_is_no_plan_document():
    # "我市印发…规划" reports that a plan was issued: the body is news of facts, not the plan's
    # list of tasks, so "同步上线了…平台" is built.
    text = ("我市印发数字经济发展规划\n\n近日，《德州市数字经济发展规划》印发实施。"
            "市工信局同步上线了德州市数字经济运行监测平台。")
    assert ("数字化监管体系", "built", "built") in _findings(text)


def test_a_plan_document_keeps_its_tasks_planned():
    text = ("德州市数字经济发展规划\n\n二、主要任务\n上线德州市数字经济运行监测平台。")
    assert ("数字化监管体系", "built", "built") not in _findings(text)


def test_a_press_conference_issues_nothing():
    # 发布 inside 新闻发布会 names an event; the headline of its transcript issues no policy.
    text = ("合肥市“高效办成一件事”改革新闻发布会实录（节选）\n\n"
            "市数据资源局负责人：今年以来，我市已上线新生儿出生、退休等21个“一件事”。")
    found = _findings(text, "合肥")
    assert not {f for f in found if f[2] == "issued"}
    assert ("政务增值化服务", "implemented", "built") in found


def test_inline_metadata_in_a_list_beside_the_article_marks_it_repealed():
    from extractors.html_text import html_to_text
    from extractors.metadata import parse_metadata

    html = ("<html><body><ul class='xxgk'><li>发文机关：大连市人民政府办公厅</li>"
            "<li>有效性：已废止</li></ul><div class='TRS_Editor'><p>《大连市政务数据资源共享"
            "管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。</p></div></body></html>")
    meta = parse_metadata(html_to_text(html))
    assert (meta.validity, meta.issuer, meta.repealed) == ("已废止", "大连市人民政府办公厅", True)


def test_validity_under_another_label():
    from extractors.metadata import parse_metadata

    assert parse_metadata("文号：保政办函〔2019〕22号\n效力状况：失效\n\n正文").repealed


def test_the_sign_off_line_names_the_writer_not_a_fact():
    # A reply signed by a leading group's office says nothing about a leading group: the body
    # has no mechanism in it.
    text = ("对市政协委员提案的答复\n\n您的提案收悉。现答复如下：我市尚未建成统一的城市运行管理"
            "平台。\n\n漳州市数字福建建设领导小组办公室\n2024年8月12日\n")
    found = _findings(text, "漳州")
    assert not {f for f in found if f[0] == "推进机制"}
    body = text.replace("漳州市数字福建建设领导小组办公室\n2024年8月12日\n",
                        "市数字福建建设领导小组办公室每月调度一次。\n")
    assert {f for f in _findings(body, "漳州") if f[0] == "推进机制"}


def test_a_weak_verb_after_a_past_marker_is_done():
    # 构建 alone states a task; 已构建 / 累计构建 say it is done.
    assert ("城市生命体征", "built", "built") in _findings(
        "我市已构建城市运行体征指标体系，设置112项体征指标。", "广州")
    assert ("城市生命体征", "planned", "planned") in _findings(
        "构建城市运行体征指标体系，设置112项体征指标。", "广州")


def test_results_of_building_are_no_task():
    # 建设成效 is a noun (the results of building); 成效初显 says the thing already works.
    assert _findings("城市运行“一网统管”平台建设成效初显", "广州") == {
        ("城市运行平台", "unified_platform", "built")}


def test_a_call_for_builders_means_the_thing_is_not_there_yet():
    # A notice seeking who will build and run a centre: the centre is planned, not built.
    found = _findings("关于征集西安市制造业数字化转型促进中心建设运营单位的公告", "西安")
    assert found == {("数字化转型协同发展", "planned", "planned")}


def test_put_into_use_is_done():
    # 投入应用 says the scenarios run, as 投入使用 does.
    found = _findings("首批遴选的23个“数据要素×”典型场景已全部投入应用，覆盖工业制造、"
                      "交通运输、医疗健康三个领域。", "青岛")
    assert {f[2] for f in found if f[0] == "场景应用"} == {"built"}


def test_a_recommendation_with_an_owner_or_a_date_is_a_plan():
    # Advice alone mentions; naming who does it (由…牵头) or by when (力争明年) makes it a plan.
    owner = "建议由市发展改革委牵头启动编制数字经济发展规划，明确发展重点。"
    dated = "建议市数据局研究制定《西宁市公共数据管理办法》，力争明年提请市政府审议。"
    advice = "调研组建议研究制定数据质量评价办法，明确评价指标。"
    assert ("顶层设计", "mentioned", "planned") in _findings(owner, "西宁")
    assert ("基础制度建设", "mentioned", "planned") in _findings(dated, "西宁")
    assert ("数据质量评价", "mentioned", "mentioned") in _findings(advice, "西宁")


def test_a_partner_before_a_joint_verb_is_not_the_owner():
    # "与上海市共同建设的…中心": 上海 is the partner even when a rule's keyword is the joint verb.
    rows = project_extractor().extract("一是与上海市共同建设的沪通科技成果转化联合中心揭牌运行。",
                                       "南通")
    assert rows and {r.attribution for r in rows} == {"city"}


def test_building_that_lags_behind_is_a_denial():
    # 建设滞后 states a deficit: the platform is not there, it is no task to build it.
    text = "调研发现，我市乡镇（街道）基层治理信息平台建设滞后，目前仍未实现三级贯通。"
    assert ("基层治理平台", "built", "negated") in _findings(text, "曲靖")


TABLE = ("青岛市政社数据融合应用场景清单（第一批）\n"
         "为推动公共数据与社会数据融合应用，市大数据局梳理形成首批融合应用场景，现将清单公布如下。\n"
         "序号 | 场景名称 | 应用领域 | 数据来源 | 状态\n"
         "1 | 企业信用画像 | 金融 | 税务、商业银行 | 已上线\n"
         "2 | 商业健康保险快速理赔 | 医疗 | 医保、保险公司 | 已上线\n"
         "3 | 网约车合规监管 | 交通 | 交通运输、通信运营商 | 已上线\n"
         "4 | 消费券精准发放 | 消费 | 商务、银联 | 拟上线\n"
         "5 | 小微企业授信 | 金融 | 税务、银行 | 已上线\n")


def test_a_table_with_a_domain_column_lists_the_domains():
    # Distinct 应用领域 values of rows already live: 金融, 医疗, 交通 = 3 (消费 is 拟上线,
    # the second 金融 row is the same domain).
    rows = project_extractor().extract(TABLE, "青岛")
    counts = {r.quantity for r in rows
              if r.indicator == "政社数据融合应用" and r.level == "applied"}
    assert counts == {3.0}


def test_a_duty_in_a_measure_is_no_fact():
    # "应当…向市公共数据平台归集数据" is what the measure requires, not a platform shown to run.
    duty = ("第八条　公共管理和服务机构应当按照统一标准编制本单位公共数据目录，"
            "并向市公共数据平台归集数据。")
    fact = "各部门已按照统一标准编制公共数据目录，并向市公共数据平台归集数据。"
    assert not {f for f in _findings(duty, "长沙") if f[2] == "built"}
    assert ("数据资源体系", "platform_built", "built") in _findings(fact, "长沙")


@pytest.mark.parametrize("text", [
    "城市大脑项目已纳入省重点项目库。",  # listed as a project to do
    "城市大脑上线在即。",  # about to happen
    "市数据局组织专家对城市大脑项目进行了初步验收。",  # a check before acceptance
])
def test_steps_before_the_thing_runs(text):
    assert _findings(text, "杭州") == {("城市运行平台", "planned", "planned")}


def test_a_platform_that_stopped_running_is_denied():
    assert _findings("我市城市大脑已于2022年停止运行。", "杭州") == {
        ("城市运行平台", "city_brain", "negated")}


def test_a_visit_on_a_topic_says_nothing_about_whether_it_runs():
    # 调研…运行情况 names a topic: neither 运行 nor the rule's unmarked status makes it a fact.
    assert _findings("市领导调研城市大脑运行情况。", "杭州") == set()
    assert ("城市运行平台", "city_brain", "built") in _findings(
        "市领导调研时指出，城市大脑已接入120个部门系统。", "杭州")


def test_a_name_inside_a_cited_title_is_not_the_actor():
    # 浙江省 issued the cited measure; the city made the implementing rules.
    rows = project_extractor().extract(
        "我市贯彻落实《浙江省公共数据授权运营管理办法》，制定了实施细则。", "杭州")
    outside = [r for r in rows if "实施细则" in r.snippet]
    assert outside and {r.attribution for r in outside} == {"city"}


@pytest.mark.parametrize("text", [
    "城市大脑建成后，将实现全市事件统一调度。",  # after it is built, in the future
    "待城市大脑上线后，各部门系统将全部接入。",  # waiting until it runs
    "如果城市大脑能够上线，将极大提升治理效率。",  # supposing it runs
    "目前城市大脑已进入上线前的最后调试阶段。",  # before it runs
])
def test_a_time_still_ahead_of_the_thing_is_a_plan(text):
    assert _findings(text, "杭州") == {("城市运行平台", "planned", "planned")}


@pytest.mark.parametrize("text", [
    "城市大脑上线以来，累计处置事件12万件。",
    "城市大脑上线后，累计处置事件12万件。",  # after it ran, in the past
    "城市大脑的上线运行，标志着我市城市治理迈入新阶段。",
])
def test_a_time_after_the_thing_ran_is_done(text):
    assert _findings(text, "杭州") == {("城市运行平台", "city_brain", "built")}


def test_a_title_issued_at_a_stated_time():
    # "《…》于去年出台": the verb follows the title past a time phrase.
    assert _findings("《杭州市公共数据授权运营管理办法》于去年出台。", "杭州") == {
        ("公共数据授权运营", "measures_issued", "issued")}
    assert _findings("《杭州市公共数据授权运营管理办法》已于2023年5月印发。", "杭州") == {
        ("公共数据授权运营", "measures_issued", "issued")}


def test_a_measure_about_to_be_issued_is_planned():
    assert _findings("我市公共数据授权运营管理办法出台在即。", "杭州") == {
        ("公共数据授权运营", "mentioned", "planned")}


def test_repeal_notes_in_other_words():
    from extractors.metadata import parse_metadata

    assert parse_metadata("杭州市公共数据授权运营管理办法（试行）\n"
                          "（2021年发布，2024年3月1日起废止）\n第一条 …").repealed
    assert parse_metadata("状态：已失效\n杭州市公共数据授权运营管理办法\n第一条 …").repealed
    assert not parse_metadata("杭州市公共数据授权运营管理办法（试行）\n第一条 …").repealed


def test_a_training_notice_names_its_topic_only():
    text = ("关于举办公共数据授权运营管理办法培训班的通知\n各有关单位：为做好《杭州市公共数据授权"
            "运营管理办法》贯彻实施工作，市数据局定于5月10日举办培训班。")
    assert _findings(text, "杭州") == set()


def test_a_past_particle_on_another_verb_does_not_finish_a_task():
    # 了 belongs to 研究, not to 建设: the meeting studied it, nothing was built.
    assert ("城市运行平台", "city_brain", "built") not in _findings(
        "会议研究了城市大脑的建设问题。", "杭州")


@pytest.mark.parametrize("text", ["城市大脑项目已暂停。", "城市大脑项目因资金问题停止建设。"])
def test_a_halted_project_is_denied(text):
    assert _findings(text, "杭州") == {("城市运行平台", "city_brain", "negated")}


@pytest.mark.parametrize("text", [
    "会议要求各部门业务系统全部接入城市大脑。",  # a demand
    "会议强调，城市大脑上线运行是今年的重点工作。",  # a task of the year
    "市长强调，确保城市大脑年内上线。",  # ensuring it happens
])
def test_demands_and_tasks_are_plans(text):
    assert _findings(text, "杭州") == {("城市运行平台", "planned", "planned")}


@pytest.mark.parametrize("text", [
    "各部门应于6月底前完成与城市大脑的对接。",
    "请各单位于5月底前完成城市大脑接入工作。",
])
def test_a_duty_with_a_deadline_is_no_fact_even_for_an_unmarked_rule(text):
    assert not {f for f in _findings(text, "杭州") if f[2] == "built"}


@pytest.mark.parametrize("text", [
    "我市正在制定数据安全管理办法。",
    "我市数据安全管理办法制定工作已启动。",
    "我市数据安全管理办法已形成送审稿。",
    "数据安全管理办法草案已提交市政府常务会议审议。",
])
def test_a_measure_still_being_written_is_not_issued(text):
    found = _findings(text, "杭州")
    assert ("数据安全保护", "mentioned", "planned") in found
    assert not {f for f in found if f[2] == "issued"}


def test_a_denial_in_another_clause_leaves_a_fixed_status_fact():
    found = _findings("我市已出台数据安全管理办法，但尚未出台实施细则。", "杭州")
    assert ("数据安全保护", "dedicated_policy", "issued") in found
    assert ("数据安全保护", "dedicated_policy", "negated") not in found


@pytest.mark.parametrize("text", [
    "杭州数据交易所组建方案已报市政府审定。",  # a plan for it sent up
    "杭州数据交易所的设立申请已提交省政府。",  # an application for it
    "杭州数据交易所正在申请设立。",
])
def test_an_application_or_plan_for_the_thing_is_not_it(text):
    assert {f[2] for f in _findings(text, "杭州") if f[0] == "数商发展"} == {"planned"}


def test_a_headline_phrase_after_a_space_says_its_own_thing():
    # 推进 belongs to the first phrase; the second says the system has taken shape.
    found = _findings("宿迁：“建管用”一体推进 城市数字化运营体系初步成形", "宿迁")
    assert ("运营体系建设", "system_built", "built") in found
    assert not {f for f in found if f[2] == "planned"}


def test_a_national_body_named_as_a_partner_is_not_the_actor():
    rows = project_extractor().extract("我市积极对接国家数据局，争取设立数据交易所。", "杭州")
    assert rows and {r.attribution for r in rows} == {"city"}
