"""General properties of unseen text for the infrastructure and data-foundation indicators: the
other wordings another writer would use for the same thing (one sentence each), and the words
that also name something else."""

import pytest

from extractors.summary import summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str, indicator: str) -> set[tuple]:
    """(level, status, quantity) of what the document supports for one indicator."""
    extractor = project_extractor()
    rows = [r for r in extractor.extract(text, city)
            if r.credit(extractor.credit_shares) > 0 and r.indicator == indicator]
    return {(f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree)}


@pytest.mark.parametrize("text, scale", [
    # 160P + 40P are the parts, 200P the total the sentence states
    ("一期部署智能算力160P、通用算力40P，总算力规模达200P，已签约用户36家。", 200),
    ("市智算中心已投入运行，算力规模300P，签约企业用户58家。", 300),
    ("城市算力中心一期已投运，算力规模达到100P，目前已签约客户20家。", 100),
    ("算力中心签约入驻企业12家，智能算力规模达到80P。", 80),
])
def test_users_signed_up_are_no_deal_for_the_centre(text, scale):
    # customers or tenants signed up use a centre that runs; only a deal for the centre
    # (项目签约, 签约仪式) leaves it to be built
    assert _findings(text, "九江", "算力基础设施") == {("built", "built", scale)}


@pytest.mark.parametrize("text", [
    "市智算中心项目签约仪式举行，规划算力300P。",
    "昨日，我市与华为公司签约，双方将合作建设智算中心，规划算力200P。",
])
def test_a_deal_for_the_centre_is_still_a_plan(text):
    assert _findings(text, "九江", "算力基础设施") == {("planned", "planned", None)}
