"""The look of the plan workbook: fonts, fills, number formats and print setup."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from dx_planner.workbook.exporter import safe_cell

# Number formats.
COUNT = "#,##0"
EFFORT = "#,##0.0"
PERCENT = "0.0%"
DECIMAL = "#,##0.00"

TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="595959", size=9)
WARNING_FONT = Font(bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
OVERLOADED_FILL = PatternFill("solid", fgColor="F8CBAD")  # light red
IDLE_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")  # the other cells of a row whose text wraps
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

A4 = "9"  # OOXML paper size code


def styled(sheet: WriteOnlyWorksheet, value: Any, *, number_format: str | None = None,
           font: Font | None = None, fill: PatternFill | None = None,
           alignment: Alignment | None = None, border: Border | None = None) -> Cell:
    """A cell with a style; text is always written as text, never as a formula."""
    safe = safe_cell(sheet, value)
    cell = safe if isinstance(safe, Cell) else WriteOnlyCell(sheet, value=value)
    if number_format is not None:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    return cell


def formula(sheet: WriteOnlyWorksheet, text: str, *, number_format: str | None = None,
            bold: bool = True) -> Cell:
    """A totals formula built by us (never from data)."""
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "f"
    if number_format is not None:
        cell.number_format = number_format
    cell.fill = TOTAL_FILL
    if bold:
        cell.font = BOLD
    return cell


def headers(sheet: WriteOnlyWorksheet, texts: Iterable[str]) -> list[Cell]:
    return [styled(sheet, text, font=BOLD, fill=HEADER_FILL, alignment=CENTER, border=BOX)
            for text in texts]


def title(sheet: WriteOnlyWorksheet, text: str) -> list[Any]:
    return [styled(sheet, text, font=TITLE_FONT)]


def section(sheet: WriteOnlyWorksheet, text: str) -> list[Any]:
    return [styled(sheet, text, font=SECTION_FONT)]


def note(sheet: WriteOnlyWorksheet, text: str) -> list[Any]:
    return [styled(sheet, text, font=NOTE_FONT)]


def warning(sheet: WriteOnlyWorksheet, text: str) -> list[Any]:
    return [styled(sheet, text, font=WARNING_FONT)]


def set_widths(sheet: WriteOnlyWorksheet, widths: Iterable[float] | Mapping[int, float]) -> None:
    """Column widths in characters, from column A (or by 1-based column number)."""
    items = widths.items() if isinstance(widths, Mapping) else enumerate(widths, start=1)
    for column, width in items:
        sheet.column_dimensions[get_column_letter(column)].width = width


# Characters of default width that fit across an A4 landscape page at 100% (0.4" margins).
PAGE_WIDTH_CHARS = 149
MIN_SCALE = 70  # percent: below it 11-point text prints under 8 points, too small to read
LINE_HEIGHT = 15.0  # points per line of 11-point text


def print_setup(sheet: WriteOnlyWorksheet, *, title_rows: str | None, heading: str,
                widths: Iterable[float] = (), title_columns: str | None = None) -> None:
    """A4 landscape, title rows on every page, page numbers in the footer.

    One page wide when that keeps the text at MIN_SCALE or larger; a wider sheet prints at
    MIN_SCALE across several pages, left to right then down, with ``title_columns`` (its
    key columns, e.g. ID and name) repeated on each.
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    total = sum(widths)
    if total and PAGE_WIDTH_CHARS / total * 100 < MIN_SCALE:
        sheet.page_setup.scale = MIN_SCALE
        sheet.page_setup.pageOrder = "overThenDown"
        if title_columns:
            sheet.print_title_cols = title_columns
    else:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    # The header and footer sit in their own band: LibreOffice draws a header whose margin
    # plus text height reaches past the top margin over the first rows (the title).
    margins.header = margins.footer = 0.25
    margins.top = margins.bottom = 0.75
    if title_rows:
        sheet.print_title_rows = title_rows
    # "&" starts a header/footer code: a literal ampersand is written "&&". Excel allows
    # 255 characters in a header.
    sheet.oddHeader.left.text = heading[:120].replace("&", "&&")
    sheet.oddHeader.left.size = 9
    sheet.oddFooter.center.text = "&P / &N"
    sheet.oddFooter.center.size = 9


def _display_width(text: str) -> int:
    """Width in default characters: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide, wrapped at spaces (a word
    longer than the column is broken anywhere)."""
    room = max(int(width) - 1, 1)  # a cell keeps a little padding
    lines, used = 1, 0
    for word in text.split(" "):
        size = _display_width(word)
        if used and used + 1 + size <= room:
            used += 1 + size
            continue
        if used:
            lines += 1
        lines += (size - 1) // room if size else 0
        used = size - (size - 1) // room * room if size else 0
    return lines


def header_height(texts: Iterable[str], widths: Iterable[float]) -> float:
    """The height (points) a header row needs when its texts wrap in their columns: set it,
    or the repeated header on continuation pages keeps one line's height and its second
    line covers the first data row."""
    return wrapped_height(texts, widths) or LINE_HEIGHT + 2


def wrapped_height(texts: Iterable[object], widths: Iterable[float]) -> float | None:
    """The height (points) a row needs for its texts to wrap within their columns, or None
    when every text fits on one line (the row keeps the default height). LibreOffice does
    not grow a row that was written without a height: long text would be clipped."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str) and 2 * len(text) > width - 1:  # else it surely fits
            lines = max(lines, _wrapped_lines(text, width))
    return LINE_HEIGHT * lines + 2 if lines > 1 else None
