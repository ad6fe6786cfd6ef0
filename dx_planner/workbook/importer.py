"""Turning raw sheets into domain objects, collecting every problem instead of stopping."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dx_planner.domain.enums import (
    DEFAULT_CHANNEL,
    Authority,
    NationalStatus,
    ProcedureType,
    Status,
)
from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.workbook import cells
from dx_planner.workbook.problems import ImportFailed, ProblemList
from dx_planner.workbook.reader import RawSheet, read_raw_sheets
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_ALIAS,
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_AVAILABLE_ALIAS,
    CHANNEL_AVAILABLE_HEADER,
    CHANNEL_NAME_ALIAS,
    CHANNEL_NAME_HEADER,
    CHANNEL_SHEET,
    PROCESS_COLUMNS,
    PROCESS_SHEET,
    normalize_header,
)

T = TypeVar("T")


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


def parse_workbook(path: Path, known_channels: Iterable[str] = ()) -> ParsedWorkbook:
    """Read and validate a whole file; raise ``ImportFailed`` listing every problem."""
    sheets = read_raw_sheets(path)
    problems = ProblemList()
    parsed = ParsedWorkbook()
    if CHANNEL_SHEET in sheets:
        parsed.channels = _parse_channels(sheets[CHANNEL_SHEET], problems)
    if CAPACITY_SHEET in sheets:
        parsed.bureaus = _parse_capacity(sheets[CAPACITY_SHEET], problems)
    if PROCESS_SHEET in sheets:
        channel_names = {DEFAULT_CHANNEL, *known_channels,
                         *(c.name for c in parsed.channels or [])}
        parsed.processes, parsed.process_fields = _parse_processes(
            sheets[PROCESS_SHEET], channel_names, problems)
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
    wanted = {normalize_header(first_header), first_alias}
    for index, (_, row) in enumerate(sheet.rows[:20]):
        headers = [normalize_header(cell) for cell in row]
        if wanted & set(headers):
            mapping: dict[str, int] = {}
            for column, header in enumerate(headers):
                if header in mapping:
                    problems.error(sheet.name, sheet.rows[index][0], _column_letter(column),
                                   f"column '{header}' appears twice")
                elif header:
                    mapping[header] = column
            return index, mapping
    problems.error(sheet.name, 1, first_header,
                   f"missing required column {first_header} (header row not found)")
    return None


def _warn_headerless(sheet: RawSheet, header_index: int, mapping: dict[str, int],
                     problems: ProblemList) -> None:
    """Values in a column without a header cannot be read: say so instead of dropping them."""
    named = set(mapping.values())
    warned: set[int] = set()
    for row_number, row in sheet.rows[header_index + 1:]:
        for index, cell in enumerate(row):
            if index not in named and index not in warned and not cells.is_blank(cell):
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
    return all(cells.is_blank(cell) for cell in row)


# -- the process sheet --------------------------------------------------------------
def _parse_processes(sheet: RawSheet, channel_names: set[str],
                     problems: ProblemList) -> tuple[list[Process], frozenset[str]]:
    found = _find_header(sheet, PROCESS_COLUMNS[0].header, PROCESS_COLUMNS[0].alias, problems)
    if found is None:
        return [], frozenset()
    header_index, mapping = found
    _warn_headerless(sheet, header_index, mapping, problems)
    positions: dict[str, int] = {}
    known: set[str] = set()
    for column in PROCESS_COLUMNS:
        keys = (normalize_header(column.header), column.alias)
        known.update(keys)
        present = [mapping[key] for key in keys if key in mapping]
        if len(present) > 1:  # e.g. both 備考 and notes: which one is meant?
            problems.error(sheet.name, sheet.rows[header_index][0], column.header,
                           f"column {column.header} appears twice (as {column.header} and "
                           f"{column.alias})")
        index = present[0] if present else None
        if index is not None:
            positions[column.alias] = index
        elif column.required:
            problems.error(sheet.name, sheet.rows[header_index][0], column.header,
                           f"missing required column {column.header} ({column.alias})")
    for header, index in mapping.items():
        if header not in known:
            problems.warn(sheet.name, sheet.rows[header_index][0], _column_letter(index),
                          f"unknown column '{header}' ignored")
    if any(column.required and column.alias not in positions for column in PROCESS_COLUMNS):
        return [], frozenset()

    header_of = {column.alias: column.header for column in PROCESS_COLUMNS}
    seen: dict[str, int] = {}
    result: list[Process] = []
    id_column = positions["id"]
    for row_number, row in sheet.rows[header_index + 1:]:
        if _is_blank_row(row):
            continue
        # Duplicates are found on the raw ID, so a first occurrence with other errors counts.
        pid = str(row[id_column]).strip() if id_column < len(row) and row[id_column] else ""
        if pid and pid in seen:
            problems.error(sheet.name, row_number, header_of["id"],
                           f"duplicate 手続ID '{pid}' (also on row {seen[pid]})")
            continue
        if pid:
            seen[pid] = row_number
        process = _parse_process_row(sheet.name, row_number, row, positions, header_of,
                                     channel_names, problems)
        if process is not None:
            result.append(process)
    return result, frozenset(positions)


class _RowReader:
    """Reads one row's cells by field name, recording problems with their location."""

    def __init__(self, sheet: str, row_number: int, row: tuple[Any, ...],
                 positions: dict[str, int], header_of: dict[str, str],
                 problems: ProblemList) -> None:
        self.sheet, self.row_number, self.row = sheet, row_number, row
        self.positions, self.header_of, self.problems = positions, header_of, problems
        self.failed = False

    def raw(self, name: str) -> Any:
        index = self.positions.get(name)
        if index is None or index >= len(self.row):
            return None
        return self.row[index]

    def error(self, name: str, message: str) -> None:
        self.failed = True
        self.problems.error(self.sheet, self.row_number, self.header_of[name], message)

    def get(self, name: str, parse: Callable[[Any], T], default: T) -> T:
        value = self.raw(name)
        if cells.is_blank(value):
            return default
        try:
            return parse(value)
        except ValueError as error:
            self.error(name, str(error))
            return default

    def required_text(self, name: str) -> str:
        value = self.get(name, cells.text, "")
        if not value and cells.is_blank(self.raw(name)):
            self.error(name, "required value is missing")
        return value


