"""The report workbook: one sheet per table of summary.json, Chinese headers, frozen header row.

Every value comes from the summary dictionary, so the workbook cannot disagree with the JSON.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from scoring.report_charts import band_label, tier_label
from scoring.report_input import TOTAL

MARK = "是"
UNRANKED = "不排名"


def render_workbook(summary: dict[str, Any], primaries: Sequence[str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _sheet(book, "排名", ["排名", "城市", "省份", TOTAL, *primaries, "未检索指标"],
           [[UNRANKED if r["rank"] is None else r["rank"], r["city"], r["province"],
             r["total"], *(r[p] for p in primaries), MARK if r["unsearched"] else None]
            for r in summary["ranking"]])
    _sheet(book, "指标统计",
           ["指标", "满分", "平均分", "得分率(%)", "高于平均城市数", "低于平均城市数",
            "最高分", "最低分", "极差"],
           [[name, s["weight"], s["average"], s["score_rate"], s["above_average"],
             s["below_average"], s["max"], s["min"], s["max_min_gap"]]
            for name, s in summary["indicators"].items()])
    _sheet(book, "前十名", ["指标", "名次", "城市", "得分"],
           [[name, t["rank"], t["city"], t["score"]]
            for name, s in summary["indicators"].items() for t in s["top10"]])
    _sheet(book, "分数段", ["分数段", "城市数", "占比(%)", "其中未检索城市数"],
           [[band_label(b), b["count"], b["share"], b["unsearched"]] for b in summary["bands"]])
    _sheet(book, "省份梯队", ["省份", "参评城市数", "平均分", "梯队", "城市", "其中未检索城市数"],
           [[p["province"], p["cities"], p["average"], tier_label(p["tier"], summary["tiers"]),
             "、".join(p["members"]), p["unsearched"]] for p in summary["provinces"]])
    _capitals_sheet(book, summary)
    if "year_on_year" in summary:
        _year_on_year_sheet(book, summary["year_on_year"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _capitals_sheet(book: Any, summary: dict[str, Any]) -> None:
    caps = summary["capitals"]
    totals = {r["city"]: r for r in summary["ranking"]}
    rows: list[list[Any]] = [[totals[c]["rank"], c, totals[c]["province"], totals[c]["total"]]
                             for c in caps["members"]]
    rows += [[], [None, "省会城市数", None, caps["count"]],
             [None, "省会城市平均分", None, caps["average"]],
             [None, "全部城市平均分", None, caps["national_average"]],
             [None, "省会与全部城市之差", None, caps["difference"]]]
    _sheet(book, "省会城市", ["排名", "城市", "省份", TOTAL], rows)


def _year_on_year_sheet(book: Any, yoy: dict[str, Any]) -> None:
    rows: list[list[Any]] = [
        [c["city"], c["total"], c["previous_total"], c["change"], c["rank"],
         c["previous_rank"], c["rank_change"], None] for c in yoy["cities"]
    ]
    blanks = [None] * 6
    rows += [[c, *blanks, "上年未参评 not in the previous year"] for c in yoy["only_current"]]
    rows += [[c, *blanks, "本年未参评 not in this year"] for c in yoy["only_previous"]]
    rows += [[], ["平均分", yoy["average"], yoy["previous_average"], yoy["average_change"]]]
    _sheet(book, "同比变化", ["城市", "本年总分", "上年总分", "总分变化", "本年排名", "上年排名",
                          "名次变化(+为上升)", "备注"], rows)


def _sheet(book: Any, title: str, headers: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = "0.00"  # 19.70 reads as the report prints it, not 19.7
    for index, header in enumerate(headers, start=1):
        values = [header, *(r[index - 1] for r in rows if len(r) >= index)]
        width = max(_display_width(v) for v in values) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), 60)


def _display_width(value: Any) -> int:
    """Columns sized for the text: a CJK character takes two Latin widths."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
