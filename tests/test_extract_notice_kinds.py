"""Engine behaviours from unseen wording (d1290–d1409): the kind of notice a headline names
(tenders, acceptance notices), reposted documents, other places' things, topic clauses.
Each text was written in words of our own, not copied from the corpus."""

from tests.extract_support import findings, indicator_findings, project_extractor


def _credited(text: str, indicator: str, city: str) -> set[tuple[str, str, str]]:
    """(level, status, attribution) of the rows of one indicator that give the city credit."""
    extractor = project_extractor()
    return {(r.level, r.status, r.attribution) for r in extractor.extract(text, city)
            if r.indicator == indicator and r.credit(extractor.credit_shares) > 0}


def test_a_tender_headline_and_its_body_are_a_plan():
    # A tender buys a project to come: neither the headline's platform nor the body's task list
    # ("采购需求：建设…") is there yet.
    for headline in ("合肥市城市生命体征监测系统建设项目公开招标公告",
                     "关于合肥市城市生命体征监测系统采购项目的竞争性磋商公告",
                     "合肥市城市生命体征监测系统项目中标结果的公示"):
        text = f"{headline}\n\n一、采购需求：建设城市运行体征指标体系和监测预警功能。\n"
        assert indicator_findings(text, "城市生命体征", "合肥") == {("planned", "planned")}, \
            headline


def test_a_tender_keeps_what_it_says_already_exists():
    # "依托已建成的城市大脑" has its own past marker: the tender does not undo it.
    text = ("合肥市城市生命体征监测系统建设项目招标公告\n\n"
            "一、项目概况：依托已建成的城市大脑，建设城市生命体征监测系统。\n")
    assert ("城市运行平台", "city_brain", "built") in findings(text, "合肥")


def test_an_acceptance_notice_lists_what_exists():
    # The listed platforms carry no verb of their own; the accepted project is built.
    text = ("合肥市新型智慧城市（二期）项目竣工验收结果公示\n\n"
            "一、建设内容：智慧应急综合指挥平台、城市信息模型（CIM）基础平台。\n"
            "二、验收意见：同意通过竣工验收。\n")
    assert indicator_findings(text, "智慧应急", "合肥") == {("built", "built")}
    # A first check (初步验收) is a step on the way, not an acceptance of the project.
    draft = text.replace("竣工验收结果公示", "初步验收结果公示")
    assert indicator_findings(draft, "智慧应急", "合肥") == set()


def test_a_forwarded_title_is_the_issuer_the_body_names():
    # The headline forwards a title that names nobody; the body's forwarding line names the
    # national issuer, so what the forwarded plan says is not the city's own.
    for line in ("现将国家数据局等17部门印发的《“数据要素×”三年行动计划（2024—2026年）》转发给你们",
                 "经市政府同意，现将国家数据局等部门联合制定的《“数据要素×”三年行动计划"
                 "（2024—2026年）》予以转载"):
        text = ("唐山市数据局关于转发《“数据要素×”三年行动计划（2024—2026年）》的通知\n\n"
                f"各县（市、区）数据主管部门：\n{line}。该行动计划提出，在工业制造、交通运输、"
                "医疗健康等12个行业和领域发挥数据要素乘数效应。\n")
        assert indicator_findings(text, "场景应用", "唐山") == {("planned", "planned")}, line
        assert _credited(text, "场景应用", "唐山") == set(), line


def test_a_place_named_by_class_owns_only_the_thing_right_after_it():
    # "外地数据交易所" is elsewhere; the denial before it and the clause after it stay the city's.
    text = ("榆林市数据要素市场调研\n\n"
            "我市尚未设立数据交易机构，本地数商的数据产品主要通过外地数据交易所挂牌交易，"
            "也还没有成立数商协会。\n")
    assert _credited(text, "数商发展", "榆林") == {("ecosystem", "negated", "city")}
    rows = project_extractor().extract(text, "榆林")
    elsewhere = [r for r in rows if r.indicator == "数商发展" and r.status == "built"]
    assert {r.attribution for r in elsewhere} <= {"other_city"}
    # People or firms from elsewhere do not make the city's own exchange another place's.
    own = "榆林市数据要素市场调研\n\n吸引外地企业入驻我市数据交易所，目前已有数商120家。\n"
    assert ("ecosystem", "built", "city") in _credited(own, "数商发展", "榆林")


def test_a_place_learnt_from_is_not_the_actor():
    # The model city before 经验/做法 is what the city learns from; the plan or fact is its own.
    for sentence, status in (("借鉴杭州经验，逐步构建城市运行体征监测体系", "planned"),
                             ("学习深圳做法，我局牵头建成了城市运行管理服务平台", "built")):
        text = f"榆林市数字政府建设动态\n\n{sentence}。\n"
        got = {(st, at) for _, st, at in _credited(text, "城市生命体征", "榆林")
               | _credited(text, "城市运行平台", "榆林")}
        assert got == {(status, "city")}, sentence
    # The model's own thing, named between the place and 经验, stays the model's.
    text = ("榆林市数字政府建设动态\n\n"
            "学习杭州城市大脑建设经验，杭州城市大脑已接入应用场景300多个。\n")
    assert _credited(text, "城市运行平台", "榆林") == set()


