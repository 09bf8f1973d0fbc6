"""Issuer, document number, dates and validity of a document.

Government pages print a metadata block ("发文机关：…", "成文日期：…", "有效性：…"); news items and
attachments instead end with a sign-off (落款): the issuing body on one line, the date below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.normalize import normalize_for_matching

_FIELDS = {
    "issuer": ("发文机关", "发布机构", "发文单位", "发布机关", "来源单位"),
    "doc_number": ("发文字号", "文号", "发文号"),
    "index_number": ("索引号", "信息索引号"),
    "written_date": ("成文日期", "印发日期", "发文日期"),
    "published_date": ("发布日期", "公开日期", "发布时间"),
    "validity": ("有效性", "时效", "时效性", "效力状态", "效力状况", "有效状态", "有效性状态",
                 "文件状态", "状态"),
    "title": ("标题", "名称"),
    "source": ("来源", "信息来源", "文章来源", "稿件来源"),
    # other lines of a portal's block ("主题分类：…", "公开方式：主动公开"): read so that the
    # headline printed under them is not taken for one of them
    "classification": ("主题分类", "体裁分类", "组配分类", "公开方式", "公开范围", "公开属性",
                       "生成日期", "服务对象", "所属主题", "主题词", "公开时限"),
}
_LABEL_TO_FIELD = {label: name for name, labels in _FIELDS.items() for label in labels}
META_LABELS = frozenset(_LABEL_TO_FIELD)
_META_LINE = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted(_LABEL_TO_FIELD, key=len, reverse=True))
    + r")\s*[:：]\s*(?P<value>.*?)\s*$"
)
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})"
                   r"\s*日?")
_CN_DATE = re.compile(r"(?P<y>[二〇零一三四五六七八九]{4})年(?P<m>[十一二三四五六七八九]{1,2})月"
                      r"(?P<d>[十一二三四五六七八九]{1,3})日")
_ISSUER_END = re.compile(r"(人民政府|办公厅|办公室|委员会|管理局|局|委|厅|中心|政府|领导小组|"
                         r"指挥部|小组|公司|协会|研究院)$")
# "（来源：苏州日报）", "本文转自无锡发布" at the end of a news item.
_TRAILING_SOURCE = re.compile(r"((来源|稿源)\s*[:：]|转载自|转自)\s*[:：]?\s*"
                              r"(?P<source>[^\s)）】\]，,。]{2,20})")
REPEALED_WORDS = ("失效", "废止", "已废止", "已失效", "作废")
# "（已废止）" or "（2021年发布，2024年3月1日起废止）" beside the title, or a banner
# "【该文件已废止】" / "本文件已失效" at the top.
_REPEALED_MARK = re.compile(r"[(（【\[][^)）】\]]{0,24}(已|起|予以)?(失效|废止)[)）】\]]|"
                            r"(本|该|此)(文件|办法|规定|通知)(已经?|现已)(宣布)?(失效|废止)")


@dataclass
class DocumentMeta:
    issuer: str = ""
    doc_number: str = ""
    index_number: str = ""
    written_date: str = ""
    published_date: str = ""
    validity: str = ""
    title: str = ""
    source: str = ""  # "来源：无锡日报": where a reposted article came from
    classification: str = ""  # "主题分类：…" and the block's other lines, kept as printed
    body_start: int = 0  # offset of the first character after the metadata block

    @property
    def repealed(self) -> bool:
        return any(word in self.validity for word in REPEALED_WORDS) and "有效" != self.validity

    @property
    def evidence_date(self) -> str:
        return self.written_date or self.published_date


def iso_date(text: str) -> str:
    """"2024年3月5日" / "2024-03-05" / "二〇二四年三月五日" → "2024-03-05"; "" if none."""
    norm = normalize_for_matching(text)
    match = _DATE.search(norm)
    if match:
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        match = _CN_DATE.search(norm)
        if not match:
            return ""
        from extractors.quantities import chinese_to_number

        y = int(chinese_to_number(match["y"]) or 0)
        m, d = int(chinese_to_number(match["m"]) or 0), int(chinese_to_number(match["d"]) or 0)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_metadata(text: str, max_lines: int = 20) -> DocumentMeta:
    """Read the metadata block at the top, then fill gaps from the sign-off at the end."""
    meta = DocumentMeta()
    colon = _next_colon(text, 0)
    for start, end in top_lines(text, max_lines):
        if colon < 0:
            break  # no label below
        if colon >= end:
            continue
        colon = _next_colon(text, end)
        line = text[start:end]
        norm = normalize_for_matching(line)
        match = _META_LINE.match(norm)
        if match:
            value = line[match.start("value"):match.end("value")].strip()
            field = _LABEL_TO_FIELD[match["label"]]
            if field.endswith("_date"):
                value = iso_date(value) or value
            if field == "source":  # "来源：无锡日报　　发布时间：…" holds two fields
                value = value.replace("\u3000", " ").split()[0] if value.split() else ""
            if not getattr(meta, field):
                setattr(meta, field, value)
            if field != "source":  # the source line sits under the headline, not above it
                meta.body_start = end + 1
    meta.body_start = min(meta.body_start, len(text))
    _sign_off(text, meta)
    if not meta.source:
        tail = text[-300:]
        found = list(_TRAILING_SOURCE.finditer(tail)) if "来源" in tail or "转" in tail else []
        if found:
            meta.source = found[-1]["source"]
    if not meta.validity:
        head = normalize_for_matching(text[:200])
        if ("废止" in head or "失效" in head) and _REPEALED_MARK.search(head):
            meta.validity = "失效"
    return meta


def top_lines(text: str, count: int, start: int = 0) -> Iterator[tuple[int, int]]:
    """Where the first count lines from start begin and end: a reader of the top lines need
    not split (and copy) the rest of a long text."""
    for _ in range(count):
        end = text.find("\n", start)
        if end < 0:
            yield start, len(text)
            return
        yield start, end
        start = end + 1


def _next_colon(text: str, start: int) -> int:
    """Where the next colon (either width) at or after start is, -1 if none: asked once per
    labelled line rather than of every line."""
    found = [at for at in (text.find(":", start), text.find("：", start)) if at >= 0]
    return min(found) if found else -1


def _last_lines(text: str, count: int) -> list[str]:
    """The last count lines of the text without its trailing blanks: those of
    `text.rstrip().rsplit("\n", count)[-count:]`, without copying the rest."""
    end = cut = len(text.rstrip())
    for _ in range(count):
        cut = text.rfind("\n", 0, cut)
        if cut < 0:
            break
    return text[cut + 1:end].split("\n")


def _sign_off(text: str, meta: DocumentMeta) -> None:
    """The last lines: '杭州市人民政府办公厅' then '2024年3月5日' (either may be missing)."""
    lines = [ln.strip() for ln in _last_lines(text, 8) if ln.strip()]
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if len(line) > 24 or "年" not in line and "-" not in line:
            continue
        date = iso_date(line)
        if date and not meta.written_date and len(line) <= 16:
            meta.written_date = date
            if i > 0 and not meta.issuer and _ISSUER_END.search(
                    normalize_for_matching(lines[i - 1]).strip("(）) ")) \
                    and len(lines[i - 1]) <= 30:
                meta.issuer = lines[i - 1]
            break
