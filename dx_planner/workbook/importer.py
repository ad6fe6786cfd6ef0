"""Turning raw sheets into domain objects, collecting every problem instead of stopping."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dx_planner.domain import validation
from dx_planner.domain.enums import DEFAULT_CHANNEL
from dx_planner.domain.fields import FIELD_BY_NAME, PROCESS_FIELDS
from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.validation import InvalidValue, is_blank
from dx_planner.workbook.problems import ImportFailed, ProblemList
from dx_planner.workbook.reader import RawSheet, header_row_index, read_raw_sheets
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_ALIAS,
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_AVAILABLE_ALIAS,
    CHANNEL_AVAILABLE_HEADER,
    CHANNEL_NAME_ALIAS,
    CHANNEL_NAME_HEADER,
    CHANNEL_SHEET,
    PLAN_HEADERS,
    PROCESS_SHEET,
    VERSION_ALIAS,
    VERSION_HEADER,
    normalize_header,
)


@dataclass(slots=True)
class ParsedWorkbook:
    """What a workbook holds; ``None`` for a sheet that is absent (that part stays as it is)."""

    processes: list[Process] | None = None
    # The process fields the sheet has columns for; the others of an existing process are
    # left as they are in the database (a status-only file must not reset volumes).
    process_fields: frozenset[str] = frozenset()
    bureaus: list[Bureau] | None = None
    channels: list[Channel] | None = None
    warnings: list[str] = field(default_factory=list)
    # Where each row came from, to name it in a later refusal: sheet -> key -> row number
    # (keys: 手続ID, bureau name, channel name).
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    # The 版 of each process row that has one; None when the sheet has no 版 column.
    versions: dict[str, int] | None = None

    def row_of(self, sheet: str, key: str) -> int | None:
        return self.rows.get(sheet, {}).get(key)


def parse_workbook(path: Path, known_channels: Iterable[str] = (),
                   known_ids: Iterable[str] = ()) -> ParsedWorkbook:
    """Read and validate a whole file; raise ``ImportFailed`` listing every problem.

    ``known_ids``: the IDs stored already; an ID that differs from one of them only in
    case, width, dashes or invisible characters is refused (it would be added as a second
    process beside it, and with --replace the original deleted)."""
    sheets = read_raw_sheets(path)
    problems = ProblemList()
    parsed = ParsedWorkbook()
    if CHANNEL_SHEET in sheets:
        parsed.channels = _parse_channels(sheets[CHANNEL_SHEET], problems,
                                          parsed.rows.setdefault(CHANNEL_SHEET, {}))
    if CAPACITY_SHEET in sheets:
        parsed.bureaus = _parse_capacity(sheets[CAPACITY_SHEET], problems,
                                         parsed.rows.setdefault(CAPACITY_SHEET, {}))
    if PROCESS_SHEET in sheets:
        channel_names = {DEFAULT_CHANNEL, *known_channels,
                         *(c.name for c in parsed.channels or [])}
        parsed.processes, parsed.process_fields = _parse_processes(
            sheets[PROCESS_SHEET], channel_names, known_ids, problems, parsed)
    if not sheets:
        problems.error(path.name, None, None,
                       f"no sheet named {PROCESS_SHEET}, {CAPACITY_SHEET} or {CHANNEL_SHEET}")
    if problems.errors:
        raise ImportFailed(problems.errors)
    parsed.warnings = [str(w) for w in problems.warnings]
    return parsed


# -- headers ------------------------------------------------------------------------
def _find_header(sheet: RawSheet, first_header: str, first_alias: str,
                 problems: ProblemList) -> tuple[int, dict[str, int]] | None:
    """Locate the header row (the first row whose cells include the first column's header;
    a title row above it is allowed) and map normalised header -> column index."""
    index = header_row_index(sheet.rows, (first_header, first_alias))
    if index is None:
        problems.error(sheet.name, 1, first_header,
                       f"missing required column {first_header} (header row not found)")
        return None
    mapping: dict[str, int] = {}
    for column, header in enumerate(normalize_header(cell) for cell in sheet.rows[index][1]):
        if header in mapping:
            problems.error(sheet.name, sheet.rows[index][0], _column_letter(column),
                           f"column '{header}' appears twice")
        elif header:
            mapping[header] = column
    return index, mapping


def _warn_headerless(sheet: RawSheet, header_index: int, mapping: dict[str, int],
                     problems: ProblemList) -> None:
    """Values in a column without a header cannot be read: say so instead of dropping them."""
    named = set(mapping.values())
    warned: set[int] = set()
    for row_number, row in sheet.rows[header_index + 1:]:
        for index, cell in enumerate(row):
            if index not in named and index not in warned and not is_blank(cell):
                warned.add(index)
                problems.warn(sheet.name, row_number, _column_letter(index),
                              "column without a header: its values are ignored")


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _is_blank_row(row: tuple[Any, ...]) -> bool:
    return all(is_blank(cell) for cell in row)


# -- the process sheet --------------------------------------------------------------
def _parse_processes(sheet: RawSheet, channel_names: set[str], known_ids: Iterable[str],
                     problems: ProblemList, parsed: ParsedWorkbook
                     ) -> tuple[list[Process], frozenset[str]]:
    first = PROCESS_FIELDS[0]
    found = _find_header(sheet, first.header, first.alias, problems)
    if found is None:
        return [], frozenset()
    header_index, mapping = found
    _warn_headerless(sheet, header_index, mapping, problems)
    positions: dict[str, int] = {}
    known: set[str] = set()
    for column in PROCESS_FIELDS:
        keys = (normalize_header(column.header), column.alias)
        known.update(keys)
        present = [mapping[key] for key in keys if key in mapping]
        if len(present) > 1:  # e.g. both 備考 and notes: which one is meant?
            problems.error(sheet.name, sheet.rows[header_index][0], column.header,
                           f"column {column.header} appears twice (as {column.header} and "
                           f"{column.alias})")
        index = present[0] if present else None
        if index is not None:
            positions[column.name] = index
        elif column.required:
            problems.error(sheet.name, sheet.rows[header_index][0], column.header,
                           f"missing required column {column.header} ({column.alias})")
    version_keys = (normalize_header(VERSION_HEADER), VERSION_ALIAS)
    known.update(version_keys)
    version_columns = [mapping[key] for key in version_keys if key in mapping]
    if len(version_columns) > 1:
        problems.error(sheet.name, sheet.rows[header_index][0], VERSION_HEADER,
                       f"column {VERSION_HEADER} appears twice (as {VERSION_HEADER} and "
                       f"{VERSION_ALIAS})")
    known.update(normalize_header(header) for header in PLAN_HEADERS)  # a plan workbook's
    for header, index in mapping.items():
        if header not in known:
            problems.warn(sheet.name, sheet.rows[header_index][0], _column_letter(index),
                          f"unknown column '{header}' ignored")
    if any(column.required and column.name not in positions for column in PROCESS_FIELDS):
        return [], frozenset()
    if version_columns:
        parsed.versions = {}
    rows = parsed.rows.setdefault(sheet.name, {})

    stored = {validation.id_key(pid): pid for pid in known_ids}
    seen: dict[str, tuple[str, int]] = {}  # id_key -> (ID, row)
    result: list[Process] = []
    id_column = positions["id"]
    for row_number, row in sheet.rows[header_index + 1:]:
        if _is_blank_row(row):
            continue
        # Duplicates are found before the rest of the row is read, so a first occurrence
        # with other errors counts.
        pid = _row_id(row, id_column)
        if pid and _id_clashes(sheet.name, row_number, pid, seen, stored, problems):
            continue
        if pid:
            seen[validation.id_key(pid)] = (pid, row_number)
        process = _parse_process_row(sheet.name, row_number, row, positions, channel_names,
                                     problems)
        version = _parse_version(sheet.name, row_number, row, version_columns, problems)
        if process is not None:
            result.append(process)
            rows[process.id] = row_number
            if version is not None and parsed.versions is not None:
                parsed.versions[process.id] = version
    return result, frozenset(positions)


def _parse_version(sheet: str, row_number: int, row: tuple[Any, ...], columns: list[int],
                   problems: ProblemList) -> int | None:
    """The row's 版: the version it was exported at (blank: a new row or no version)."""
    value = row[columns[0]] if columns and columns[0] < len(row) else None
    if is_blank(value):
        return None
    try:
        version = validation.parse_count(value)
    except InvalidValue:
        version = 0
    if version < 1:
        problems.error(sheet, row_number, VERSION_HEADER,
                       f"not a version: {value!r} (a whole number from 1, as exported; "
                       "blank for a new row)")
        return None
    return version


