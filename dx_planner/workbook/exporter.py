"""Writing the inventory in the import template (an exact round trip)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.fields import PROCESS_FIELDS
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.output_files import replaced_atomically
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_AVAILABLE_HEADER,
    CHANNEL_NAME_HEADER,
    CHANNEL_SHEET,
    PROCESS_SHEET,
    VERSION_HEADER,
    VERSION_WIDTH,
)

# Text starting with these would be taken for a formula by a spreadsheet program.
_FORMULA_PREFIXES = ("=", "+", "-", "@")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _quarter(quarter: Quarter | None) -> str | None:
    return quarter.code if quarter is not None else None


# The process sheet's template columns: every field, then the row's version.
TEMPLATE_HEADERS = (*(field.header for field in PROCESS_FIELDS), VERSION_HEADER)
TEMPLATE_WIDTHS = (*(field.sheet_width for field in PROCESS_FIELDS), VERSION_WIDTH)


def process_cells(process: Process) -> list[Any]:
    """One process as template cell values, in template column order."""
    return [*(field.to_cell(getattr(process, field.name)) for field in PROCESS_FIELDS),
            process.version or None]


def safe_cell(worksheet: WriteOnlyWorksheet, value: Any) -> Any:
    """Text that looks like a formula is written as a text cell, never as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def header_cells(worksheet: WriteOnlyWorksheet, headers: Iterable[str]) -> list[WriteOnlyCell]:
    result = []
    for header in headers:
        cell = WriteOnlyCell(worksheet, value=header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        result.append(cell)
    return result


def write_process_sheet(workbook: Workbook, processes: Sequence[Process], *,
                        title: str = PROCESS_SHEET,
                        extra_headers: Sequence[str] = (),
                        extra_cells: Callable[[Process], list[Any]] | None = None,
                        progress: Callable[[int, int], None] | None = None) -> WriteOnlyWorksheet:
    """The process sheet; later sheets (the plan workbook) append their own columns."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
    for index, width in enumerate(TEMPLATE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = (
        f"A1:{get_column_letter(len(TEMPLATE_HEADERS) + len(extra_headers))}"
        f"{len(processes) + 1}"
    )
    sheet.append(header_cells(sheet, [*TEMPLATE_HEADERS, *extra_headers]))
    for count, process in enumerate(processes, start=1):
        values = process_cells(process)
        if extra_cells is not None:
            values.extend(extra_cells(process))
        sheet.append([safe_cell(sheet, value) for value in values])
        if progress is not None and count % 2000 == 0:
            progress(count, len(processes))
    return sheet


def _all_quarters(mappings: Iterable[dict[Quarter, Any]]) -> list[Quarter]:
    return sorted({quarter for mapping in mappings for quarter in mapping})


def write_capacity_sheet(workbook: Workbook, bureaus: Sequence[Bureau]) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(CAPACITY_SHEET)
    quarters = _all_quarters(bureau.capacity for bureau in bureaus)
    sheet.column_dimensions["A"].width = 18
    sheet.freeze_panes = "B2"
    sheet.append(header_cells(sheet, [CAPACITY_BUREAU_HEADER] + [q.code for q in quarters]))
    for bureau in bureaus:
        sheet.append([safe_cell(sheet, bureau.name)]
                     + [bureau.capacity.get(quarter) for quarter in quarters])


def write_channel_sheet(workbook: Workbook, channels: Sequence[Channel]) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(CHANNEL_SHEET)
    quarters = _all_quarters(channel.limits for channel in channels)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 12
    sheet.freeze_panes = "C2"
    sheet.append(header_cells(
        sheet, [CHANNEL_NAME_HEADER, CHANNEL_AVAILABLE_HEADER] + [q.code for q in quarters]
    ))
    for channel in channels:
        sheet.append([safe_cell(sheet, channel.name), _quarter(channel.available_from)]
                     + [channel.limits.get(quarter) for quarter in quarters])


def export_inventory(inventory: Inventory, path: Path,
                     progress: Callable[[int, int], None] | None = None) -> None:
    """Write all three sheets; importing the file again changes nothing."""
    workbook = Workbook(write_only=True)
    write_process_sheet(workbook, inventory.processes, progress=progress)
    write_capacity_sheet(workbook, inventory.bureaus)
    write_channel_sheet(workbook, inventory.channels)
    # Saved in memory first (a few MB): a full disk then fails in our write below, not
    # half-way through openpyxl's, which leaves its writers to complain at exit.
    buffer = io.BytesIO()
    workbook.save(buffer)
    with replaced_atomically(path) as temporary:
        temporary.write_bytes(buffer.getbuffer())
