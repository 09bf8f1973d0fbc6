"""Polite defaults and the honest User-Agent, read once into the Scrapy settings."""

from __future__ import annotations

from crawler.settings import crawl_settings, user_agent


def test_user_agent_names_the_project_and_contact(monkeypatch):
    monkeypatch.delenv("CITYDX_CONTACT", raising=False)
    assert user_agent("ops@example.org") == "citydx/0.1.0 (+ops@example.org)"
    monkeypatch.setenv("CITYDX_CONTACT", "https://example.org/citydx")
    assert user_agent() == "citydx/0.1.0 (+https://example.org/citydx)"


def test_polite_defaults():
    s = crawl_settings("x.db")
    assert s["ROBOTSTXT_OBEY"] is True
    assert s["AUTOTHROTTLE_ENABLED"] is True
    assert s["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2
    assert s["DOWNLOAD_DELAY"] == 0.5
    assert s["RETRY_TIMES"] == 2 and 503 in s["RETRY_HTTP_CODES"]
    assert s["TWISTED_REACTOR"].endswith("AsyncioSelectorReactor")
    assert s["DOWNLOAD_MAXSIZE"] > 20 * 1024 * 1024  # the attachment cap is per request


def test_proxy_and_database_are_passed_to_components():
    s = crawl_settings("/tmp/c.db", proxy="http://127.0.0.1:8765", per_host=1)
    assert (s["CITYDX_DB"], s["CITYDX_PROXY"]) == ("/tmp/c.db", "http://127.0.0.1:8765")
    assert s["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
