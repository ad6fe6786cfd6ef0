"""The inventory tab: filter bar, add and delete, bulk edits of the selection, actuals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.tracking.actuals import actual_quarter
from ui.actions.saving import save
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX


def _select_rows(view: Any, *rows: int) -> None:
    """Exactly these rows (as a click and shift-click would), whatever was selected."""
    selection = view.table.selectionModel()
    flags = selection.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(view.session.model.index(row, 0), flags.Select | flags.Rows)


def test_filter_bar_drives_the_model(window: MainWindow) -> None:
    bar = window.inventory_view.filter_bar
    bar.status.setCurrentIndex(bar.status.findText("デジタル化済"))
    assert window.session.model.filter.status is Status.DIGITIZED  # the member, not its code
    model = window.session.model
    assert 0 < model.rowCount() < len(window.session.store.processes)
    assert all(model.process_at(i).status is Status.DIGITIZED for i in range(model.rowCount()))
    bar.clear()
    assert model.rowCount() == len(window.session.store.processes)


def test_add_delete_and_save(window: MainWindow, demo_engine: Engine) -> None:
    view = window.inventory_view
    new = view.add_process()
    victim = window.session.model.process_at(0)
    _select_rows(view, 0)
    view.delete_selected()
    assert save(window)
    with demo_engine.connect() as connection:
        ids = {p.id for p in repository.load_processes(connection)}
    assert new.id in ids and victim.id not in ids


def test_bulk_status_edit_on_selection(window: MainWindow) -> None:
    view = window.inventory_view
    _select_rows(view, 0, 1)
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


def _count_text(window: MainWindow) -> str:
    return window.inventory_view.count_label.text()


def test_row_count_follows_add_delete_and_undo(window: MainWindow) -> None:
    """Issue 14: after add and delete the count under the table was stale."""
    total = len(window.session.store.processes)
    view = window.inventory_view
    view.add_process()
    assert _count_text(window) == f"{total + 1:,} / {total + 1:,} 件を表示"
    _select_rows(view, 0, 1)
    view.delete_selected()
    assert _count_text(window) == f"{total - 1:,} / {total - 1:,} 件を表示"
    window.session.undo_stack.undo()
    assert _count_text(window) == f"{total + 1:,} / {total + 1:,} 件を表示"


def test_id_and_name_stay_when_scrolling_right(window: MainWindow, qtbot: Any) -> None:
    """Issue 14: the ID and name columns scrolled out of sight."""
    view = window.inventory_view
    table, frozen = view.table, view.frozen
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    table.verticalScrollBar().setValue(200)
    qtbot.waitUntil(lambda: frozen.verticalScrollBar().value() == 200)
    assert bar.maximum() > 0 and frozen.isVisible()
    assert [c for c in range(frozen.model().columnCount()) if not frozen.isColumnHidden(c)] \
        == [COLUMN_INDEX["id"], COLUMN_INDEX["name"]]
    top = table.indexAt(table.viewport().rect().topLeft()).row()
    assert top > 0
    assert frozen.indexAt(frozen.viewport().rect().topLeft()).row() == top
    # It lies on the table's left edge, right of the row numbers, as wide as the two columns.
    assert frozen.geometry().left() == table.verticalHeader().width() + table.frameWidth()
    assert frozen.width() == table.columnWidth(0) + table.columnWidth(1)
    # What is under it in the table has scrolled away; the frozen view shows ID and name.
    assert table.columnViewportPosition(COLUMN_INDEX["name"]) < 0
    index = frozen.indexAt(frozen.viewport().rect().topLeft())
    assert index.column() == COLUMN_INDEX["id"]


def test_the_frozen_header_sorts_like_the_table(window: MainWindow) -> None:
    view = window.inventory_view
    model = window.session.model
    first_ids = [model.process_at(i).id for i in range(3)]
    frozen_header = view.frozen.horizontalHeader()
    assert frozen_header.sortIndicatorSection() == -1  # building it sorted nothing
    assert [model.process_at(i).id for i in range(3)] == first_ids
    frozen_header.sectionClicked.emit(COLUMN_INDEX["name"])
    names = [model.process_at(i).name for i in range(model.rowCount())]
    assert names == sorted(names)
    assert view.table.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX["name"]
    view.table.sortByColumn(COLUMN_INDEX["effort"], Qt.SortOrder.DescendingOrder)
    assert frozen_header.sortIndicatorSection() == COLUMN_INDEX["effort"]
