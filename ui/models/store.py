"""The inventory being edited: the processes in memory and what changed since loading.

Plain Python on purpose (no Qt): the item models adapt it, the undo commands change it
through the models, and saving asks it for the pending changes.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process

_CONTENT = tuple(f.name for f in dataclasses.fields(Process) if f.name != "version")


@dataclass
class RemoteChanges:
    """What other users committed, sorted against the rows here (``sort_remote``)."""

    changed: list[tuple[Process, Process]] = field(default_factory=list)  # (here, stored)
    added: list[Process] = field(default_factory=list)
    removed: list[Process] = field(default_factory=list)
    conflicts: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed or self.conflicts)


class InventoryStore:
    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.by_id: dict[str, Process] = {p.id: p for p in inventory.processes}
        # Keyed by id(obj): the process object is the identity (its ID may be edited).
        self._originals: dict[int, Process] = {}  # loaded rows, as loaded, once edited
        self._touched: dict[int, Process] = {}
        self._removed: dict[int, Process] = {}  # loaded rows deleted in this session
        self.capacity_changed = False
        self.keep_grids_as_loaded()

    def keep_grids_as_loaded(self) -> None:
        """The capacity grids as loaded or last saved: a save writes only the cells that
        differ from them (another user's change to other cells stays)."""
        self.base_bureaus = copy.deepcopy(self.inventory.bureaus)
        self.base_channels = copy.deepcopy(self.inventory.channels)

    def changed_cells(self) -> int:
        """Capacity cells (a bureau's quarter, a channel's start or quarter limit) that differ
        from the grids as loaded or last saved."""
        def differing(old: dict[Any, Any], new: dict[Any, Any]) -> int:
            return sum(1 for key in old.keys() | new.keys() if old.get(key) != new.get(key))

        cells = 0
        for old_items, new_items in ((self.base_bureaus, self.inventory.bureaus),
                                     (self.base_channels, self.inventory.channels)):
            old_by_name = {item.name: item for item in old_items}
            for item in new_items:
                before = old_by_name.get(item.name)
                if isinstance(item, Bureau):
                    base = before.capacity if isinstance(before, Bureau) else {}
                    cells += differing(base, item.capacity)
                else:
                    old_channel = before if isinstance(before, Channel) else Channel(item.name)
                    cells += differing(old_channel.limits, item.limits)
                    cells += old_channel.available_from != item.available_from
        return cells

    @property
    def processes(self) -> list[Process]:
        return self.inventory.processes

    # -- changes --------------------------------------------------------------------
    def set_value(self, process: Process, field: str, value: Any) -> None:
        key = id(process)
        if process.version and key not in self._originals:
            self._originals[key] = copy.copy(process)
        self._touched[key] = process
        if field == "id":
            self.by_id.pop(process.id, None)
            self.by_id[value] = process
        setattr(process, field, value)

    def insert_at(self, placed: Sequence[tuple[int, Process]]) -> None:
        """Insert processes at positions given in ascending order (as ``remove`` returned)."""
        for position, process in placed:
            self.processes.insert(min(position, len(self.processes)), process)
            self.by_id[process.id] = process
            self._removed.pop(id(process), None)
            self._touched[id(process)] = process

    def remove(self, processes: Sequence[Process]) -> list[int]:
        """Remove the given processes; returns their former positions (ascending)."""
        doomed = {id(p) for p in processes}
        positions = [i for i, p in enumerate(self.processes) if id(p) in doomed]
        self.inventory.processes = [p for p in self.processes if id(p) not in doomed]
        for process in processes:
            self.by_id.pop(process.id, None)
            if process.version:
                self._removed[id(process)] = self._originals.get(id(process), process)
        return positions

    # -- saving ---------------------------------------------------------------------
    def pending(self) -> tuple[list[Process], list[Process], list[Process]]:
        """(changed, added, deleted) since the last load or save."""
        present = {id(p) for p in self.processes}
        changed: list[Process] = []
        added: list[Process] = []
        for key, process in self._touched.items():
            if key not in present:
                continue
            if not process.version:
                added.append(process)
            elif not process.same_content(self._originals.get(key, process)):
                changed.append(process)
        deleted = list(self._removed.values())
        return changed, added, deleted

    def has_pending(self) -> bool:
        changed, added, deleted = self.pending()
        return bool(changed or added or deleted or self.capacity_changed)

    def mark_saved(self, versions: dict[str, int]) -> None:
        for pid, version in versions.items():
            process = self.by_id.get(pid)
            if process is not None:
                process.version = version
        self._originals.clear()
        self._touched.clear()
        self._removed.clear()
        self.capacity_changed = False
        self.keep_grids_as_loaded()

    def removed(self) -> list[Process]:
        """Stored rows deleted here (as loaded), pending."""
        return list(self._removed.values())

    def is_touched(self, process: Process) -> bool:
        return id(process) in self._touched

    def channel_names(self) -> set[str]:
        return {channel.name for channel in self.inventory.channels}

    def original(self, process: Process) -> Process:
        return self._originals.get(id(process), process)

    def touched(self) -> list[Process]:
        present = {id(p) for p in self.processes}
        return [p for key, p in self._touched.items() if key in present]

    # -- other users' commits --------------------------------------------------------
    def sort_remote(self, fresh: dict[str, Process | None]) -> RemoteChanges:
        """Compare the database's copy of some rows (None: not stored) with the rows here:
        rows not edited here can follow the database, rows edited here that someone else
        changed meanwhile are conflicts. Nothing is changed yet."""
        result = RemoteChanges()
        removed_here = {p.id: p for p in self._removed.values()}
        for pid, stored in fresh.items():
            local = self.by_id.get(pid)
            if local is None or not local.version:
                if pid in removed_here:
                    if stored is None or stored.version != removed_here[pid].version:
                        result.conflicts.add(pid)
                elif stored is not None and local is None:
                    result.added.append(stored)
                elif stored is not None:
                    result.conflicts.add(pid)  # added here under an ID just stored there
                continue
            if stored is not None and stored.version == local.version:
                continue  # nothing new (e.g. our own save)
            if self.is_touched(local):
                result.conflicts.add(pid)
            elif stored is None:
                result.removed.append(local)
            else:
                result.changed.append((local, stored))
        return result

    def adopt(self, processes: Sequence[Process]) -> None:
        """Rows someone else added: shown, not pending."""
        for process in processes:
            self.processes.append(process)
            self.by_id[process.id] = process

    def drop(self, processes: Sequence[Process]) -> None:
        """Rows someone else deleted: gone here too, not pending."""
        doomed = {id(p) for p in processes}
        self.inventory.processes = [p for p in self.processes if id(p) not in doomed]
        for process in processes:
            self.by_id.pop(process.id, None)

    def keep_mine(self, stored: dict[str, Process | None]) -> None:
        """After a conflict, keep the local edits of these rows over the database's copy
        (``stored``; None: deleted there): they become edits of that copy, saved next."""
        for pid, copy_there in stored.items():
            local = self.by_id.get(pid)
            removed_key = next((key for key, p in self._removed.items() if p.id == pid), None)
            if removed_key is not None:
                if copy_there is None:
                    del self._removed[removed_key]  # deleted both here and there
                else:
                    self._removed[removed_key] = copy_there
                continue
            if local is None:
                continue
            key = id(local)
            self._touched[key] = local
            if copy_there is None:
                local.version = 0  # deleted there: saving adds it again
                self._originals.pop(key, None)
                continue
            # Their row with my changes on top: a field only they changed keeps their value.
            original = self._originals.get(key, local)
            mine = {name: getattr(local, name) for name in _CONTENT
                    if getattr(local, name) != getattr(original, name)}
            for name in local.__slots__:
                setattr(local, name, getattr(copy_there, name))
            for name, value in mine.items():
                setattr(local, name, value)
            self._originals[key] = copy.copy(copy_there)

    def replace_rows(self, fresh: dict[str, Process | None]) -> None:
        """Take the database's copy of the given rows (after a conflict); None = deleted."""
        for pid, process in fresh.items():
            current = self.by_id.get(pid)
            if current is None:
                continue
            self._originals.pop(id(current), None)
            self._touched.pop(id(current), None)
            if process is None:
                self.remove([current])
                self._removed.pop(id(current), None)
                continue
            for name in process.__slots__:
                setattr(current, name, getattr(process, name))
        for key, removed in list(self._removed.items()):
            if removed.id in fresh:
                del self._removed[key]
