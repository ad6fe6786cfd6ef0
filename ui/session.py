"""One open database: its inventory in memory, the models over it, the undo stack, and the
current plan. Widgets are built over a session; switching language or database rebuilds
the widgets, not the session's data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import Engine

from dx_planner.domain.inventory import Inventory, Process
from dx_planner.persistence import repository, saving
from dx_planner.persistence.grids import GridConflict
from dx_planner.planning.result import PlanResult
from ui.commands import UndoStackRecorder
from ui.models.capacity_model import BureauCapacityModel, ChannelCapacityModel
from ui.models.inventory_model import InventoryModel
from ui.models.kpis import KpiTracker
from ui.models.store import InventoryStore
from ui.texts import tr_format


class ValidationFailed(Exception):
    """Edited rows break the template's rules; ``problems`` says where."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save wrote: processes changed, added or deleted, and capacity cells."""

    processes: int
    capacity_cells: int


class Session(QObject):
    dirtyChanged = Signal(bool)
    planChanged = Signal()
    inventoryReplaced = Signal()
    saved = Signal()  # pending edits were written to the database

    def __init__(self, engine: Engine, location: str, inventory: Inventory,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.location = location
        self.undo_stack = QUndoStack(self)
        recorder = UndoStackRecorder(self.undo_stack)
        self.kpis = KpiTracker(self)
        self.store = InventoryStore(inventory)
        self.model = InventoryModel(self.store, recorder, self.kpis, self)
        self.bureau_model = BureauCapacityModel(inventory.bureaus, recorder,
                                                self._capacity_changed, self)
        self.channel_model = ChannelCapacityModel(inventory.channels, recorder,
                                                  self._capacity_changed, self)
        self.plan: PlanResult | None = None
        self.plan_name: str | None = None
        self._dirty = False
        self.undo_stack.indexChanged.connect(self._update_dirty)

    @classmethod
    def open(cls, engine: Engine, location: str, parent: QObject | None = None) -> Session:
        with engine.connect() as connection:
            inventory = repository.load_inventory(connection)
        return cls(engine, location, inventory, parent)

    # -- dirty state ---------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _capacity_changed(self) -> None:
        self.store.capacity_changed = True
        self._update_dirty()

    def _update_dirty(self) -> None:
        # From the pending changes, not the undo stack: undoing back to the loaded values
        # is clean, and a reload after a conflict clears the stack but keeps other edits.
        dirty = self.store.has_pending()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    # -- saving --------------------------------------------------------------------------
    def problems(self) -> list[str]:
        found = []
        for process in self.store.touched():
            for field, message in self.model.problems(process).items():
                found.append(f"{process.id} / {field}: {message}")
        return found

    def save(self) -> Saved:
        """Write every pending change in one transaction; returns what was written.

        Raises ``ValidationFailed`` for invalid rows and ``repository.ConflictError`` when
        rows were changed in the database since they were loaded: then nothing is written.
        """
        problems = self.problems()
        if problems:
            raise ValidationFailed(problems)
        changed, added, deleted = self.store.pending()
        inventory = self.store.inventory
        capacity = self.store.capacity_changed
        cells = self.store.changed_cells() if capacity else 0
        try:
            versions = saving.save_edits(self.engine, saving.Edits(
                changed, added, deleted, bureaus=inventory.bureaus if capacity else None,
                channels=inventory.channels if capacity else None,
                base_bureaus=self.store.base_bureaus, base_channels=self.store.base_channels))
        except saving.RightsRefused as refused:  # shown like invalid rows: nothing written
            raise ValidationFailed(refused.problems) from None
        except GridConflict as conflict:
            raise ValidationFailed([
                tr_format(self.tr("%1 / %2: 読み込み後に他の利用者が変更しました"
                                  "（再読み込みしてください）"), row, column)
                for row, column in conflict.cells
            ]) from None
        if capacity:
            self._reload_grids()  # now with other users' cells too
        self.store.mark_saved(versions)
        self.model.set_conflicts(set())
        self._update_dirty()
        self.saved.emit()
        return Saved(len(changed) + len(added) + len(deleted), cells)

    def _reload_grids(self) -> None:
        with self.engine.connect() as connection:
            bureaus = repository.load_bureaus(connection)
            channels = repository.load_channels(connection)
        self.store.inventory.bureaus[:] = bureaus
        self.store.inventory.channels[:] = channels
        self.bureau_model.set_bureaus(self.store.inventory.bureaus)
        self.channel_model.set_channels(self.store.inventory.channels)

    def take_database_rows(self, process_ids: list[str]) -> None:
        """After a conflict: replace the given rows by the database's copy, dropping the
        local edits to them. Undo history is cleared since it refers to the old values."""
        wanted = set(process_ids)
        with self.engine.connect() as connection:
            fresh: dict[str, Process | None] = {
                p.id: p for p in repository.load_processes(connection) if p.id in wanted}
        for pid in wanted - fresh.keys():
            fresh[pid] = None
        self.store.replace_rows(fresh)
        self.undo_stack.clear()
        self.model.set_conflicts(set())
        self.model.reload(self.store)
        self._update_dirty()

    def replace_inventory(self, inventory: Inventory) -> None:
        """Show a freshly loaded inventory (after an import, a demo load or a reload)."""
        self.undo_stack.clear()
        self.store = InventoryStore(inventory)
        self.model.reload(self.store)
        self.bureau_model.set_bureaus(inventory.bureaus)
        self.channel_model.set_channels(inventory.channels)
        self._update_dirty()
        self.inventoryReplaced.emit()

    # -- plan ----------------------------------------------------------------------------
    def set_plan(self, result: PlanResult | None, name: str | None) -> None:
        self.plan, self.plan_name = result, name
        if result is not None:
            self.kpis.deadline = result.settings.deadline
            self.kpis.target_share = result.settings.target_share or self.kpis.target_share
            self.kpis.target_count = (None if result.settings.target_share is not None
                                      else result.settings.target_count)
        self.model.set_plan(dict(result.assignments) if result else {})
        self.planChanged.emit()

    def close(self) -> None:
        self.engine.dispose()
