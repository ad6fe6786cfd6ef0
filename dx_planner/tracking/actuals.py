"""Recording actuals: marking processes digitized (or undoing it) with optimistic locking.

The GUI calls these with the versions its rows were loaded at; a row changed by someone
else in the meantime makes the whole call fail with ``ConflictError`` and write nothing
(the caller's transaction is rolled back by the exception).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, and_, select, update

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.repository import ConflictError
from dx_planner.persistence.schema import processes


class TrackingError(ValueError):
    """A progress-tracking request that cannot be carried out; the message says why."""


def actual_quarter(process: Process) -> Quarter | None:
    """The quarter a process was digitized in, or None if it is not (yet) digitized."""
    if process.status is Status.DIGITIZED and process.in_scope:
        return process.digitized_quarter
    return None


def is_digitized_by(process: Process, quarter: Quarter) -> bool:
    done = actual_quarter(process)
    return done is not None and done <= quarter


def _set_status(connection: Connection, process_ids: Iterable[str], values: dict[str, Any],
                expected_versions: Mapping[str, int] | None) -> dict[str, int]:
    ids = list(dict.fromkeys(process_ids))
    current: dict[str, int] = {}
    for start in range(0, len(ids), 500):  # stay under bind-parameter limits
        chunk = ids[start:start + 500]
        current.update((pid, version) for pid, version in connection.execute(
            select(processes.c.id, processes.c.version).where(processes.c.id.in_(chunk))
        ))
    missing = [pid for pid in ids if pid not in current]
    if missing and expected_versions is None:
        raise TrackingError(f"unknown process id(s): {', '.join(missing[:10])}")
    conflicts = list(missing)
    if expected_versions is not None:
        conflicts += [pid for pid in ids if pid in current
                      and expected_versions.get(pid, current[pid]) != current[pid]]
    if conflicts:
        raise ConflictError(conflicts)
    new_versions: dict[str, int] = {}
    for pid in ids:
        result = connection.execute(
            update(processes)
            .where(and_(processes.c.id == pid, processes.c.version == current[pid]))
            .values(version=current[pid] + 1, **values)
        )
        if result.rowcount != 1:  # changed between our read and our write
            conflicts.append(pid)
        new_versions[pid] = current[pid] + 1
    if conflicts:
        raise ConflictError(conflicts)
    return new_versions


def mark_digitized(connection: Connection, process_ids: Iterable[str], quarter: Quarter, *,
                   expected_versions: Mapping[str, int] | None = None) -> dict[str, int]:
    """Record that the processes were digitized in ``quarter`` (status デジタル化済).

    ``expected_versions`` maps a process id to the version it was loaded at; any row at
    another version (or deleted) raises ``ConflictError`` and nothing is written. Without it
    only unknown ids are refused. Returns the new version of every process.
    """
    return _set_status(connection, process_ids,
                       {"status": Status.DIGITIZED.value, "digitized_quarter": quarter.code},
                       expected_versions)


def unmark_digitized(connection: Connection, process_ids: Iterable[str], *,
                     status: Status = Status.IN_PROGRESS,
                     expected_versions: Mapping[str, int] | None = None) -> dict[str, int]:
    """Undo :func:`mark_digitized`: back to ``status`` (対応中 by default), no quarter."""
    if status is Status.DIGITIZED:
        raise TrackingError("unmark_digitized needs a status other than デジタル化済")
    return _set_status(connection, process_ids,
                       {"status": status.value, "digitized_quarter": None},
                       expected_versions)
