"""Engine properties of unseen wording (round F): each case is a wording the rules were not
written from, with the credit worked out by hand from the corpus README's conventions."""

from __future__ import annotations

import pytest

from tests.extract_support import indicator_findings

HEAD = "杭州市数据局工作动态\n\n"


@pytest.mark.parametrize("sentence", [
    "市政府办公厅印发修订后的《杭州市公共数据管理办法》。",
    "市政府近日发布新版《杭州市公共数据管理办法》。",
    "市政府发布2024年版《杭州市公共数据管理办法》。",
    "市政府正式印发新修订的《杭州市公共数据管理办法》。",
])
def test_edition_word_between_issuing_verb_and_title_keeps_it_issued(sentence: str) -> None:
    # the verb issues the title whatever edition word stands between: measures_issued/issued
    assert indicator_findings(HEAD + sentence, "基础制度建设", "杭州") == {
        ("measures_issued", "issued")}


@pytest.mark.parametrize("sentence", [
    # a plan word before the verb keeps the edition to come unissued
    "市数据局将发布新版《杭州市公共数据管理办法》。",
    # a title cited as the ground of a course is no issue by the city in this text
    "根据市政府印发的新版《杭州市公共数据管理办法》，现开展业务培训。",
])
def test_edition_word_does_not_make_a_planned_or_cited_title_issued(sentence: str) -> None:
    assert ("measures_issued", "issued") not in indicator_findings(
        HEAD + sentence, "基础制度建设", "杭州")
