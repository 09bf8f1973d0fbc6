"""Engine behaviours of round five: a clause's status is its own, not a word of another clause."""

from tests.extract_support import project_extractor


def _findings(text: str, city: str = "杭州") -> set[tuple[str, str, str]]:
    rows = project_extractor().extract(text, city)
    return {(r.indicator, r.level, r.status) for r in rows}


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
