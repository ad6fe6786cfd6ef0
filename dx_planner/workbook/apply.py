"""Import and export against a database: all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine

from dx_planner.domain.enums import DEFAULT_CHANNEL
from dx_planner.domain.fields import FIELD_BY_NAME
from dx_planner.domain.inventory import Channel
from dx_planner.output_files import check_writable
from dx_planner.persistence import repository
from dx_planner.persistence.database import write_transaction
from dx_planner.persistence.history import INVENTORY_TABLES, recorded
from dx_planner.persistence.permissions import find_refusals
from dx_planner.persistence.rights import load_rights
from dx_planner.workbook.exporter import export_inventory
from dx_planner.workbook.importer import ParsedWorkbook, parse_workbook
from dx_planner.workbook.problems import ImportFailed, Problem
from dx_planner.workbook.reconcile import reconcile
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_NAME_HEADER,
    CHANNEL_SHEET,
    PROCESS_SHEET,
    VERSION_HEADER,
)


@dataclass(slots=True)
class ImportSummary:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # The capacity and channel sheets (None: not in the file): rows in the file, and what
    # changed — capacity cells written; channels added, and existing ones changed.
    bureaus_with_capacity: int | None = None
    capacity_cells_changed: int | None = None
    channels: int | None = None
    channels_added: int | None = None
    channels_changed: int | None = None
    warnings: list[str] = field(default_factory=list)


def import_workbook(engine: Engine, path: Path, *, replace: bool = False,
                    overwrite: bool = False,
                    progress: Callable[[str], None] | None = None) -> ImportSummary:
    """Validate the whole file first, then write it in one transaction.

    Any problem raises ``ImportFailed`` before anything is written: a bad cell, a row the
    login has no right to change, or a field changed both in the database since the file was
    exported (its 版 is older) and, differently, in the file (``reconcile``; with
    ``overwrite`` the file's value of such a field wins, every other field still merges).
    A database error while writing rolls the transaction back, so the database is left
    exactly as it was.
    """
    with engine.connect() as connection:
        known_channels = set(repository.channel_ids(connection))
        known_ids = repository.process_ids(connection)
    if progress:
        progress("reading")
    parsed = parse_workbook(path, known_channels, known_ids)
    summary = ImportSummary(warnings=parsed.warnings)
    if parsed.processes is None and replace:
        raise ImportFailed([Problem(path.name, None, None, "--replace needs a 手続一覧 sheet")])
    if progress:
        progress("writing")
    # One writer at a time from the first read (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
    # advisory lock), so two imports creating the same bureau queue instead of colliding.
    with write_transaction(engine, one_at_a_time=True) as connection, \
            recorded(connection, INVENTORY_TABLES):
        channels = parsed.channels
        if DEFAULT_CHANNEL not in known_channels | {c.name for c in channels or []}:
            channels = [*(channels or []), Channel(DEFAULT_CHANNEL)]
        merge = None if parsed.processes is None else repository.plan_merge(
            connection, parsed.processes, replace=replace, fields=parsed.process_fields)
        problems: list[Problem] = []
        if merge is not None:
            reconciled = reconcile(connection, parsed, merge, overwrite=overwrite)
            merge, problems = reconciled.merge, reconciled.problems
            summary.warnings += reconciled.warnings
        problems += _refusals(connection, parsed, merge, channels)
        if problems:
            raise ImportFailed(problems)
        if channels is not None:
            written_channels = repository.upsert_channels(connection, channels)
            if parsed.channels is not None:
                summary.channels = len(parsed.channels)
                summary.channels_added = len(written_channels.added)
                summary.channels_changed = len(written_channels.changed)
        if parsed.bureaus is not None:
            summary.capacity_cells_changed = repository.replace_bureau_capacity(
                connection, parsed.bureaus)
            summary.bureaus_with_capacity = len(parsed.bureaus)
        if merge is not None:
            try:
                written = repository.apply_merge(connection, merge)
            except repository.ConflictError as error:  # committed by someone meanwhile
                raise ImportFailed([
                    Problem(PROCESS_SHEET, parsed.row_of(PROCESS_SHEET, pid), VERSION_HEADER,
                            f"{pid} was changed in the database while importing: import again")
                    for pid in error.process_ids]) from None
            summary.added, summary.updated = written.added, written.updated
            summary.deleted, summary.unchanged = written.deleted, written.unchanged
    return summary


def _refusals(connection: Connection, parsed: ParsedWorkbook,
              merge: repository.ProcessMerge | None,
              channels: list[Channel] | None) -> list[Problem]:
    """Every row of the file that changes something the login may not change."""
    rights = load_rights(connection)
    if rights.is_admin:
        return []
    changes: dict[str, tuple[str | None, str | None]] = {}
    if merge is not None:
        changes.update({p.id: (None, p.bureau) for p in merge.added})
        changes.update({old.id: (old.bureau, new.bureau) for old, new in merge.updated})
        changes.update({p.id: (p.bureau, None) for p in merge.deleted})
    found = find_refusals(connection, rights, processes=changes, bureaus=parsed.bureaus,
                          channels=channels)
    process_header = FIELD_BY_NAME["bureau"].header
    return (_in_row_order(
                [Problem(PROCESS_SHEET, parsed.row_of(PROCESS_SHEET, pid), process_header,
                         message if pid in parsed.rows.get(PROCESS_SHEET, {})
                         else f"{pid} (not in the file, deleted by --replace): {message}")
                 for pid, message in found.processes.items()])
            + _in_row_order(
                [Problem(CAPACITY_SHEET, parsed.row_of(CAPACITY_SHEET, bureau),
                         CAPACITY_BUREAU_HEADER,
                         message if bureau in parsed.rows.get(CAPACITY_SHEET, {})
                         else f"{bureau} (not in the file: its capacity would be removed): "
                              f"{message}")
                 for bureau, message in found.capacity.items()])
            + _in_row_order(
                [Problem(CHANNEL_SHEET, parsed.row_of(CHANNEL_SHEET, name), CHANNEL_NAME_HEADER,
                         message) for name, message in found.channels.items()]))


def _in_row_order(problems: list[Problem]) -> list[Problem]:
    """A sheet's problems by row; those of rows not in the file (deleted by --replace) last,
    in the order found."""
    return sorted(problems, key=lambda problem: (problem.row is None, problem.row or 0))


def export_workbook(engine: Engine, path: Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Write the inventory template; returns the number of processes written."""
    check_writable(path)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    export_inventory(inventory, path, progress)
    return len(inventory.processes)