def _row_id(row: tuple[Any, ...], id_column: int) -> str:
    raw = row[id_column] if id_column < len(row) else None
    try:
        return str(validation.parse_name(raw)) if raw is not None else ""
    except validation.InvalidValue:
        return str(raw).strip()  # the row's own reading reports it


def _id_clashes(sheet: str, row_number: int, pid: str, seen: dict[str, tuple[str, int]],
                stored: dict[str, str], problems: ProblemList) -> bool:
    """Report an ID given twice in the file, or one that differs from another only in case,
    width, dashes or invisible characters (in the file or in the database, see
    ``validation.id_key``); True if reported."""
    header = FIELD_BY_NAME["id"].header
    key = validation.id_key(pid)
    if key in seen:
        other, other_row = seen[key]
        problems.error(sheet, row_number, header,
                       f"duplicate 手続ID '{pid}' (also on row {other_row})" if other == pid
                       else f"'{pid}' differs from '{other}' (row {other_row}) only in case, "
                            "width, dashes or invisible characters: use one ID")
        return True
    if key in stored and stored[key] != pid:
        problems.error(sheet, row_number, header,
                       f"'{pid}' differs from the stored 手続ID '{stored[key]}' only in case, "
                       f"width, dashes or invisible characters: use '{stored[key]}'")
        return True
    return False


