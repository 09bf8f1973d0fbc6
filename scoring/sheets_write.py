"""One city's worksheet: heading block, header row, the tree with live subtotal formulas.

Formulas rather than numbers, so an assessor who types points sees every subtotal and the total
move at once; the meta rows returned here let the import check the sheet cell by cell.
"""

from __future__ import annotations

from typing import Any

from citydx.indicators import IndicatorTree, Primary, Secondary
from scoring.sheets_data import SheetRow
from scoring.sheets_layout import (
    CITY_CELL,
    COL,
    COLUMNS,
    FIRST_ROW,
    HEADER_ROW,
    MetaRow,
    cell_name,
)

TITLE = "城市全域数字化转型评估评分表 / score sheet"
SEARCHED = "已检索 searched"
NOT_SEARCHED = ("未检索 NOT SEARCHED：本市数据来源尚未成功采集，零分表示缺少数据而非没有建设，"
                "请评审核实 / zeros here are missing data, not findings")
SUBTOTAL = "小计 subtotal"
TOTAL = "总分 total"
SNIPPET_CHARS = 500


def final_formula(row: int) -> str:
    """Adopted points: the assessor's when given, else the suggested points."""
    assessor, suggested = cell_name(row, "assessor"), cell_name(row, "suggested")
    return f'=IF({assessor}="",{suggested},{assessor})'


def write_city_sheet(ws: Any, tree: IndicatorTree, info: dict[str, Any], city: dict[str, Any],
                     rows: list[SheetRow]) -> tuple[list[MetaRow], dict[str, str]]:
    """Fill `ws`; returns the meta rows and the adopted-points cells of the primaries and total."""
    from scoring.sheets_style import finish_sheet

    _heading(ws, info, city, tree)
    by_name = {r.tertiary.name: r for r in rows}
    meta: list[MetaRow] = []
    cells: dict[str, str] = {}
    row = FIRST_ROW
    primary_rows = []
    for primary in tree.primaries:
        primary_row, row = row, row + 1
        secondary_rows = []
        for secondary in primary.secondaries:
            secondary_rows.append(row)
            row = _secondary_block(ws, row, primary, secondary, by_name, ws.title, city, meta)
        _subtotal(ws, primary_row, [primary.name, SUBTOTAL, None, primary.weight],
                  _sum_of(secondary_rows), "primary")
        cells[primary.name] = cell_name(primary_row, "final")
        primary_rows.append(primary_row)
    _subtotal(ws, row, [None, None, TOTAL, tree.total], _sum_of(primary_rows), "total")
    cells["total"] = cell_name(row, "final")
    finish_sheet(ws, meta, row)
    return meta, cells


def _heading(ws: Any, info: dict[str, Any], city: dict[str, Any], tree: IndicatorTree) -> None:
    ws["A1"] = TITLE
    ws["A2"], ws[CITY_CELL] = "城市 city", city["city"]
    ws["C2"], ws["D2"] = "省份 province", city["province"]
    ws["A3"], ws["B3"] = "评分批次 run", f"#{info['id']}"
    ws["C3"], ws["D3"] = "截止日期 as of", info["as_of"]
    ws["E3"], ws["F3"] = "规则版本 rules", tree.version
    ws["A4"] = SEARCHED if city["searched"] else NOT_SEARCHED
    for key, header, _ in COLUMNS:
        ws.cell(HEADER_ROW, COL[key], header)


def _secondary_block(ws: Any, row: int, primary: Primary, secondary: Secondary,
                     by_name: dict[str, SheetRow], sheet: str, city: dict[str, Any],
                     meta: list[MetaRow]) -> int:
    """The secondary's subtotal row, then its tertiary rows; returns the next free row."""
    first = row + 1
    for offset, tertiary in enumerate(secondary.tertiaries):
        r = first + offset
        data = by_name[tertiary.name]
        _tertiary(ws, r, primary.name, secondary.name, data)
        meta.append(MetaRow(sheet, city["city"], r, primary.name, secondary.name, tertiary.name,
                            tertiary.weight, data.override_points, data.override_note))
    last = first + len(secondary.tertiaries) - 1
    _subtotal(ws, row, [primary.name, secondary.name, SUBTOTAL, secondary.weight],
              lambda key: f"=SUM({cell_name(first, key)}:{cell_name(last, key)})", "secondary")
    return last + 1


def _tertiary(ws: Any, row: int, primary: str, secondary: str, data: SheetRow) -> None:
    best = data.best or {}
    snippet = best.get("snippet")
    values = {
        "primary": primary, "secondary": secondary, "tertiary": data.tertiary.name,
        "weight": data.tertiary.weight, "level": data.level, "suggested": data.points,
        "evidence_count": data.evidence_count,
        "snippet": snippet[:SNIPPET_CHARS] if snippet else None, "title": best.get("title"),
        "link": best.get("url"), "status": data.status, "assessor": data.override_points,
        "note": data.override_note, "final": final_formula(row),
    }
    for key, value in values.items():
        ws.cell(row, COL[key], value)
    if best.get("url"):
        link = ws.cell(row, COL["link"])
        link.hyperlink = best["url"]
        link.style = "Hyperlink"


def _sum_of(rows: list[int]):
    return lambda key: "=SUM(" + ",".join(cell_name(r, key) for r in rows) + ")"


def _subtotal(ws: Any, row: int, labels: list[Any], formula, kind: str) -> None:
    from scoring.sheets_style import style_subtotal

    for key, value in zip(("primary", "secondary", "tertiary", "weight"), labels, strict=True):
        ws.cell(row, COL[key], value)
    for key in ("suggested", "final"):
        ws.cell(row, COL[key], formula(key))
    style_subtotal(ws, row, kind)
