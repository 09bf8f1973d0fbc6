"""Engine behaviours of round five: a clause's status is its own, not a word of another clause."""

from tests.extract_support import findings, project_extractor


def _findings(text: str, city: str = "杭州") -> set[tuple[str, str, str]]:
    return findings(text, city)


def test_a_weak_task_word_in_another_clause_plans_nothing():
    # 建设 inside 违法建设巡查 / 平安建设 and 提升 in a purpose phrase name other actions: the
    # city brain the sentence relies on or connects to is there (its `unmarked` status).
    for text in ("该体系依托城市大脑中枢，汇聚多源信息，在违法建设巡查等场景中发挥重要作用。",
                 "应急指挥平台与城市大脑打通，支撑安全生产和平安建设工作。",
                 "城市大脑中枢汇集各部门数据，为提升城市治理水平提供支撑。"):
        found = _findings(text)
        assert ("城市运行平台", "planned", "planned") not in found, text


def test_a_weak_task_word_in_the_clause_itself_still_plans():
    # The task verb governs its own clause: "建设城市大脑" is a task to do.
    assert ("城市运行平台", "planned", "planned") in _findings("建设城市大脑，打通各部门数据壁垒。")


def _summary(text: str, city: str) -> set[tuple[str, str, str, float | None]]:
    from extractors.summary import credited, summarize

    extractor = project_extractor()
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.indicator, f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree)}


def test_items_headed_by_their_domain_are_the_domains():
    # Three items "（n）X领域：" follow each other; the first holds the supporting sentence, so the
    # document names 3 domains (金融, 交通, 养老), not the 2 domain words of the first item alone.
    text = ("嘉兴市公共数据与社会数据融合应用情况\n\n市大数据局推动数据融合应用，取得初步成效：\n"
            "（一）金融领域：联合辖内银行上线“信易贷”模型，融合税务、社保和企业用电数据。\n"
            "（二）交通领域：利用网约车数据优化公交线路。\n"
            "（三）养老领域：与运营商合作开展独居老人关爱。\n")
    assert ("政社数据融合应用", "applied", "built", 3.0) in _summary(text, "嘉兴")


def test_domains_joined_before_one_ling_yu_count_each():
    # "在交通和商贸领域落地": 交通 + 商贸 = 2 domains, though only one is a domain word.
    text = "南京“数据要素×”应用在交通和商贸领域落地\n\n我市“数据要素×”应用已落地见效。"
    assert ("场景应用", "applied", "built", 2.0) in _summary(text, "南京")


def test_a_figure_clause_keeps_its_fact_beside_a_later_target():
    # "263家" is what there is; "力争到2026年突破500家" opens its own time frame and is the later
    # clause's target, so the stated figure stays built with its own number.
    found = _summary("我市登记数商总数达263家，力争到2026年突破500家。", "东营")
    assert ("数商发展", "ecosystem", "built", 263.0) in found
    found = _summary("全市物联感知设备12.6万个，下一步将新增5万个。", "东营")
    assert ("物联感知体系", "platform_built", "built", 126000.0) in found


def test_a_later_fact_still_speaks_for_a_figure_clause():
    # "布设设备12.6万个，统一接入…平台": the later clause goes on about the same devices.
    text = ("工程在燃气、供水等领域布设各类物联感知设备12.6万个，统一接入市城市物联感知平台，"
            "实现风险早发现。")
    assert ("物联感知体系", "platform_built", "built", 126000.0) in _summary(text, "东营")


