"""The inventory table model: model contract, editing, undo/redo, sort and filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from ui.commands import AddProcessesCommand, RemoveProcessesCommand, UndoStackRecorder
from ui.models.columns import COLUMN_INDEX
from ui.models.filter import UNPLANNED, InventoryFilter
from ui.models.inventory_model import InventoryModel
from ui.models.kpis import KpiTracker
from ui.models.store import InventoryStore


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def model(demo_engine: Engine, stack: QUndoStack) -> InventoryModel:
    with demo_engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    return InventoryModel(InventoryStore(inventory), UndoStackRecorder(stack), KpiTracker())


def cell(model: InventoryModel, row: int, field: str) -> QModelIndex:
    return model.index(row, COLUMN_INDEX[field])


def test_model_contract(model: InventoryModel, qtmodeltester: Any) -> None:
    qtmodeltester.check(model, force_py=True)


def test_model_contract_after_sort_filter_and_edits(model: InventoryModel,
                                                    qtmodeltester: Any) -> None:
    model.sort(COLUMN_INDEX["annual_volume"], Qt.SortOrder.DescendingOrder)
    model.set_filter(InventoryFilter(status=Status.NOT_STARTED))
    model.setData(cell(model, 0, "status"), Status.DIGITIZED)  # leaves a row problem
    qtmodeltester.check(model, force_py=True)


def test_edit_undo_redo_and_kpis(model: InventoryModel, stack: QUndoStack) -> None:
    row = next(i for i in range(model.rowCount())
               if model.process_at(i).status is Status.NOT_STARTED)
    process = model.process_at(row)
    before = model.kpis.kpis()
    assert model.setData(cell(model, row, "status"), Status.OUT_OF_SCOPE)
    assert process.status is Status.OUT_OF_SCOPE
    assert model.kpis.kpis().in_scope == before.in_scope - 1
    assert model.store.pending()[0] == [process]
    stack.undo()
    assert process.status is Status.NOT_STARTED
    assert model.kpis.kpis() == before
    assert model.store.pending() == ([], [], [])
    stack.redo()
    assert process.status is Status.OUT_OF_SCOPE


def test_invalid_value_is_rejected_with_message(model: InventoryModel, stack: QUndoStack,
                                                qtbot: Any) -> None:
    index = cell(model, 0, "effort")
    old = model.process_at(0).effort
    with qtbot.waitSignal(model.editRejected) as signal:
        assert not model.setData(index, 0.0)
    assert "工数" in signal.args[1]
    assert model.process_at(0).effort == old
    assert stack.count() == 0


def test_effort_over_the_importers_limit_is_rejected_with_its_message(
        model: InventoryModel, qtbot: Any) -> None:
    """Any path into the model (editor, paste, script) meets the importer's limit."""
    with qtbot.waitSignal(model.editRejected) as signal:
        assert not model.setData(cell(model, 0, "effort"), 50_000.0)
    assert signal.args[1] == "工数: 10,000 を超えています: 50000.0"


def test_an_enum_code_is_stored_as_its_member(model: InventoryModel) -> None:
    row = next(i for i in range(model.rowCount())
               if model.process_at(i).status is Status.NOT_STARTED)
    assert model.setData(cell(model, row, "status"), "in_progress")
    assert model.process_at(row).status is Status.IN_PROGRESS


def test_cross_field_problem_marks_the_cell(model: InventoryModel) -> None:
    row = next(i for i in range(model.rowCount())
               if model.process_at(i).status is Status.NOT_STARTED)
    model.setData(cell(model, row, "status"), Status.DIGITIZED)
    index = cell(model, row, "digitized_quarter")
    assert "完了四半期" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    model.setData(index, Quarter(2021, 4))
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) is None


def test_checkbox_edit(model: InventoryModel) -> None:
    index = cell(model, 0, "priority")
    was = model.process_at(0).priority
    target = Qt.CheckState.Unchecked if was else Qt.CheckState.Checked
    assert model.setData(index, target.value, Qt.ItemDataRole.CheckStateRole)
    assert model.process_at(0).priority is not was


def test_duplicate_id_rejected_for_new_process(model: InventoryModel, stack: QUndoStack) -> None:
    new = Process(id="NEW-1", name="新しい手続", bureau=model.process_at(0).bureau)
    stack.push(AddProcessesCommand(model, [new], "add"))
    row = model.row_of(new)
    assert row == model.rowCount() - 1
    assert not model.setData(cell(model, row, "id"), model.process_at(0).id)
    assert model.setData(cell(model, row, "id"), "NEW-2")
    assert model.store.by_id["NEW-2"] is new


def test_a_typed_id_is_normalized_and_near_duplicates_rejected(model: InventoryModel,
                                                               stack: QUndoStack) -> None:
    new = Process(id="NEW-1", name="新しい手続", bureau=model.process_at(0).bureau)
    stack.push(AddProcessesCommand(model, [new], "add"))
    row = model.row_of(new)
    existing = model.process_at(0).id
    assert not model.setData(cell(model, row, "id"), existing.lower())  # differs in case only
    assert not model.setData(cell(model, row, "id"), existing + "\u200b")
    assert not model.setData(cell(model, row, "id"), existing + "\u200e")  # a format mark
    assert not model.setData(cell(model, row, "id"), existing.replace("-", "\u2212"))  # minus
    assert model.setData(cell(model, row, "id"), "ＮＥＷ－３\u200b")
    assert model.store.by_id["NEW-3"] is new


