"""The sample documents: deterministic, covering every indicator, with the hard negatives."""

from __future__ import annotations

from collections import Counter

import pytest

from citydx.indicators import load_indicator_tree
from crawler.samples.compose import chinese_number, compose_more, compose_site
from crawler.samples.model import documents_path, dump_documents, load_documents
from crawler.samples.sites import SITES, site_by_key


@pytest.mark.parametrize("site", SITES, ids=[s.key for s in SITES])
def test_committed_documents_are_what_the_composer_makes(site):
    """documents/*.yaml are golden output: composing again gives the same bytes."""
    expected = documents_path(site.key).read_text(encoding="utf-8")
    assert dump_documents(site.key, site.city, compose_site(site)) == expected


def test_every_tertiary_indicator_has_documents():
    tree = load_indicator_tree()
    categories = Counter(d.category for s in SITES for d in load_documents(s.key))
    missing = [t.name for t in tree.tertiaries if categories[t.name] == 0]
    assert missing == []


@pytest.mark.parametrize("key", ["hangzhou", "ningbo", "beijing", "guiyang", "guangzhou", "wuxi"])
def test_each_site_is_deep_and_has_hard_negatives(key):
    docs = load_documents(key)
    assert 60 <= len(docs) <= 80
    assert len({d.id for d in docs}) == len(docs)
    text = {d.id: "".join(d.body) for d in docs}
    kinds = Counter(d.kind for d in docs)
    assert kinds["repost"] >= 5 and kinds["news"] >= 5
    assert any("尚未" in t for t in text.values())
    assert any(d.validity == "废止" for d in docs)
    city = site_by_key(key).city
    reposts = [d for d in docs if d.kind == "repost"]
    assert all(city not in d.issuer for d in reposts)
    assert any("建成" in t and "规划" not in t for t in text.values())


def test_numbers_come_in_the_forms_documents_use():
    numbers = [chinese_number(n) for n in (7, 10, 13, 28, 40)]
    assert numbers == ["七", "十", "十三", "二十八", "四十"]
    bodies = "".join("".join(d.body) for s in SITES for d in load_documents(s.key))
    for marker in ("EFLOPS", "万个", "余家", "个领域"):
        assert marker in bodies


def test_more_documents_are_newer_and_deterministic():
    site = site_by_key("wuxi")
    docs = load_documents("wuxi")
    more = compose_more(site, docs, 3)
    newest = max(d.published for d in docs)
    assert all(d.published > newest for d in more)
    assert [d.id for d in more] == [str(int(max(d.id for d in docs)) + k) for k in (1, 2, 3)]
    assert [d.title for d in compose_more(site, docs, 3)] == [d.title for d in more]