def test_a_review_of_work_done_beside_next_years_plan_is_no_plan_document():
    # "工作总结和…工作计划": the body first reports what was done; a standard published then is
    # issued, while the same body under a title that is only a plan reads as a task.
    body = ("\n\n一、加强标准引领。牵头编制的《政务数据共享交换接口规范》等3项地方标准"
            "由市市场监管局发布实施。\n")
    found = _summary("合肥市数据资源局2023年工作总结和2024年工作计划" + body, "合肥")
    assert ("推进机制", "standards_issued", "issued", None) in found
    found = _summary("合肥市数据资源局2024年上半年工作总结及下半年工作计划" + body, "合肥")
    assert ("推进机制", "standards_issued", "issued", None) in found
    found = _summary("合肥市数据资源局2024年工作计划" + body, "合肥")
    assert ("推进机制", "standards_issued", "issued", None) not in found


def test_a_sentence_pointing_back_tells_the_status_of_the_thing_before():
    # "该平台已…上线运行" is the platform the sentence before began to build: it now runs.
    text = "4月，我市启动建设城市运行管理服务平台。该平台已于10月上线运行，接入部门业务系统32个。"
    assert ("城市运行平台", "city_brain", "built", None) in _summary(text, "合肥")
    # "相关措施" after a denied reward policy is that policy's plan.
    text = "目前我市尚未出台数商奖励政策。下一步将研究制定相关措施。"
    assert ("奖励政策", "mentioned", "planned", None) in _summary(text, "合肥")


def test_a_pointer_of_another_kind_points_at_nothing_before():
    # "该办法" cannot be the platform, nor "该平台" the measure.
    text = "我市启动建设城市运行管理服务平台。该办法自2024年1月1日起施行。"
    assert {f[2] for f in _summary(text, "合肥")} == {"planned"}
    text = "市数据局印发《公共数据授权运营管理办法》。该平台已上线运行。"
    assert not {f for f in _summary(text, "合肥") if f[2] == "built"}


def test_domains_opening_the_paragraphs_that_follow_count_each():
    # A lead sentence names no domain; the three paragraphs after it open "在X领域，…": 3 domains.
    text = ("泉州“数据要素×”场景落地见效\n\n我市“数据要素×”行动首批场景已投入运行。\n\n"
            "在交通运输领域，港口数据服务平台于5月上线。\n\n"
            "在医疗健康领域，商保快赔平台已服务群众2万人次。\n\n"
            "在商贸流通领域，跨境电商数据平台6月上线运行。\n\n"
            "市数据管理局负责人表示，将在全市推广。\n")
    assert ("场景应用", "applied", "built", 3.0) in _summary(text, "泉州")


def test_a_later_sentence_counting_the_domains_just_listed_gives_the_number():
    # Two items are found as applied (农业, 商贸); "上述三个领域" counts the third too: 3.
    text = ("德州市推进“数据要素×”应用落地\n\n一是数据要素×现代农业，建成小麦种植大数据应用系统；"
            "二是数据要素×商贸流通，上线农产品产销对接平台；三是数据要素×交通运输，整合货运车辆数据。"
            "\n目前，上述三个领域的应用均已投入使用。\n")
    assert ("场景应用", "applied", "built", 3.0) in _summary(text, "德州")


def test_a_batch_pointed_back_to_states_its_domains():
    # "这批场景分布在五个领域" counts the scenarios the sentence before published: 5.
    text = ("济宁市发布首批“数据要素×”典型应用场景\n\n会上发布了首批已落地见效的12个典型应用场景。"
            "这批场景分布在五个领域：工业制造领域，良品率提高。\n")
    assert ("场景应用", "applied", "built", 5.0) in _summary(text, "济宁")


def test_a_pointer_must_repeat_the_things_noun():
    # "该集团" is not the platform named before, even though both are bodies that get built.
    text = "我市将建设公共数据授权运营平台。此外，该集团已于去年成立。"
    assert not {f for f in _summary(text, "宁波") if f[2] == "built"}


def test_a_denial_after_the_thing_is_of_a_stage_not_the_thing():
    # "正在建设…。该平台尚未上线": still under way, a plan, not denied.
    text = "我市正在建设城市运行管理服务平台。该平台尚未上线。"
    assert _summary(text, "宁波") == {("城市运行平台", "planned", "planned", None)}
