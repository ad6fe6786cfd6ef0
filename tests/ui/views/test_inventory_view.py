"""The inventory tab: filter bar, add and delete, bulk edits of the selection, actuals."""

from __future__ import annotations

from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.tracking.actuals import actual_quarter
from ui.actions.saving import save
from ui.main_window import MainWindow


def test_filter_bar_drives_the_model(window: MainWindow) -> None:
    bar = window.inventory_view.filter_bar
    index = bar.status.findData(Status.DIGITIZED)
    bar.status.setCurrentIndex(index)
    model = window.session.model
    assert 0 < model.rowCount() < len(window.session.store.processes)
    assert all(model.process_at(i).status is Status.DIGITIZED for i in range(model.rowCount()))
    bar.clear()
    assert model.rowCount() == len(window.session.store.processes)


def test_add_delete_and_save(window: MainWindow, demo_engine: Engine) -> None:
    view = window.inventory_view
    new = view.add_process()
    victim = window.session.model.process_at(0)
    view.table.selectRow(0)
    view.delete_selected()
    assert save(window)
    with demo_engine.connect() as connection:
        ids = {p.id for p in repository.load_processes(connection)}
    assert new.id in ids and victim.id not in ids


def test_bulk_status_edit_on_selection(window: MainWindow) -> None:
    view = window.inventory_view
    view.table.selectRow(0)
    selection = view.table.selectionModel()
    selection.select(window.session.model.index(1, 0),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    view.bulk_set("status", Status.IN_PROGRESS)
    model = window.session.model
    assert model.process_at(0).status is Status.IN_PROGRESS
    assert model.process_at(1).status is Status.IN_PROGRESS
    assert window.session.undo_stack.count() == 1


def test_mark_digitized_is_one_undoable_edit_and_is_saved(window: MainWindow,
                                                          demo_engine: Engine) -> None:
    model, view = window.session.model, window.inventory_view
    rows = [r for r in range(model.rowCount())
            if model.process_at(r).status is Status.NOT_STARTED][:3]
    selection = view.table.selectionModel()
    for row in rows:
        selection.select(model.index(row, 0), selection.SelectionFlag.Select
                         | selection.SelectionFlag.Rows)
    chosen = view.selected_processes()
    assert len(chosen) == 3
    quarter = Quarter(2021, 4)
    view.mark_digitized(chosen, quarter)
    stack = window.session.undo_stack
    assert stack.count() == 1
    assert all(p.status is Status.DIGITIZED and p.digitized_quarter == quarter for p in chosen)
    assert window.session.problems() == []
    stack.undo()
    assert all(p.status is Status.NOT_STARTED and p.digitized_quarter is None for p in chosen)
    assert not window.isWindowModified()
    stack.redo()
    assert save(window)
    with demo_engine.connect() as connection:
        stored = {p.id: p for p in repository.load_processes(connection)}
    for process in chosen:
        assert actual_quarter(stored[process.id]) == quarter
        assert stored[process.id].version == process.version == 2
