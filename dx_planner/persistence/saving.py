"""Saving an editing session (the desktop app's 保存): one transaction, history included.

Refused whole, before anything is written, when it touches rows outside the login's rights
(``RightsRefused`` lists each one as ``sheet / row / column: message``). Every changed or
deleted process must still be at the version it was read at — otherwise nothing is written
and ``repository.ConflictError`` names the rows — so no edit committed by someone else in
between is ever overwritten.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.persistence import repository
from dx_planner.persistence.history import recorded
from dx_planner.persistence.rights import capacity_refusals, load_rights, process_refusals
from dx_planner.workbook.template import (
    CAPACITY_BUREAU_HEADER,
    CAPACITY_SHEET,
    CHANNEL_SHEET,
    PROCESS_SHEET,
)

CAPACITY_TABLES = ("bureaus", "bureau_capacity", "channels", "channel_limits")


@dataclass(frozen=True, slots=True)
class Edits:
    changed: Sequence[Process] = ()
    added: Sequence[Process] = ()
    deleted: Sequence[Process] = ()
    # The whole capacity grids when they were edited, else None.
    bureaus: Sequence[Bureau] | None = None
    channels: Sequence[Channel] | None = None
    process_ids: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "process_ids", frozenset(
            p.id for p in (*self.changed, *self.added, *self.deleted)))


class RightsRefused(Exception):
    """Changes outside the login's rights; ``problems`` lists every one."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def refusals(connection: Connection, edits: Edits) -> list[str]:
    """Every change in ``edits`` the connected login has no right to make."""
    rights = load_rights(connection)
    if rights.is_admin:
        return []
    incoming: dict[str, str | None] = {p.id: p.bureau for p in (*edits.changed, *edits.added)}
    incoming.update({p.id: None for p in edits.deleted})
    problems = [f"{PROCESS_SHEET} / {pid} / {CAPACITY_BUREAU_HEADER}: {message}"
                for pid, message in process_refusals(
                    rights, repository.bureaus_of(connection, incoming), incoming).items()]
    if edits.bureaus is not None:
        stored = {b.name: b.capacity for b in repository.load_bureaus(connection)}
        wanted = {b.name: b.capacity for b in edits.bureaus}
        changed = [name for name in dict.fromkeys([*wanted, *stored])
                   if wanted.get(name, {}) != stored.get(name, {})]
        problems += [f"{CAPACITY_SHEET} / {bureau} / {CAPACITY_BUREAU_HEADER}: {message}"
                     for bureau, message in capacity_refusals(rights, changed).items()]
    if edits.channels is not None:
        stored_channels = {c.name: (c.available_from, c.limits)
                           for c in repository.load_channels(connection)}
        problems += [f"{CHANNEL_SHEET} / {c.name} / {CHANNEL_SHEET}: only an admin changes "
                     f"channels ({rights.described})"
                     for c in edits.channels
                     if stored_channels.get(c.name) != (c.available_from, c.limits)]
    return problems


def save_edits(engine: Engine, edits: Edits) -> dict[str, int]:
    """Write ``edits`` in one transaction; returns the new version of each written process."""
    touched: dict[str, Collection[str] | None] = {"processes": edits.process_ids}
    if edits.bureaus is not None or edits.channels is not None:
        touched.update(dict.fromkeys(CAPACITY_TABLES))
    with engine.begin() as connection, recorded(connection, touched):
        problems = refusals(connection, edits)
        if problems:
            raise RightsRefused(problems)
        if edits.bureaus is not None:
            repository.replace_bureau_capacity(connection, edits.bureaus)
        if edits.channels is not None:
            repository.upsert_channels(connection, edits.channels)
        return repository.save_edits(connection, edits.changed, edits.added, edits.deleted)
