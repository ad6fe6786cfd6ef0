"""The inventory being edited: the processes in memory and what changed since loading.

Plain Python on purpose (no Qt): the item models adapt it, the undo commands change it
through the models, and saving asks it for the pending changes.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process


class InventoryStore:
    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.by_id: dict[str, Process] = {p.id: p for p in inventory.processes}
        # Keyed by id(obj): the process object is the identity (its ID may be edited).
        self._originals: dict[int, Process] = {}  # loaded rows, as loaded, once edited
        self._touched: dict[int, Process] = {}
        self._removed: dict[int, Process] = {}  # loaded rows deleted in this session
        self.capacity_changed = False
        self._keep_grids_as_loaded()

    def _keep_grids_as_loaded(self) -> None:
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
        self._keep_grids_as_loaded()

    def is_touched(self, process: Process) -> bool:
        return id(process) in self._touched

    def channel_names(self) -> set[str]:
        return {channel.name for channel in self.inventory.channels}

    def original(self, process: Process) -> Process:
        return self._originals.get(id(process), process)

    def touched(self) -> list[Process]:
        present = {id(p) for p in self.processes}
        return [p for key, p in self._touched.items() if key in present]

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
