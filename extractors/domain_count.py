"""How many domains (or items) a count-type indicator's supporting sentences name.

政社数据融合应用 and 场景应用 score the number of domains data is applied in. Texts state it
("在6个领域"), list it (numbered items after "…已在以下领域落地："), join it ("在交通和商贸领域"),
head items with it ("（一）金融领域："), or put it in a table; each form has a reader below and
`count_domains` takes the first that finds any.
"""

from __future__ import annotations

import functools
import re

from extractors.normalize import normalize_for_matching
from extractors.patterns import LIST_ITEM as _LIST_ITEM
from extractors.patterns import NOT_YET as _NOT_YET
from extractors.patterns import SENTENCE_END as _SENTENCE_END
from extractors.quantities import chinese_to_number


def count_domains(norm: str, spans: list[tuple[int, int]],
                  domains: dict[str, tuple[str, ...]]) -> int:
    """The domains named in and around the supporting sentences (spans), 0 if none."""
    text = " ".join(norm[a:b] for a, b in spans)
    return _listed_items(norm, spans) or _domain_items(norm, spans) \
        or _domain_segments(norm, spans) or _table_domains(norm, spans) \
        or max(_count_domains(text, domains), _joined_domains(text)) \
        or _domains_after(norm, spans) or _headed_items_after(norm, spans)


# "目前，上述三个领域的应用均已投入使用", "这批场景分布在六个领域": a later sentence that points
# back to what was just named counts its domains.
_POINTED_COUNT = re.compile(r"(上述|以上|这批|这些|这)[^。；;\n]{0,10}?"
                            r"(\d+|[一二三四五六七八九十两]+)(个|大|类)?领域")


def pointed_count(norm: str, spans: list[tuple[int, int]]) -> list[float]:
    """The number a sentence right after the supporting ones gives the domains it points back
    to; a stated number beats counting domain words."""
    if not spans:
        return []
    end = max(b for _, b in spans)
    m = _POINTED_COUNT.search(norm, end, end + 200)
    if m is None:
        return []
    raw = m.group(2).replace("两", "二")
    value = float(raw) if raw.isdigit() else chinese_to_number(raw)
    return [value] if value else []


def _listed_items(norm: str, spans: list[tuple[int, int]]) -> int:
    """"…已在以下领域落地见效：\n一是普惠金融…；\n二是…": the items listed after a sentence that
    announces domains are the domains, however each item is worded. The announcing sentence may
    follow the supporting one ("…推动融合应用。目前已在以下领域形成应用：")."""
    heads = []
    for a, b in dict.fromkeys(spans):
        heads.append((a, b))
        if norm[b:b + 1] in ("。", "!", "！"):
            after = _SENTENCE_END.search(norm, b + 1)
            heads.append((b + 1, after.start() if after else len(norm)))
    for a, b in heads:
        head = norm[a:b].rstrip()
        if not head.endswith((":", "：")) or "领域" not in head[-12:]:
            continue
        items = 0
        for line in norm[b:].lstrip("\n").split("\n"):
            if not _LIST_ITEM.match(line):
                break
            items += 1
        if items >= 2:
            return items
    return 0


_IN_DOMAIN = re.compile(r"在([\u4e00-\u9fff]{1,8}?)领域")
# "在交通和商贸领域落地", "在教育、医疗、养老等领域": several domains joined before one 领域.
# A domain may take a long name ("商业健康保险快速理赔"), up to ten characters each.
_JOINED_DOMAINS = re.compile(r"在((?:[\u4e00-\u9fff]{2,10}[、和及与])+[\u4e00-\u9fff]{2,10}?)"
                             r"等?领域")
_JOINERS = re.compile(r"[、和及与]")
# A list item headed by its domain: "（一）金融领域：…", "2.医疗健康领域。…".
_DOMAIN_HEAD = re.compile(r"[^:：。，,]{1,10}领域\s*[:：。]")


def _joined_domains(text: str) -> int:
    """Domains named together before one 领域 ("在交通和商贸领域"): each part is a domain."""
    return max((len(_JOINERS.split(m.group(1))) for m in _JOINED_DOMAINS.finditer(text)),
               default=0)


def _domain_items(norm: str, spans: list[tuple[int, int]]) -> int:
    """A supporting sentence that is one item of a list headed by domains ("（一）金融领域：…",
    "（二）电力领域：…"): each item of that list names one domain the thing was applied in."""
    for a, _ in dict.fromkeys(spans):
        line_start = norm.rfind("\n", 0, a) + 1
        line_end = norm.find("\n", a)
        line = norm[line_start:line_end if line_end >= 0 else len(norm)]
        if not _is_domain_item(line):
            continue
        before = norm[:line_start].split("\n")[:-1]
        after = norm[line_start:].split("\n")
        items = _count_leading(after) + _count_leading(before[::-1])
        if items >= 2:
            return items
    return 0


# "…开展试点：金融领域，…；医疗领域，…；司法领域，…": segments of one paragraph, each opening
# with its domain.
# "在四个领域", "在部分领域", "在以下领域": a count or a pointer, not a domain's name.
_NOT_DOMAIN = re.compile(r"[\d一二三四五六七八九十两多几]+[个大类项]?(重点)?|部分|多个|重点|"
                         r"相关|各|更多|其他|其它|以下|下列|上述|不同|诸多|若干|众多|有关")
_DOMAIN_SEGMENT = re.compile(r"(?:^|[:：;；])\s*(?:在)?([\u4e00-\u9fff]{2,10}?)领域\s*[,，:：]")


