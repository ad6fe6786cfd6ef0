"""Repository functions over a Core connection: bulk reads and writes of the inventory.

The caller owns the transaction (``with engine.begin() as connection``): a CLI command or
GUI action either commits all its writes or none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)

from dx_planner.domain.enums import Status
from dx_planner.domain.fields import FIELD_BY_NAME, FIELD_NAMES, PROCESS_FIELDS, FieldKind
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.schema import (
    bureau_capacity,
    bureaus,
    channel_limits,
    channels,
    processes,
)


class ConflictError(Exception):
    """Rows changed in the database by someone else since they were loaded."""

    def __init__(self, process_ids: Sequence[str]) -> None:
        self.process_ids = list(process_ids)
        shown = ", ".join(self.process_ids[:10])
        more = f" and {len(self.process_ids) - 10} more" if len(self.process_ids) > 10 else ""
        super().__init__(
            f"{len(self.process_ids)} process(es) were changed by someone else since they "
            f"were loaded: {shown}{more}"
        )


class UnknownProcesses(LookupError):
    """Process ids that are not in the database."""

    def __init__(self, process_ids: Sequence[str]) -> None:
        self.process_ids = list(process_ids)
        super().__init__(", ".join(self.process_ids[:10]))


def _quarter(code: str | None) -> Quarter | None:
    return Quarter.parse(code) if code else None


def _code(quarter: Quarter | None) -> str | None:
    return quarter.code if quarter is not None else None


# -- reading ------------------------------------------------------------------------
def load_bureaus(connection: Connection) -> list[Bureau]:
    by_id: dict[int, Bureau] = {}
    for row in connection.execute(
        select(bureaus.c.id, bureaus.c.name).order_by(bureaus.c.position, bureaus.c.id)
    ):
        by_id[row.id] = Bureau(row.name)
    for bureau_id, quarter, effort in connection.execute(
        select(bureau_capacity.c.bureau_id, bureau_capacity.c.quarter, bureau_capacity.c.effort)
        .order_by(bureau_capacity.c.quarter)
    ):
        by_id[bureau_id].capacity[Quarter.parse(quarter)] = effort
    return list(by_id.values())


def load_channels(connection: Connection) -> list[Channel]:
    by_id: dict[int, Channel] = {}
    for row in connection.execute(
        select(channels.c.id, channels.c.name, channels.c.available_from)
        .order_by(channels.c.position, channels.c.id)
    ):
        by_id[row.id] = Channel(row.name, _quarter(row.available_from))
    for row in connection.execute(
        select(channel_limits.c.channel_id, channel_limits.c.quarter,
               channel_limits.c.max_processes).order_by(channel_limits.c.quarter)
    ):
        by_id[row.channel_id].limits[Quarter.parse(row.quarter)] = row.max_processes
    return list(by_id.values())


def load_processes(connection: Connection,
                   ids: Collection[str] | None = None) -> list[Process]:
    """All processes (or those of ``ids``) in the planners' order: one query over the field
    table's columns, each value converted by its field, ``Process`` built by keyword; no
    ORM objects.

    Bureaus and channels are stored by id and mapped to their names here (cheaper than a
    join over 28,000 rows).
    """
    bureau_names = {row.id: row.name for row in connection.execute(
        select(bureaus.c.id, bureaus.c.name))}
    channel_names = {row.id: row.name for row in connection.execute(
        select(channels.c.id, channels.c.name))}
    columns: list[ColumnElement[Any]] = []
    converters: list[Callable[[Any], Any] | None] = []
    for field in PROCESS_FIELDS:
        if field.kind is FieldKind.BUREAU:
            columns.append(processes.c.bureau_id)
            converters.append(bureau_names.__getitem__)
        elif field.kind is FieldKind.CHANNEL:
            columns.append(processes.c.channel_id)
            converters.append(channel_names.__getitem__)
        else:
            columns.append(processes.c[field.name])
            converters.append(field.from_db())
    read = _process_reader(converters)
    query = select(*columns, processes.c.version).order_by(processes.c.position)
    if ids is not None:
        wanted = sorted(ids)
        found: list[Process] = []
        for start in range(0, len(wanted), 500):  # stay under bind-parameter limits
            found += read(connection.execute(
                query.where(processes.c.id.in_(wanted[start:start + 500]))).all())
        return found
    result = connection.execute(query)
    try:
        # The driver's own rows: every column here is text, a number or a flag, which the
        # drivers return as Python values already (flags are converted by their field).
        return read(cast(Iterable[Sequence[Any]], result.cursor))
    finally:
        result.close()


def _process_reader(converters: Sequence[Callable[[Any], Any] | None]
                    ) -> Callable[[Iterable[Sequence[Any]]], list[Process]]:
    """A function that turns rows (the fields in table order, then the version) into
    processes with ``Process(id=c0(v0), name=v1, …)``.

    Generated from the field table, as ``dataclasses`` generates ``__init__``: a keyword
    call spelled out once per field loads 28,000 rows as fast as a hand-written loop, where
    ``Process(**dict(zip(names, row)))`` takes a third longer.
    """
    names = (*FIELD_NAMES, "version")
    namespace: dict[str, Any] = {"Process": Process}
    arguments = []
    for index, name in enumerate(names):
        convert = converters[index] if index < len(converters) else None
        if convert is None:
            arguments.append(f"{name}=v{index}")
        else:
            namespace[f"c{index}"] = convert
            arguments.append(f"{name}=c{index}(v{index})")
    values = ", ".join(f"v{index}" for index in range(len(names)))
    source = (f"lambda rows: [Process({', '.join(arguments)}) "
              f"for ({values}) in rows]")
    reader: Callable[[Iterable[Sequence[Any]]], list[Process]] = eval(source, namespace)
    return reader


def load_inventory(connection: Connection) -> Inventory:
    return Inventory(load_processes(connection), load_bureaus(connection),
                     load_channels(connection))


def bureaus_of(connection: Connection, process_ids: Collection[str]) -> dict[str, str]:
    """The stored bureau of each of these processes (absent: not stored)."""
    found: dict[str, str] = {}
    ids = sorted(process_ids)
    for start in range(0, len(ids), 500):  # stay under bind-parameter limits
        found.update({pid: bureau for pid, bureau in connection.execute(
            select(processes.c.id, bureaus.c.name)
            .join(bureaus, processes.c.bureau_id == bureaus.c.id)
            .where(processes.c.id.in_(ids[start:start + 500])))})
    return found


def process_ids(connection: Connection) -> list[str]:
    return list(connection.execute(select(processes.c.id)).scalars())


def count_processes(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(processes)).scalar_one())


# -- writing ------------------------------------------------------------------------
def ensure_bureaus(connection: Connection, names: Iterable[str]) -> dict[str, int]:
    """Map every bureau name to its id, creating the bureaus that are new."""
    existing = {name: bureau_id for bureau_id, name
                in connection.execute(select(bureaus.c.id, bureaus.c.name))}
    new = [name for name in dict.fromkeys(names) if name not in existing]
    if new:
        start = len(existing)
        connection.execute(insert(bureaus), [
            {"name": name, "position": start + i} for i, name in enumerate(new)
        ])
        existing = {name: bureau_id for bureau_id, name
                    in connection.execute(select(bureaus.c.id, bureaus.c.name))}
    return existing


def channel_ids(connection: Connection) -> dict[str, int]:
    return {row.name: row.id for row in connection.execute(select(channels.c.id, channels.c.name))}


def replace_bureau_capacity(connection: Connection, bureau_list: Sequence[Bureau]) -> int:
    """The capacity sheet is the whole truth: a bureau or quarter not in it has capacity 0.

    Only the cells that differ are written (history shows what changed, and a bureau
    editor's rights cover the cells of its own bureaus); returns how many that was.
    """
    ids = ensure_bureaus(connection, [bureau.name for bureau in bureau_list])
    wanted = {(ids[bureau.name], quarter.code): effort
              for bureau in bureau_list for quarter, effort in bureau.capacity.items()}
    current = {(bureau_id, quarter): effort for bureau_id, quarter, effort in connection.execute(
        select(bureau_capacity.c.bureau_id, bureau_capacity.c.quarter,
               bureau_capacity.c.effort))}
    written = _write_grid(connection, bureau_capacity, "bureau_id", "effort", current, wanted)
    _set_positions(connection, bureaus, [ids[bureau.name] for bureau in bureau_list])
    return len(written)


def _write_grid(connection: Connection, table: Table, owner: str, value: str,
                current: dict[tuple[int, str], Any], wanted: dict[tuple[int, str], Any]
                ) -> set[tuple[int, str]]:
    """Make a (row, quarter) -> value table hold ``wanted``, touching only what differs;
    returns the (row, quarter) cells removed, changed or added."""
    key = and_(table.c[owner] == bindparam("b_owner"), table.c.quarter == bindparam("b_quarter"))
    gone = [cell for cell in current if cell not in wanted]
    changed = [cell for cell, v in wanted.items() if cell in current and current[cell] != v]
    new = [cell for cell in wanted if cell not in current]
    if gone:
        connection.execute(delete(table).where(key),
                           [{"b_owner": o, "b_quarter": q} for o, q in gone])
    if changed:
        connection.execute(update(table).where(key).values({value: bindparam(value)}),
                           [{"b_owner": o, "b_quarter": q, value: wanted[o, q]}
                            for o, q in changed])
    if new:
        connection.execute(insert(table), [{owner: o, "quarter": q, value: wanted[o, q]}
                                           for o, q in new])
    return {*gone, *changed, *new}


def _set_positions(connection: Connection, table: Table, ordered_ids: Sequence[int]) -> None:
    """Store the order of bureaus or channels, writing only the positions that change."""
    current = {row.id: row.position for row in connection.execute(
        select(table.c.id, table.c.position))}
    moved = [{"b_id": row_id, "position": position}
             for position, row_id in enumerate(ordered_ids) if current.get(row_id) != position]
    if moved:
        connection.execute(update(table).where(table.c.id == bindparam("b_id"))
                           .values(position=bindparam("position")), moved)


@dataclass(frozen=True, slots=True)
class ChannelsWritten:
    """Which channels a write added, and which existing ones it changed (start or limits)."""

    added: frozenset[str]
    changed: frozenset[str]


def upsert_channels(connection: Connection, channel_list: Sequence[Channel]) -> ChannelsWritten:
    """Add or update the given channels (their limits replaced); others are left as they are.
    Only what differs is written."""
    ids = channel_ids(connection)
    starts = {row.id: row.available_from for row in connection.execute(
        select(channels.c.id, channels.c.available_from))}
    added: set[str] = set()
    changed: set[str] = set()
    for channel in channel_list:
        start = _code(channel.available_from)
        if channel.name not in ids:
            inserted = connection.execute(insert(channels).values(
                name=channel.name, available_from=start, position=len(ids)))
            ids[channel.name] = int(inserted.inserted_primary_key[0])  # type: ignore[index]
            added.add(channel.name)
        elif starts[ids[channel.name]] != start:
            connection.execute(update(channels).where(channels.c.id == ids[channel.name])
                               .values(available_from=start))
            changed.add(channel.name)
    _set_positions(connection, channels, [ids[channel.name] for channel in channel_list])
    given = {ids[channel.name] for channel in channel_list}
    current = {(channel_id, quarter): limit for channel_id, quarter, limit in connection.execute(
        select(channel_limits.c.channel_id, channel_limits.c.quarter,
               channel_limits.c.max_processes)) if channel_id in given}
    wanted = {(ids[channel.name], quarter.code): limit
              for channel in channel_list for quarter, limit in channel.limits.items()}
    cells = _write_grid(connection, channel_limits, "channel_id", "max_processes", current, wanted)
    names = {channel_id: name for name, channel_id in ids.items()}
    changed |= {names[channel_id] for channel_id, _ in cells}
    return ChannelsWritten(frozenset(added), frozenset(changed - added))


def _row_values(process: Process, bureau_ids: dict[str, int],
                channel_id_map: dict[str, int]) -> dict[str, Any]:
    """The database columns of a process (all but its id, position and version)."""
    values: dict[str, Any] = {}
    for field in PROCESS_FIELDS:
        value = getattr(process, field.name)
        if field.kind is FieldKind.BUREAU:
            values["bureau_id"] = bureau_ids[value]
        elif field.kind is FieldKind.CHANNEL:
            values["channel_id"] = channel_id_map[value]
        elif field.kind is not FieldKind.ID:
            values[field.name] = field.to_db(value)
    return values


@dataclass(frozen=True, slots=True)
class WriteSummary:
    added: int
    updated: int
    deleted: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ProcessMerge:
    """What an import will do to the processes, worked out before anything is written (so
    that rights and stale rows can be checked first)."""

    added: list[Process]
    updated: list[tuple[Process, Process]]  # (as stored, as it will be)
    deleted: list[Process]  # as stored
    unchanged: int


def plan_merge(connection: Connection, incoming: Sequence[Process], *, replace: bool = False,
               fields: Collection[str] | None = None) -> ProcessMerge:
    """Import semantics: add new IDs, update changed ones, keep (or with ``replace`` delete)
    the ones absent. Unchanged rows are left alone, so their version stays as it is.

    ``fields``: the fields the input really has (None = all); an existing process keeps its
    stored value of every other field.
    """
    current = {p.id: p for p in load_processes(connection)}
    added: list[Process] = []
    updated: list[tuple[Process, Process]] = []
    unchanged = 0
    kept = None if fields is None else [f for f in FIELD_NAMES if f not in fields]
    for process in incoming:
        existing = current.get(process.id)
        if existing is None:
            added.append(process)
            continue
        if kept:
            process = dataclasses.replace(
                process, **{name: getattr(existing, name) for name in kept})
        if existing.same_content(process):
            unchanged += 1
        else:
            updated.append((existing, process))
    deleted: list[Process] = []
    if replace:
        keep = {p.id for p in incoming}
        deleted = [p for pid, p in current.items() if pid not in keep]
    return ProcessMerge(added, updated, deleted, unchanged)


def apply_merge(connection: Connection, merge: ProcessMerge) -> WriteSummary:
    """Write a planned merge. Each updated or deleted row must still be at the version it was
    read at (checked in the WHERE, rows counted): a row someone else changed meanwhile
    raises ``ConflictError`` (the caller's transaction is rolled back). The database bumps
    the version of every changed row (a trigger, revision 0007), whoever writes it."""
    bureau_ids = ensure_bureaus(connection, [p.bureau for p in merge.added]
                                + [new.bureau for _, new in merge.updated])
    channel_id_map = channel_ids(connection)
    if merge.updated:
        rows = [{"b_id": old.id, "b_version": old.version,
                 **_row_values(new, bureau_ids, channel_id_map)} for old, new in merge.updated]
        columns = [key for key in rows[0] if not key.startswith("b_")]
        result = connection.execute(
            update(processes)
            .where(and_(processes.c.id == bindparam("b_id"),
                        processes.c.version == bindparam("b_version")))
            .values(**{c: bindparam(c) for c in columns}),
            rows)
        if result.rowcount != len(rows):
            raise ConflictError(_changed_since(connection, [old for old, _ in merge.updated]))
    if merge.deleted:
        result = connection.execute(
            delete(processes).where(and_(processes.c.id == bindparam("b_id"),
                                         processes.c.version == bindparam("b_version"))),
            [{"b_id": p.id, "b_version": p.version} for p in merge.deleted])
        if result.rowcount != len(merge.deleted):
            raise ConflictError(_changed_since(connection, merge.deleted))
    if merge.added:
        max_position = connection.execute(select(func.max(processes.c.position))).scalar() or 0
        _insert_processes(connection, [
            {"id": p.id, "position": max_position + 1 + i, "version": 1,
             **_row_values(p, bureau_ids, channel_id_map)} for i, p in enumerate(merge.added)])
    return WriteSummary(len(merge.added), len(merge.updated), len(merge.deleted),
                        merge.unchanged)


def _insert_processes(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert many processes; on PostgreSQL by COPY into a temporary table and one
    INSERT … SELECT from it (a whole inventory in a fraction of the time of row-by-row
    INSERTs). PostgreSQL refuses COPY straight into a table with row-level security; the
    INSERT … SELECT is checked by its policies and fires the history triggers as any INSERT."""
    if connection.dialect.name != "postgresql" or len(rows) < 1000:
        connection.execute(insert(processes), rows)
        return
    keys = list(rows[0])
    columns = ", ".join(keys)
    connection.exec_driver_sql(
        "CREATE TEMPORARY TABLE dx_new_processes (LIKE processes) ON COMMIT DROP")
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(
            f"COPY dx_new_processes ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[key] for key in keys])
    connection.exec_driver_sql(
        f"INSERT INTO processes ({columns}) SELECT {columns} FROM dx_new_processes")
    connection.exec_driver_sql("DROP TABLE dx_new_processes")


def _changed_since(connection: Connection, read: Sequence[Process]) -> list[str]:
    """Which of the rows (as they were read) are now at another version or gone."""
    versions = stored_versions(connection, [p.id for p in read])
    return [p.id for p in read if versions.get(p.id) != p.version]


def stored_versions(connection: Connection, process_ids: Collection[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ids = sorted(process_ids)
    for start in range(0, len(ids), 500):  # stay under bind-parameter limits
        found.update({pid: version for pid, version in connection.execute(
            select(processes.c.id, processes.c.version)
            .where(processes.c.id.in_(ids[start:start + 500])))})
    return found


def merge_processes(connection: Connection, incoming: Sequence[Process], *,
                    replace: bool = False,
                    fields: Collection[str] | None = None) -> WriteSummary:
    """``plan_merge`` and ``apply_merge`` in one step (no checks in between)."""
    return apply_merge(connection, plan_merge(connection, incoming, replace=replace,
                                              fields=fields))


def delete_processes(connection: Connection, process_ids: Sequence[str]) -> int:
    deleted = 0
    for start in range(0, len(process_ids), 500):  # stay under bind-parameter limits
        chunk = list(process_ids[start:start + 500])
        deleted += connection.execute(delete(processes).where(processes.c.id.in_(chunk))).rowcount
    return deleted


def save_edits(connection: Connection, changed: Sequence[Process], added: Sequence[Process],
               deleted: Sequence[Process]) -> dict[str, int]:
    """Save a GUI editing session with optimistic locking.

    Every changed or deleted row must still be at the version it was loaded at; otherwise
    nothing is written and ``ConflictError`` names the rows. Returns the new version by id.
    """
    bureau_ids = ensure_bureaus(connection, [p.bureau for p in (*changed, *added)])
    channel_id_map = channel_ids(connection)
    conflicts: list[str] = []
    versions: dict[str, int] = {}
    for process in changed:
        result = connection.execute(
            update(processes)
            .where(and_(processes.c.id == process.id, processes.c.version == process.version))
            .values(**_row_values(process, bureau_ids, channel_id_map))
        )
        if result.rowcount != 1:
            conflicts.append(process.id)
    for process in deleted:
        result = connection.execute(
            delete(processes)
            .where(and_(processes.c.id == process.id, processes.c.version == process.version))
        )
        if result.rowcount != 1:
            conflicts.append(process.id)
    if conflicts:
        # The caller's transaction is rolled back by raising.
        raise ConflictError(conflicts)
    # The versions the database gave them (unchanged when the edit changed nothing).
    versions.update(stored_versions(connection, [p.id for p in changed]))
    if added:
        max_position = connection.execute(select(func.max(processes.c.position))).scalar() or 0
        connection.execute(insert(processes), [
            {"id": p.id, "position": max_position + 1 + i, "version": 1,
             **_row_values(p, bureau_ids, channel_id_map)}
            for i, p in enumerate(added)
        ])
        versions.update({p.id: 1 for p in added})
    return versions


def set_status(connection: Connection, process_ids: Iterable[str], status: Status,
               digitized_quarter: Quarter | None,
               expected_versions: Mapping[str, int] | None = None) -> dict[str, int]:
    """Set the status (and completion quarter) of the given processes, optimistically locked.

    With ``expected_versions`` (id -> version the caller loaded), a row at another version or
    gone raises ``ConflictError``; without it, unknown ids raise ``UnknownProcesses``. Either
    way nothing is written (the caller's transaction is rolled back by the exception).
    Returns the new version of every process.
    """
    ids = list(dict.fromkeys(process_ids))
    current: dict[str, int] = {}
    for start in range(0, len(ids), 500):  # stay under bind-parameter limits
        chunk = ids[start:start + 500]
        current.update((pid, version) for pid, version in connection.execute(
            select(processes.c.id, processes.c.version).where(processes.c.id.in_(chunk))
        ))
    missing = [pid for pid in ids if pid not in current]
    if missing and expected_versions is None:
        raise UnknownProcesses(missing)
    conflicts = list(missing)
    if expected_versions is not None:
        conflicts += [pid for pid in ids if pid in current
                      and expected_versions.get(pid, current[pid]) != current[pid]]
    if conflicts:
        raise ConflictError(conflicts)
    values = {"status": FIELD_BY_NAME["status"].to_db(status),
              "digitized_quarter": FIELD_BY_NAME["digitized_quarter"].to_db(digitized_quarter)}
    for pid in ids:
        result = connection.execute(
            update(processes)
            .where(and_(processes.c.id == pid, processes.c.version == current[pid]))
            .values(**values)
        )
        if result.rowcount != 1:  # changed between our read and our write
            conflicts.append(pid)
    if conflicts:
        raise ConflictError(conflicts)
    return stored_versions(connection, ids)  # as the database bumped them
