"""Engine behaviours from unseen wording (d1590–d1679): a lack told of a thing, a demand that
governs the tasks it lists, work still being made or only listed as a project. Each sentence was
written in words of our own, not copied from the corpus."""

import pytest

from tests.extract_support import first_status, indicator_findings


@pytest.mark.parametrize("sentence, keyword", [
    ("我市城市运行管理平台功能还不完善。", "城市运行管理平台"),
    ("全市数据共享交换机制有待健全，部门协同有待加强。", "数据共享交换机制"),
    ("城市级物联感知平台接入的感知设备覆盖不足。", "感知设备"),
    ("与周边城市共建的跨区域创新平台较少。", "跨区域创新平台"),
    ("一体化数据资源平台还不具备跨层级调度能力。", "一体化数据资源平台"),
])
def test_a_lack_told_of_a_thing_is_neither_fact_nor_plan(sentence, keyword):
    # 不完善 holds the weak plan word 完善, 覆盖不足 the built word 覆盖: both read the lack
    # as a task or a fact before; a shortfall says what is missing, so it is a mention.
    assert first_status(sentence, keyword) == "mentioned"


def test_a_fact_in_the_same_clause_outweighs_the_lack():
    # "已上线但…不完善": the thing is there; what it lacks does not undo it.
    assert first_status("城市运行管理平台已于去年上线但功能仍不完善。",
                        "城市运行管理平台") == "built"


def test_lacking_the_conditions_still_denies_the_thing():
    # "不具备建设…的条件" says the thing is not there; "不具备…能力" (above) says it lacks a power.
    assert first_status("我市目前还不具备建设城市级物联感知平台的条件。",
                        "物联感知平台") == "negated"


def test_a_shortfall_gives_no_row_where_the_ladder_has_no_mention():
    # 跨区域协同创新平台 has no `mentioned` level: the lack credits nothing, not one_platform/built.
    found = indicator_findings("（三）与周边城市共建的跨区域创新平台较少。", "跨区域协同创新平台",
                               "邯郸")
    assert not any(status == "built" for _, status in found)


@pytest.mark.parametrize("text, indicator", [
    ("会议要求，市数据局牵头出台公共数据授权运营管理办法，建成授权运营平台。", "公共数据授权运营"),
    ("市领导强调，各地要加快进度，年内上线城市运行管理平台。", "城市运行平台"),
    ("会议要求各区，尽快建成城市运行管理平台。", "城市运行平台"),
])
def test_a_demand_governs_the_tasks_it_lists(text, indicator):
    # the built and issued words after 会议要求/强调 name what is demanded, not what is done
    found = indicator_findings(text, indicator, "杭州")
    assert found and not any(status in ("built", "issued") for _, status in found), found


def test_a_fact_told_after_a_demand_stays_a_fact():
    # a past marker in the clause ends the list of demanded tasks
    found = indicator_findings("会上强调，我市已出台公共数据管理办法，已建成一体化数据资源平台。",
                               "数据资源体系", "杭州")
    assert ("platform_built", "built") in found


@pytest.mark.parametrize("sentence, keyword", [
    ("城市运行管理平台目前处于研发阶段。", "城市运行管理平台"),
    ("城市运行管理平台正在开发，部分模块内测中。", "城市运行管理平台"),
    ("市里已将一体化数据资源平台列入明年信息化重点项目。", "一体化数据资源平台"),
])
def test_work_still_being_made_or_only_listed_is_a_plan(sentence, keyword):
    assert first_status(sentence, keyword) == "planned"


def test_a_research_centre_is_a_body_not_work_under_way():
    # 研发中心 holds 研发中; as a body's name it says nothing of the platform's stage.
    assert first_status("市大数据研发中心已建成一体化数据资源平台。",
                        "一体化数据资源平台") == "built"


def test_shortfall_cues_load_and_a_bad_value_names_the_line(tmp_path):
    from tests.extract_support import bad_common_value, project_extractor

    assert "不完善" in project_extractor().ruleset.common.shortfall_cues
    got, expected = bad_common_value(tmp_path, "shortfall_cues", "不完善")
    assert got == expected


