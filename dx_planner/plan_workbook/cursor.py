"""Appending rows to a write-only sheet while keeping count (charts and totals need rows)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.workbook.exporter import safe_cell


class RowCursor:
    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.row = 0  # the last row written (1-based); 0 before the first

    def append(self, cells: Iterable[Any] = (), *, height: float | None = None) -> int:
        """Write one row and return its number; plain text is always written as text.
        ``height`` (points) is set for rows whose text wraps (see ``styles.header_height``)."""
        if height is not None:
            self.sheet.row_dimensions[self.row + 1].height = height
        self.sheet.append([safe_cell(self.sheet, cell) for cell in cells])
        self.row += 1
        return self.row

    def skip(self, rows: int = 1) -> None:
        for _ in range(rows):
            self.append()
