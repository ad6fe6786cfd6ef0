"""The change history: who changed what, when — one entry per changed field, or per added or
deleted row (with the whole row).

PostgreSQL writes it by triggers (migration 0004), so changes made outside the app are
recorded too. On SQLite the app writes it: every write path runs inside ``recorded(...)``,
which compares the rows before and after, in the same transaction as the change. Rows are
described here exactly as the trigger function ``dx_history_describe`` describes them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, and_, insert, or_, select

from dx_planner.domain.fields import FIELD_BY_NAME, FieldKind
from dx_planner.domain.inventory import Process
from dx_planner.persistence.rights import current_login
from dx_planner.persistence.schema import (
    baselines,
    bureau_capacity,
    bureaus,
    channel_limits,
    channels,
    history,
    processes,
)

INSERT, UPDATE, DELETE = "insert", "update", "delete"
PROCESS_DOCUMENT = ("name", "bureau", "type", "authority", "national_status", "national_ready",
                    "annual_volume", "effort", "status", "digitized_quarter", "channel",
                    "priority", "major", "locked_quarter", "notes")
TRACKED = ("processes", "bureaus", "bureau_capacity", "channels", "channel_limits", "baselines")
# What an import or a demo load may change: every row of the inventory tables.
INVENTORY_TABLES: Mapping[str, None] = dict.fromkeys(
    ("processes", "bureaus", "bureau_capacity", "channels", "channel_limits"))


@dataclass(frozen=True, slots=True)
class Change:
    changed_at: datetime  # aware, UTC
    login: str
    table: str
    key: str
    bureau: str | None
    action: str  # insert / update / delete
    field: str | None  # None for insert and delete
    old: str | None  # update: the old value; delete: the whole row as JSON
    new: str | None  # update: the new value; insert: the whole row as JSON
    # processes: the row's version after the insert or update (before a delete)
    version: int | None = None

    def row(self) -> dict[str, Any]:
        """The whole added or deleted row (empty for an update)."""
        document = self.new if self.action == INSERT else self.old
        if self.action == UPDATE or not document:
            return {}
        loaded: dict[str, Any] = json.loads(document)
        return loaded


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    process: str | None = None
    bureau: str | None = None
    login: str | None = None
    since: date | None = None  # local calendar day


# -- reading --------------------------------------------------------------------------------
def read_history(connection: Connection, where: HistoryFilter = HistoryFilter(),
                 limit: int | None = None) -> list[Change]:
    """Matching changes, oldest first (with ``limit``: the newest ``limit`` of them)."""
    conditions: list[ColumnElement[bool]] = []
    if where.process is not None:
        conditions.append(and_(history.c.table_name == "processes",
                               history.c.row_key == where.process))
    if where.bureau is not None:
        # A process moved away from the bureau is part of the bureau's history too.
        conditions.append(or_(history.c.bureau == where.bureau,
                              and_(history.c.field == "bureau",
                                   history.c.old_value == where.bureau)))
    if where.login is not None:
        conditions.append(history.c.login == where.login)
    if where.since is not None:
        local_midnight = datetime.combine(where.since, time()).astimezone()
        conditions.append(history.c.changed_at >= _stored_time(connection, local_midnight))
    query: Select[Any] = select(history).where(*conditions)
    if limit is None:
        rows = list(connection.execute(query.order_by(history.c.id)))
    else:
        rows = list(connection.execute(query.order_by(history.c.id.desc()).limit(limit)))[::-1]
    return [_change(row) for row in rows]


def bureau_names(connection: Connection) -> list[str]:
    """The inventory's bureaus, in their order."""
    return list(connection.execute(select(bureaus.c.name).order_by(bureaus.c.position))
                .scalars())


def has_bureau(connection: Connection, name: str) -> bool:
    """A bureau of the inventory, or one its history names (a filter may ask for either)."""
    return any(connection.execute(query.limit(1)).first() for query in (
        select(bureaus.c.id).where(bureaus.c.name == name),
        select(history.c.id).where(history.c.bureau == name)))


