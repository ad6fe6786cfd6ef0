"""What a set of changes asks of the login's rights: every change it may not make, found
before anything is written, so that an import or a save is refused whole and names each row.

PostgreSQL would refuse these writes anyway (row-level security); checking first turns a
database error half-way into a list the user can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from dx_planner.domain.inventory import Bureau, Channel
from dx_planner.persistence import repository
from dx_planner.persistence.rights import Rights


@dataclass(frozen=True, slots=True)
class Refusals:
    """Why each change may not be made, by process ID, bureau (capacity) and channel."""

    processes: dict[str, str] = field(default_factory=dict)
    capacity: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.processes or self.capacity or self.channels)


def find_refusals(connection: Connection, rights: Rights, *,
                  processes: Mapping[str, tuple[str | None, str | None]] | None = None,
                  bureaus: Sequence[Bureau] | None = None,
                  channels: Sequence[Channel] | None = None) -> Refusals:
    """``processes``: process ID -> (stored bureau or None when new, bureau afterwards or
    None when deleted); ``bureaus``: the whole capacity grid to be stored; ``channels``: the
    channels to be stored (others stay as they are)."""
    if rights.is_admin:
        return Refusals()
    refusals = Refusals()
    for pid, (before, after) in (processes or {}).items():
        message = _process_refusal(rights, before, after)
        if message:
            refusals.processes[pid] = message
    if bureaus is not None:
        stored = {b.name: b.capacity for b in repository.load_bureaus(connection)}
        wanted = {b.name: b.capacity for b in bureaus}
        changed = [name for name in dict.fromkeys([*wanted, *stored])
                   if wanted.get(name, {}) != stored.get(name, {})]
        refusals.capacity.update(_capacity_refusals(rights, changed))
    if channels is not None:
        stored_channels = {c.name: (c.available_from, c.limits)
                           for c in repository.load_channels(connection)}
        for channel in channels:
            if stored_channels.get(channel.name) != (channel.available_from, channel.limits):
                refusals.channels[channel.name] = \
                    f"only an admin changes channels ({rights.described})"
    return refusals


def _process_refusal(rights: Rights, before: str | None, after: str | None) -> str | None:
    if rights.read_only:
        return f"{rights.login} may only read (viewer)"
    if before is not None and not rights.may_edit_bureau(before):
        return f"belongs to {before}, not to your bureaus ({_yours(rights)})"
    if after is not None and not rights.may_edit_bureau(after):
        verb = "add a process to" if before is None else "move a process to"
        return f"you may not {verb} {after}: not one of your bureaus ({_yours(rights)})"
    return None


def _capacity_refusals(rights: Rights, changed_bureaus: Iterable[str]) -> dict[str, str]:
    return {bureau: (f"{rights.login} may only read (viewer)" if rights.read_only
                     else f"not one of your bureaus ({_yours(rights)})")
            for bureau in changed_bureaus if not rights.may_edit_bureau(bureau)}


def _yours(rights: Rights) -> str:
    return "、".join(sorted(rights.bureaus)) or "none"