def _parse_process_row(sheet: str, row_number: int, row: tuple[Any, ...],
                       positions: dict[str, int], channel_names: set[str],
                       problems: ProblemList) -> Process | None:
    """One row as a process, each cell read by its field; None when the row has errors."""
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for column in PROCESS_FIELDS:
        index = positions.get(column.name)
        raw = row[index] if index is not None and index < len(row) else None
        try:
            values[column.name] = column.parse(raw)
        except InvalidValue as error:
            failed.add(column.name)
            problems.error(sheet, row_number, column.header, str(error))
            values[column.name] = column.default
    process = validation.completed(Process(**values))
    # Rules that join fields, except at a cell that already has its own message.
    violations = [v for v in validation.row_violations(process, channel_names)
                  if v.field not in failed]
    for violation in violations:
        problems.error(sheet, row_number, FIELD_BY_NAME[violation.field].header,
                       violation.message)
    if failed or violations:
        return None
    return process


# -- the quarter-grid sheets --------------------------------------------------------
def _quarter_columns(sheet: RawSheet, header_row: int, mapping: dict[str, int],
                     fixed: set[str], problems: ProblemList) -> dict[int, Quarter]:
    columns: dict[int, Quarter] = {}
    for header, index in mapping.items():
        if header in fixed:
            continue
        try:
            columns[index] = validation.parse_quarter(sheet.rows[header_row][1][index])
        except ValueError as error:
            # A header with a digit was meant as a quarter (a typo is an error); one without
            # (e.g. 備考) is an unknown column, ignored with a warning.
            where = (sheet.name, sheet.rows[header_row][0], _column_letter(index))
            if any(character.isdigit() for character in header):
                problems.error(*where, f"header is not a quarter code: {error}")
            else:
                problems.warn(*where, f"unknown column '{header}' ignored")
    return columns


