"""``dx-planner history``: who changed what, when — one line per changed field, old → new.

``main.py`` registers it with ``add_history_parser(commands)``.
"""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from dx_planner.cli.errors import UserError
from dx_planner.cli.usage import Commands
from dx_planner.domain.validation import id_key
from dx_planner.output_files import check_writable, replaced_atomically
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import (
    DELETE,
    INSERT,
    Change,
    HistoryFilter,
    bureau_names,
    cell_text,
    has_bureau,
    has_process,
    read_history,
    row_cells,
)

CSV_HEADER = ("time", "login", "table", "key", "bureau", "action", "field", "old", "new")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_history_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "history", help="who changed what, when: one line per changed field, old → new",
        description="The change history of processes, capacity, channels and baselines.")
    parser.add_argument("--process", metavar="ID", help="only this process (手続ID)")
    parser.add_argument("--bureau", metavar="NAME",
                        help="only this bureau's processes and capacity")
    parser.add_argument("--user", metavar="LOGIN", help="only changes by this login")
    parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                        help="only changes on or after this day (local time)")
    parser.add_argument("--csv", type=Path, metavar="FILE",
                        help="write the changes to a CSV file instead of printing them")
    parser.set_defaults(handler=cmd_history)


def _shown(value: str | None) -> str:
    return "∅" if value is None or value == "" else value


def describe(change: Change) -> str:
    """The change in words, values as the workbook shows them: ``status: 未着手 → 対応中``
    or ``added: name=…, type=届出, …``."""
    if change.action in (INSERT, DELETE):
        fields = ", ".join(f"{name}={_shown(value)}" for name, value in row_cells(change).items())
        return f"{'added' if change.action == INSERT else 'deleted'}: {fields}"
    return (f"{change.field}: {_shown(cell_text(change.table, change.field, change.old))} → "
            f"{_shown(cell_text(change.table, change.field, change.new))}")


def csv_values(change: Change) -> tuple[str, str]:
    """The old and new columns of the CSV: a changed field's values, or the added or deleted
    row as JSON, values as the workbook shows them."""
    if change.action in (INSERT, DELETE):
        row = json.dumps(row_cells(change), ensure_ascii=False)
        return ("", row) if change.action == INSERT else (row, "")
    return (cell_text(change.table, change.field, change.old),
            cell_text(change.table, change.field, change.new))


def line(change: Change) -> str:
    moment = change.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"{moment}  {change.login}  {change.table} {change.key}  {describe(change)}"


def _refuse_unknown_names(connection: Connection, args: argparse.Namespace) -> None:
    """A bureau or process ID the database never held is a typo, not an empty history. (A
    login is not checked: one that changed nothing is no mistake.)"""
    if args.bureau is not None and not has_bureau(connection, args.bureau):
        known = "、".join(bureau_names(connection)) or "none yet"
        raise UserError(f"unknown bureau '{args.bureau}' (known: {known})")
    if args.process is not None and not has_process(connection, args.process):
        wanted = id_key(args.process)
        near = next((pid for pid in repository.process_ids(connection)
                     if id_key(pid) == wanted), None)
        raise UserError(f"unknown process ID '{args.process}': not in the inventory or its "
                        "history" + (f" (did you mean '{near}'?)" if near else ""))


def cmd_history(args: argparse.Namespace) -> int:
    if args.csv is not None:
        check_writable(args.csv)
    engine = open_database(args.db)
    try:
        with engine.connect() as connection:
            _refuse_unknown_names(connection, args)
            changes = read_history(connection, HistoryFilter(
                process=args.process, bureau=args.bureau, login=args.user, since=args.since))
    finally:
        engine.dispose()
    if args.csv is None:
        for change in changes:
            print(line(change))
        if not changes:
            print("no changes match")
        return 0
    with replaced_atomically(args.csv) as temporary, \
            temporary.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_HEADER)
        for change in changes:
            writer.writerow((change.changed_at.isoformat(), change.login, change.table,
                             change.key, change.bureau or "", change.action, change.field or "",
                             *csv_values(change)))
    print(f"{len(changes)} change(s) written to {args.csv}")
    return 0
