"""The summary sheet of a combined workbook: one row per city, totals linked to its sheet.

The adopted totals are formulas pointing at each city sheet, so the summary follows the
assessors' edits; the run's total (本批次总分, overrides included) is beside them for comparison.
"""

from __future__ import annotations

from typing import Any

from citydx.indicators import IndicatorTree

HEADERS = ("排名", "城市", "省份", "检索情况", "本批次总分")
UNRANKED = "不排名"


def summary_sheet(ws: Any, tree: IndicatorTree, totals: list[dict[str, Any]],
                  cells: dict[str, dict[str, str]]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    primaries = [p.name for p in tree.primaries]
    headers = [*HEADERS, "采用总分", *(f"{p}(采用)" for p in primaries)]
    ws.append(headers)
    for city in totals:
        name = city["city"]
        links = [f"='{name}'!{cells[name]['total']}",
                 *(f"='{name}'!{cells[name][p]}" for p in primaries)]
        ws.append([UNRANKED if city["rank"] is None else city["rank"], name, city["province"],
                   "已检索" if city["searched"] else "未检索", city["total"], *links])
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(10, 2 * len(header) + 2)
        ws.cell(1, index).font = Font(bold=True)
        ws.cell(1, index).fill = PatternFill("solid", fgColor="DDE7F3")
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