def _attributions(text: str, city: str) -> set[str]:
    from tests.extract_support import project_extractor

    return {r.attribution for r in project_extractor().extract(text, city)}


def test_the_whole_city_after_a_place_of_another_city_is_that_city():
    # "在上海市…中心，…全市的…": no actor before the place, so 全市 is the city the place is in
    assert _attributions("在上海市城市运行管理中心，大屏上实时滚动着全市的城市运行生命体征数据。",
                         "徐州") == {"other_city"}


def test_the_city_acting_before_a_place_keeps_its_whole_city():
    # "我市代表团在上海…，介绍了全市…": the city acts, the place is only where
    text = "我市代表团在上海参加会议期间，介绍了全市城市运行生命体征监测体系建设成效。"
    assert _attributions(text, "徐州") == {"city"}


def test_a_reply_heading_takes_the_fact_its_body_tells():
    # "二、关于X。" names the topic; the body's first sentence, naming no keyword, says it is
    # done, in its first clause or a later one ("我局牵头整合…，已于去年全面建成…").
    for body in ("我局已于去年全面建成并投入使用，接入部门系统42个。",
                 "我局牵头整合各部门系统，已于去年全面建成并投入使用。"):
        text = f"关于市政协提案的答复\n二、关于城市运行管理平台。{body}\n"
        found = indicator_findings(text, "城市运行平台", "南通")
        assert any(status == "built" for _, status in found), (body, found)


def test_a_reply_heading_over_a_plan_or_study_stays_a_mention():
    # "该事项需审慎推进，我局将加强研究": the body plans nothing concrete, the heading credits
    # nothing beyond naming the topic.
    text = ("关于市政协提案的答复\n"
            "三、关于设立数据交易场所。该事项需按照有关规定审慎推进，我局将加强研究。\n")
    found = indicator_findings(text, "数商发展", "南通")
    assert not any(status in ("built", "issued", "planned") for _, status in found), found


def test_a_heading_counts_the_domains_its_body_lists():
    # the heading's row supports the indicator; its body states "四个领域": 4
    from tests.extract_support import project_extractor

    text = ("关于市政协提案的答复\n"
            "一、关于“数据要素×”应用。我市已在工业制造、交通运输、医疗健康、城市治理四个领域"
            "推出应用。\n")
    rows = [r for r in project_extractor().extract(text, "南通") if r.indicator == "场景应用"
            and r.status == "built"]
    assert rows and {r.quantity for r in rows} == {4.0}


def test_a_narrow_reach_is_a_lack_and_a_company_name_is_none():
    assert first_status("城市运行管理平台覆盖范围有限，部门数据共享不充分。",
                        "城市运行管理平台") == "mentioned"
    # 有限 inside 有限公司 is a name: the platform told running stays running
    assert first_status("城市大脑运营有限公司运营的城市运行管理平台已上线运行。",
                        "城市运行管理平台") == "built"


def test_a_measure_a_body_is_drafting_is_a_plan_and_one_it_drafted_is_named():
    found = indicator_findings("市数据局组织编制公共数据授权运营管理办法，目前正在征求部门意见。",
                               "公共数据授权运营", "杭州")
    assert found and not any(status == "issued" for _, status in found), found
    # "牵头编制的《…》…发布实施": who wrote it, the title is in force
    found = indicator_findings("市大数据局牵头编制的《政务数据共享交换接口规范》等3项地方标准"
                               "由市市场监管局发布实施。", "推进机制", "济南")
    assert ("standards_issued", "issued") in found


def test_the_city_share_of_a_province_total_is_the_city_s():
    # "全省…500万个，其中我市接入32万个": the city's own devices, 320000 (32 × 10^4)
    from tests.extract_support import project_extractor

    rows = [r for r in project_extractor().extract(
        "全省物联感知平台累计接入感知设备500万个，其中我市接入32万个。", "杭州")
        if r.indicator == "物联感知体系" and r.quantity is not None]
    assert rows and {(r.attribution, r.quantity) for r in rows} == {("city", 320000.0)}


