"""Crawl errors the user can fix; the CLI prints each as one line."""

from __future__ import annotations

from citydx.errors import CitydxError


class CrawlOptionError(CitydxError):
    """The crawl options do not fit together (e.g. --source without --city)."""


class BadSourceURLError(CitydxError):
    def __init__(self, url: str, city: str, domains: tuple[str, ...]) -> None:
        super().__init__(
            f"--source {url} is not a list page on {city}'s domains ({', '.join(domains)}): "
            "give an http(s) URL on one of them")


class NoSourcesError(CitydxError):
    def __init__(self, what: str) -> None:
        super().__init__(f"no sources configured for {what}: add them under crawler/sites/ "
                         "or use --source URL --city CITY")


class SamplesMissingError(CitydxError):
    def __init__(self) -> None:
        super().__init__("the bundled sample portals (crawler/samples/server.py) are not "
                         "installed: use --proxy URL with your own server")


class BrowserLaneMissingError(CitydxError):
    def __init__(self, missing: str) -> None:
        super().__init__(f"--browser needs {missing}: install it (pip install -e '.[browser]'; "
                         "apt-get install chromium) or run without --browser")
