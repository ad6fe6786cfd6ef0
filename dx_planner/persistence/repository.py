"""Repository functions over a Core connection: bulk reads and writes of the inventory.

The caller owns the transaction (``with engine.begin() as connection``): a CLI command or
GUI action either commits all its writes or none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
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

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.inventory import PROCESS_FIELDS, Bureau, Channel, Inventory, Process
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


_PROCESS_COLUMNS = (
    processes.c.id, processes.c.name, bureaus.c.name.label("bureau"), processes.c.type,
    processes.c.authority, processes.c.national_status, processes.c.national_ready,
    processes.c.annual_volume, processes.c.effort, processes.c.status,
    processes.c.digitized_quarter, channels.c.name.label("channel"), processes.c.priority,
    processes.c.major, processes.c.locked_quarter, processes.c.notes, processes.c.version,
)


def load_processes(connection: Connection) -> list[Process]:
    """All processes in the planners' order, one query, no ORM objects."""
    query = (
        select(*_PROCESS_COLUMNS)
        .join(bureaus, processes.c.bureau_id == bureaus.c.id)
        .join(channels, processes.c.channel_id == channels.c.id)
        .order_by(processes.c.position)
    )
    # Quarter and enum parsing dominate; memoise them since only a few dozen values occur.
    quarters: dict[str | None, Quarter | None] = {None: None}
    types = {m.value: m for m in ProcedureType}
    authorities = {m.value: m for m in Authority}
    national = {m.value: m for m in NationalStatus}
    statuses = {m.value: m for m in Status}

    def quarter(code: str | None) -> Quarter | None:
        if code not in quarters:
            quarters[code] = Quarter.parse(code)
        return quarters[code]

    result: list[Process] = []
    for (pid, name, bureau, type_, authority, national_status, national_ready, volume, effort,
         status, digitized, channel, priority, major, locked, notes, version
         ) in connection.execute(query):
        result.append(Process(
            pid, name, bureau, types[type_], authorities[authority],
            national[national_status] if national_status else None, quarter(national_ready),
            volume, effort, statuses[status], quarter(digitized), channel, bool(priority),
            bool(major), quarter(locked), notes, version,
        ))
    return result


def load_inventory(connection: Connection) -> Inventory:
    return Inventory(load_processes(connection), load_bureaus(connection),
                     load_channels(connection))


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


def replace_bureau_capacity(connection: Connection, bureau_list: Sequence[Bureau]) -> None:
    """The capacity sheet is the whole truth: a bureau or quarter not in it has capacity 0.

    Only the cells that differ are written (history shows what changed, and a bureau
    editor's rights cover the cells of its own bureaus).
    """
    ids = ensure_bureaus(connection, [bureau.name for bureau in bureau_list])
    wanted = {(ids[bureau.name], quarter.code): effort
              for bureau in bureau_list for quarter, effort in bureau.capacity.items()}
    current = {(bureau_id, quarter): effort for bureau_id, quarter, effort in connection.execute(
        select(bureau_capacity.c.bureau_id, bureau_capacity.c.quarter,
               bureau_capacity.c.effort))}
    _write_grid(connection, bureau_capacity, "bureau_id", "effort", current, wanted)
    _set_positions(connection, bureaus, [ids[bureau.name] for bureau in bureau_list])


def _write_grid(connection: Connection, table: Table, owner: str, value: str,
                current: dict[tuple[int, str], Any], wanted: dict[tuple[int, str], Any]) -> None:
    """Make a (row, quarter) -> value table hold ``wanted``, touching only what differs."""
    key = and_(table.c[owner] == bindparam("b_owner"), table.c.quarter == bindparam("b_quarter"))
    gone = [{"b_owner": o, "b_quarter": q} for o, q in current if (o, q) not in wanted]
    changed = [{"b_owner": o, "b_quarter": q, value: v} for (o, q), v in wanted.items()
               if (o, q) in current and current[o, q] != v]
    new = [{owner: o, "quarter": q, value: v} for (o, q), v in wanted.items()
           if (o, q) not in current]
    if gone:
        connection.execute(delete(table).where(key), gone)
    if changed:
        connection.execute(update(table).where(key).values({value: bindparam(value)}), changed)
    if new:
        connection.execute(insert(table), new)


def _set_positions(connection: Connection, table: Table, ordered_ids: Sequence[int]) -> None:
    """Store the order of bureaus or channels, writing only the positions that change."""
    current = {row.id: row.position for row in connection.execute(
        select(table.c.id, table.c.position))}
    moved = [{"b_id": row_id, "position": position}
             for position, row_id in enumerate(ordered_ids) if current.get(row_id) != position]
    if moved:
        connection.execute(update(table).where(table.c.id == bindparam("b_id"))
                           .values(position=bindparam("position")), moved)


