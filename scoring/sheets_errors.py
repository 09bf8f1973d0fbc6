"""Errors of the score sheets: one class per condition; each names the file (and cell) to fix."""

from __future__ import annotations

from pathlib import Path

from citydx.errors import DatabaseError, InputFileError
from scoring.sheets_layout import META_SHEET


class NoRunForSheetsError(DatabaseError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path} 中没有评分结果 has no scoring run: run `citydx score` first")


class OutDirError(InputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: 不是目录 is not a directory: pass a directory to --out")


class SheetFileMissingError(InputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: 文件不存在 / file not found")


class NotXlsxError(InputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name}: 不是 xlsx 工作簿 / not an xlsx workbook: "
                         "pass a sheet exported by `citydx export sheets`")


class ForeignWorkbookError(InputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name}: 不是本系统导出的评分表 / not a citydx score sheet "
                         f"(no {META_SHEET} sheet): export with `citydx export sheets`")


class AlteredMetaError(InputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name}: 隐藏工作表 {META_SHEET} 已被修改 / the hidden sheet was "
                         "altered (checksum mismatch): export the sheet again")


class UnknownRunError(InputFileError):
    def __init__(self, path: Path, run_id: object) -> None:
        super().__init__(f"{path.name}: 评分批次 #{run_id} 不在此数据库中 / scoring run not in "
                         "this database: import into the database the sheet was exported from")


class RulesVersionError(InputFileError):
    def __init__(self, path: Path, found: object, current: str) -> None:
        super().__init__(f"{path.name}: 规则版本 {found} 与当前 {current} 不符 / rules version "
                         "differs: export the sheet again with the current rules")


class MissingSheetError(InputFileError):
    def __init__(self, path: Path, sheet: str) -> None:
        super().__init__(f"{path.name}: 缺少工作表 {sheet} / sheet missing: export it again")


class ForeignSheetError(InputFileError):
    """A worksheet the file was not exported with, e.g. another city's sheet copied in."""

    def __init__(self, path: Path, sheet: str) -> None:
        super().__init__(f"{path.name} 工作表 {sheet}: 不是本文件导出的工作表 / sheet not "
                         "exported in this file: remove it or import that city's own file")


class SheetCellError(InputFileError):
    """Base of the errors that point at one cell of one sheet."""

    def __init__(self, path: Path, sheet: str, cell: str, message: str) -> None:
        super().__init__(f"{path.name} 工作表 {sheet} 单元格 {cell}: {message}")


class OtherCityError(SheetCellError):
    def __init__(self, path: Path, sheet: str, cell: str, found: object, city: str) -> None:
        super().__init__(path, sheet, cell, f"城市 {found} 与导出记录 {city} 不符 / sheet of "
                                            "another city")


class ChangedRowError(SheetCellError):
    def __init__(self, path: Path, sheet: str, cell: str, expected: object,
                 found: object) -> None:
        super().__init__(path, sheet, cell, f"指标行已被修改 / indicator row changed "
                                            f"(应为 expected {expected!r}, 现为 found {found!r})")


class NotANumberError(SheetCellError):
    def __init__(self, path: Path, sheet: str, cell: str, found: object) -> None:
        super().__init__(path, sheet, cell, f"评审得分 {found!r} 不是数字 / not a number")


class OutOfRangeError(SheetCellError):
    def __init__(self, path: Path, sheet: str, cell: str, points: float, weight: float) -> None:
        super().__init__(path, sheet, cell, f"评审得分 {points:g} 超出 0–{weight:g} 范围 / "
                                            "out of range")