def _parse_capacity(sheet: RawSheet, problems: ProblemList,
                    rows: dict[str, int]) -> list[Bureau]:
    found = _find_header(sheet, CAPACITY_BUREAU_HEADER, CAPACITY_BUREAU_ALIAS, problems)
    if found is None:
        return []
    header_index, mapping = found
    _warn_headerless(sheet, header_index, mapping, problems)
    fixed = {normalize_header(CAPACITY_BUREAU_HEADER), CAPACITY_BUREAU_ALIAS}
    name_column = next(mapping[key] for key in fixed if key in mapping)
    quarters = _quarter_columns(sheet, header_index, mapping, fixed, problems)
    result: dict[str, Bureau] = {}
    for row_number, row in sheet.rows[header_index + 1:]:
        if _is_blank_row(row):
            continue
        name = validation.parse_text(row[name_column]) if name_column < len(row) else ""
        if not name:
            problems.error(sheet.name, row_number, CAPACITY_BUREAU_HEADER,
                           "required value is missing")
            continue
        if name in result:
            problems.error(sheet.name, row_number, CAPACITY_BUREAU_HEADER,
                           f"bureau '{name}' appears twice")
            continue
        bureau = Bureau(name)
        for index, quarter in quarters.items():
            value = row[index] if index < len(row) else None
            if is_blank(value):
                continue
            try:
                bureau.capacity[quarter] = validation.parse_non_negative(value)
            except InvalidValue as error:
                problems.error(sheet.name, row_number, quarter.code, str(error))
        result[name] = bureau
        rows[name] = row_number
    return list(result.values())


def _parse_channels(sheet: RawSheet, problems: ProblemList,
                    rows: dict[str, int]) -> list[Channel]:
    found = _find_header(sheet, CHANNEL_NAME_HEADER, CHANNEL_NAME_ALIAS, problems)
    if found is None:
        return []
    header_index, mapping = found
    _warn_headerless(sheet, header_index, mapping, problems)
    name_keys = {normalize_header(CHANNEL_NAME_HEADER), CHANNEL_NAME_ALIAS}
    available_keys = {normalize_header(CHANNEL_AVAILABLE_HEADER), CHANNEL_AVAILABLE_ALIAS}
    name_column = next(mapping[key] for key in name_keys if key in mapping)
    available_column = next((mapping[key] for key in available_keys if key in mapping), None)
    quarters = _quarter_columns(sheet, header_index, mapping, name_keys | available_keys,
                                problems)
    result: dict[str, Channel] = {}
    for row_number, row in sheet.rows[header_index + 1:]:
        if _is_blank_row(row):
            continue
        name = validation.parse_text(row[name_column]) if name_column < len(row) else ""
        if not name:
            problems.error(sheet.name, row_number, CHANNEL_NAME_HEADER, "required value is missing")
            continue
        if name in result:
            problems.error(sheet.name, row_number, CHANNEL_NAME_HEADER,
                           f"channel '{name}' appears twice")
            continue
        channel = Channel(name)
        if available_column is not None and available_column < len(row) \
                and not is_blank(row[available_column]):
            try:
                channel.available_from = validation.parse_quarter(row[available_column])
            except InvalidValue as error:
                problems.error(sheet.name, row_number, CHANNEL_AVAILABLE_HEADER, str(error))
        for index, quarter in quarters.items():
            value = row[index] if index < len(row) else None
            if is_blank(value):
                continue
            try:
                channel.limits[quarter] = validation.parse_count(value)
            except InvalidValue as error:
                problems.error(sheet.name, row_number, quarter.code, str(error))
        result[name] = channel
        rows[name] = row_number
    return list(result.values())
