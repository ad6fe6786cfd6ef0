"""The inventory table: a QAbstractTableModel over the in-memory processes.

Sorting and filtering happen here on a list of row objects (the view order), never through
a proxy model: each keystroke or header click is one pass in Python over 28,000 rows, not
hundreds of thousands of callbacks. Edits are recorded for undo through an
``EditRecorder`` (``ui.models.edits``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.fields import FieldKind
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.validation import InvalidValue
from ui.i18n import enum_label, quarter_label
from ui.models.columns import COLUMN_INDEX, COLUMNS, PLANNED, Column, header_text
from ui.models.edits import EditRecorder
from ui.models.filter import InventoryFilter
from ui.models.kpis import KpiTracker
from ui.models.store import InventoryStore, RemoteChanges
from ui.models.table_base import AnyIndex
from ui.models.validation import checked_value, rejection_message, row_problems
from ui.texts import tr_format

EditValue = tuple[Process, str, Any]  # process, field, new value

_PROBLEM = QBrush(QColor("#f8c9c4"))
_CONFLICT = QBrush(QColor("#f5b041"))
_EDITED = QBrush(QColor("#fff4c2"))
_READ_ONLY = QBrush(QColor("#5d6d7e"))
_OTHER_BUREAU = QBrush(QColor("#eceff1"))  # rows the login may not change (team database)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_NUMBERS = (FieldKind.COUNT, FieldKind.AMOUNT)


def _sort_key(column: Column, planned: dict[str, Quarter]) -> Callable[[Process], Any]:
    """A key that sorts blanks last and enumerations in their domain order."""
    key = column.key
    if column.field is None:
        return lambda p: (planned[p.id].ordinal if p.id in planned else 1 << 30)
    if column.kind is FieldKind.QUARTER:
        return lambda p: (q.ordinal if (q := getattr(p, key)) is not None else 1 << 30)
    if column.kind is FieldKind.ENUM and column.field.enum is not None:
        order: dict[Any, int] = {member: i for i, member in enumerate(column.field.enum)}
        return lambda p: order.get(getattr(p, key), len(order))
    return lambda p: getattr(p, key)


class InventoryModel(QAbstractTableModel):
    # A rejected edit: the view shows the message at the cell.
    editRejected = Signal(QModelIndex, str)

    def __init__(self, store: InventoryStore, recorder: EditRecorder, kpis: KpiTracker,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.recorder = recorder
        self.kpis = kpis
        self.planned: dict[str, Quarter] = {}
        self.conflicts: set[str] = set()
        # Whether the login may change a row (team database: its own bureaus' rows only).
        # Decided on the row as stored: an editor may move its own process between its
        # bureaus, never change another bureau's.
        self.may_edit: Callable[[Process], bool] = lambda _process: True
        self._filter = InventoryFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._rows: list[Process] = list(store.processes)
        self._row_of: dict[int, int] = {}
        self._reindex()
        kpis.reset(store.processes, self.planned)

    # -- basic model API ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return header_text(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        column = COLUMNS[index.column()]
        if not self.editable(self._rows[index.row()]):
            return flags
        if column.kind is FieldKind.FLAG:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column.kind is FieldKind.ID and self._rows[index.row()].version:
            return flags  # a stored process keeps its ID: the database row is matched by it
        if column.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        process = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(process, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.value(process, column.key)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is FieldKind.FLAG:
            checked = getattr(process, column.key)
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind in _NUMBERS else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(process, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(process, column)
        if role == Qt.ItemDataRole.ForegroundRole and not column.editable:
            return _READ_ONLY
        return None

    def editable(self, process: Process) -> bool:
        """The login may change this row (a row added here: until saved, always)."""
        return not process.version or self.may_edit(self.store.original(process))

    def value(self, process: Process, key: str) -> Any:
        if key == PLANNED:
            return self.planned.get(process.id)
        return getattr(process, key)

    def _display(self, process: Process, column: Column) -> str | None:
        value = self.value(process, column.key)
        kind = column.kind
        if kind is FieldKind.FLAG:
            return None
        if value is None:
            return ""
        if column.is_quarter:
            return quarter_label(value)
        if kind is FieldKind.ENUM:
            return enum_label(value) if isinstance(value, Enum) else str(value)
        if kind is FieldKind.COUNT:
            return f"{value:,}"
        if kind is FieldKind.AMOUNT:
            return f"{value:g}"
        return str(value)

    def _background(self, process: Process, column: Column) -> QBrush | None:
        if process.id in self.conflicts:
            return _CONFLICT
        if not self.editable(process):
            return _OTHER_BUREAU
        if column.key in self.problems(process):
            return _PROBLEM
        if self.store.is_touched(process):
            return _EDITED
        return None

    def _tooltip(self, process: Process, column: Column) -> str | None:
        message = self.problems(process).get(column.key)
        if message is None and process.id in self.conflicts:
            return self.tr("他の利用者がデータベースでこの行を変更しました（競合）")
        if message is None and not self.editable(process):
            return self.tr("読み取り専用：変更できるのは担当局の手続だけです")
        return message

    def problems(self, process: Process) -> dict[str, str]:
        if not self.store.is_touched(process):
            return {}  # rows as loaded passed the import checks
        return row_problems(process, self.store.channel_names())

    # -- editing -----------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = COLUMNS[index.column()]
        process = self._rows[index.row()]
        if not self.editable(process):
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is FieldKind.FLAG:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                      & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            value = checked_value(column, value, process, self.store.by_id)
        except InvalidValue as error:
            self.editRejected.emit(self.index(index.row(), index.column()),
                                   rejection_message(column, error))
            return False
        if getattr(process, column.key) == value:
            return False
        self.edit_values([(process, column.key, value)],
                         tr_format(self.tr("%1 を変更"), header_text(column)))
        return True

    def edit_values(self, edits: Sequence[EditValue], text: str) -> None:
        """Record one undoable step for a batch of edits (a cell, or a bulk edit)."""
        changes = [(p, f, getattr(p, f), v) for p, f, v in edits
                   if getattr(p, f) != v and self.editable(p)]
        if changes:
            self.recorder.record_values(self, changes, text)

    def apply_values(self, edits: Sequence[EditValue]) -> None:
        """Write values without the undo stack (the commands call this)."""
        processes = list({id(p): p for p, _, _ in edits}.values())
        before = [self.kpis.contribution(p) for p in processes]
        for process, field, value in edits:
            self.store.set_value(process, field, value)
        self.kpis.update(before, [self.kpis.contribution(p) for p in processes])
        last = len(COLUMNS) - 1
        rows = sorted(row for p in processes if (row := self._row_of.get(id(p))) is not None)
        for first, final in _ranges(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(final, last))

    def insert_processes(self, placed: Sequence[tuple[int, Process]],
                         view_rows: dict[int, int] | None = None) -> None:
        """Insert processes at store positions (ascending) and show them in the view,
        at their former view rows when given (undo of a delete), else at the end."""
        self.store.insert_at(placed)
        self.kpis.update([], [self.kpis.contribution(p) for _, p in placed], len(placed))
        rows = view_rows or {}
        end = len(self._rows) + len(placed)
        for _, process in sorted(placed, key=lambda item: rows.get(id(item[1]), end)):
            row = min(rows.get(id(process), end), len(self._rows))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, process)
            self.endInsertRows()
        self._reindex()

    def remove_processes(self, processes: Sequence[Process]) -> tuple[list[int], dict[int, int]]:
        """Remove processes; returns (store positions, view row by id(process)) for undo."""
        view_rows = {id(p): row for p in processes
                     if (row := self._row_of.get(id(p))) is not None}
        # The store first: whoever listens to rowsRemoved sees the new totals.
        positions = self.store.remove(processes)
        self.kpis.update([self.kpis.contribution(p) for p in processes], [], -len(processes))
        for first, final in reversed(_ranges(sorted(view_rows.values()))):
            self.beginRemoveRows(QModelIndex(), first, final)
            del self._rows[first:final + 1]
            self.endRemoveRows()
        self._reindex()
        return positions, view_rows

    # -- view order: sort and filter ---------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [(self._rows[i.row()], i.column()) for i in persistent]
        self._rows = self._sorted(self._rows)
        self._reindex()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[id(p)], c) for p, c in anchors])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Process]) -> list[Process]:
        if self._sort is None:
            return rows
        column, order = self._sort
        return sorted(rows, key=_sort_key(COLUMNS[column], self.planned),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    @property
    def filter(self) -> InventoryFilter:
        return self._filter

    def set_filter(self, criteria: InventoryFilter) -> None:
        self._filter = criteria
        self.refresh()

    def refresh(self) -> None:
        """Filter and sort again from the whole inventory."""
        self.beginResetModel()
        self._rows = self._sorted(self._filter.apply(self.store.processes, self.planned))
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {id(p): row for row, p in enumerate(self._rows)}

    # -- plan and conflicts ------------------------------------------------------------
    def set_plan(self, planned: dict[str, Quarter]) -> None:
        self.planned = planned
        self.kpis.reset(self.store.processes, planned)
        uses_plan = (self._filter.planned is not None
                     or (self._sort is not None and COLUMNS[self._sort[0]].key == PLANNED))
        if uses_plan:
            self.refresh()
        elif self._rows:
            column = COLUMN_INDEX[PLANNED]
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_conflicts(self, process_ids: set[str]) -> None:
        self.conflicts = process_ids
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def apply_remote(self, changes: RemoteChanges) -> None:
        """Show what other users committed: rows not edited here follow the database (in
        place: sorting, selection and an open editor elsewhere stay), conflicts are marked."""
        before = [self.kpis.contribution(p) for p, _ in changes.changed]
        for local, stored in changes.changed:
            for name in stored.__slots__:
                setattr(local, name, getattr(stored, name))
        self.kpis.update(before, [self.kpis.contribution(p) for p, _ in changes.changed])
        last = len(COLUMNS) - 1
        rows = sorted(row for p, _ in changes.changed
                      if (row := self._row_of.get(id(p))) is not None)
        for first, final in _ranges(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(final, last))
        if changes.removed:
            view_rows = sorted(row for p in changes.removed
                               if (row := self._row_of.get(id(p))) is not None)
            for first, final in reversed(_ranges(view_rows)):
                self.beginRemoveRows(QModelIndex(), first, final)
                del self._rows[first:final + 1]
                self.endRemoveRows()
            self.kpis.update([self.kpis.contribution(p) for p in changes.removed], [],
                             -len(changes.removed))
            self.store.drop(changes.removed)
            self._reindex()
        if changes.added:
            self.store.adopt(changes.added)
            self.kpis.update([], [self.kpis.contribution(p) for p in changes.added],
                             len(changes.added))
            shown = self._filter.apply(changes.added, self.planned)
            if shown:
                self.beginInsertRows(QModelIndex(), len(self._rows),
                                     len(self._rows) + len(shown) - 1)
                self._rows.extend(shown)
                self.endInsertRows()
                self._reindex()
        if changes.conflicts - self.conflicts:
            self.set_conflicts(self.conflicts | changes.conflicts)

    def reload(self, store: InventoryStore) -> None:
        """Show a freshly loaded inventory (after an import or a reload)."""
        self.store = store
        self.conflicts = set()
        self.kpis.reset(store.processes, self.planned)
        self.refresh()

    # -- lookups -----------------------------------------------------------------------
    def process_at(self, row: int) -> Process:
        return self._rows[row]

    def row_of(self, process: Process) -> int | None:
        return self._row_of.get(id(process))

    def visible_processes(self) -> list[Process]:
        return list(self._rows)


def _ranges(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) ranges."""
    ranges: list[tuple[int, int]] = []
    for row in rows:
        if ranges and row == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], row)
        else:
            ranges.append((row, row))
    return ranges
