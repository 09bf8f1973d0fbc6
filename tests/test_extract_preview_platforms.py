"""Platform, scenario, service and operation rules on the wording of documents written by people
who never saw the rules: one property of text per test, each in words other than the document
that showed it."""

import pytest

from tests.extract_support import indicator_findings


def _findings(text: str, indicator: str, city: str = "合肥") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize("text", [
    # the centre as a body that leads, speaks, works with others or receives cases
    "事件经系统研判后自动分拨至区城运中心，由其派单至责任单位。",
    "市城运中心联合市住建局开展燃气安全专项排查。",
    "由市城市运行管理中心牵头，相关部门建立了联合处置机制。",
    "市城运中心有关负责同志介绍了今年防汛工作安排。",
    "市城市运行指挥中心24小时值守，统筹调度全市突发事件。",
])
def test_centre_as_a_body_reports_no_platform(text):
    assert _findings(text, "城市运行平台") == set()


@pytest.mark.parametrize("text", [
    "3月5日，市城市运行管理中心正式揭牌运行。",
    "我市城市运行管理中心已于去年建成投用，目前已接入部门业务系统26个。",
    "市城运中心平台上线运行，汇聚视频资源3万路。",  # the centre's platform
])
def test_centre_with_a_cue_of_its_own_runs(text):
    assert _findings(text, "城市运行平台") == {("city_brain", "built")}
