"""How a score sheet looks and prints: widths, frozen header, validation, A4 landscape."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scoring.sheets_layout import COL, COLUMNS, FIRST_ROW, HEADER_ROW, MetaRow, cell_name

HEADER_FILL = "DDE7F3"
SUBTOTAL_FILLS = {"primary": "C9D9EE", "secondary": "EEF3FA", "total": "F8CBAD"}
ASSESSOR_FILL = "FFF2CC"
POINTS_FORMAT = "0.00"


def register_styles(book: Any) -> None:
    """Named styles, added once per workbook: a cell then takes a style by name, which is far
    cheaper than giving every cell its own Font and Fill objects."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    def add(name: str, fill: str | None = None, bold: bool = False, wrap: bool = False,
            number: str = "General", center: bool = False) -> None:
        style = NamedStyle(name=name, number_format=number, font=Font(bold=bold),
                           alignment=Alignment(vertical="center" if center else "top",
                                               horizontal="center" if center else None,
                                               wrap_text=wrap))
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
        book.add_named_style(style)

    add("sheet_header", HEADER_FILL, bold=True, wrap=True, center=True)
    for kind, fill in SUBTOTAL_FILLS.items():
        add(f"sheet_{kind}", fill, bold=True, number=POINTS_FORMAT)
    add("sheet_wrap", wrap=True)
    add("sheet_points", number=POINTS_FORMAT)
    add("sheet_assessor", ASSESSOR_FILL, number=POINTS_FORMAT)


def finish_sheet(ws: Any, meta: list[MetaRow], last_row: int) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws["A1"].font = Font(bold=True, size=14)
    if str(ws["A4"].value).startswith("未检索"):
        ws["A4"].font = Font(bold=True, color="C00000")
    for key, _, width in COLUMNS:
        ws.column_dimensions[get_column_letter(COL[key])].width = width
        ws.cell(HEADER_ROW, COL[key]).style = "sheet_header"
    for m in meta:
        for key in ("snippet", "title", "status", "note", "level"):
            ws.cell(m.row, COL[key]).style = "sheet_wrap"
        for key in ("weight", "suggested", "final"):
            ws.cell(m.row, COL[key]).style = "sheet_points"
        ws.cell(m.row, COL["assessor"]).style = "sheet_assessor"
    ws.freeze_panes = cell_name(FIRST_ROW, "weight")
    _validation(ws, meta)
    _print_setup(ws, last_row)


def style_subtotal(ws: Any, row: int, kind: str) -> None:
    for key, _, _ in COLUMNS:
        ws.cell(row, COL[key]).style = f"sheet_{kind}"


def _validation(ws: Any, meta: list[MetaRow]) -> None:
    """Assessor points between 0 and each indicator's weight: one rule per distinct weight."""
    from openpyxl.worksheet.datavalidation import DataValidation

    by_weight: dict[float, list[str]] = defaultdict(list)
    for m in meta:
        by_weight[m.weight].append(cell_name(m.row, "assessor"))
    for weight, cells in by_weight.items():
        rule = DataValidation(
            type="decimal", operator="between", formula1="0", formula2=f"{weight:g}",
            allow_blank=True, showErrorMessage=True, errorTitle="评审得分 assessor points",
            error=f"请输入 0 到 {weight:g} 之间的分数 / enter points from 0 to {weight:g}",
            showInputMessage=True, promptTitle="评审得分",
            prompt=f"0–{weight:g} 分，留空则采用建议得分 / blank keeps the suggested points")
        for cell in cells:
            rule.add(cell)
        ws.add_data_validation(rule)


def _print_setup(ws: Any, last_row: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    ws.page_margins.left = ws.page_margins.right = 0.4
