"""Where things are on a score sheet, shared by export and import so the two cannot drift apart.

A city sheet has a small heading block, one header row, then the tree: a primary row, its
secondary rows each followed by their tertiary rows, and the total at the end. The hidden sheet
META_SHEET records what was exported (city, scoring run, rules version, every tertiary row with
its pre-filled assessor points and note) and a checksum of the indicator rows, so an import can
recognise our files and see exactly what the assessor changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

FORMAT = "citydx.sheets/1"
META_SHEET = "_citydx"
SUMMARY_SHEET = "汇总"
CITY_CELL = "B2"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1

# (key, Chinese header, width) in column order.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("primary", "一级指标", 14),
    ("secondary", "二级指标", 14),
    ("tertiary", "三级指标", 20),
    ("weight", "权重(满分)", 10),
    ("level", "建议等级", 26),
    ("suggested", "建议得分", 10),
    ("evidence_count", "证据数", 8),
    ("snippet", "最佳证据摘录", 50),
    ("title", "文件标题", 36),
    ("link", "链接", 30),
    ("status", "审核状态", 18),
    ("assessor", "评审得分", 10),
    ("note", "备注(理由)", 30),
    ("final", "采用得分", 10),
)
COL = {key: index for index, (key, _, _) in enumerate(COLUMNS, start=1)}
ASSESSOR_HEADER = "评审得分"

# The meta sheet: key/value rows, then one table row per exported tertiary row.
META_KEYS = ("format", "scoring_run_id", "rules_version", "as_of", "exported_at", "checksum")
META_TABLE_ROW = len(META_KEYS) + 2
META_COLUMNS = ("sheet", "city", "row", "primary", "secondary", "tertiary", "weight",
                "prefill_points", "prefill_note")


@dataclass(frozen=True)
class MetaRow:
    """One tertiary row as exported: where it is, what it names and what was pre-filled."""

    sheet: str
    city: str
    row: int
    primary: str
    secondary: str
    tertiary: str
    weight: float
    prefill_points: float | None
    prefill_note: str | None

    def identity(self) -> list[object]:
        return [self.sheet, self.city, self.row, self.primary, self.secondary, self.tertiary,
                self.weight]

    @classmethod
    def from_cells(cls, values: Sequence[object]) -> MetaRow:
        """Typed back from the cells (Excel stores 4.0 as 4); ValueError/TypeError if garbled."""
        sheet, city, row, primary, secondary, tertiary, weight, points, note = values
        return cls(str(sheet), str(city), int(row), str(primary), str(secondary), str(tertiary),
                   float(weight), None if points is None else float(points),
                   None if note is None else str(note))


def checksum(rows: Sequence[MetaRow]) -> str:
    """SHA-256 of the indicator rows (not the pre-filled values), to detect an edited meta sheet."""
    text = json.dumps([[*r.identity()[:6], float(r.weight)] for r in rows], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cell_name(row: int, key: str) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(COL[key])}{row}"
