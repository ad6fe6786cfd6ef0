"""Import and export against a database: all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from dx_planner.domain.enums import DEFAULT_CHANNEL
from dx_planner.domain.inventory import Channel
from dx_planner.output_files import check_writable
from dx_planner.persistence import repository
from dx_planner.persistence.history import INVENTORY_TABLES, recorded
from dx_planner.workbook.exporter import export_inventory
from dx_planner.workbook.importer import parse_workbook
from dx_planner.workbook.problems import ImportFailed, Problem


@dataclass(slots=True)
class ImportSummary:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    bureaus_with_capacity: int | None = None
    channels: int | None = None
    warnings: list[str] = field(default_factory=list)


def import_workbook(engine: Engine, path: Path, *, replace: bool = False,
                    progress: Callable[[str], None] | None = None) -> ImportSummary:
    """Validate the whole file first, then write it in one transaction.

    Any problem raises ``ImportFailed`` before anything is written; a database error
    while writing rolls the transaction back, so the database is left exactly as it was.
    """
    with engine.connect() as connection:
        known_channels = set(repository.channel_ids(connection))
    if progress:
        progress("reading")
    parsed = parse_workbook(path, known_channels)
    summary = ImportSummary(warnings=parsed.warnings)
    if progress:
        progress("writing")
    with engine.begin() as connection, recorded(connection, INVENTORY_TABLES):
        if parsed.channels is not None:
            channels = parsed.channels
            if DEFAULT_CHANNEL not in known_channels | {c.name for c in channels}:
                channels = [*channels, Channel(DEFAULT_CHANNEL)]
            repository.upsert_channels(connection, channels)
            summary.channels = len(parsed.channels)
        elif DEFAULT_CHANNEL not in known_channels:
            repository.upsert_channels(connection, [Channel(DEFAULT_CHANNEL)])
        if parsed.bureaus is not None:
            repository.replace_bureau_capacity(connection, parsed.bureaus)
            summary.bureaus_with_capacity = len(parsed.bureaus)
        if parsed.processes is not None:
            written = repository.merge_processes(connection, parsed.processes, replace=replace,
                                                 fields=parsed.process_fields)
            summary.added, summary.updated = written.added, written.updated
            summary.deleted, summary.unchanged = written.deleted, written.unchanged
        elif replace:
            raise ImportFailed([Problem(path.name, None, None,
                                        "--replace needs a 手続一覧 sheet")])
    return summary


def export_workbook(engine: Engine, path: Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Write the inventory template; returns the number of processes written."""
    check_writable(path)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    export_inventory(inventory, path, progress)
    return len(inventory.processes)
