"""One document, one URL: canonical forms so mirrors, gateways and variants are stored once.

Portals serve the same page under www/m./wap. hosts, odd ports (:8443), Big5 gateway copies
(/gate/big5/<host>/...), with fragments and tracking parameters. Documents are keyed by the
canonical URL, so every variant must collapse to the same string.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from citydx.registry import City

MOBILE_PREFIXES = ("m.", "wap.", "mobile.")
TRACKING_PARAMS = frozenset({
    "spm", "from", "share", "isappinstalled", "timestamp", "_t", "_", "scene", "clicktime",
    "enterid", "nsukey", "wxshare_count", "sharer_shareinfo", "sharer_shareinfo_first",
})
GATEWAY_PREFIXES = ("/gate/big5/", "/gate/gb/")


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of url (resolved against base): the key a document is stored under."""
    return _canonical(urljoin(base, url.strip()) if base else url)


@lru_cache(maxsize=65536)  # the spider asks for the same URLs several times per document
def _canonical(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    path = parts.path or "/"
    host, path = _strip_gateway(host, path)
    host = _canonical_host(host)
    query = _clean_query(parts.query)
    return urlunsplit((scheme, host, path, query, ""))


def _strip_gateway(host: str, path: str) -> tuple[str, str]:
    """/gate/big5/www.beijing.gov.cn/x.html on any host is www.beijing.gov.cn/x.html."""
    for prefix in GATEWAY_PREFIXES:
        if path.startswith(prefix):
            rest = path[len(prefix):]
            inner_host, _, inner_path = rest.partition("/")
            if "." in inner_host:
                return inner_host.lower().split(":")[0], "/" + inner_path
    if host.startswith("big5."):
        host = host[len("big5."):]
    return host, path


def _canonical_host(host: str) -> str:
    for prefix in MOBILE_PREFIXES:
        if host.startswith(prefix):
            return "www." + host[len(prefix):]
    if host.endswith(".gov.cn") and host.count(".") == 2:
        return "www." + host  # bare city domain: beijing.gov.cn is www.beijing.gov.cn
    return host


def _clean_query(query: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
             if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")]
    return urlencode(sorted(pairs))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_allowed(url: str, city: City) -> bool:
    """Only http(s) URLs on the city's own domains are crawled; clone mirrors are not."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and city.owns_host(parts.hostname or "")
