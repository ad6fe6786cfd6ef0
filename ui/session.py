"""One open database: its inventory in memory, the models over it, the undo stack, and the
current plan. Widgets are built over a session; switching language or database rebuilds
the widgets, not the session's data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import Engine

from dx_planner.domain.inventory import Inventory, Process
from dx_planner.persistence import repository, saving
from dx_planner.persistence.grids import GridConflict
from dx_planner.persistence.history import Change, process_document, read_changes_of
from dx_planner.persistence.rights import Rights, load_rights
from dx_planner.planning.result import PlanResult
from ui.commands import UndoStackRecorder
from ui.models.capacity_model import BureauCapacityModel, ChannelCapacityModel
from ui.models.inventory_model import InventoryModel
from ui.models.kpis import KpiTracker
from ui.models.store import InventoryStore, RemoteChanges
from ui.texts import tr_format

if TYPE_CHECKING:  # the solver loads with the first run, not at start
    from dx_planner.planning.outlook import OutlookStart


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """One change someone else committed to a row edited here (None: not in the history),
    with this session's value of the same field when it was changed here too."""

    process_id: str
    theirs: Change | None
    mine: str | None
    deleted_here: bool


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

    # Other users' commits were taken in (or marked as conflicts): (refreshed, conflicts).
    remoteApplied = Signal(int, int)

    def __init__(self, engine: Engine, location: str, inventory: Inventory,
                 parent: QObject | None = None, rights: Rights | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.location = location
        if rights is None:
            with engine.connect() as connection:
                rights = load_rights(connection)
        self.rights = rights
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
        # where the live outlook re-solves from after an edit (the last solve's plan and
        # prices); None: no outlook (no solve in this session, or stable re-planning)
        self.outlook_start: OutlookStart | None = None
        self._dirty = False
        self.undo_stack.indexChanged.connect(self._update_dirty)
        self._apply_rights()

    def _apply_rights(self) -> None:
        """Rows the login may not change are read-only (PostgreSQL would refuse them)."""
        rights = self.rights
        self.model.may_edit = lambda process: rights.may_edit_bureau(process.bureau)
        self.bureau_model.may_edit_row = lambda row: (
            row < len(self.bureau_model.bureaus)
            and rights.may_edit_bureau(self.bureau_model.bureaus[row].name))
        self.channel_model.may_edit_row = lambda _row: rights.is_admin

    @property
    def is_team_database(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @classmethod
    def open(cls, engine: Engine, location: str, parent: QObject | None = None) -> Session:
        with engine.connect() as connection:
            inventory = repository.load_inventory(connection)
            rights = load_rights(connection)
        return cls(engine, location, inventory, parent, rights)

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

    # -- other users' commits -------------------------------------------------------------
    def stored_rows(self, process_ids: Iterable[str] | None = None) -> dict[str, Process | None]:
        """The database's copy of these processes (None: not stored); all when None."""
        with self.engine.connect() as connection:
            found = repository.load_processes(
                connection, None if process_ids is None else set(process_ids))
        fresh: dict[str, Process | None] = {p.id: p for p in found}
        if process_ids is not None:
            fresh.update({pid: None for pid in process_ids if pid not in fresh})
        else:  # every row here that is stored no longer
            fresh.update({p.id: None for p in self.store.processes
                          if p.version and p.id not in fresh})
        return fresh

    def take_remote(self, fresh: dict[str, Process | None]) -> RemoteChanges:
        """Show what others committed: rows not edited here follow the database, rows edited
        here that others changed become conflicts (shown, resolved at the next save)."""
        changes = self.store.sort_remote(fresh)
        if changes:
            self.model.apply_remote(changes)
            self._update_dirty()
            self.remoteApplied.emit(len(changes.changed) + len(changes.added)
                                    + len(changes.removed), len(changes.conflicts))
        return changes

    def reload_grids_unless_edited(self) -> bool:
        """Take others' capacity and channel changes, unless the grids have edits here."""
        if self.store.capacity_changed:
            return False
        self._reload_grids()
        self.store.keep_grids_as_loaded()
        return True

    def conflict_details(self, process_ids: list[str]) -> list[ConflictLine]:
        """What others changed in these rows since they were loaded here (from the history),
        next to what was changed here."""
        loaded: dict[str, Process] = {}
        for process in self.store.processes:
            if process.id in process_ids:
                loaded[process.id] = self.store.original(process)
        for process in self.store.removed():
            if process.id in process_ids:
                loaded[process.id] = process
        mine = {p.id: p for p in self.store.processes if p.id in process_ids}
        with self.engine.connect() as connection:
            changes = read_changes_of(connection, "processes", process_ids)
        lines: list[ConflictLine] = []
        for pid in process_ids:
            since = loaded[pid].version if pid in loaded else 0
            theirs = [c for c in changes if c.key == pid and (c.version or 0) > since]
            edited = mine.get(pid)
            original = loaded.get(pid)
            for change in theirs:
                ours: str | None = None
                if change.field and edited is not None and original is not None \
                        and hasattr(edited, change.field):
                    here = process_document(edited).get(change.field)
                    if here != process_document(original).get(change.field):
                        ours = here
                lines.append(ConflictLine(pid, change, ours, edited is None))
            if not theirs:
                lines.append(ConflictLine(pid, None, None, edited is None))
        return lines

    def keep_mine(self, process_ids: list[str]) -> None:
        """After a conflict: keep the local edits of these rows on top of the database's
        current copy (fields only the other user changed take their value); the next save
        writes them (the user has seen what the other user changed)."""
        self.store.keep_mine(self.stored_rows(process_ids))
        self.model.set_conflicts(self.model.conflicts - set(process_ids))
        self._update_dirty()

    def take_database_rows(self, process_ids: list[str]) -> None:
        """After a conflict: replace the given rows by the database's copy, dropping the
        local edits to them. Undo history is cleared since it refers to the old values."""
        fresh = self.stored_rows(process_ids)
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
    def set_plan(self, result: PlanResult | None, name: str | None,
                 outlook_start: OutlookStart | None = None) -> None:
        self.plan, self.plan_name = result, name
        self.outlook_start = outlook_start
        if result is not None:
            self.kpis.deadline = result.settings.deadline
            self.kpis.target_share = result.settings.target_share or self.kpis.target_share
            self.kpis.target_count = (None if result.settings.target_share is not None
                                      else result.settings.target_count)
        self.model.set_plan(dict(result.assignments) if result else {})
        self.planChanged.emit()

    def close(self) -> None:
        self.engine.dispose()
