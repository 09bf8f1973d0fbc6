"""Helpers for the sample-portal tests: fetch through the sample server as a proxy."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message


@dataclass
class Fetched:
    status: int
    headers: Message
    body: bytes
    url: str

    def text(self, encoding: str = "utf-8") -> str:
        return self.body.decode(encoding)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


def fetch(proxy_url: str, url: str, *, follow: bool = True, method: str = "GET",
          data: bytes | None = None, headers: dict | None = None) -> Fetched:
    """One request through the proxy; HTTP errors come back as answers, not exceptions."""
    handlers: list = [urllib.request.ProxyHandler({"http": proxy_url})]
    if not follow:
        handlers.append(_NoRedirect())
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as resp:
            return Fetched(resp.status, resp.headers, resp.read(), resp.url)
    except urllib.error.HTTPError as err:
        return Fetched(err.code, err.headers, err.read(), url)
