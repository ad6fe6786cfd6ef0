"""Reading raw rows from an ``.xlsx`` workbook or a ``.csv`` file of the process sheet.

Nothing is parsed before its size is known to be bounded (``limits``): a workbook is first
scanned as a stream (``xlsx_scan``), and openpyxl then reads only the rectangle that holds
values. A formula without a saved value is refused rather than read as a blank.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dx_planner.domain.fields import FIELD_BY_NAME
from dx_planner.workbook.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
)
from dx_planner.workbook.problems import ImportFailed, Problem
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_ALIAS,
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_NAME_ALIAS,
    CHANNEL_NAME_HEADER,
    CHANNEL_SHEET,
    PROCESS_SHEET,
    SHEET_ALIASES,
    canonical_sheet,
    normalize_header,
)
from dx_planner.workbook.xlsx_scan import ScanError, SheetScan, column_letter, scan_workbook

# The rows searched for a header row (a title row above it is allowed).
HEADER_SEARCH_ROWS = 20
_ID_FIELD = FIELD_BY_NAME["id"]  # 手続ID
# Each sheet's first column, (header, alias): the row that holds it is the header row.
FIRST_COLUMNS = {
    PROCESS_SHEET: (_ID_FIELD.header, _ID_FIELD.alias),
    CAPACITY_SHEET: (CAPACITY_BUREAU_HEADER, CAPACITY_BUREAU_ALIAS),
    CHANNEL_SHEET: (CHANNEL_NAME_HEADER, CHANNEL_NAME_ALIAS),
}


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
        raise _fail(path, f"the file is {size / 2**20:.0f} MB; at most "
                          f"{MAX_FILE_BYTES // 2**20} MB is accepted")
    if path.suffix.lower() == ".csv":
        return {PROCESS_SHEET: RawSheet(PROCESS_SHEET, _csv_rows(path))}
    if not zipfile.is_zipfile(path):
        raise _fail(path, "not an Excel workbook (.xlsx) or CSV file")
    return _xlsx_sheets(path)


# -- .xlsx --------------------------------------------------------------------------
def _xlsx_sheets(path: Path) -> dict[str, RawSheet]:
    try:
        with zipfile.ZipFile(path) as archive:
            scan = scan_workbook(archive)
    except ScanError as error:
        raise ImportFailed([Problem(error.sheet or path.name, error.row, error.column,
                                    error.message)]) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise _fail(path, f"cannot read the workbook: {error}") from None
    known = _known_sheets(scan.sheets)
    return _read_values(path, known, [s for s in scan.sheets if s not in known.values()])


def _known_sheets(sheets: list[SheetScan]) -> dict[str, SheetScan]:
    """Our sheets by canonical name, refusing duplicates and oversized sheets."""
    known: dict[str, SheetScan] = {}
    problems: list[Problem] = []
    for sheet in sheets:
        canonical = canonical_sheet(sheet.title)
        if canonical is None:
            continue
        if canonical in known:
            raise ImportFailed([Problem(
                sheet.title, None, None,
                f"sheet {canonical} appears twice ('{known[canonical].title}' and "
                f"'{sheet.title}'); keep one")])
        known[canonical] = sheet
        problems.extend(_size_problems(sheet))
    if problems:
        raise ImportFailed(problems)
    return known


def _formula_problems(canonical: str, scan: SheetScan, sheet: RawSheet) -> list[Problem]:
    """Formulas without a saved value are refused: they would import as blanks (a volume of
    0, a deleted capacity). Each is named by its column's header, as every other cell is,
    with the letter beside it to find the cell."""
    found = header_row_index(sheet.rows, FIRST_COLUMNS[canonical])
    header_number, headers = (0, ()) if found is None else sheet.rows[found]
    problems = []
    for formula in scan.formulas_without_value:
        letter = column_letter(formula.column)
        header = (str(headers[formula.column - 1]).strip()
                  if formula.row > header_number and formula.column <= len(headers)
                  and headers[formula.column - 1] is not None else "")
        problems.append(Problem(
            sheet.name, formula.row, f"{header} ({letter})" if header else letter,
            f"formula '={formula.text}' has no saved value (the program that wrote the file "
            "did not calculate it): open the file in Excel or LibreOffice and save it, or "
            "type the value"))
    return problems


def header_row_index(rows: list[tuple[int, tuple[Any, ...]]], first_column: tuple[str, str]
                     ) -> int | None:
    """Where the header row is in ``rows``: the first of the top rows that holds the sheet's
    first header or its alias (a title row above it is allowed)."""
    wanted = {normalize_header(first_column[0]), first_column[1]}
    for index, (_, row) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(normalize_header(cell) in wanted for cell in row):
            return index
    return None


def _size_problems(sheet: SheetScan) -> list[Problem]:
    rows, columns = sheet.last_row, sheet.last_column
    if rows > MAX_ROWS:
        return [Problem(sheet.title, rows, None,
                        f"the sheet has values down to row {rows:,}; at most {MAX_ROWS:,} "
                        "rows are accepted")]
    if columns > MAX_COLUMNS:
        letter = column_letter(columns)
        return [Problem(sheet.title, None, letter,
                        f"the sheet has values out to column {letter} ({columns:,}); at most "
                        f"{MAX_COLUMNS:,} columns are accepted")]
    if rows * columns > MAX_CELLS:
        return [Problem(sheet.title, None, None,
                        f"the sheet's values span {rows:,} rows × {columns:,} columns; at "
                        f"most {MAX_CELLS:,} cells are accepted")]
    return []


def _read_values(path: Path, known: dict[str, SheetScan],
                 others: list[SheetScan]) -> dict[str, RawSheet]:
    from openpyxl import load_workbook  # imported here: openpyxl is slow to import

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise _fail(path, f"cannot read the workbook: {error}") from None
    try:
        if PROCESS_SHEET not in known:
            _refuse_renamed_process_sheet(workbook, others)
        sheets: dict[str, RawSheet] = {}
        problems: list[Problem] = []
        for canonical, scan in known.items():
            rows: list[tuple[int, tuple[Any, ...]]] = []
            if scan.last_row:  # openpyxl reads to the sheet's stated end when given 0
                values = workbook[scan.title].iter_rows(
                    max_row=scan.last_row, max_col=scan.last_column, values_only=True)
                rows = list(enumerate(values, start=1))
            sheets[canonical] = RawSheet(scan.title, rows)
            problems += _formula_problems(canonical, scan, sheets[canonical])
        if problems:
            raise ImportFailed(problems)
        return sheets
    except ImportFailed:
        raise
    except Exception as error:
        raise _fail(path, f"cannot read the workbook: {error}") from None
    finally:
        workbook.close()


_ID_HEADERS = {normalize_header(_ID_FIELD.header), _ID_FIELD.alias}


def _refuse_renamed_process_sheet(workbook: Any, others: list[SheetScan]) -> None:
    """A sheet with a 手続ID header that is not named 手続一覧 is almost surely the process
    sheet renamed (e.g. '手続一覧 (2)' after a copy): importing the other sheets and reporting
    '0 added' would hide that the processes were not read at all."""
    for scan in others:
        if not scan.last_row:
            continue
        head = workbook[scan.title].iter_rows(
            max_row=min(scan.last_row, HEADER_SEARCH_ROWS),
            max_col=min(scan.last_column, MAX_COLUMNS), values_only=True)
        if any(normalize_header(cell) in _ID_HEADERS for row in head for cell in row):
            raise ImportFailed([Problem(
                scan.title, None, None,
                f"this sheet has a {_ID_FIELD.header} column but is not named "
                f"{PROCESS_SHEET} (or {SHEET_ALIASES[PROCESS_SHEET]}): rename it to import "
                "its processes, or delete it")])


# -- .csv ---------------------------------------------------------------------------
def _csv_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    # Excel writes Japanese CSV as Shift_JIS; UTF-8 is tried first (a BOM is skipped).
    for encoding in ("utf-8-sig", "cp932"):
        try:
            with path.open(encoding=encoding, newline="") as text:
                return list(_csv_records(text))
        except UnicodeDecodeError:
            continue
    raise _fail(path, "cannot decode the CSV file (expected UTF-8 or Shift_JIS)")


def _csv_records(text: IO[str]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Records as rows, streamed: a row or a field past the limits stops the reading."""
    records = csv.reader(text)
    number = 0
    widest = 0
    while True:
        number += 1
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as error:
            message = str(error)
            if "field larger than field limit" in message:
                message = (f"a field holds more than {MAX_CELL_CHARS:,} characters (a cell "
                           f"holds at most {MAX_CELL_CHARS:,})")
            raise ImportFailed([Problem(PROCESS_SHEET, number, None, message)]) from None
        if number > MAX_ROWS:
            raise ImportFailed([Problem(PROCESS_SHEET, number, None,
                                        f"the file has more than {MAX_ROWS:,} rows; at most "
                                        f"{MAX_ROWS:,} rows are accepted")])
        widest = max(widest, len(record))
        if widest > MAX_COLUMNS or widest * number > MAX_CELLS:
            raise ImportFailed([Problem(PROCESS_SHEET, number, None,
                                        f"the file has {widest:,} fields in a row and "
                                        f"{number:,} rows; at most {MAX_COLUMNS:,} fields "
                                        f"and {MAX_CELLS:,} cells are accepted")])
        yield number, tuple(cell if cell != "" else None for cell in record)
