"""The report as an Excel workbook: the text and tables on one sheet, with a native chart."""

from __future__ import annotations

import math
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dx_planner.progress_report.document import (
    Chart,
    ColumnKind,
    Document,
    Heading,
    Paragraph,
    Table,
)
from dx_planner.tracking.burnup import Burnup

REPORT_SHEET = "進捗報告"
DATA_SHEET = "推移"
COLUMNS = 8
WIDTHS = (30, *([15] * (COLUMNS - 1)))
CHARS_PER_LINE = sum(WIDTHS) // 2 - 4  # Japanese characters are two columns wide
HEADER_FILL = PatternFill("solid", fgColor="EEF2F9")
FORMATS: dict[ColumnKind, str] = {"int": "#,##0", "percent": "0.0%", "text": "@"}
HEADING_SIZES = {1: 16, 2: 13, 3: 11}
CHART_ROWS = 22
SERIES_DASH = {"ベースライン計画(累計)": "dash", "見込み(累計)": "sysDot", "目標": "lgDash"}


def _text_safe(cell: Cell) -> Cell:
    """Data text (a bureau called "=局") stays text: the report holds no formulas at all."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _write_burnup_data(sheet: Worksheet, burnup: Burnup) -> int:
    """The chart's data, one row per quarter; returns the number of quarters."""
    sheet.append(["四半期", "期間", "実績(累計)", "ベースライン計画(累計)", "見込み(累計)", "目標"])
    for point in burnup.points:
        sheet.append([point.quarter.code, point.quarter.label_months, point.actual,
                      point.baseline, point.forecast, burnup.target_count])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column, width in zip("ABCDEF", (12, 14, 14, 22, 16, 10), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=6):
        for cell in row:
            cell.number_format = "#,##0"
    return len(burnup.points)


def _line_chart(data: Worksheet, quarters: int, title: str) -> LineChart:
    chart = LineChart()
    chart.title = title
    chart.y_axis.title = "プロセス数(累計)"
    chart.x_axis.title = "四半期"
    chart.height, chart.width = 10, 22
    chart.display_blanks = "gap"
    chart.add_data(Reference(data, min_col=3, max_col=6, min_row=1, max_row=quarters + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=quarters + 1))
    names = ["実績(累計)", "ベースライン計画(累計)", "見込み(累計)", "目標"]
    for series, name in zip(chart.series, names, strict=True):
        series.smooth = False
        if name in SERIES_DASH:
            series.graphicalProperties.line.dashStyle = SERIES_DASH[name]
    return chart


class _Writer:
    def __init__(self, sheet: Worksheet, data: Worksheet) -> None:
        self.sheet, self.data, self.row = sheet, data, 1

    def merged(self, text: str, font: Font, lines: int = 1) -> None:
        _text_safe(self.sheet.cell(self.row, 1, text)).font = font
        self.sheet.cell(self.row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        self.sheet.merge_cells(start_row=self.row, end_row=self.row, start_column=1,
                               end_column=COLUMNS)
        self.sheet.row_dimensions[self.row].height = 16 * lines + 4
        self.row += 1

    def heading(self, block: Heading) -> None:
        if block.level > 1:
            self.row += 1
        self.merged(block.text, Font(bold=True, size=HEADING_SIZES.get(block.level, 11)),
                    2 if block.level == 1 else 1)

    def paragraph(self, block: Paragraph) -> None:
        text = block.text.strip()
        self.merged("　" + text, Font(size=10.5), math.ceil(len(text) / CHARS_PER_LINE))

    def table(self, block: Table) -> None:
        _text_safe(self.sheet.cell(self.row, 1, block.title)).font = Font(bold=True)
        self.row += 1
        for column, title in enumerate(block.columns, start=1):
            cell = _text_safe(self.sheet.cell(self.row, column, title))
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        self.row += 1
        for values in block.rows:
            for column, (value, kind) in enumerate(zip(values, block.kinds, strict=True), 1):
                cell = _text_safe(self.sheet.cell(self.row, column, value))
                if kind != "text":
                    cell.number_format = FORMATS[kind]
            self.row += 1
        self.row += 1

    def chart(self, block: Chart) -> None:
        quarters = _write_burnup_data(self.data, block.burnup)
        self.sheet.add_chart(_line_chart(self.data, quarters, block.title), f"A{self.row}")
        self.row += CHART_ROWS


def _print_setup(sheet: Worksheet) -> None:
    """A4 portrait, one page wide (as many pages tall as needed), like the source report."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "&P / &N"


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = REPORT_SHEET
    data = workbook.create_sheet(DATA_SHEET)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    writer = _Writer(sheet, data)
    for block in document.blocks:
        if isinstance(block, Heading):
            writer.heading(block)
        elif isinstance(block, Paragraph):
            writer.paragraph(block)
        elif isinstance(block, Table):
            writer.table(block)
        elif isinstance(block, Chart):
            writer.chart(block)
    _print_setup(sheet)
    _print_setup(data)
    workbook.properties.title = document.title
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