def _domain_segments(norm: str, spans: list[tuple[int, int]]) -> int:
    """A supporting sentence that is one segment of a paragraph whose segments each open with
    their domain ("金融领域，…；医疗领域，…"), or that announces them ("…已在以下领域开展："):
    each such segment is one domain the thing was applied in."""
    for a, b in dict.fromkeys(spans):
        line_start = norm.rfind("\n", 0, a) + 1
        line_end = norm.find("\n", b)
        line = norm[line_start:line_end if line_end >= 0 else len(norm)]
        here = a - line_start
        heads = list(_DOMAIN_SEGMENT.finditer(line))
        if not any(here - 1 <= m.start() <= b - line_start for m in heads):
            continue
        names = {m.group(1) for m in heads if not _NOT_DOMAIN.fullmatch(m.group(1))}
        if len(names) >= 2:
            return len(names)
    return 0


def _is_domain_item(line: str) -> bool:
    item = _LIST_ITEM.match(line)
    return bool(item and _DOMAIN_HEAD.match(line, item.end()))


def _count_leading(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if not line.strip():
            continue
        if not _is_domain_item(line):
            break
        count += 1
    return count


def _domains_after(norm: str, spans: list[tuple[int, int]]) -> int:
    """"…推动政务数据与社会数据融合应用。在金融领域，…；在医疗领域，…": a sentence (or headline)
    that names no domain of its own is followed, in its paragraph, by the domains it was applied
    in, each as "在X领域"."""
    for _, b in dict.fromkeys(spans):
        following = norm[b + 1:b + 1000].lstrip("\n ")
        stop = following.find("\n")
        first = following[:stop if stop >= 0 else len(following)]
        names = {m.group(1) for m in (*_IN_DOMAIN.finditer(first),
                                      *_DOMAIN_SEGMENT.finditer(first))
                 if not _NOT_DOMAIN.fullmatch(m.group(1))}
        if len(names) < 2 and stop >= 0:
            names |= _opening_domains(following[stop:].split("\n"))
        if len(names) >= 2:
            return len(names)
    return 0


# "（一）工业制造。依托…", "（二）现代农业：…": a numbered item headed by a short name.
_SHORT_ITEM = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])\s*"
                         r"([^。:：,，;；]{2,8})[。:：]")


def _headed_items_after(norm: str, spans: list[tuple[int, int]]) -> int:
    """"…推动数据在重点行业落地应用。" then a heading "一、场景落地情况" and the items
    "（一）工业制造。…", "（二）现代农业。…": the items with a short name of their own that follow
    the supporting paragraph (past at most one heading line) are its domains, leaving out items
    not there yet."""
    for _, b in dict.fromkeys(spans):
        line_end = norm.find("\n", b)
        if line_end < 0:
            continue
        lines = norm[line_end + 1:line_end + 3000].split("\n")
        lines = [line for line in lines if line.strip()]
        if lines and not _SHORT_ITEM.match(lines[0]) and len(lines[0].strip()) <= 16:
            lines = lines[1:]  # the heading of the section that lists them
        names = set()
        for line in lines:
            m = _SHORT_ITEM.match(line)
            if m is None:
                break
            if not _NOT_YET.search(line):
                names.add(m.group(1))
        if len(names) >= 2:
            return len(names)
    return 0


def _opening_domains(lines: list[str]) -> set[str]:
    """"在交通运输领域，…" / "在商贸流通领域，…" as the openings of the paragraphs that follow,
    one domain each, up to the first paragraph that opens otherwise."""
    names = set()
    for line in lines:
        if not line.strip():
            continue
        m = _IN_DOMAIN.match(line.strip())
        if m is None:
            break
        names.add(m.group(1))
    return names


def _table_domains(norm: str, spans: list[tuple[int, int]]) -> int:
    """"现将清单公布如下。" then a table "序号 | 场景名称 | 应用领域 | 状态": the distinct values of
    its 领域 column, leaving out rows whose cells say the item is not there yet."""
    for _, b in dict.fromkeys(spans):
        lines = norm[b:b + 4000].lstrip("。.\n ").split("\n")
        header = _cells(lines[0])
        column = next((i for i, cell in enumerate(header) if "领域" in cell), None)
        if column is None:
            continue
        values = set()
        for line in lines[1:]:
            cells = _cells(line)
            if len(cells) != len(header):
                break
            if not _NOT_YET.search(line):
                values.add(cells[column])
        if len(values) >= 2:
            return len(values)
    return 0


@functools.cache
def _domain_word(word: str) -> tuple[str, re.Pattern]:
    """A domain word as matched, and as a compiled pattern, kept: the rules name more words
    than the regex module's own cache holds once the engine's patterns are in it, and most
    words are not in a given text (a find says so before any pattern runs)."""
    folded = normalize_for_matching(word)
    return folded, re.compile(re.escape(folded))


def _cells(line: str) -> list[str]:
    """A table row as text prints it: cells between "|" (a text file) or "，" (an HTML row)."""
    sep = "|" if "|" in line else "，"
    cells = [c.strip() for c in line.split(sep)]
    return cells if len(cells) >= 3 else []


def _count_domains(text: str, domains: dict[str, tuple[str, ...]]) -> int:
    """Distinct domains named in text. A word that only ever continues another domain's word
    is part of a compound name: "医疗保险理赔" is one domain, not 医疗 and 保险."""
    hits = [(m.start(), m.end(), name) for name, words in domains.items() for w in words
            for word, pattern in [_domain_word(w)] if word in text
            for m in pattern.finditer(text)]
    ends = {(end, name) for _, end, name in hits}
    return len({name for start, _, name in hits
                if not any(end == start and other != name for end, other in ends)})
