"""Status words, one form per case, on the 智慧应急 rules (built / planned / negated levels)."""

import pytest

from tests.extract_support import findings, project_extractor


def _findings(text: str, city: str = "南通") -> set[tuple[str, str, str]]:
    return findings(text, city)


@pytest.mark.parametrize(("text", "level", "status"), [
    ("我市智慧应急平台已建成投用。", "built", "built"),
    ("南通市智慧应急指挥平台近日投入运行。", "built", "built"),
    ("我市正在建设智慧应急平台。", "planned", "planned"),
    ("加快建设智慧应急综合应用平台。", "planned", "planned"),
    ("到2025年，建成覆盖市县两级的智慧应急平台。", "planned", "planned"),  # a target date
    ("计划于明年建成智慧应急平台。", "planned", "planned"),
    # a bare date tells when it was done; only 将于/计划于/力争于 look ahead
    ("我市于2023年建成智慧应急平台。", "built", "built"),
    ("南通市智慧应急平台于2024年6月上线运行。", "built", "built"),
    ("截至2024年底，我市智慧应急平台接入视频点位3万路。", "built", "built"),
    ("我市智慧应急平台将于2026年建成。", "planned", "planned"),
    ("力争于2026年建成智慧应急平台。", "planned", "planned"),
    ("目前我市尚未建成智慧应急平台。", "built", "negated"),
    ("全市还没有建成统一的智慧应急平台。", "built", "negated"),
])
def test_status_forms(text, level, status):
    assert _findings(text) == {("智慧应急", level, status)}


def test_future_is_not_a_negation():
    assert _findings("智慧应急平台已建成，未来将接入更多数据。") == {("智慧应急", "built", "built")}


def test_data_elements_is_not_an_exhortation():
    # "数据要素" holds 要, which is a plan word only on its own.
    assert _findings("我市智慧应急平台汇聚数据要素资源。") == {("智慧应急", "built", "built")}


def test_title_cited_without_issuing_gives_nothing():
    assert _findings("根据《杭州市公共数据管理办法》，对机房实施搬迁。", "杭州") == set()


@pytest.mark.parametrize("text", [
    "市政府印发《杭州市公共数据管理办法》。",
    "现将《杭州市公共数据管理办法》印发给你们，请认真贯彻执行。",
    # one verb, two titles
    "市政府制定了《杭州市公共数据共享实施细则》《杭州市公共数据管理办法》。",
])
def test_title_issued_by_the_city(text):
    assert ("基础制度建设", "measures_issued", "issued") in _findings(text, "杭州")


def test_two_statuses_of_one_rule_in_one_sentence_are_two_rows():
    text = "我市深入推进“高效办成一件事”改革，已推出“一件事”30项。"
    rows = [r for r in project_extractor().extract(text, "杭州")
            if r.rule_id == "value_added_services.one_thing"]
    assert [(r.level, r.status, r.quantity, r.snippet) for r in rows] == [
        ("mentioned", "mentioned", 30.0, "我市深入推进“高效办成一件事”改革，已推出“一件事”30项"),
        ("implemented", "built", 30.0, "已推出“一件事”30项"),  # anchored on its own clause
    ]


@pytest.mark.parametrize("text", [
    "我市推出“一件事”无证明办理事项30项。",
    "我市推出“一件事”无需证明办理事项30项。",
    "我市推出“一件事”无差别受理事项30项。",
])
def test_wu_inside_a_service_name_denies_nothing(text):
    # 无 names how the service works (无证明, 无需, 无差别); it is no denial of the items
    rows = project_extractor().extract(text, "杭州")
    assert {(r.indicator, r.level, r.status, r.quantity) for r in rows} == {
        ("政务增值化服务", "implemented", "built", 30.0)}


@pytest.mark.parametrize(("text", "status"), [
    ("市数据局公开征求《杭州市公共数据管理办法》意见。", "planned"),  # a draft out for comment
    ("市数据局就《杭州市公共数据管理办法》公开征求意见。", "planned"),
    ("解读《杭州市公共数据管理办法》", "issued"),  # a measure explained is in force
    ("一图读懂《杭州市公共数据管理办法》", "issued"),
])
def test_title_commented_on_or_explained(text, status):
    assert {s for i, _, s in _findings(text, "杭州") if i == "基础制度建设"} == {status}


@pytest.mark.parametrize(("text", "status"), [
    # a purpose clause (为加快…，) says why; the main clause says what is
    ("为加快推进城市治理现代化，城市运行管理服务平台统筹调度全市城市管理事件。", "built"),
    ("为了进一步提升城市治理水平，城市运行管理服务平台统筹调度全市城市管理事件。", "built"),
    ("为提升城市治理水平，我市将建设城市运行管理服务平台。", "planned"),  # its own plan word
    ("加快推进城市治理现代化，城市运行管理服务平台统筹调度全市城市管理事件。", "planned"),
])
def test_a_purpose_clause_sets_no_status(text, status):
    assert {s for i, _, s in _findings(text) if i == "城市运行平台"} == {status}


@pytest.mark.parametrize(("text", "status"), [
    ("我市将组建数据集团，负责公共数据授权运营。", "planned"),  # 将 + a founding verb: a plan
    ("我市拟组建数据集团，负责公共数据授权运营。", "planned"),
])
def test_will_found_is_a_plan_not_a_mention(text, status):
    assert {s for i, _, s in _findings(text, "杭州") if i == "政企合作机制"} == {status}