def has_process(connection: Connection, process_id: str) -> bool:
    """A process of the inventory, or one its history holds (deleted since)."""
    return any(connection.execute(query.limit(1)).first() for query in (
        select(processes.c.id).where(processes.c.id == process_id),
        select(history.c.id).where(history.c.table_name == "processes",
                                   history.c.row_key == process_id)))


def _change(row: Row[Any]) -> Change:
    return Change(_aware(row.changed_at), row.login, row.table_name, row.row_key, row.bureau,
                  row.action, row.field, row.old_value, row.new_value, row.version)


def read_changes_of(connection: Connection, table: str, keys: Sequence[str]) -> list[Change]:
    """The changes of these rows of ``table``, oldest first."""
    rows: list[Row[Any]] = []
    for chunk in _chunks(sorted(keys)):
        rows += connection.execute(select(history).where(
            history.c.table_name == table, history.c.row_key.in_(chunk))).all()
    rows.sort(key=lambda row: row.id)
    return [_change(row) for row in rows]


def _aware(moment: datetime) -> datetime:
    # SQLite keeps no time zone: the app stores UTC there.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stored_time(connection: Connection, moment: datetime) -> datetime:
    utc = moment.astimezone(UTC)
    return utc if connection.dialect.name == "postgresql" else utc.replace(tzinfo=None)


# -- recording on SQLite --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Described:
    key: str
    bureau: str | None
    doc: dict[str, Any]
    version: int | None = None


def value_text(value: Any) -> str | None:
    """A value as PostgreSQL's ``jsonb #>> '{}'`` writes it, so both backends agree (and
    so a whole row's values are shown like a changed field's)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_text(table: str, field: str | None, value: str | None) -> str:
    """A value of the history as the inventory workbook shows it (the field table's cell
    conversion): ``under_review`` → ``検討中``, ``true`` → ``○``, ``false`` → blank. Other
    tables' values, text and numbers are shown as stored; '' for none."""
    spec = FIELD_BY_NAME.get(field or "") if table == "processes" else None
    if value is None or spec is None:
        return value or ""
    if spec.kind is FieldKind.FLAG:
        domain: Any = value == "true"
    elif spec.kind in (FieldKind.ENUM, FieldKind.QUARTER):
        convert = spec.from_db()
        assert convert is not None  # enums and quarters always have one
        try:
            domain = convert(value)
        except (KeyError, ValueError):
            return value  # not a value of this field (written by another version)
    else:
        return value
    cell = spec.to_cell(domain)
    return "" if cell is None else str(cell)


def row_cells(change: Change) -> dict[str, str]:
    """An added or deleted row's values as the workbook shows them (empty for an update)."""
    return {name: cell_text(change.table, name, value_text(value))
            for name, value in change.row().items()}


def process_document(process: Process) -> dict[str, str | None]:
    """A process's fields as the history writes their values (names, codes, text)."""
    return {name: value_text(FIELD_BY_NAME[name].to_db(getattr(process, name)))
            for name in PROCESS_DOCUMENT}


def _doc_text(doc: Mapping[str, Any]) -> str:
    # Whole numbers without ".0", as PostgreSQL's json writes them.
    return json.dumps({name: int(value) if isinstance(value, float) and value.is_integer()
                       else value for name, value in doc.items()}, ensure_ascii=False)


def _chunks(keys: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), 500):  # stay under bind-parameter limits
        yield list(keys[start:start + 500])


def _describe_processes(connection: Connection,
                        keys: Collection[str] | None) -> dict[str, _Described]:
    # The trigger's order: the fields as the template lists them.
    names = {"bureau": bureaus.c.name.label("bureau"), "channel": channels.c.name.label("channel")}
    fields = [names[name] if name in names else processes.c[name] for name in PROCESS_DOCUMENT]
    query = (select(processes.c.id, processes.c.version, *fields)
             .join(bureaus, processes.c.bureau_id == bureaus.c.id)
             .join(channels, processes.c.channel_id == channels.c.id))
    selected = ([query] if keys is None else
                [query.where(processes.c.id.in_(chunk)) for chunk in _chunks(sorted(keys))])
    described: dict[str, _Described] = {}
    for statement in selected:
        for row in connection.execute(statement).mappings():
            doc = {name: value for name, value in row.items() if name not in ("id", "version")}
            described[row["id"]] = _Described(row["id"], row["bureau"], doc, row["version"])
    return described


