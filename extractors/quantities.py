"""Numbers as Chinese government texts write them: "300P", "5.2 EFLOPS", "1186万个", "二十八项".

Works on the matching copy (extractors.normalize), so full-width digits are already ASCII and
offsets are valid in the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

# Compute units are converted to PFLOPS; 1 EFLOPS = 1000 PFLOPS, 1 PFLOPS = 1000 TFLOPS.
_COMPUTE = {"eflops": 1000.0, "pflops": 1.0, "tflops": 0.001, "e": 1000.0, "p": 1.0,
            "t": 0.001}
# "三大领域", "五类领域" count domains as "个领域" does.
_DOMAIN_ALIASES = {"大领域": "个领域", "类领域": "个领域", "个重点领域": "个领域"}
COUNT_UNITS = ("个领域", "个场景", "个", "项", "条", "家", "类", "台", "套", "件", "座", "路", "张",
               "平方米", "千米", "公里", "人", "次", "万元", "元", "户", "所", "栋", "处", "批",
               "款", "份", "部", "块", "种", "名", "支")
_UNIT_RE = "|".join(
    ["eflops", "pflops", "tflops", r"[ept](?:flops|f)?(?![a-z])"]
    + [re.escape(u) for u in sorted((*COUNT_UNITS, *_DOMAIN_ALIASES), key=len, reverse=True)
       if u not in ("万元",)]
)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
_PATTERN = re.compile(
    rf"(?P<prefix>超过|超|逾|近|约|达到|达)?\s*"
    rf"(?:(?P<arabic>{_ARABIC})\s*(?P<mult>万亿|亿|万|千)?|(?P<chinese>{_CHINESE}))"
    rf"\s*(?P<approx>余|多|来)?\s*(?P<unit>{_UNIT_RE})",
    re.IGNORECASE,
)


# "每秒300亿亿次", "50亿亿次/秒": operations per second in Chinese magnitudes, as PFLOPS
# (1 亿亿 = 1e16 = 10 PFLOPS, 1 千万亿 = 1e15 = 1 PFLOPS).
_CN_FLOPS = {"亿亿": 10.0, "万万亿": 10.0, "千万亿": 1.0, "百万亿": 0.1, "万亿": 0.001}
_OPS = "|".join(sorted(_CN_FLOPS, key=len, reverse=True))
_FLOPS_PATTERN = re.compile(
    rf"每秒\s*(?:(?:超过|超|逾|近|约|达到|达)\s*)?(?P<a>{_ARABIC})\s*(?P<am>{_OPS})\s*次|"
    rf"(?P<b>{_ARABIC})\s*(?P<bm>{_OPS})\s*次\s*(?:/|每)\s*秒")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    start: int
    end: int
    approximate: bool = False


def chinese_to_number(text: str) -> float | None:
    """"二十八" → 28, "一千二百" → 1200, "三万五千" → 35000, "十三" → 13; None if not a numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_SMALL_UNITS
                       and ch not in _CN_BIG_UNITS for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:
        return float("".join(str(_CN_DIGITS[ch]) for ch in text))  # "二〇二四" read digit by digit
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * _CN_BIG_UNITS[ch] if total and section == 0 \
                else total + section * _CN_BIG_UNITS[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def _value(match: re.Match) -> float | None:
    if match.group("arabic"):
        value = float(match.group("arabic").replace(",", ""))
        return value * _MULTIPLIERS.get(match.group("mult") or "", 1.0)
    return chinese_to_number(match.group("chinese"))


def _unit(raw: str, value: float) -> tuple[float, str]:
    key = raw.lower()
    if key in ("ef", "pf", "tf"):
        key = key[0]
    if key in _COMPUTE:
        return value * _COMPUTE[key], "PFLOPS"
    return value, _DOMAIN_ALIASES.get(raw, raw)


# "压缩至1个工作日", "3个月内", "2个百分点": 个 counting time or a share counts no items.
_NOT_ITEMS_AFTER_GE = ("工作日", "自然日", "小时", "月", "季度", "星期", "百分点")


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in text (normalised copy), in order of appearance."""
    flops = _operations_per_second(text) if "次" in text else []
    found = list(flops)
    for match in _PATTERN.finditer(text):
        if any(f.start <= match.start() < f.end for f in flops):
            continue
        if match.group("unit") == "个" and text.startswith(_NOT_ITEMS_AFTER_GE, match.end()):
            continue
        value = _value(match)
        if value is None:
            continue
        value, unit = _unit(match.group("unit"), value)
        start = match.start("arabic") if match.group("arabic") else match.start("chinese")
        approx = bool(match.group("approx")) or match.group("prefix") in ("超过", "超", "逾", "近",
                                                                          "约")
        found.append(Quantity(round(value, 6), unit, start, match.end(), approx))
    found = sorted(found, key=lambda q: q.start) if flops else found
    return _parts_of_wholes(text, found)


# "12个领域中的8个", "300家企业中已有20家", "12个领域中，已有8个": the whole is the frame, the
# part after it is what the sentence counts.
_PART_OF = re.compile(r"[\u4e00-\u9fff]{0,6}?之?中(的|已有|有|已|共有|已经有)?\s*"
                      r"([,，]\s*(其中)?\s*(已有|有|已|共有|已经有)?)?\s*")


def _parts_of_wholes(text: str, found: list[Quantity]) -> list[Quantity]:
    """A part after its whole takes the whole's unit and place: "12个领域中的8个" is 8 个领域."""
    out: list[Quantity] = []
    skip = False
    for whole, part in zip(found, [*found[1:], None][:len(found)], strict=True):
        if skip:
            skip = False
            continue
        if part is not None and (part.unit == whole.unit or whole.unit.startswith(part.unit)) \
                and _PART_OF.fullmatch(text, whole.end, part.start):
            out.append(Quantity(part.value, whole.unit, part.start, part.end, part.approximate))
            skip = True
            continue
        out.append(whole)
    return out


def _operations_per_second(text: str) -> list[Quantity]:
    out = []
    for match in _FLOPS_PATTERN.finditer(text):
        group = "a" if match.group("a") else "b"
        value = float(match.group(group).replace(",", "")) * _CN_FLOPS[match.group(group + "m")]
        out.append(Quantity(round(value, 6), "PFLOPS", match.start(group), match.end()))
    return out


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short string, e.g. parse_quantity("320 余家").value == 320."""
    from extractors.normalize import normalize_for_matching

    found = find_quantities(normalize_for_matching(text))
    return found[0] if found else None
