"""A detail page turned into the fields of a documents row (before the DB adds ids and times)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from crawler.content import (
    AttachmentLink,
    attachment_links,
    main_text,
    page_title,
    parse_tree,
)
from crawler.metadata import Metadata, parse_metadata


@dataclass
class DetailPage:
    url: str
    title: str | None
    metadata: Metadata
    text: str
    attachments: list[AttachmentLink] = field(default_factory=list)

    def field(self, name: str) -> str | None:
        return self.metadata.get(name)


def parse_detail(page: str, url: str) -> DetailPage:
    root = parse_tree(page)
    meta = parse_metadata(root)
    title = _meta_content(root, "ArticleTitle") or meta.get("title") or page_title(root)
    return DetailPage(url, title, meta, main_text(root), attachment_links(root, page, url))


def _meta_content(root, name: str) -> str | None:
    """The first <meta name=name content=...> of the document, as //meta[@name=$name]/@content
    would find it, by a walk in C instead of an XPath evaluation per page."""
    for meta in root.getroottree().iter("meta"):
        if meta.get("name") == name:
            value = meta.get("content")
            if value is not None:
                return value.strip() or None
    return None


def content_hash(title: str | None, text: str) -> str:
    """Hash of what a reader sees (title and text), not the HTML, whose chrome changes daily."""
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()