def test_what_a_study_tour_sees_is_the_hosts():
    # The tour goes to 杭州 (headline); sentences naming nobody that tell what the visitors saw
    # or heard of are 杭州's. The city's own resolve (我市) stays the city's.
    text = ("市数据局赴杭州学习考察数字化改革工作\n\n"
            "近日，市数据局组织考察团赴杭州学习考察。考察团参观了城市大脑运营指挥中心，"
            "了解到城市大脑已接入部门系统300多个。\n"
            "考察团表示，将认真学习借鉴杭州经验，加快推进我市城市大脑建设。\n")
    assert _credited(text, "城市运行平台", "芜湖") == {("planned", "planned", "city")}
    # A tour of the city's own district is the city's.
    own = text.replace("赴杭州", "赴鸠江区")
    assert ("city_brain", "built", "city") in _credited(own, "城市运行平台", "芜湖")


def test_a_replys_topic_clause_is_no_fact():
    # An item heading of a reply and the proposer's words name what was asked about; the reply's
    # own sentences say what exists or is planned.
    text = ("关于市政协十三届二次会议第0123号提案的答复\n\n王委员：\n"
            "一、关于城市运行管理服务平台。我局正在研究平台建设方案，下一步将争取纳入重点项目。\n"
            "二、您提到的设立数据交易所问题，我市目前还没有设立数据交易所。\n")
    assert _credited(text, "城市运行平台", "芜湖") == set()
    assert _credited(text, "数商发展", "芜湖") == {("ecosystem", "negated", "city")}
    # The same platform told as a fact in the reply's own words is built.
    fact = text.replace("我局正在研究平台建设方案，下一步将争取纳入重点项目",
                        "我市城市运行管理服务平台已于2023年上线运行")
    assert ("city_brain", "built", "city") in _credited(fact, "城市运行平台", "芜湖")


def test_a_topic_clause_takes_a_denial_or_plan_told_after_it():
    text = ("芜湖市数字政府建设情况通报\n\n"
            "关于城市生命体征监测体系，我市目前还处于空白。\n"
            "您提到的设立数据交易机构问题，我市目前还没有设立数据交易机构，将积极对接省级平台。\n")
    assert _credited(text, "城市生命体征", "芜湖") == {("built", "negated", "city")}
    assert _credited(text, "数商发展", "芜湖") == {("ecosystem", "negated", "city")}


def test_a_later_clause_denying_the_thing_itself_speaks_for_it():
    # The thing is named with a task word only ("重视…建设"), then denied with no other subject
    # (平台, 我市, or none): the sentence denies it.
    for sentence in ("我市高度重视城市运行管理服务平台建设，但目前平台尚未建成",
                     "城市运行管理服务平台，目前还没有建成"):
        text = f"芜湖市数字政府建设情况通报\n\n{sentence}。\n"
        assert _credited(text, "城市运行平台", "芜湖") == {("city_brain", "negated", "city")}, \
            sentence
    # A denial of another thing, or of a part of it, leaves the task a plan.
    for sentence in ("我市正在推进城市大脑建设，但尚未建成数据交易所",
                     "我市推进城市运行管理服务平台建设，但平台尚未与省级平台打通"):
        text = f"芜湖市数字政府建设情况通报\n\n{sentence}。\n"
        assert _credited(text, "城市运行平台", "芜湖") == {("planned", "planned", "city")}, \
            sentence


def _named_extractor(tmp_path):
    """The project's rules with the cross-region combine counting named things."""
    import shutil

    from citydx.paths import PROJECT_ROOT
    from citydx.registry import load_registry
    from extractors.engine import Extractor
    from extractors.rules import load_ruleset

    folder = tmp_path / "extraction"
    shutil.copytree(PROJECT_ROOT / "rules" / "extraction", folder)
    path = folder / "cross_region_platforms.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "    from_levels: [one_platform]\n    from_statuses: [built]\n    min_kinds: 2\n"
    assert marker in text  # the combine this test extends
    if marker + "    names: true\n" not in text:  # the project's rules may already count names
        path.write_text(text.replace(marker, marker + "    names: true\n"), encoding="utf-8")
    return Extractor(load_ruleset(folder), load_registry())


def test_a_combine_with_names_counts_things_named_differently(tmp_path):
    extractor = _named_extractor(tmp_path)

    def levels(text: str) -> set[str]:
        return {r.level for r in extractor.extract(text, "嘉兴")
                if r.indicator == "跨区域协同创新平台" and r.status == "built"}

    # Two centres named in two sentences of one paragraph: two platforms.
    two = ("嘉兴区域协作动态\n\n嘉兴（上海）科技创新中心已投入运行，入驻企业46家。"
           "与杭州共建的杭嘉数字经济联合实验室完成首批项目孵化。\n")
    assert "multiple_platforms" in levels(two)
    # One centre told again shorter, or described ("首个…实验室"), is still one.
    one = ("嘉兴区域协作动态\n\n嘉兴与上海共同组建的沪嘉联合实验室日前揭牌，"
           "这是嘉兴引进的首个跨市联合实验室。沪嘉联合实验室已入驻团队12个。\n")
    assert levels(one) == {"one_platform"}


