"""Main text of a government web page, without navigation, footers and scripts.

Government CMSs put the article in a container with a telling id or class (zoom, content,
article, TRS_Editor …); failing that, the block with the most text wins.
"""

from __future__ import annotations

import re

_DROP = ("script", "style", "noscript", "nav", "footer", "header", "iframe", "form", "select",
         "button", "aside")
_CONTAINER = re.compile(r"(zoom|trs_editor|article|content|main-?text|zw|txt|detail|pages_content|"
                        r"con_text|news_content|view|bt_content)", re.I)
_NOISE = re.compile(r"(nav|menu|footer|foot|header|breadcrumb|crumb|share|sidebar|copyright|"
                    r"related|position|location|top|bottom|banner|search|login)", re.I)
_RELATED = re.compile(r"^(相关链接|相关阅读|相关文件|相关新闻|相关稿件|相关政策|推荐阅读|延伸阅读)"
                      r"[:：]?$")
_PAGER = re.compile(r"^(上一篇|下一篇)[:：]")
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
           "article", "td", "th")
_CELL_BLOCKS = ("p", "div", "br", "li", "table", "section", "article")


def _inline_meta() -> re.Pattern:
    from extractors.metadata import META_LABELS

    labels = "|".join(sorted(META_LABELS, key=len, reverse=True))
    return re.compile(rf"^(?P<label>{labels})[\s\u3000]*[:：][\s\u3000]*(?P<value>.{{1,60}})$")


_INLINE_META = _inline_meta()


def html_to_text(html: str) -> str:
    """Readable main text, one paragraph per line; the page title first when it is not in it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _NOISE}) + soup.find_all(attrs={"id": _NOISE}):
        if not tag.decomposed and len(tag.get_text(strip=True)) < 400:
            tag.decompose()
    body = _container(soup) or soup.body or soup
    meta = _metadata_lines(soup, body)
    text = _lines(body)
    if not title or title == _page_title(soup):
        title = next((v for label, v in meta if label in ("标题", "名称")), title)
    if title and title not in text[:200]:
        text = f"{title}\n{text}"
    lines = [f"{label}：{value}" for label, value in meta
             if label not in ("标题", "名称") and not re.search(label + r"\s*[:：]", text[:400])]
    return "\n".join([*lines, text]) if lines else text


def _metadata_lines(soup, body) -> list[tuple[str, str]]:
    """"有效性：已废止", "发文机关：…" printed in a table or list outside the article container.

    Government pages put the metadata block beside the article, not in it; without it a
    repealed measure or a reposted national notice reads as the city's own measure in force.
    """
    found: list[tuple[str, str]] = []
    for cell in soup.find_all(["th", "td", "span", "li", "dt", "label", "b", "strong"]):
        if body is not None and body is not soup and cell in body.descendants:
            continue
        inline = _INLINE_META.match(cell.get_text("", strip=True))
        if inline:  # <li>有效性：已废止</li>: label and value in one cell
            label, value = inline["label"], inline["value"].strip()
        elif _is_label(cell):
            label = re.sub(r"[\s\u3000:：]", "", cell.get_text(""))
            value_tag = cell.find_next_sibling(["td", "dd", "span"]) if cell.name != "li" \
                else None
            value = value_tag.get_text(" ", strip=True) if value_tag is not None else \
                cell.next_sibling.strip() if isinstance(cell.next_sibling, str) else ""
        else:
            continue
        if value and all(label != seen for seen, _ in found):
            found.append((label, value))
    return found


def _page_title(soup) -> str:
    return soup.title.get_text(strip=True) if soup.title else ""


def _title(soup) -> str:
    for selector in ("meta[name=ArticleTitle]", "meta[name=title]"):
        tag = soup.select_one(selector)
        if tag and tag.get("content"):
            return tag["content"].strip()
    heading = soup.find(["h1", "h2"])
    if heading and heading.get_text(strip=True):
        return heading.get_text(" ", strip=True)
    return soup.title.get_text(strip=True) if soup.title else ""


def _join_cells(node) -> None:
    """A data table's row stays one line: "登记数商数量：263家", not a label and a number apart.

    Cells that hold blocks of their own (a page laid out in a table) keep their lines.
    """
    for row in node.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        if len(cells) < 2 or any(c.find(_CELL_BLOCKS) for c in cells):
            continue
        seps = ["：" if len(cells) == 2 else "，"] * (len(cells) - 1)
        if _is_label(cells[0]) and len(cells) % 2 == 0:  # 发文机关 | … | 有效性 | 已废止
            seps = ["：" if i % 2 == 0 else "\n" for i in range(len(cells) - 1)]
            for label in cells[::2]:
                label.string = re.sub(r"[\s\u3000:：]", "", label.get_text(""))
        for cell, sep in zip(cells[1:], seps, strict=True):
            cell.insert(0, sep)
        for cell in cells:
            cell.unwrap()


def _is_label(cell) -> bool:
    from extractors.metadata import META_LABELS

    return re.sub(r"[\s\u3000:：]", "", cell.get_text("")) in META_LABELS


def _container(soup):
    candidates = [tag for tag in soup.find_all(["div", "article", "section", "td"])
                  if _CONTAINER.search(" ".join(tag.get("class", [])) + " " + tag.get("id", ""))]
    candidates = [tag for tag in candidates if len(tag.get_text(strip=True)) >= 20]
    if candidates:
        return max(candidates, key=lambda t: len(t.get_text(strip=True)))
    blocks = soup.find_all(["div", "article", "section", "td"])
    scored = [(len("".join(p.get_text(strip=True) for p in b.find_all("p", recursive=False))), b)
              for b in blocks]
    scored = [item for item in scored if item[0] > 0]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def _lines(node) -> str:
    _join_cells(node)
    for tag in node.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    raw = node.get_text("")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.split("\n")]
    lines = [line for line in lines if line and not _PAGER.match(line)]
    # A "相关链接" list inside the article container names other documents, not this one's facts.
    cut = next((i for i, line in enumerate(lines) if _RELATED.match(line)), len(lines))
    return "\n".join(lines[:cut])
