"""Engine behaviours from unseen wording (d1190–d1289): status, carry, follow-ups, quantities,
attribution. Each sentence was written in words of our own, not copied from the corpus."""

from tests.extract_support import first_status, project_extractor


def test_steps_done_before_a_launch_still_ahead_are_a_plan():
    # Each sentence finishes steps (design, purchase, tender, topping out, building works) and
    # expects the launch later: the thing is not there yet.
    for sentence, keyword in (
            ("该平台由市数字产业集团承建，目前已完成总体方案设计和硬件采购，正在开展模块开发，"
             "预计明年上半年上线试运行", "平台"),
            ("城市大脑项目已于3月立项，硬件设备已采购到位，力争年底前建成投用", "城市大脑"),
            ("算力中心主体结构已于上月封顶，目前正在进行设备安装调试，届时将形成300P智能算力",
             "算力中心"),
            ("运行管理平台已完成招标和需求分析，计划今年10月投入使用", "运行管理平台")):
        assert first_status(sentence, keyword) == "planned", sentence


def test_a_part_already_running_keeps_the_fact_beside_a_launch_ahead():
    # "一期已上线运行" is done; the launch ahead is the second phase's.
    for sentence in ("城市大脑一期已上线运行，二期已完成采购，预计年底前建成",
                     "公共数据平台已上线运行，累计归集数据12亿条，预计年底前完成与省平台对接"):
        assert first_status(sentence, sentence[:4]) == "built", sentence


def test_a_clause_already_done_ends_what_an_opening_plan_word_governs():
    # 将 governs "组建团队"; "目前三类业务已全部开展" is done, so "形成…体系" after it is a fact.
    sentence = "公司将按三条线组建团队，目前三类运营业务已全部开展，形成统一的运营服务体系"
    assert first_status(sentence, "运营服务体系") == "built"
    # With no done clause between, the plan word still governs the list.
    assert first_status("将出台授权运营管理办法，建成授权运营平台", "授权运营平台") == "planned"


def _summary(text: str, city: str) -> set[tuple[str, str, str, float | None]]:
    from extractors.summary import credited, summarize

    extractor = project_extractor()
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.indicator, f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree)}


def _quantity(unit: str, sentence: str, keyword: str) -> float | None:
    """The quantity a rule counting in `unit` (not summing parts) reads at the keyword."""
    extractor = project_extractor()
    rule = next(r for r in extractor.ruleset.rules
                if r.quantity and r.quantity.unit == unit and not r.quantity.sum)
    at = sentence.index(keyword)
    return extractor._quantity(rule, sentence, (0, len(sentence)), at, at + len(keyword))[0]


def test_a_running_total_beats_the_step_told_without_a_word_of_increase():
    # "6个事项完成…上线" is the step; "累计达到二十二个" (22) is what exists.
    sentence = "近期6个事项完成流程再造并上线，全市“一件事”事项累计达到二十二个"
    assert _quantity("项", sentence, "一件事") == 22.0


def test_newly_brought_in_is_a_step_and_the_total_is_the_quantity():
    # 新引进 23 is the step; 累计达到 210 is the total.
    for sentence in ("今年新引进数据服务商23家，全市数商累计达到210家",
                     "新注册数商23家，全市数商总数达到210家"):
        assert _quantity("家", sentence, "数商") == 210.0, sentence


def test_segments_opening_with_their_domain_count_each():
    # 金融 + 医疗 + 公积金 + 司法 = 4 segments of one paragraph, each "X领域，…".
    text = ("我市政务数据与社会数据融合应用情况\n\n此前我市已在部分领域开展试点：金融领域，"
            "平台向银行推送企业纳税数据；医疗领域，商业保险理赔可调取医保结算数据，实现快速理赔；住房公积金领域，"
            "贷款审批直接核验不动产数据；司法领域，法院执行查控与登记数据实时共享。\n")
    found = {f for f in _summary(text, "武汉") if f[0] == "政社数据融合应用"}
    assert found and all(f[3] == 4.0 for f in found), found


