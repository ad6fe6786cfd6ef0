"""Saving an editing session (the desktop app's 保存): one transaction, history included.

Refused whole, before anything is written, when it touches rows outside the login's rights
(``RightsRefused`` lists each one as ``sheet / row / column: message``). Every changed or
deleted process must still be at the version it was read at — otherwise nothing is written
and ``repository.ConflictError`` names the rows — so no edit committed by someone else in
between is ever overwritten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.persistence import repository
from dx_planner.persistence.database import write_transaction
from dx_planner.persistence.grids import rebase_bureaus, rebase_channels
from dx_planner.persistence.history import recorded
from dx_planner.persistence.permissions import find_refusals
from dx_planner.persistence.rights import load_rights
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
    # The whole capacity grids when they were edited, else None; with the grids as they were
    # loaded (``base_…``), only the cells the user changed are written, each checked against
    # its loaded value (``grids``); without, the grids given are the whole truth.
    bureaus: Sequence[Bureau] | None = None
    channels: Sequence[Channel] | None = None
    base_bureaus: Sequence[Bureau] | None = None
    base_channels: Sequence[Channel] | None = None
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
    after: dict[str, str | None] = {p.id: p.bureau for p in (*edits.changed, *edits.added)}
    after.update({p.id: None for p in edits.deleted})
    before = repository.bureaus_of(connection, after)
    found = find_refusals(
        connection, rights, processes={pid: (before.get(pid), bureau)
                                       for pid, bureau in after.items()},
        bureaus=edits.bureaus, channels=edits.channels)
    return ([f"{PROCESS_SHEET} / {pid} / {CAPACITY_BUREAU_HEADER}: {message}"
             for pid, message in found.processes.items()]
            + [f"{CAPACITY_SHEET} / {bureau} / {CAPACITY_BUREAU_HEADER}: {message}"
               for bureau, message in found.capacity.items()]
            + [f"{CHANNEL_SHEET} / {name} / {CHANNEL_SHEET}: {message}"
               for name, message in found.channels.items()])


def _rebased(connection: Connection, edits: Edits) -> Edits:
    """``edits`` with its grids reduced to the user's own changes on the stored grids;
    ``grids.GridConflict`` when someone else changed one of those cells."""
    bureaus, channels = edits.bureaus, edits.channels
    if bureaus is not None and edits.base_bureaus is not None:
        bureaus = rebase_bureaus(repository.load_bureaus(connection), edits.base_bureaus,
                                 bureaus)
    if channels is not None and edits.base_channels is not None:
        channels = rebase_channels(repository.load_channels(connection), edits.base_channels,
                                   channels)
    return dataclasses.replace(edits, bureaus=bureaus, channels=channels)


def save_edits(engine: Engine, edits: Edits) -> dict[str, int]:
    """Write ``edits`` in one transaction; returns the new version of each written process.

    Raises ``RightsRefused``, ``repository.ConflictError`` (processes) or
    ``grids.GridConflict`` (capacity cells); then nothing is written.
    """
    touched: dict[str, Collection[str] | None] = {"processes": edits.process_ids}
    if edits.bureaus is not None or edits.channels is not None:
        touched.update(dict.fromkeys(CAPACITY_TABLES))
    # A write transaction from its first read: on SQLite it queues behind another writer
    # instead of failing at once when its reads would need upgrading to a write.
    with write_transaction(engine) as connection, recorded(connection, touched):
        edits = _rebased(connection, edits)
        problems = refusals(connection, edits)
        if problems:
            raise RightsRefused(problems)
        if edits.bureaus is not None:
            repository.replace_bureau_capacity(connection, edits.bureaus)
        if edits.channels is not None:
            repository.upsert_channels(connection, edits.channels)
        return repository.save_edits(connection, edits.changed, edits.added, edits.deleted)
