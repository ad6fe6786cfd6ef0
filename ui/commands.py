"""Undoable edits (QUndoCommand): every change to the inventory or capacities is one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from dx_planner.domain.inventory import Process
from ui.models.edits import Change
from ui.models.inventory_model import InventoryModel


class UndoStackRecorder:
    """Records the models' edits as commands on an undo stack (``ui.models.edits``)."""

    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack

    def record_values(self, model: InventoryModel, changes: Sequence[Change],
                      text: str) -> None:
        self.stack.push(SetValuesCommand(model, changes, text))

    def record_cell(self, apply: Callable[[Any], None], old: Any, new: Any,
                    text: str) -> None:
        self.stack.push(SetCellCommand(apply, old, new, text))


class SetValuesCommand(QUndoCommand):
    """One cell, or the same field over a selection (bulk edit)."""

    def __init__(self, model: InventoryModel, changes: Sequence[Change], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._changes = list(changes)

    def redo(self) -> None:
        self._model.apply_values([(p, f, new) for p, f, _old, new in self._changes])

    def undo(self) -> None:
        self._model.apply_values([(p, f, old) for p, f, old, _new in reversed(self._changes)])


class AddProcessesCommand(QUndoCommand):
    def __init__(self, model: InventoryModel, processes: Sequence[Process], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._processes = list(processes)
        self._positions: list[int] = []

    def redo(self) -> None:
        start = len(self._model.store.processes)
        self._positions = [start + i for i in range(len(self._processes))]
        self._model.insert_processes(list(zip(self._positions, self._processes, strict=True)))

    def undo(self) -> None:
        self._model.remove_processes(self._processes)


class RemoveProcessesCommand(QUndoCommand):
    def __init__(self, model: InventoryModel, processes: Sequence[Process], text: str) -> None:
        super().__init__(text)
        self._model = model
        wanted = {id(p) for p in processes}
        # In store order, so that they pair with the positions remove() returns.
        self._processes = [p for p in model.store.processes if id(p) in wanted]
        self._placed: list[tuple[int, Process]] = []
        self._view_rows: dict[int, int] = {}

    def redo(self) -> None:
        positions, self._view_rows = self._model.remove_processes(self._processes)
        self._placed = list(zip(positions, self._processes, strict=True))

    def undo(self) -> None:
        self._model.insert_processes(self._placed, self._view_rows)


class SetCellCommand(QUndoCommand):
    """An edit of a capacity grid; ``apply`` writes a value and refreshes the grid."""

    def __init__(self, apply: Callable[[Any], None], old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self._apply = apply
        self._old = old
        self._new = new

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)
