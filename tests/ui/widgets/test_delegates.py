"""Cell editors (inventory and capacity), driven as a planner drives them: open the editor
on the table, choose or type in the real widget, press Return (the delegate commits), save,
and read the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QSpinBox
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.validation import MAX_EFFORT
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.workbook.apply import export_workbook, import_workbook
from tests.ui.helpers import commit, open_editor, type_into
from ui.actions.saving import save
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX
from ui.widgets.quarter_picker import QuarterPicker


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

    combo = open_editor(table, index, QComboBox)
    combo.setCurrentIndex(combo.findText("対応中"))
    commit(qtbot, table, combo)

    assert process.status is Status.IN_PROGRESS
    assert model.data(index) == "対応中"
    assert save(window)
    assert _stored(demo_engine, process.id).status is Status.IN_PROGRESS


def test_effort_typed_in_its_editor_stays_importable(
        window: MainWindow, demo_engine: Engine, qtbot: Any, tmp_path: Path) -> None:
    """The app and the importer share one limit: what the app saves exports and imports
    back unchanged (it once accepted 100,000 person-months, the importer only 10,000)."""
    table = window.inventory_view.table
    model = window.session.model
    process = model.process_at(0)
    index = model.index(0, COLUMN_INDEX["effort"])

    spin = open_editor(table, index, QAbstractSpinBox)
    assert spin.maximum() == MAX_EFFORT
    spin.selectAll()
    qtbot.keyClicks(spin, "50000")
    commit(qtbot, table, spin)
    assert 0 < process.effort <= MAX_EFFORT
    assert save(window)

    exported = tmp_path / "inventory.xlsx"
    export_workbook(demo_engine, exported)
    fresh = open_database(tmp_path / "fresh.sqlite3", create=True)
    import_workbook(fresh, exported)  # raises ImportFailed if the app saved what it refuses
    assert _stored(fresh, process.id).effort == _stored(demo_engine, process.id).effort
    fresh.dispose()


def test_bureau_capacity_typed_in_its_editor_updates_totals_undo_and_save(
        window: MainWindow, demo_engine: Engine, qtbot: Any) -> None:
    window.show_tab("capacity")
    model = window.session.bureau_model
    table = window.capacity_view.bureau_view
    total_row, total_column = model.rowCount() - 1, model.columnCount() - 1
    before_total = model.value(total_row, total_column)
    old = model.value(0, 0)
    type_into(qtbot, table, model.index(0, 0), QDoubleSpinBox, f"{old + 10:.2f}")
    assert model.value(0, 0) == old + 10.0
    assert model.value(total_row, total_column) == before_total + 10.0
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert model.value(0, 0) == old
    window.session.undo_stack.redo()
    assert save(window)
    with demo_engine.connect() as connection:
        bureaus = repository.load_bureaus(connection)
    assert bureaus[0].capacity[model.quarters[0]] == old + 10.0


def test_channel_limit_and_start_chosen_in_their_editors(
        window: MainWindow, demo_engine: Engine, qtbot: Any) -> None:
    window.show_tab("capacity")
    model = window.session.channel_model
    table = window.capacity_view.channel_view
    quarter = model.quarters[0]
    type_into(qtbot, table, model.index(0, 1), QSpinBox, "12")
    assert model.data(model.index(0, 1)) == "12"
    picker = open_editor(table, model.index(0, 0), QuarterPicker)
    picker.set_quarter(quarter)
    commit(qtbot, table, picker)
    assert save(window)
    with demo_engine.connect() as connection:
        channel = repository.load_channels(connection)[0]
    assert channel.limits[quarter] == 12 and channel.available_from == quarter


def test_channel_limit_spin_box_offers_no_limit_not_negatives(
        window: MainWindow, qtbot: Any) -> None:
    window.show_tab("capacity")
    model = window.session.channel_model
    table = window.capacity_view.channel_view
    spin = open_editor(table, model.index(0, 1), QSpinBox)
    assert spin.minimum() == -1 and spin.specialValueText() == "制限なし"
    spin.setValue(spin.minimum())
    commit(qtbot, table, spin)
    assert model.data(model.index(0, 1), 2) is None  # EditRole: no limit