def test_a_plan_word_governs_a_fixed_status_keyword_later_in_its_list():
    # 将 opens the list: the measure "出台" in the next clause is still to come.
    text = ("芜湖市2024年政府工作报告（摘要）\n\n"
            "今年，我们将建成城市运行管理服务平台，出台公共数据授权运营管理办法。\n")
    statuses = {st for _, st, _ in _credited(text, "公共数据授权运营", "芜湖")}
    assert not statuses & {"issued", "built"}
    # A clause told as done keeps its fact.
    done = ("芜湖市数据工作动态\n\n"
            "今年，我们将建成城市运行管理服务平台，已出台公共数据授权运营管理办法。\n")
    assert ("measures_issued", "issued", "city") in _credited(done, "公共数据授权运营", "芜湖")


def test_work_in_hand_is_a_plan():
    # An application in hand and equipment still being fitted: the thing is not there yet.
    for sentence, indicator in (
            ("数据交易中心申报工作正在推进中", "数商发展"),
            ("智算中心项目已完成主体工程建设，设备正在安装调试", "算力基础设施")):
        text = f"芜湖市数据工作动态\n\n{sentence}。\n"
        got = {st for _, st, _ in _credited(text, indicator, "芜湖")}
        assert got == {"planned"}, sentence


def test_the_one_selected_from_a_published_list_is_the_actor():
    # The national body publishes the list; the city named later as selected did the thing.
    text = ("芜湖市数据工作动态\n\n国家数据局近日公布首批“数据要素×”典型案例，"
            "芜湖市报送的智慧物流项目成功入选。\n")
    assert {at for _, _, at in _credited(text, "场景应用", "芜湖")} == {"city"}
    # With no one of the city selected, the list stays the national body's.
    other = text.replace("芜湖市报送的智慧物流项目成功入选", "涵盖工业制造、交通运输等12个领域")
    assert _credited(other, "场景应用", "芜湖") == set()


def test_a_thing_relied_on_is_not_planned_by_the_subjects_building():
    # "依托X建设": the building is the subject's; X's own status is told after it.
    text = ("沭阳县数字治理动态\n\n该平台依托全县基层社会治理综合信息平台建设，"
            "后者自2022年投入使用以来，已覆盖全县40个乡镇。\n")
    assert _credited(text, "基层治理平台", "宿迁") == {("built", "built", "city")}


def test_an_item_heading_takes_the_plan_its_body_tells():
    # "一是X。" names the thing; the next sentence says it is still to come.
    text = ("银川市推进数据要素重点项目建设\n\n今年以来，银川市谋划实施了一批重点项目。\n"
            "一是公共数据授权运营平台。平台建设项目已于9月完成公开招标，目前进入开发阶段，"
            "计划明年一季度上线。\n")
    assert _credited(text, "公共数据授权运营", "银川") == {("platform_planned", "planned", "city")}
    # A body sentence telling the thing runs still gives the heading its fact.
    done = text.replace("平台建设项目已于9月完成公开招标，目前进入开发阶段，计划明年一季度上线",
                        "平台已于9月上线运行，累计开发数据产品36个")
    assert ("platform_built", "built", "city") in _credited(done, "公共数据授权运营", "银川")


def test_tasks_announced_or_headed_as_a_work_outline_are_a_plan():
    tasks = "出台公共数据授权运营管理办法，建成授权运营平台。\n"
    for text in ("芜湖市数据资源局2025年工作思路\n\n2025年，我局将围绕数字芜湖建设开展工作。\n"
                 + tasks,
                 "芜湖市数据资源局近期工作动态\n\n今年以来，我局已建成城市运行管理服务平台。"
                 "下一阶段，我局将重点抓好以下工作：\n" + tasks):
        statuses = {st for _, st, _ in _credited(text, "公共数据授权运营", "芜湖")}
        assert statuses and not statuses & {"issued", "built"}, text
    # What the announcement follows is done: it stays built.
    text = ("芜湖市数据资源局近期工作动态\n\n今年以来，我局已建成城市运行管理服务平台。"
            "下一阶段，我局将重点抓好以下工作：\n" + tasks)
    assert ("city_brain", "built", "city") in _credited(text, "城市运行平台", "芜湖")


def test_a_city_outside_the_assessment_is_another_city():
    # 马鞍山 is no assessed city: its exchange is not 芜湖's; 中山 is assessed and stays itself.
    text = "芜湖市数字化发展对标分析\n\n周边的马鞍山市数据交易中心已挂牌运营。\n"
    assert _credited(text, "数商发展", "芜湖") == set()
    own = "芜湖市数据工作动态\n\n我市数据交易中心已挂牌运营。\n"
    assert _credited(own, "数商发展", "芜湖") == {("ecosystem", "built", "city")}
    zhongshan = ("中山市政务动态\n\n"
                 "中山市政务服务中心推出企业全生命周期增值服务，已上线增值服务专窗12个。\n")
    assert {at for _, _, at in _credited(zhongshan, "政务增值化服务", "中山")} == {"city"}