def _describe_capacity(connection: Connection) -> dict[str, _Described]:
    query = select(bureau_capacity.c.bureau_id, bureau_capacity.c.quarter,
                   bureau_capacity.c.effort, bureaus.c.name).join(
        bureaus, bureau_capacity.c.bureau_id == bureaus.c.id)
    return {f"{bureau_id}/{quarter}": _Described(f"{name}/{quarter}", name, {"effort": effort})
            for bureau_id, quarter, effort, name in connection.execute(query)}


def _describe_channel_limits(connection: Connection) -> dict[str, _Described]:
    query = select(channel_limits.c.channel_id, channel_limits.c.quarter,
                   channel_limits.c.max_processes, channels.c.name).join(
        channels, channel_limits.c.channel_id == channels.c.id)
    return {f"{channel_id}/{quarter}": _Described(f"{name}/{quarter}", None,
                                                  {"max_processes": limit})
            for channel_id, quarter, limit, name in connection.execute(query)}


def _describe(connection: Connection, table: str,
              keys: Collection[str] | None) -> dict[str, _Described]:
    if table == "processes":
        return _describe_processes(connection, keys)
    if table == "bureau_capacity":
        return _describe_capacity(connection)
    if table == "channel_limits":
        return _describe_channel_limits(connection)
    if table == "bureaus":
        return {str(i): _Described(name, name, {"name": name})
                for i, name in connection.execute(select(bureaus.c.id, bureaus.c.name))}
    if table == "channels":
        return {str(i): _Described(name, None, {"name": name, "available_from": start})
                for i, name, start in connection.execute(
                    select(channels.c.id, channels.c.name, channels.c.available_from))}
    if table == "baselines":
        return {str(row.id): _Described(row.as_of, None, {
                    "scenario_name": row.scenario_name, "in_scope": row.in_scope,
                    "target_count": row.target_count, "deadline": row.deadline,
                    "note": row.note})
                for row in connection.execute(select(baselines))}
    raise ValueError(f"history does not track table {table}")


def _entries(table: str, before: Mapping[str, _Described],
             after: Mapping[str, _Described]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for pk, old in before.items():
        new = after.get(pk)
        if new is None:
            entries.append({"table_name": table, "row_key": old.key, "bureau": old.bureau,
                            "action": DELETE, "field": None,
                            "old_value": _doc_text(old.doc), "new_value": None,
                            "version": old.version})
            continue
        for field, value in new.doc.items():
            if value_text(value) != value_text(old.doc.get(field)):
                entries.append({"table_name": table, "row_key": new.key, "bureau": new.bureau,
                                "action": UPDATE, "field": field,
                                "old_value": value_text(old.doc.get(field)),
                                "new_value": value_text(value), "version": new.version})
    for pk, new in after.items():
        if pk not in before:
            entries.append({"table_name": table, "row_key": new.key, "bureau": new.bureau,
                            "action": INSERT, "field": None, "old_value": None,
                            "new_value": _doc_text(new.doc), "version": new.version})
    return entries


@contextmanager
def recorded(connection: Connection,
             tables: Mapping[str, Collection[str] | None]) -> Iterator[None]:
    """Record in ``history`` what the block changes in ``tables`` (name -> the keys of the
    rows it may touch, None for the whole table; keys only for ``processes``).

    On PostgreSQL the triggers record every change, so this does nothing there.
    """
    if connection.dialect.name == "postgresql":
        yield
        return
    unknown = set(tables) - set(TRACKED)
    if unknown:
        raise ValueError(f"history does not track {sorted(unknown)}")
    before = {table: _describe(connection, table, keys) for table, keys in tables.items()}
    yield
    entries: list[dict[str, Any]] = []
    for table, keys in tables.items():
        entries += _entries(table, before[table], _describe(connection, table, keys))
    if entries:
        stamp = {"changed_at": datetime.now(UTC).replace(tzinfo=None),
                 "login": current_login(connection)}
        connection.execute(insert(history), [stamp | entry for entry in entries])
