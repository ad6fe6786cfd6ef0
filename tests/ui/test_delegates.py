"""Cell editors, driven as a planner drives them: open the editor on the table, choose or
type in the real widget, press Return (the delegate commits), save, and read the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QTableView,
    QWidget,
)
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.validation import MAX_EFFORT
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.workbook.apply import export_workbook, import_workbook
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX


def _open_editor(table: QTableView, index: QModelIndex, kind: type[QWidget]) -> Any:
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    assert len(editors) == 1, f"expected one open {kind.__name__} editor, found {editors}"
    return editors[0]


def _commit(qtbot: Any, table: QTableView, editor: QWidget) -> None:
    """Return in the editor: the delegate's event filter commits the value and closes the
    editor (queued, so wait for the table to leave its editing state)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() is not QAbstractItemView.State.EditingState)


def _stored(engine: Engine, process_id: str) -> Process:
    with engine.connect() as connection:
        return next(p for p in repository.load_processes(connection) if p.id == process_id)


def _row_with_status(window: MainWindow, status: Status) -> int:
    model = window.session.model
    return next(row for row in range(model.rowCount())
                if model.process_at(row).status is status)


def test_status_chosen_in_its_editor_is_saved_as_the_status(
        window: MainWindow, demo_engine: Engine, qtbot: Any) -> None:
    table = window.inventory_view.table
    model = window.session.model
    row = _row_with_status(window, Status.NOT_STARTED)
    process = model.process_at(row)
    index = model.index(row, COLUMN_INDEX["status"])

    combo = _open_editor(table, index, QComboBox)
    combo.setCurrentIndex(combo.findText("対応中"))
    _commit(qtbot, table, combo)

    assert process.status is Status.IN_PROGRESS
    assert model.data(index) == "対応中"
    assert window.save()
    assert _stored(demo_engine, process.id).status is Status.IN_PROGRESS


def test_effort_typed_in_its_editor_stays_importable(
        window: MainWindow, demo_engine: Engine, qtbot: Any, tmp_path: Path) -> None:
    """The app and the importer share one limit: what the app saves exports and imports
    back unchanged (it once accepted 100,000 person-months, the importer only 10,000)."""
    table = window.inventory_view.table
    model = window.session.model
    process = model.process_at(0)
    index = model.index(0, COLUMN_INDEX["effort"])

    spin = _open_editor(table, index, QAbstractSpinBox)
    assert spin.maximum() == MAX_EFFORT
    spin.selectAll()
    qtbot.keyClicks(spin, "50000")
    _commit(qtbot, table, spin)
    assert 0 < process.effort <= MAX_EFFORT
    assert window.save()

    exported = tmp_path / "inventory.xlsx"
    export_workbook(demo_engine, exported)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    import_workbook(fresh, exported)  # raises ImportFailed if the app saved what it refuses
    assert _stored(fresh, process.id).effort == _stored(demo_engine, process.id).effort
    fresh.dispose()
