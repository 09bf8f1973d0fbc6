"""CMS adapters, one per family; `adapter_for` picks one by name or by looking at a page."""

from __future__ import annotations

import re

from crawler.adapters.base import Adapter, ListPage, ListRow
from crawler.adapters.generic import GenericAdapter
from crawler.adapters.gkmlpt import GkmlptAdapter
from crawler.adapters.hanweb import HanwebAdapter
from crawler.adapters.trs import TrsAdapter

ADAPTERS: dict[str, type[Adapter]] = {
    "trs": TrsAdapter, "hanweb": HanwebAdapter, "gkmlpt": GkmlptAdapter,
    "generic": GenericAdapter,
}
FAMILIES = (*ADAPTERS, "auto")
_TRS_DETAIL = re.compile(r"t20\d{6}_\d+\.s?html?")

__all__ = ["ADAPTERS", "FAMILIES", "Adapter", "ListPage", "ListRow", "adapter_for", "detect_cms"]


def detect_cms(url: str, text: str) -> str:
    """The CMS family of a list page, from URL shapes and markup fingerprints."""
    if "/gkmlpt/" in url or ("window._CONFIG" in text and "SID" in text):
        return "gkmlpt"
    if "<datastore>" in text or "/col/col" in url or "dataproxy.jsp" in url:
        return "hanweb"
    if "createPageHTML" in text or "createPage(" in text or _TRS_DETAIL.search(text):
        return "trs"
    return "generic"


def adapter_for(name: str) -> Adapter:
    return ADAPTERS[name]()