def _parse_process_row(sheet: str, row_number: int, row: tuple[Any, ...],
                       positions: dict[str, int], header_of: dict[str, str],
                       channel_names: set[str], problems: ProblemList) -> Process | None:
    r = _RowReader(sheet, row_number, row, positions, header_of, problems)
    pid = r.required_text("id")
    name = r.required_text("name")
    bureau = r.required_text("bureau")
    type_ = r.get("type", ProcedureType.parse, ProcedureType.OTHER)
    authority = r.get("authority", Authority.parse, Authority.TOKYO)
    national_status: NationalStatus | None = r.get("national_status", NationalStatus.parse, None)
    national_ready: Quarter | None = r.get("national_ready", cells.quarter, None)
    volume = r.get("annual_volume", cells.non_negative_int, 0)
    effort = r.get("effort", cells.positive_number, 1.0)
    status = r.get("status", Status.parse, Status.NOT_STARTED)
    digitized: Quarter | None = r.get("digitized_quarter", cells.quarter, None)
    channel = r.get("channel", cells.text, "") or DEFAULT_CHANNEL
    priority = r.get("priority", cells.flag, False)
    major = r.get("major", cells.flag, False)
    locked: Quarter | None = r.get("locked_quarter", cells.quarter, None)
    notes = r.get("notes", cells.text, "")

    # Rules that join fields (planning-model.md §1).
    if authority is Authority.TOKYO and national_status is not None:
        r.error("national_status", "must be blank when 権限 is 都")
    if authority is Authority.NATIONAL and national_status is None:
        national_status = NationalStatus.NOT_CONSIDERED
    # (A cell that failed to parse has its own message already.)
    if national_status is NationalStatus.DATE_GIVEN and cells.is_blank(r.raw("national_ready")):
        r.error("national_ready", "required when 国の対応状況 is 時期提示")
    if status is Status.DIGITIZED and cells.is_blank(r.raw("digitized_quarter")):
        r.error("digitized_quarter", "required when 状況 is デジタル化済")
    if status is not Status.DIGITIZED and digitized is not None:
        r.error("digitized_quarter", f"given but 状況 is {status.ja}, not デジタル化済")
    if channel not in channel_names:
        r.error("channel", f"unknown 申請基盤 '{channel}' (not in sheet 申請基盤 or the database)")
    if r.failed:
        return None
    return Process(pid, name, bureau, type_, authority, national_status, national_ready, volume,
                   effort, status, digitized, channel, priority, major, locked, notes)


# -- the quarter-grid sheets --------------------------------------------------------
def _quarter_columns(sheet: RawSheet, header_row: int, mapping: dict[str, int],
                     fixed: set[str], problems: ProblemList) -> dict[int, Quarter]:
    columns: dict[int, Quarter] = {}
    for header, index in mapping.items():
        if header in fixed:
            continue
        try:
            columns[index] = Quarter.parse(sheet.rows[header_row][1][index])
        except ValueError as error:
            # A header with a digit was meant as a quarter (a typo is an error); one without
            # (e.g. 備考) is an unknown column, ignored with a warning.
            where = (sheet.name, sheet.rows[header_row][0], _column_letter(index))
            if any(character.isdigit() for character in header):
                problems.error(*where, f"header is not a quarter code: {error}")
            else:
                problems.warn(*where, f"unknown column '{header}' ignored")
    return columns


def _parse_capacity(sheet: RawSheet, problems: ProblemList) -> list[Bureau]:
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
        name = cells.text(row[name_column]) if name_column < len(row) else ""
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
            if cells.is_blank(value):
                continue
            try:
                bureau.capacity[quarter] = cells.non_negative_number(value)
            except ValueError as error:
                problems.error(sheet.name, row_number, quarter.code, str(error))
        result[name] = bureau
    return list(result.values())


def _parse_channels(sheet: RawSheet, problems: ProblemList) -> list[Channel]:
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
        name = cells.text(row[name_column]) if name_column < len(row) else ""
        if not name:
            problems.error(sheet.name, row_number, CHANNEL_NAME_HEADER, "required value is missing")
            continue
        if name in result:
            problems.error(sheet.name, row_number, CHANNEL_NAME_HEADER,
                           f"channel '{name}' appears twice")
            continue
        channel = Channel(name)
        if available_column is not None and available_column < len(row) \
                and not cells.is_blank(row[available_column]):
            try:
                channel.available_from = cells.quarter(row[available_column])
            except ValueError as error:
                problems.error(sheet.name, row_number, CHANNEL_AVAILABLE_HEADER, str(error))
        for index, quarter in quarters.items():
            value = row[index] if index < len(row) else None
            if cells.is_blank(value):
                continue
            try:
                channel.limits[quarter] = cells.non_negative_int(value)
            except ValueError as error:
                problems.error(sheet.name, row_number, quarter.code, str(error))
        result[name] = channel
    return list(result.values())
