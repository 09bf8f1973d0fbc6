"""The parts of a detail page the assessment needs: title, main text and attachment links.

The body is taken from the CMS's known containers (div.TRS_Editor, #zoom, ...) and otherwise from
the element holding the most paragraph text, after navigation, headers and footers are removed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

BODY_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(@class, 'trs_editor_view')]",
    "//*[@id='UCAP-CONTENT']", "//*[@id='zoom']", "//div[contains(@class, 'news_cont_d_wrap')]",
    "//div[contains(@class, 'article-content')]", "//div[@id='content']",
    "//div[contains(@class, 'art_con')]", "//div[contains(@class, 'bt-content')]",
)
NOISE = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|share|copyright|sidebar|toolbar"
                   r"|related|xxgk_table|meta|position|location", re.I)
ATTACHMENT_EXTS = ("pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "et", "zip", "rar", "txt")
_ATTACHMENT_PATH = re.compile(
    r"(\.(" + "|".join(ATTACHMENT_EXTS) + r")$)"
    r"|downfile\.jsp|down\.jsp|downloadfile\.jsp|/attach/|/attachment/", re.I)
_SPACES = re.compile(r"[ \t\r\n\u3000\xa0]+")
# Compiled once: root.xpath(str) compiles its expression on every call, on every page.
BODY_SELECTORS = tuple(etree.XPath(x) for x in BODY_XPATHS)
TITLE_SELECTORS = tuple(etree.XPath(x) for x in (
    "//meta[@name='ArticleTitle']/@content", "//h1//text()",
    "//*[contains(@class,'title')]/h2//text()", "//title//text()"))
_OWN_TEXT = etree.XPath("text()")
_PARSERS = threading.local()
BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "section"})


@dataclass(frozen=True)
class AttachmentLink:
    url: str
    name: str


def parse_tree(page: str) -> lxml_html.HtmlElement:
    """The page's tree, parsed once and shared by metadata, title, body and attachments."""
    return lxml_html.fromstring(page or "<html></html>", parser=_parser())


def _parser() -> etree.HTMLParser:
    """lxml.html's parser picks each element's class in a Python callback (only to give form
    fields their own classes, which nothing here uses), paid for every element the crawler
    touches; a C-level default lookup gives the same HtmlElement tree without it. One parser
    per thread: lxml parsers must not be used by two threads at once."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser()
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


def page_title(root: lxml_html.HtmlElement) -> str | None:
    """The document title: ArticleTitle meta, else the page's h1/h2, else <title>."""
    for xpath in TITLE_SELECTORS:
        found = " ".join(t.strip() for t in xpath(root) if t.strip())
        if found:
            return _SPACES.sub(" ", found).strip()
    return None


def main_text(root: lxml_html.HtmlElement) -> str:
    """The body text of the document, paragraphs separated by newlines."""
    for xpath in BODY_SELECTORS:
        nodes = xpath(root)
        if nodes:
            text = element_text(nodes[0])
            if len(text) >= 20:
                return text
    best = _largest_block(root)
    return element_text(best) if best is not None else ""


def _largest_block(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The parent of the most paragraph text, outside navigation and footer elements."""
    scores: dict[lxml_html.HtmlElement, int] = {}
    for para in root.iter("p", "div", "td"):
        if is_noise(para):
            continue
        own = len("".join(t for t in _OWN_TEXT(para)).strip())
        parent = para.getparent() if para.tag == "p" else para
        if parent is not None and own:
            scores[parent] = scores.get(parent, 0) + own
    return max(scores, key=scores.get) if scores else None


def is_noise(el: lxml_html.HtmlElement) -> bool:
    for node in [el, *el.iterancestors()]:
        if node.tag in ("nav", "header", "footer", "script", "style"):
            return True
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if marker.strip() and NOISE.search(marker):
            return True
    return False


def element_text(el: lxml_html.HtmlElement) -> str:
    """Text with block elements on their own lines; scripts, styles and comments dropped."""
    lines: list[str] = []
    current: list[str] = []  # the pieces of the line being built; empty pieces are left out
    _walk(el, current, lines, top=True)
    _flush(current, lines)
    return "\n".join(lines)


def _walk(node, current: list[str], lines: list[str], top: bool = False) -> None:
    tag = node.tag
    if not isinstance(tag, str) or tag in ("script", "style"):
        if node.tail:
            current.append(node.tail)
        return
    block = tag in BLOCKS
    if block and current:
        _flush(current, lines)
    if node.text:
        current.append(node.text)
    for child in node:
        _walk(child, current, lines)
    if block and current:
        _flush(current, lines)
    if not top and node.tail:
        current.append(node.tail)


def _flush(current: list[str], lines: list[str]) -> None:
    line = _SPACES.sub(" ", "".join(current)).strip()
    if line:
        lines.append(line)
    current.clear()


def attachment_links(root: lxml_html.HtmlElement, raw_html: str, base_url: str
                     ) -> list[AttachmentLink]:
    """Links to attached files, resolved against the page URL, in page order, once each."""
    found: dict[str, str] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(base_url, href)
        if is_attachment_url(url):
            name = _SPACES.sub(" ", a.text_content()).strip() or unquote(url.rsplit("/", 1)[-1])
            found.setdefault(url, name)
    for match in re.finditer(r'\\u0022([^"\\]+?)\\u0022', raw_html):
        href = match.group(1).replace("\\u0026", "&").replace("\\/", "/")
        url = urljoin(base_url, href)
        if is_attachment_url(url):
            found.setdefault(url, unquote(url.rsplit("/", 1)[-1]))
    return [AttachmentLink(url, name) for url, name in found.items()]


def is_attachment_url(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_ATTACHMENT_PATH.search(parts.path) or _ATTACHMENT_PATH.search(parts.query))
