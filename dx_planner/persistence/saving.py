"""Saving an editing session (the desktop app's 保存): one transaction, history included.

Every changed or deleted process must still be at the version it was read at — otherwise
nothing is written and ``repository.ConflictError`` names the rows — so no edit committed
by someone else in between is ever overwritten.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine

from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.persistence import repository
from dx_planner.persistence.history import recorded

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


def save_edits(engine: Engine, edits: Edits) -> dict[str, int]:
    """Write ``edits`` in one transaction; returns the new version of each written process."""
    touched: dict[str, Collection[str] | None] = {"processes": edits.process_ids}
    if edits.bureaus is not None or edits.channels is not None:
        touched.update(dict.fromkeys(CAPACITY_TABLES))
    with engine.begin() as connection, recorded(connection, touched):
        if edits.bureaus is not None:
            repository.replace_bureau_capacity(connection, edits.bureaus)
        if edits.channels is not None:
            repository.upsert_channels(connection, edits.channels)
        return repository.save_edits(connection, edits.changed, edits.added, edits.deleted)