def test_add_and_delete_with_undo(model: InventoryModel, stack: QUndoStack) -> None:
    count = model.rowCount()
    victims = [model.process_at(5), model.process_at(2), model.process_at(7)]
    stack.push(RemoveProcessesCommand(model, victims, "delete"))
    assert model.rowCount() == count - 3
    assert model.store.pending()[2] == sorted(victims, key=lambda p: p.id)
    stack.undo()
    assert model.rowCount() == count
    assert [model.process_at(i) for i in (2, 5, 7)] == [victims[1], victims[0], victims[2]]
    assert model.store.pending() == ([], [], [])


def test_bulk_edit_is_one_undo_step(model: InventoryModel, stack: QUndoStack) -> None:
    rows = [model.process_at(i) for i in range(10)]
    model.edit_values([(p, "locked_quarter", Quarter(2022, 2)) for p in rows], "bulk")
    assert all(p.locked_quarter == Quarter(2022, 2) for p in rows)
    assert stack.count() == 1
    stack.undo()
    assert all(p.locked_quarter != Quarter(2022, 2) or p.version for p in rows)


def test_sort_keeps_selection_anchor(model: InventoryModel) -> None:
    process = model.process_at(3)
    anchor = QPersistentModelIndex(model.index(3, 1))
    model.sort(COLUMN_INDEX["annual_volume"], Qt.SortOrder.DescendingOrder)
    volumes = [model.process_at(i).annual_volume for i in range(model.rowCount())]
    assert volumes == sorted(volumes, reverse=True)
    assert model.process_at(anchor.row()) is process


def test_sort_enum_and_quarter_columns(model: InventoryModel) -> None:
    model.sort(COLUMN_INDEX["status"])
    statuses = [list(Status).index(model.process_at(i).status)
                for i in range(model.rowCount())]
    assert statuses == sorted(statuses)
    model.sort(COLUMN_INDEX["digitized_quarter"])
    quarters = [model.process_at(i).digitized_quarter for i in range(model.rowCount())]
    known = [q for q in quarters if q is not None]
    assert known == sorted(known) and quarters[len(known):] == [None] * (len(quarters) - len(known))


def test_filter(model: InventoryModel) -> None:
    bureau = model.process_at(0).bureau
    model.set_filter(InventoryFilter(bureau=bureau))
    assert model.rowCount() > 0
    assert all(model.process_at(i).bureau == bureau for i in range(model.rowCount()))
    needle = model.process_at(0).name[:3]
    model.set_filter(InventoryFilter(text=needle, bureau=bureau))
    assert all(needle in model.process_at(i).name for i in range(model.rowCount()))
    model.set_filter(InventoryFilter(text=model.process_at(0).id.lower()))
    assert model.rowCount() >= 1
    model.set_filter(InventoryFilter())
    assert model.rowCount() == len(model.store.processes)


def test_plan_column_and_planned_filter(model: InventoryModel) -> None:
    first = model.process_at(0)
    model.set_plan({first.id: Quarter(2022, 1)})
    index = cell(model, 0, "planned")
    assert model.data(index).startswith("FY2022Q1 · 2022年4~6月")
    model.set_filter(InventoryFilter(planned=Quarter(2022, 1)))
    assert model.rowCount() == 1
    model.set_filter(InventoryFilter(planned=UNPLANNED))
    assert model.rowCount() == len(model.store.processes) - 1


# -- a bureau editor on the team database: other bureaus' rows are read-only -------------------
def test_other_bureaus_rows_are_read_only_for_an_editor(editor_window: Any, team: Any,
                                                        qtmodeltester: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    model = editor_window.session.model
    qtmodeltester.check(model, force_py=True)
    own = next(r for r in range(model.rowCount()) if model.process_at(r).bureau == team.bureau)
    other = next(r for r in range(model.rowCount())
                 if model.process_at(r).bureau == team.other_bureau)
    notes, flag = COLUMN_INDEX["notes"], COLUMN_INDEX["priority"]
    assert model.flags(model.index(own, notes)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(other, notes)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(other, flag)) & Qt.ItemFlag.ItemIsUserCheckable
    # The visual cue and its explanation.
    assert model.data(model.index(other, notes), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(own, notes), Qt.ItemDataRole.BackgroundRole) is None
    assert "読み取り専用" in model.data(model.index(other, notes), Qt.ItemDataRole.ToolTipRole)
    # The real table opens no editor there, and a bulk edit leaves those rows alone.
    table = editor_window.inventory_view.table

    def press_f2_on(row: int) -> list[QLineEdit]:
        table.setCurrentIndex(model.index(row, notes))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        return [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]

    assert press_f2_on(other) == []
    [editor] = press_f2_on(own)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    rows = [model.process_at(own), model.process_at(other)]
    before = [p.notes for p in rows]
    model.edit_values([(p, "notes", "bulk") for p in rows], "bulk")
    assert [p.notes for p in rows] == ["bulk", before[1]]


def test_a_viewer_changes_nothing(team: Any, qtbot: Any) -> None:
    from tests.ui.conftest import open_window

    window = open_window(team.url(team.viewer), qtbot)
    try:
        model = window.session.model
        assert not any(model.flags(model.index(r, COLUMN_INDEX["notes"]))
                       & Qt.ItemFlag.ItemIsEditable for r in range(model.rowCount()))
        assert not window.action_by_key["add"].isEnabled()
        assert not window.action_by_key["delete"].isEnabled()
        assert window.identity.text() == f"{team.viewer} — 閲覧者（変更はできません）"
    finally:
        window.stop_work()
