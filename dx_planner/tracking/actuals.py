"""Recording actuals: marking processes digitized (or undoing it) with optimistic locking.

The GUI calls these with the versions its rows were loaded at; a row changed by someone
else in the meantime makes the whole call fail with ``ConflictError`` and write nothing
(the caller's transaction is rolled back by the exception).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import Connection

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.history import recorded
from dx_planner.persistence.permissions import find_refusals
from dx_planner.persistence.rights import load_rights


class TrackingError(ValueError):
    """A progress-tracking request that cannot be carried out; the message says why."""


def actual_quarter(process: Process) -> Quarter | None:
    """The quarter a process was digitized in, or None if it is not (yet) digitized."""
    if process.status is Status.DIGITIZED and process.in_scope:
        return process.digitized_quarter
    return None


def default_actual_quarter(inventory: Inventory) -> Quarter:
    """The quarter actuals are usually recorded for: the latest with digitized processes,
    else the quarter of today's date."""
    latest = inventory.latest_digitized_quarter()
    if latest is not None:
        return latest
    today = date.today()
    fiscal_year = today.year if today.month >= 4 else today.year - 1
    return Quarter(fiscal_year, (today.month - 4) % 12 // 3 + 1)


def is_digitized_by(process: Process, quarter: Quarter) -> bool:
    done = actual_quarter(process)
    return done is not None and done <= quarter


def _set_status(connection: Connection, process_ids: Iterable[str], status: Status,
                digitized_quarter: Quarter | None,
                expected_versions: Mapping[str, int] | None) -> dict[str, int]:
    ids = list(dict.fromkeys(process_ids))
    bureaus = repository.bureaus_of(connection, ids)
    refused = find_refusals(connection, load_rights(connection), processes={
        pid: (bureau, bureau) for pid, bureau in bureaus.items()}).processes
    if refused:
        raise TrackingError("; ".join(f"{pid}: {message}" for pid, message in refused.items()))
    try:
        with recorded(connection, {"processes": ids}):
            return repository.set_status(connection, ids, status, digitized_quarter,
                                         expected_versions)
    except repository.UnknownProcesses as error:
        raise TrackingError(f"unknown process id(s): {', '.join(error.process_ids[:10])}"
                            ) from None


def mark_digitized(connection: Connection, process_ids: Iterable[str], quarter: Quarter, *,
                   expected_versions: Mapping[str, int] | None = None) -> dict[str, int]:
    """Record that the processes were digitized in ``quarter`` (status デジタル化済).

    ``expected_versions`` maps a process id to the version it was loaded at; any row at
    another version (or deleted) raises ``ConflictError`` and nothing is written. Without it
    only unknown ids are refused. Returns the new version of every process.
    """
    return _set_status(connection, process_ids, Status.DIGITIZED, quarter, expected_versions)


def unmark_digitized(connection: Connection, process_ids: Iterable[str], *,
                     status: Status = Status.IN_PROGRESS,
                     expected_versions: Mapping[str, int] | None = None) -> dict[str, int]:
    """Undo :func:`mark_digitized`: back to ``status`` (対応中 by default), no quarter."""
    if status is Status.DIGITIZED:
        raise TrackingError("unmark_digitized needs a status other than デジタル化済")
    return _set_status(connection, process_ids, status, None, expected_versions)