def test_a_share_already_the_city_s_keeps_its_total():
    # the total is the city's (我市 before it); "其中我市新增8万个" is a step, 32万 remains
    from tests.extract_support import project_extractor

    rows = [r for r in project_extractor().extract(
        "全省累计建成5G基站12万个，我市物联感知平台已接入感知设备32万个，其中我市新增8万个。",
        "杭州") if r.indicator == "物联感知体系" and r.quantity is not None]
    assert rows and {r.quantity for r in rows} == {320000.0}


def test_a_course_notice_names_topics_not_work():
    # "关于举办…培训班的通知": its course content (培训内容：…数据安全事件报送流程) is taught,
    # not the city's practice; a fact it tells still counts.
    from tests.extract_support import findings

    text = ("关于举办全市数据业务培训班的通知\n"
            "二、培训内容。数据目录编制、数据安全事件报送流程、公共数据授权运营等。\n")
    assert not any(status == "mentioned" for _, _, status in findings(text, "广州"))
    text += "我市公共数据授权运营平台已于去年上线运行。\n"
    assert ("公共数据授权运营", "platform_built", "built") in findings(text, "广州")


def test_a_thing_relied_on_takes_no_plan_of_the_subject():
    # "将依托数据中心集群，谋划建设…": the plan is another thing's; the cluster is only named
    assert first_status("我市将依托数据中心集群，谋划建设可信数据空间。",
                        "数据中心集群") == "mentioned"
    # a cue after 依托 still speaks for what is relied on
    assert first_status("我市依托已建成的城市运行管理平台，开发了防汛应用。",
                        "城市运行管理平台") == "built"


def test_a_thing_relied_on_in_a_task_gets_no_unmarked_fact():
    # "要依托应急指挥平台调度": a rule reading an unmarked platform as running does not turn the
    # task's relied-on platform into a fact
    from tests.extract_support import findings

    found = findings("下一步，要依托应急指挥平台实时调度救援力量。", "镇江")
    assert not any(status == "built" for _, _, status in found), found


def test_guests_from_elsewhere_are_not_the_actor():
    # "外地考察团来我市…", "成都市考察团一行来我市…": the visitors' place is where they come from;
    # what they see is the host's (the portal city's)
    text = ("外地考察团来我市交流城市大脑建设经验\n"
            "近日，成都市考察团一行来我市调研。考察团参观了市城市大脑运营指挥中心，"
            "听取了城市大脑建设运营情况介绍。\n")
    assert "other_city" not in _attributions(text, "贵阳")


def test_what_a_touring_delegation_visits_or_watches_is_the_host_s():
    # "赴深圳学习考察" then "代表团走访了…中心", "观看了…平台演示": the host's things
    text = ("我市代表团赴深圳学习考察数字政府建设\n"
            "代表团先后走访了城市运行管理中心等单位。在中心，代表团观看了“一网统管”平台演示，"
            "该平台已接入110个部门的业务系统。\n")
    assert _attributions(text, "贵阳") == {"other_city"}


def test_a_bare_noun_opening_a_sentence_points_back_to_the_thing():
    # "…启动建设…平台。目前，平台已上线运行": the bare 平台 is the platform just named
    text = "我市今年3月启动建设城市运行管理平台。目前，平台已上线运行，接入部门系统42个。"
    assert any(status == "built" for _, status in indicator_findings(text, "城市运行平台", "杭州"))
    # a step on the way stays a plan; another noun (系统 for a 平台) points at nothing
    text = "我市今年3月启动建设城市运行管理平台。平台已完成招标，计划明年上线。"
    assert not any(status == "built"
                   for _, status in indicator_findings(text, "城市运行平台", "杭州"))
    text = "我市计划建设公共数据授权运营平台。系统已接入省级平台。"
    assert not any(status == "built"
                   for _, status in indicator_findings(text, "公共数据授权运营", "杭州"))
