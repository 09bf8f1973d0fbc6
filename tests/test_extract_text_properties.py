"""Engine behaviours from general properties of Chinese text (quoted names, plan words that name a
government function, settled states, pending work, parts of a whole, national bodies, 将 as the
object marker, drafts). Each sentence was written in words of our own, not copied from a corpus."""

from tests.extract_support import first_status, indicator_findings, project_extractor


def test_cue_words_inside_a_quoted_name_are_no_cues():
    # "到" in the app's name and "推进" in the mechanism's name name the thing; the sentences'
    # own verbs (已上线, 已建立, 推出) say it is there.
    for sentence, keyword in (
            ("市文旅局推出“宿到家”民宿预订小程序，已上线运行", "小程序"),
            ("市数据局已建立“专班推进、清单管理”工作机制", "工作机制"),
            ("我市已建立“一事一专班推进”协调机制", "协调机制"),
            ("市民通过“办事到家”平台累计办理业务3万件", "平台")):
        assert first_status(sentence, keyword) == "built", sentence


def test_dao_is_a_plan_word_only_before_the_time_it_aims_at():
    for sentence, keyword in (("到2026年，建成城市运行平台", "城市运行平台"),
                              ("到明年底，全面建成数据资源体系", "数据资源体系"),
                              ("到“十五五”末，全市建成城市大脑", "城市大脑")):
        assert first_status(sentence, keyword) == "planned", sentence
    # "送到", "落到" take no time after them: the fact stands.
    assert first_status("城市大脑已上线，把服务送到群众家门口", "城市大脑") == "built"


def test_planning_as_a_government_function_or_a_body_is_no_plan_word():
    # 规划 here names the approval work or the institute; the sentence's own verb decides.
    for sentence, keyword in (
            ("市自然资源局依托城市信息模型平台开展规划审批，已实现全流程网办", "城市信息模型平台"),
            ("城市运行平台支撑规划许可和规划核实业务", "城市运行平台"),
            ("市规划设计研究院承建的城市信息模型平台已上线", "城市信息模型平台"),
            ("由市规划委员会牵头的城市大脑已投入使用", "城市大脑")):
        assert first_status(sentence, keyword) == "built", sentence
    # 规划 as a verb ahead of the thing is still a plan.
    assert first_status("我市规划建设城市运行平台", "城市运行平台") == "planned"


def test_a_settled_state_reached_is_a_fact_unless_the_sentence_looks_ahead():
    for sentence, keyword in (("全市数据资源体系初步建立", "数据资源体系"),
                              ("我市基本建立首席数据官制度", "首席数据官制度"),
                              ("我市数据安全保护体系基本建立，责任清单明确", "数据安全保护体系"),
                              ("全市初步形成“1+N”数据安全保护体系", "数据安全保护体系")):
        assert first_status(sentence, keyword) == "built", sentence
    for sentence, keyword in (("到2027年，基本形成数据资源体系", "数据资源体系"),
                              ("数据资源体系将于2027年基本建立", "数据资源体系"),
                              ("城市大脑到2026年全面建成", "城市大脑"),
                              ("下一步，我市将全面建立首席数据官制度", "首席数据官制度")):
        assert first_status(sentence, keyword) == "planned", sentence


def test_founding_told_as_work_in_hand_is_a_plan():
    for sentence, keyword in (("市数据集团组建工作进展缓慢", "数据集团"),
                              ("数据集团组建工作稳步开展", "数据集团"),
                              ("城市运行管理中心成立工作正在推进", "城市运行管理中心")):
        assert first_status(sentence, keyword) == "planned", sentence
    # the work finished is the thing founded
    assert first_status("数据集团的组建工作已于今年完成", "数据集团") == "built"


def test_a_part_told_after_its_whole_is_what_is_counted():
    from extractors.quantities import find_quantities

    # (text, value, unit): the whole (12, 5, 300) is the frame; the part (8, 3, 20) is counted
    for text, value, unit in (("12个领域中的8个", 8.0, "个领域"),
                              ("12个领域中已有8个", 8.0, "个领域"),
                              ("12个领域中，已有8个", 8.0, "个领域"),
                              ("在5个场景中的3个", 3.0, "个场景"),
                              ("全市300家企业中的20家", 20.0, "家")):
        assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)], text
    # two counts side by side are both kept
    assert [q.value for q in find_quantities("建成3个中心和5个平台")] == [3.0, 5.0]
    # in a sentence: 8 domains, not 12
    extractor = project_extractor()
    rows = extractor.extract("我市规划的12个领域中，已有8个实现公共数据与社会数据融合应用", "杭州")
    assert {r.quantity for r in rows if r.indicator == "政社数据融合应用"} == {8.0}