def upsert_channels(connection: Connection, channel_list: Sequence[Channel]) -> dict[str, int]:
    """Add or update the given channels (their limits replaced); others are left as they are.
    Only what differs is written."""
    ids = channel_ids(connection)
    starts = {row.id: row.available_from for row in connection.execute(
        select(channels.c.id, channels.c.available_from))}
    for channel in channel_list:
        start = _code(channel.available_from)
        if channel.name not in ids:
            inserted = connection.execute(insert(channels).values(
                name=channel.name, available_from=start, position=len(ids)))
            ids[channel.name] = int(inserted.inserted_primary_key[0])  # type: ignore[index]
        elif starts[ids[channel.name]] != start:
            connection.execute(update(channels).where(channels.c.id == ids[channel.name])
                               .values(available_from=start))
    _set_positions(connection, channels, [ids[channel.name] for channel in channel_list])
    given = {ids[channel.name] for channel in channel_list}
    current = {(channel_id, quarter): limit for channel_id, quarter, limit in connection.execute(
        select(channel_limits.c.channel_id, channel_limits.c.quarter,
               channel_limits.c.max_processes)) if channel_id in given}
    wanted = {(ids[channel.name], quarter.code): limit
              for channel in channel_list for quarter, limit in channel.limits.items()}
    _write_grid(connection, channel_limits, "channel_id", "max_processes", current, wanted)
    return ids


def _row_values(process: Process, bureau_ids: dict[str, int],
                channel_id_map: dict[str, int]) -> dict[str, Any]:
    return {
        "name": process.name,
        "bureau_id": bureau_ids[process.bureau],
        "type": process.type.value,
        "authority": process.authority.value,
        "national_status": process.national_status.value if process.national_status else None,
        "national_ready": _code(process.national_ready),
        "annual_volume": process.annual_volume,
        "effort": process.effort,
        "status": process.status.value,
        "digitized_quarter": _code(process.digitized_quarter),
        "channel_id": channel_id_map[process.channel],
        "priority": process.priority,
        "major": process.major,
        "locked_quarter": _code(process.locked_quarter),
        "notes": process.notes,
    }


@dataclass(frozen=True, slots=True)
class WriteSummary:
    added: int
    updated: int
    deleted: int
    unchanged: int


def merge_processes(connection: Connection, incoming: Sequence[Process], *,
                    replace: bool = False,
                    fields: Collection[str] | None = None) -> WriteSummary:
    """Import semantics: add new IDs, update changed ones, keep (or with ``replace`` delete)
    the ones absent. Unchanged rows are not touched, so their version stays as it is.

    ``fields``: the fields the input really has (None = all); an existing process keeps its
    stored value of every other field.
    """
    bureau_ids = ensure_bureaus(connection, [p.bureau for p in incoming])
    channel_id_map = channel_ids(connection)
    current = {p.id: p for p in load_processes(connection)}
    max_position = connection.execute(select(func.max(processes.c.position))).scalar() or 0

    added: list[dict[str, Any]] = []
    updated: list[dict[str, Any]] = []
    unchanged = 0
    kept = None if fields is None else [f for f in PROCESS_FIELDS if f not in fields]
    for process in incoming:
        existing = current.get(process.id)
        if existing is not None and kept:
            process = dataclasses.replace(
                process, **{name: getattr(existing, name) for name in kept})
        if existing is None:
            max_position += 1
            added.append({"id": process.id, "position": max_position, "version": 1,
                          **_row_values(process, bureau_ids, channel_id_map)})
        elif existing.same_content(process):
            unchanged += 1
        else:
            updated.append({"b_id": existing.id, "b_version": existing.version + 1,
                            **_row_values(process, bureau_ids, channel_id_map)})
    if added:
        connection.execute(insert(processes), added)
    if updated:
        _bulk_update(connection, updated)
    deleted = 0
    if replace:
        keep = {p.id for p in incoming}
        gone = [pid for pid in current if pid not in keep]
        deleted = delete_processes(connection, gone)
    return WriteSummary(len(added), len(updated), deleted, unchanged)


def _bulk_update(connection: Connection, rows: list[dict[str, Any]]) -> None:
    columns = [key for key in rows[0] if not key.startswith("b_")]
    statement = (
        update(processes)
        .where(processes.c.id == bindparam("b_id"))
        .values(version=bindparam("b_version"), **{c: bindparam(c) for c in columns})
    )
    connection.execute(statement, rows)


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
            .values(version=process.version + 1,
                    **_row_values(process, bureau_ids, channel_id_map))
        )
        if result.rowcount != 1:
            conflicts.append(process.id)
        versions[process.id] = process.version + 1
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
    if added:
        max_position = connection.execute(select(func.max(processes.c.position))).scalar() or 0
        connection.execute(insert(processes), [
            {"id": p.id, "position": max_position + 1 + i, "version": 1,
             **_row_values(p, bureau_ids, channel_id_map)}
            for i, p in enumerate(added)
        ])
        versions.update({p.id: 1 for p in added})
    return versions