def test_a_stated_count_after_a_headline_is_no_domain_name():
    # The paragraph after the headline says "在三个领域" and then names 3 domains by segment;
    # "三个" is a count, not a fourth domain.
    text = ("我市“数据要素×”典型场景加速落地\n\n据介绍，全市已在三个领域落地典型场景："
            "工业制造领域，为纺织企业提供供应链协同服务；商贸流通领域，跨境电商平台实现通关数据贯通；医疗健康领域，"
            "区域影像云实现检查结果互认。\n")
    assert ("场景应用", "applied", "built", 3.0) in _summary(text, "杭州")


def _intent(sentence: str, keyword: str) -> bool:
    detector = project_extractor().status
    at = sentence.index(keyword)
    return detector.has_intent(sentence, 0, len(sentence), at, at + len(keyword))


def test_plan_words_holding_an_intent_cue_are_a_concrete_intent():
    # 谋划建设 / 正在谋划 are single words holding 谋划; 已报市政府 is a step under way;
    # 将于…印发 issues a thing ahead.
    for sentence, keyword in (("积极发展低空经济，谋划建设通用航空产业园", "产业园"),
                              ("我市正在谋划建设低空经济产业园", "产业园"),
                              ("《公共数据管理办法》已报市政府审议", "管理办法"),
                              ("公共数据管理办法将于下月正式印发", "管理办法")):
        assert _intent(sentence, keyword), sentence


def test_an_exhortation_is_still_no_concrete_intent():
    for sentence, keyword in (("要大力发展低空经济，将深化通用航空领域改革", "低空经济"),
                              ("积极探索政企合作新模式", "政企合作")):
        assert not _intent(sentence, keyword), sentence


def test_a_title_followed_by_a_step_under_way_or_an_issue_ahead_is_a_plan():
    extractor = project_extractor()
    for text in ("市数据局工作动态\n\n《公共数据管理办法》已报市政府审议，将于下月正式印发。\n",
                 "市数据局工作动态\n\n《公共数据管理办法》已形成送审稿，计划年内出台。\n"):
        rows = [r for r in extractor.extract(text, "湖州") if r.indicator == "基础制度建设"]
        assert rows and {r.status for r in rows} == {"planned"}, (text, rows)


def _attributions(text: str, city: str, indicator: str) -> set[str]:
    return {r.attribution for r in project_extractor().extract(text, city)
            if r.indicator == indicator}


def test_a_joint_name_holding_the_city_is_the_citys_own():
    # "株洲—东莞产业转移合作园", "株洲·东莞产业合作园": the city's name opens the joint name.
    for text in ("株洲市科技局工作动态\n\n与广东省东莞市合作共建的株洲—东莞产业转移合作园"
                 "已有12家企业入驻投产。\n",
                 "株洲市科技局工作动态\n\n株洲与东莞合作共建的株洲·东莞产业合作园"
                 "已有12家企业入驻投产。\n"):
        assert _attributions(text, "株洲", "跨区域协同创新平台") == {"city"}, text


def test_other_cities_named_as_where_the_citys_centres_stand_are_places():
    # "我市在上海、深圳建成…", "嘉兴市在上海和杭州设立的…": the city acts, the others are places.
    for text in ("嘉兴市科技局工作总结\n\n我市在上海、深圳建成两个离岸创新中心，"
                 "已引进科创项目30个。\n",
                 "嘉兴市科技局工作总结\n\n嘉兴市在上海和杭州设立的科创飞地已投入运营，"
                 "入驻企业45家。\n"):
        assert _attributions(text, "嘉兴", "跨区域协同创新平台") == {"city"}, text
    # With no actor of the city's before them, the other cities built their own.
    text = "嘉兴市科技局工作总结\n\n上海、深圳已建成离岸创新中心，我市正在学习借鉴。\n"
    assert _attributions(text, "嘉兴", "跨区域协同创新平台") == {"other_city"}


