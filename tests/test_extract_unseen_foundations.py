"""Digital foundations and data resources worded as unseen portal text words them.

Each case is a short text of our own, in other words than the labelled corpus, whose expected
finding was read off by hand against the conventions of extractors/corpus/README.md; the comment
says why (with the arithmetic for a quantity). A wrong level, status or quantity fails the case.
"""

import pytest

from extractors.summary import credited, summarize
from tests.extract_support import project_extractor


def _findings(text: str, city: str, indicator: str) -> set[tuple]:
    """(level, status, quantity) the text credits to the city for one indicator, as eval sees it."""
    extractor = project_extractor()
    rows = credited(extractor.extract(text, city), extractor.credit_shares)
    return {(f.level, f.status, f.quantity)
            for f in summarize(rows, extractor.ruleset.tree) if f.indicator == indicator}


@pytest.mark.parametrize(("text", "expected"), [
    # the scale of one kind is a part: 0.8 EFLOPS = 800 P, + 50 P of supercomputing = 850
    ("截至目前，我市智能算力规模约0.8EFLOPS，超算算力达到50P。", 850.0),
    # a figure the city has now, with no verb: 120 + 380 = 500
    ("我市现有通用算力规模为120PFLOPS，智能算力规模为380PFLOPS，为企业提供普惠算力服务。", 500.0),
    # 另有 adds a part told after the first: 1.2 EFLOPS = 1200 P, + 20 P = 1220
    ("目前全市已建成智能算力1.2EFLOPS，另有超算中心提供算力20P，算力规模居全省前列。", 1220.0),
    # a total given beside the parts is the figure, never added to them
    ("全市算力规模达到1500P，智能算力1200P，通用算力300P。", 1500.0),
    # a growth figure is a step, not a part: the 600 P there now, not 600 + 200 + 100
    ("目前智能算力已达600P，较去年增长200P。", 600.0),
])
def test_compute_kinds_summed(text, expected):
    assert _findings(text, "南京", "算力基础设施") == {("built", "built", expected)}
