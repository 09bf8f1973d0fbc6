"""CMS adapters, one per family; `adapter_for` picks one by name or by looking at a page."""

from __future__ import annotations

import re

from crawler.adapters.base import Adapter, ListPage, ListPost, ListRow
from crawler.adapters.bulidstatic import BulidstaticAdapter
from crawler.adapters.generic import GenericAdapter
from crawler.adapters.gkmlpt import GkmlptAdapter
from crawler.adapters.hanweb import HanwebAdapter
from crawler.adapters.igs import IgsAdapter
from crawler.adapters.suzhou_json import SuzhouJsonAdapter
from crawler.adapters.trs import TrsAdapter

ADAPTERS: dict[str, type[Adapter]] = {
    "trs": TrsAdapter, "hanweb": HanwebAdapter, "gkmlpt": GkmlptAdapter,
    "generic": GenericAdapter, "suzhou_json": SuzhouJsonAdapter, "igs": IgsAdapter,
    "bulidstatic": BulidstaticAdapter,
}
# JSON endpoints named by their path: the URL alone decides, before anything is fetched
# (a POST list cannot be fetched with GET to look at it first).
URL_FINGERPRINTS = (
    ("/interfacesWebZcwj/loadData", "suzhou_json"),
    ("/igs/front/search/", "igs"),
    ("parseType=bulidstatic", "bulidstatic"),
)
FAMILIES = (*ADAPTERS, "auto")
_TRS_DETAIL = re.compile(r"t20\d{6}_\d+\.s?html?")

__all__ = ["ADAPTERS", "FAMILIES", "Adapter", "ListPage", "ListPost", "ListRow", "adapter_for",
           "detect_cms", "list_post", "url_family"]


def detect_cms(url: str, text: str) -> str:
    """The CMS family of a list page, from URL shapes and markup fingerprints."""
    by_url = url_family(url)
    if by_url:
        return by_url
    if "/gkmlpt/" in url or ("window._CONFIG" in text and "SID" in text):
        return "gkmlpt"
    if "<datastore>" in text or "/col/col" in url or "dataproxy.jsp" in url:
        return "hanweb"
    if "createPageHTML" in text or "createPage(" in text or _TRS_DETAIL.search(text):
        return "trs"
    return "generic"


def adapter_for(name: str) -> Adapter:
    return ADAPTERS[name]()


def url_family(url: str) -> str | None:
    """The family of a JSON list endpoint recognised by its URL alone, else None."""
    return next((family for marker, family in URL_FINGERPRINTS if marker in url), None)


def list_post(cms: str | None, url: str, page_no: int) -> ListPost | None:
    """How to fetch page page_no of a list: a POST form, or None for a plain GET of url."""
    family = url_family(url) if cms in (None, "auto") else cms
    return adapter_for(family).list_post(url, page_no) if family in ADAPTERS else None