def test_two_numbered_items_each_reporting_a_platform_are_two_platforms():
    # Items 一、 and 二、 each report a running cross-region centre of the same kind: two
    # platforms, so the combined level multiple_platforms.
    text = ("长沙市科技局关于2024年区域协同创新工作的总结\n\n"
            "一、长株潭协同创新中心运行良好。该中心由长沙、株洲、湘潭三市共建。\n"
            "二、湘赣边区域科技创新合作平台投入使用。\n")
    found = _summary(text, "长沙")
    assert ("跨区域协同创新平台", "multiple_platforms", "built", None) in found, found


def test_a_project_just_started_is_a_plan():
    # "…平台建设项目启动", "项目启动会召开": the building has just begun, nothing runs yet.
    for sentence in ("南阳市公共数据授权运营平台建设项目启动",
                     "9月20日，南阳市公共数据授权运营平台建设项目启动会召开"):
        assert first_status(sentence, "授权运营平台") == "planned", sentence


def test_items_with_short_names_after_the_supporting_paragraph_are_its_domains():
    # A heading line, then 4 items "1.工业制造。…"; 气象服务 is still being planned (拟), so 3.
    text = ("我市“数据要素×”工作进展\n\n今年以来，我市“数据要素×”应用已在重点行业落地见效。\n"
            "一、场景落地情况\n"
            "1.工业制造。依托产业大脑向企业提供订单预测服务。\n"
            "2.交通运输。港航物流数据共享平台投入使用。\n"
            "3.医疗健康。检查检验结果实现互认调阅。\n"
            "4.气象服务。气象数据场景拟于明年上线。\n"
            "二、存在的问题\n部分领域数据供给不足。\n")
    found = _summary(text, "温州")
    assert ("场景应用", "applied", "built", 3.0) in found, found


def test_a_sentence_announcing_the_domains_may_follow_the_supporting_one():
    # The supporting sentence is followed by "目前已在以下领域形成应用：" and three items
    # (一是/二是/三是): 3 domains.
    text = ("我市“数据要素×”工作进展\n\n今年以来，我市“数据要素×”应用已落地见效。目前已在以下领域"
            "形成应用：\n一是普惠金融，向银行提供企业纳税核验服务；\n二是医疗保障，商业保险快赔；\n"
            "三是司法服务，法院执行查控数据共享。\n")
    assert ("场景应用", "applied", "built", 3.0) in _summary(text, "泉州")


def test_steps_that_led_to_a_thing_done_are_no_plan(tmp_path):
    # A rule with a fixed planned status (a project's steps) gives nothing when a later clause
    # says the thing was done: by 已, or in a year no later than the document's (2024).
    from tests.test_extract_rules import _one_rule_extractor

    rule = "    keywords: [应急平台项目]\n    status: planned\n    levels: {planned: planned}\n"
    extractor = _one_rule_extractor(tmp_path, rule)
    head = "市应急管理局工作动态\n成文日期：2024-05-06\n\n"
    for body, expected in (("应急平台项目经立项批复后开工建设，2023年建成投入使用。", []),
                           ("应急平台项目于2021年立项，目前已建成投用。", []),
                           ("应急平台项目已完成立项，2025年建成投入使用。", ["planned"]),
                           ("应急平台项目已于2023年立项，合同约定的上线时间已延误5个月。",
                            ["planned"])):
        got = [r.status for r in extractor.extract(head + body + "\n", "杭州")]
        assert got == expected, body


def test_a_briefing_headline_names_its_topic():
    # "关于…建设情况的简报" names what the briefing is about; its body says the platform is
    # still being developed, so nothing is built.
    text = ("关于城市运行管理服务平台建设情况的简报\n\n市城市运行管理服务平台目前处于系统开发阶段，"
            "计划今年10月投入使用。\n")
    rows = [r for r in project_extractor().extract(text, "南昌") if r.indicator == "城市运行平台"]
    assert rows and "built" not in {r.status for r in rows}, rows
