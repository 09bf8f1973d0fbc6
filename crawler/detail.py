"""A detail page turned into the fields of a documents row (before the DB adds ids and times)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from lxml import etree

from crawler.content import (
    AttachmentLink,
    attachment_links,
    main_text,
    page_title,
    parse_tree,
)
from crawler.metadata import Metadata, parse_metadata

_META_CONTENT = etree.XPath("//meta[@name=$name]/@content")  # compiled once, not per page


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
    values = _META_CONTENT(root, name=name)
    return values[0].strip() if values and values[0].strip() else None


def content_hash(title: str | None, text: str) -> str:
    """Hash of what a reader sees (title and text), not the HTML, whose chrome changes daily."""
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()
