"""The 政府信息公开 metadata block, in whatever form a portal draws it.

Tables (th/td), definition lists (dt/dd) and list items (<li><span>label</span>value</li> or
<li>label：value</li>) are read by one generic pass; labels are normalised (full-width spaces and
colons removed) and mapped to fields through an alias table ranked so that, e.g., 发文字号 wins
over 文号. 生成日期 is an index timestamp and deliberately maps to nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from crawler.dates import iso_date

# field -> labels, best first. The rank decides which of two present labels wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号", "信息索引号", "信息索取号", "统一编号"),
    "category": ("主题分类", "分类", "内容分类", "信息分类", "组配分类", "体裁分类"),
    "issuer": ("发文机关", "发文机构", "发布机关", "发布机构", "发布单位"),
    "written_date": ("成文日期", "发文日期", "公文生成日期"),
    "doc_number": ("发文字号", "文号", "文件编号", "备注/文号"),
    "published_date": ("发布日期", "公开日期", "发布时间"),
    "validity": ("有效性", "时效", "效力状况", "文件状态", "有效性/截止日期"),
    "title": ("标题", "名称", "信息名称"),
}
# Labels that are metadata but map to no field (kept in the raw map only).
OTHER_LABELS = ("生成日期", "公开方式", "公开范围", "公开时限", "主题词", "关键词", "内容概述",
                "实施日期", "失效日期", "信息来源", "文件下载", "服务对象分类", "生命周期分类")
LABEL_FIELD = {label: name for name, labels in ALIASES.items() for label in labels}
KNOWN_LABELS = frozenset(LABEL_FIELD) | frozenset(OTHER_LABELS)
DATE_FIELDS = ("written_date", "published_date")
PLACEHOLDERS = frozenset(
    {"无", "无号", "〔〕号", "[]号", "-", "--", "—", "——", "/", "暂无", "null"})
MAX_PAIR_CHARS = 300
# Any known label, spaces allowed between its characters (索　引　号): a cheap first filter.
_ANY_LABEL = re.compile("|".join(
    r"[\s\u3000\xa0]*".join(map(re.escape, label))
    for label in sorted(KNOWN_LABELS, key=len, reverse=True)))
PAIR_TAGS = ("td", "th", "dt", "li", "span", "p", "label", "b", "strong", "em")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_TEMPLATE_TOKEN = re.compile(r"<\$\[\w+\]>")
_LEADING_SEPARATORS = re.compile(r"^[\s:：\u3000]+")


@dataclass
class Metadata:
    raw: dict[str, str] = field(default_factory=dict)  # label -> value as printed
    fields: dict[str, str] = field(default_factory=dict)  # field -> normalised value

    def get(self, name: str) -> str | None:
        return self.fields.get(name)


def normalise_label(text: str) -> str:
    # "".join(s.split()) removes exactly what _SPACES matches (str.isspace), several times faster
    return "".join(text.split()).replace(":", "").replace("：", "").strip("【】[]")


def clean_value(text: str | None) -> str | None:
    """A value with spaces collapsed; placeholders such as 无号 or —— become None."""
    if text is None:
        return None
    if "<$[" in text:
        text = _TEMPLATE_TOKEN.sub("", text)
    value = " ".join(text.split())  # as _SPACES.sub(" ", ...).strip(), without the regex
    if not value or value.replace(" ", "") in PLACEHOLDERS:
        return None
    return value


def parse_metadata(page: str | lxml_html.HtmlElement) -> Metadata:
    """Read every label/value pair on the page and resolve fields by alias rank."""
    root = lxml_html.fromstring(page) if isinstance(page, str) else page
    raw: dict[str, str] = {}
    for label, value in _pairs(root):
        if label not in raw and value is not None:
            raw[label] = value
    return Metadata(raw, resolve_fields(raw))


def resolve_fields(raw: dict[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, labels in ALIASES.items():
        for label in labels:
            value = raw.get(label)
            if value is None or (value := clean_value(value)) is None:
                continue
            if name in DATE_FIELDS:
                value = iso_date(value)
                if value is None:
                    continue
            fields[name] = value
            break
    return fields


def _pairs(root: lxml_html.HtmlElement):
    """Yield (label, value) from th/td, dt/dd, li/span and 'label：value' cells."""
    for el in root.iter(*PAIR_TAGS):
        full = el.text_content() if len(el) else el.text or ""  # a leaf's text is all it has
        if len(full) > MAX_PAIR_CHARS or not _ANY_LABEL.search(full):
            continue  # body paragraphs, whole tables and value cells hold no label to start from
        own = _text(el)
        label, sep, rest = own.partition("：") if "：" in own else own.partition(":")
        norm = normalise_label(label)
        if norm in KNOWN_LABELS:
            cleaned = clean_value(rest) if sep else None
            if cleaned:  # 'label：value' in one cell
                yield norm, cleaned
                continue
            value = _value_after(el, own)
            if sep or value is not None:
                yield norm, clean_value(value) or ""
            continue
        norm = normalise_label(own)
        if norm in KNOWN_LABELS:
            yield norm, clean_value(_value_after(el, own)) or ""


def _value_after(el: lxml_html.HtmlElement, own: str) -> str | None:
    """The value that follows a label element (whose text is own): the next cell, dd, or the
    rest of the parent."""
    nxt = el.getnext()
    if el.tag in ("td", "th", "dt") or (nxt is not None and nxt.tag in ("td", "dd")):
        return _text(nxt) if nxt is not None else None
    parent = el.getparent()
    if parent is not None and parent.tag in ("li", "p", "div", "td", "dd"):
        whole = _text(parent)
        if whole.startswith(own):
            return _LEADING_SEPARATORS.sub("", whole[len(own):])
    return None


def _text(el: lxml_html.HtmlElement | None) -> str:
    """Element text including values hidden inside HTML comments (Wuxi wraps them so)."""
    if el is None:
        return ""
    if not len(el) and isinstance(el.tag, str) and el.tag not in ("script", "style"):
        return " ".join((el.text or "").split())  # a leaf: its own text is all there is
    parts: list[str] = []
    _collect(el, parts)
    return " ".join("".join(parts).split())


def _collect(el, parts: list[str]) -> None:
    if isinstance(el, lxml_html.HtmlComment):
        inner = _TEMPLATE_TOKEN.sub("", el.text or "").strip()
        if inner and "<" not in inner and len(inner) < 200:
            parts.append(inner)
    elif el.tag not in ("script", "style") and isinstance(el.tag, str):
        parts.append(el.text or "")
        for child in el:
            _collect(child, parts)
            parts.append(child.tail or "")
