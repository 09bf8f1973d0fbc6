"""Engine behaviours from unseen wording (d1290–d1409): the kind of notice a headline names
(tenders, acceptance notices), reposted documents, other places' things, topic clauses.
Each text was written in words of our own, not copied from the corpus."""

from tests.extract_support import findings, indicator_findings


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
