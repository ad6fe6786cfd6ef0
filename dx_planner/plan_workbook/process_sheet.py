"""Sheet 手続一覧: every process in the inventory template, plus the plan's columns.

The template columns come first, exactly as ``export-inventory`` writes them, so a planner
can change locks (固定四半期) here and ``dx-planner import`` the file: the importer knows the
plan's columns (``template.PLAN_HEADERS``) and skips them. Out-of-scope processes are listed too
(計画区分 対象外), so that even ``import --replace`` keeps the inventory as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.fields import PROCESS_FIELDS
from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.fast_rows import FastSheets
from dx_planner.plan_workbook.figures import PlanFigures, ProcessPlan
from dx_planner.workbook.exporter import (
    TEMPLATE_HEADERS,
    TEMPLATE_WIDTHS,
    header_cells,
    process_cells,
)
from dx_planner.workbook.template import PLAN_HEADERS, PLAN_WIDTHS, PROCESS_SHEET

# The plan's own columns look different: they are output, not part of the template.
PLAN_HEADER_FILL = PatternFill("solid", fgColor="E2EFDA")
_FORMATS = {"annual_volume": styles.COUNT, "effort": "#,##0.0#"}
_WRAPPED = {"name", "notes"}

Progress = Callable[[int], None]


def plan_cells(row: ProcessPlan) -> list[str | None]:
    quarter = row.quarter
    return [quarter.code if quarter else None, quarter.label_months if quarter else None,
            row.category.ja, row.reason]


def write_process_sheet(workbook: Workbook, figures: PlanFigures, fast_sheets: FastSheets,
                        progress: Progress | None = None) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(PROCESS_SHEET)
    widths = [*TEMPLATE_WIDTHS, *PLAN_WIDTHS]
    styles.set_widths(sheet, widths)
    sheet.freeze_panes = "C2"
    total = len(figures.processes)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{total + 1}"
    styles.print_setup(sheet, title_rows="1:1", heading=f"手続一覧 — {figures.name}",
                       widths=widths, title_columns="A:B")  # 手続ID and 手続名 on every page
    sheet.row_dimensions[1].height = styles.header_height(
        [*TEMPLATE_HEADERS, *PLAN_HEADERS], widths)
    sheet.append(header_cells(sheet, TEMPLATE_HEADERS)
                 + [_plan_header(sheet, text) for text in PLAN_HEADERS])

    fast = fast_sheets.add(sheet, first_row=2)
    # Long text wraps in its cell: overflowing, it printed over the next cells or pages.
    wrap, top = fast.style(alignment=styles.WRAP), fast.style(alignment=styles.TOP)
    column_styles = [wrap if f.name in _WRAPPED else
                     fast.style(number_format=_FORMATS[f.name], alignment=styles.TOP)
                     if f.name in _FORMATS else top
                     for f in PROCESS_FIELDS] + [top]  # 版
    column_styles += [top] * (len(PLAN_HEADERS) - 1) + [wrap]
    wrapped = [i for i, f in enumerate(PROCESS_FIELDS) if f.name in _WRAPPED] + [len(widths) - 1]
    wrapped_widths = [widths[i] for i in wrapped]
    for count, row in enumerate(figures.processes, start=1):
        values = process_cells(row.process) + plan_cells(row)
        fast.append(values, column_styles,
                    styles.wrapped_height([values[i] for i in wrapped], wrapped_widths))
        if progress is not None and count % 2000 == 0:
            progress(2000)
    if progress is not None:
        progress(total % 2000)


def _plan_header(sheet: WriteOnlyWorksheet, text: str) -> Cell:
    return styles.styled(sheet, text, font=styles.BOLD, fill=PLAN_HEADER_FILL)
