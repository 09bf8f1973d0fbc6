"""Engine behaviours from unseen wording (d1500–d1589): titles named as issued, steps begun,
districts named after their city. Each sentence was written in words of our own, not copied from
the corpus."""

from tests.extract_support import findings, indicator_findings


def test_a_title_named_as_issued_by_a_relative_clause_is_issued():
    # "正式印发的《…》", "去年出台的《…》": the verb before 的 tells the title is in force.
    cases = (
        ("会议介绍了已经审议通过并正式印发的《绍兴市数字经济发展规划》。", "顶层设计",
         ("plan_issued", "issued")),
        ("市里去年出台的《绍兴市公共数据授权运营管理办法》运行良好。", "公共数据授权运营",
         ("measures_issued", "issued")),
        ("同时印发的《绍兴市公共数据质量评价规则》设定了四类评价指标。", "数据质量评价",
         ("rules_issued", "issued")))
    for text, indicator, expected in cases:
        assert expected in indicator_findings(text, indicator, "绍兴"), text


def test_a_title_cited_as_the_ground_of_other_work_is_no_issue():
    # "根据市政府印发的《…》，现举办培训": the title is cited for the training, nothing is issued.
    for text in ("关于举办培训班的通知。"
                 "根据市政府印发的《绍兴市公共数据管理办法》要求，现举办培训。",
                 "按照市里出台的《绍兴市公共数据管理办法》的规定，各单位报送数据目录。"):
        assert not any(status == "issued" for _, _, status in findings(text, "绍兴")), text


def test_a_title_to_be_issued_stays_a_plan():
    # "拟出台的《…》": the plan word before the verb puts the issue ahead.
    found = indicator_findings("拟出台的《绍兴市公共数据管理办法》正在征求意见。", "基础制度建设",
                               "绍兴")
    assert found and not any(status == "issued" for _, status in found)


def _attributions(text: str, city: str) -> set[str]:
    from tests.extract_support import project_extractor

    return {r.attribution for r in project_extractor().extract(text, city)}


def test_a_district_named_after_its_city_is_that_citys():
    # 滨海新区 is 天津's by name; "绍兴滨海新区" and "绍兴市滨海新区" name 绍兴's own district.
    for text in ("绍兴滨海新区城市大脑已上线运行。", "绍兴市滨海新区城市大脑已上线运行。"):
        assert _attributions(text, "绍兴") == {"city"}, text
    assert _attributions("天津滨海新区城市大脑已上线运行。", "绍兴") == {"other_city"}
    # 鼓楼区 is 南京's and 福州's: the city named before it decides.
    assert _attributions("南京鼓楼区城市大脑已上线运行。", "福州") == {"other_city"}
    assert _attributions("福州鼓楼区城市大脑已上线运行。", "福州") == {"city"}


def test_work_begun_is_under_way_not_done():
    # 已 beside 启动 marks a start, not a finish: the thing is still to come.
    from tests.extract_support import first_status

    for sentence, keyword in (("城市大脑二期项目已启动，目前处于开发阶段", "城市大脑"),
                              ("城市大脑建设已经启动", "城市大脑"),
                              ("我局已启动市公共数据授权运营平台建设", "授权运营平台")):
        assert first_status(sentence, keyword) == "planned", sentence
    # Launched into running is done: "启动运行", "启动试运行" are built words.
    for sentence in ("城市大脑已启动运行", "城市大脑已启动试运行"):
        assert first_status(sentence, "城市大脑") == "built", sentence


def test_a_wish_is_no_fact_and_no_plan():
    # Each sentence only hopes for the thing; none of it is done or decided by the city.
    for text in ("多位委员呼吁我市建成城市大脑。", "市民期待城市运行管理平台早日上线。",
                 "市民希望早日建成城市生命体征监测系统。",
                 "企业盼望市里尽快出台数商奖励政策。"):
        statuses = {status for _, _, status in findings(text, "昆明")}
        assert statuses <= {"mentioned"}, text


def test_a_thing_done_beside_a_wish_stays_done_and_a_denial_stays_denied():
    # "已建成的城市大脑" is done in the hit's own clause; the wish is for its use.
    assert ("城市运行平台", "city_brain", "built") in findings(
        "市领导希望已建成的城市大脑发挥更大作用。", "昆明")
    # "群众期盼" is a noun in an earlier clause; the denial of the hit's clause stands.
    assert ("城市生命体征", "built", "negated") in findings(
        "与群众期盼还有差距，城市运行生命体征监测体系尚未建立。", "昆明")


def test_wish_cues_load_and_a_bad_value_names_the_line(tmp_path):
    from tests.extract_support import bad_common_value, project_extractor

    assert "希望" in project_extractor().ruleset.common.wish_cues
    got, expected = bad_common_value(tmp_path, "wish_cues", "希望")
    assert got == expected


def test_devices_put_in_place_are_a_fact_and_assigned_work_a_plan():
    from tests.extract_support import first_status

    for sentence in ("全市已部署各类物联感知设备12万个", "全市累计部署物联感知设备12万个"):
        assert first_status(sentence, "物联感知设备") == "built", sentence
    # "部署了…建设工作": a meeting assigns the work; the platform is still to come.
    assert first_status("会上同步部署了智慧应急指挥平台建设工作", "智慧应急指挥平台") == "planned"


def test_a_step_passed_or_a_share_of_the_works_is_progress_on_the_way():
    from tests.extract_support import first_status

    for sentence in ("城市大脑建设方案已通过专家评审", "城市大脑项目取得阶段性进展",
                     "城市大脑项目已完成工程量的60%", "城市大脑项目形象进度过半"):
        assert first_status(sentence, "城市大脑") == "planned", sentence


def test_courts_and_national_agencies_are_national():
    for text in ("最高人民法院印发《关于加强数据安全司法保护的意见》。",
                 "最高人民检察院发布数据安全保护典型案例。"):
        assert _attributions(text, "昆明") <= {"national"}, text


def test_a_title_whose_own_issue_is_ahead_is_a_plan_and_a_cited_one_is_not():
    # The title is the subject and a later clause says it will be issued: 顶层设计's plan.
    text = "《昆明市数字经济发展规划》已经市政府常务会议审议通过，近期将正式印发。"
    assert indicator_findings(text, "顶层设计", "昆明") == {("mentioned", "planned")}
    # "根据《…》，我局将于下月印发细则": the plan is another document's; the title is cited.
    assert indicator_findings("根据《昆明市数字经济发展规划》，我局将于下月印发实施细则。",
                              "顶层设计", "昆明") == {("mentioned", "mentioned")}


def test_what_a_proposer_raised_is_a_topic_even_with_words_between():
    # "您在来信中反映的…", "代表们在议案中提出的…": the proposer's topic, no plan of the city.
    for text in ("您在来信中反映的城市大脑建设问题，我们高度重视。",
                 "代表们在议案中提出的加快建设城市大脑的建议已转交市数据局。"):
        assert not any(status in ("built", "issued", "planned")
                       for _, _, status in findings(text, "昆明")), text


def test_a_body_named_for_planning_is_no_plan_word():
    from tests.extract_support import first_status

    # "市规划自然资源局建设的CIM基础平台": the bureau built it; 规划 names the bureau.
    sentence = "应急平台底图调用市规划自然资源局建设的CIM基础平台"
    assert first_status(sentence, "CIM基础平台") != "planned"