def _attributions(text: str, city: str, indicator: str) -> set[str]:
    return {r.attribution for r in project_extractor().extract(text, city)
            if r.indicator == indicator}


def test_ministries_named_in_short_form_are_national():
    text = ("住房城乡建设部印发《关于全面推进城市综合运行管理服务平台建设的通知》，"
            "要求各地建成城市运行管理服务平台。")
    assert _attributions(text, "杭州", "城市运行平台") == {"national"}
    from extractors.attribution import Attributor
    from extractors.normalize import normalize_for_matching

    extractor = project_extractor()
    attributor = Attributor("杭州", extractor.registry, extractor.ruleset.common)
    for body in ("人社部", "国家卫健委", "文旅部", "住房城乡建设部"):
        found = attributor.mentions(normalize_for_matching(body + "发布通知"))
        assert [m.attribution for m in found] == ["national"], body
    # "X部门" is a department of any level, not the ministry
    assert attributor.mentions(normalize_for_matching("市交通部门牵头")) == []


def test_a_guest_met_brings_a_place_of_origin_that_is_no_actor():
    # The city's leader meets a firm from elsewhere; "双方" then act together, for the city.
    text = "市长会见深圳某数据公司总裁，双方签署战略合作协议，共同建设公共数据授权运营平台。"
    assert _attributions(text, "杭州", "公共数据授权运营") == {"city"}
    text = "市领导会见来自上海的某科技集团董事长，双方将在城市运行管理服务平台建设方面深化合作。"
    assert _attributions(text, "杭州", "城市运行平台") == {"city"}
    # a place that acts is still the other city's
    text = "深圳市公共数据授权运营平台已上线运行。"
    assert _attributions(text, "杭州", "公共数据授权运营") == {"other_city"}


def test_jiang_as_the_object_marker_is_no_will_and_joint_founding_after_it_is_a_plan():
    detector = project_extractor().status
    # 将 … 纳入/作为/列为: 将 takes the object (把), even when a task word follows it
    for text in ("市委将推广应用成效纳入年度考核", "我市将提升数据质量作为重点",
                 "市政府将建设成果列为示范"):
        assert "将" not in detector.words(text), text
    # "将进一步将…纳入": the first 将 is "will"
    assert "将" in detector.words("我市将进一步将数据质量纳入考核")
    for sentence, keyword in (("我市与昆明市将共建跨区域协同创新平台", "跨区域协同创新平台"),
                              ("两市将联合建设科技创新协同平台", "科技创新协同平台")):
        assert first_status(sentence, keyword) == "planned", sentence


def test_a_measure_whose_first_draft_is_done_is_being_drafted():
    extractor = project_extractor()
    for text in ("《杭州市公共数据授权运营管理办法》初稿已形成",
                 "公共数据授权运营管理办法初稿已完成，正在征求意见"):
        rows = [r for r in extractor.extract(text, "杭州") if r.indicator == "公共数据授权运营"]
        assert {r.status for r in rows} == {"planned"}, text
    assert first_status("首席数据官制度实施方案初稿已形成", "首席数据官制度") == "planned"
    # the measure issued is still issued
    issued = ("《公共数据授权运营管理办法》已于2023年印发实施", "公共数据授权运营管理办法")
    assert first_status(*issued) == "issued"


def test_a_measure_the_city_will_write_is_a_plan_not_a_measure_in_force():
    detector = project_extractor().status
    # 将 before a drafting verb foretells the measure: "will write", not "has issued"
    for text in ("下一步，我市将制定公共数据授权运营管理办法", "市数据局将修订数据管理办法",
                 "我局将起草数据质量评价规范"):
        assert "将" in detector.words(text), text
    assert indicator_findings("下一步，我市将制定公共数据授权运营管理办法。", "公共数据授权运营",
                              "杭州") == {("mentioned", "planned")}
    # the measure issued stays issued
    assert indicator_findings("我市已制定并印发《杭州市公共数据授权运营管理办法》。",
                              "公共数据授权运营", "杭州") == {("measures_issued", "issued")}
