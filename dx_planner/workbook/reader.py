"""Reading raw rows from an ``.xlsx`` workbook or a ``.csv`` file of the process sheet."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dx_planner.workbook.problems import ImportFailed, Problem
from dx_planner.workbook.template import PROCESS_SHEET, canonical_sheet

MAX_FILE_BYTES = 100 * 1024 * 1024


@dataclass(slots=True)
class RawSheet:
    """One sheet as the file has it: its own name and its rows, numbered from 1."""

    name: str
    rows: list[tuple[int, tuple[Any, ...]]]


def _fail(path: Path, message: str) -> ImportFailed:
    return ImportFailed([Problem(path.name, None, None, message)])


def read_raw_sheets(path: Path) -> dict[str, RawSheet]:
    """The sheets we know (keyed by canonical name), after checking the file is usable."""
    if not path.exists():
        raise _fail(path, "file not found")
    if path.is_dir():
        raise _fail(path, "is a folder, not a file")
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, "the file is empty")
    if size > MAX_FILE_BYTES:
        raise _fail(path, f"the file is {size / 2**20:.0f} MB; at most 100 MB is accepted")
    if path.suffix.lower() == ".csv":
        return {PROCESS_SHEET: RawSheet(PROCESS_SHEET, list(_csv_rows(path)))}
    if not zipfile.is_zipfile(path):
        raise _fail(path, "not an Excel workbook (.xlsx) or CSV file")
    return _xlsx_sheets(path)


def _xlsx_sheets(path: Path) -> dict[str, RawSheet]:
    from openpyxl import load_workbook  # imported here: openpyxl is slow to import

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise _fail(path, f"cannot read the workbook: {error}") from None
    try:
        sheets: dict[str, RawSheet] = {}
        for worksheet in workbook.worksheets:
            canonical = canonical_sheet(worksheet.title)
            if canonical is None:
                continue
            if canonical in sheets:
                raise ImportFailed([Problem(
                    worksheet.title, None, None,
                    f"sheet {canonical} appears twice ('{sheets[canonical].name}' and "
                    f"'{worksheet.title}'); keep one")])
            rows = [
                (number, row)
                for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1)
            ]
            sheets[canonical] = RawSheet(worksheet.title, rows)
        return sheets
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, tuple[Any, ...]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):  # Excel writes Japanese CSV as Shift_JIS
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _fail(path, "cannot decode the CSV file (expected UTF-8 or Shift_JIS)")
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        yield number, tuple(cell if cell != "" else None for cell in row)
