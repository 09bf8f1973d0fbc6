"""Site profiles: the shipped live profile covers the 104 cities and their provinces' portals;
the browser lane is opt-in."""

from __future__ import annotations

from crawl_support import crawl, last_run, query, source_run

from citydx.registry import load_registry
from crawler.adapters import FAMILIES
from crawler.sites import load_sources


def test_live_profile_covers_every_assessed_city_unverified():
    registry = load_registry()
    sources = load_sources(registry, "live")
    cities = {s.city for s in sources if registry.get(s.city).kind != "province"}
    assert cities == {c.name for c in registry.assessed}  # provincial sources come on top
    provinces = {s.city for s in sources if registry.get(s.city).kind == "province"}
    assert provinces == {p.name for p in registry.provinces}  # each province's portal too
    assert not any(s.verified for s in sources)  # nothing was checked against the live sites
    assert all(s.cms in FAMILIES for s in sources)
    assert all(registry.get(s.city).owns_host(s.url.split("/")[2]) for s in sources)


def test_samples_profile_lists_the_seven_sample_sites():
    sources = load_sources(load_registry(), "samples")
    assert sorted(s.city for s in sources) == sorted(
        ["杭州", "宁波", "北京", "贵阳", "广州", "无锡", "成都"])


def test_needs_browser_source_is_skipped_without_the_browser_lane(tmp_path):
    sites = tmp_path / "sites.yaml"
    url = "http://www.chengdu.gov.cn/zwgk/zcwj/index.html"
    sites.write_text(f"profile: live\nsources:\n  - {{city: 成都, url: '{url}', "
                     "needs_browser: true}\n", encoding="utf-8")
    db = tmp_path / "c.db"
    # No proxy and no server: a request would fail, so a clean exit shows none was made.
    result = crawl(db, "--sites", str(sites))
    assert result.returncode == 0, result.stdout + result.stderr
    row = source_run(db, last_run(db), url)
    assert row["status"] == "skipped"
    assert row["message"].startswith("skipped: browser lane off")
    assert row["lists_fetched"] == 0
    assert query(db, "SELECT count(*) FROM documents") == [(0,)]
