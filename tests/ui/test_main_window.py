"""The main window: save, conflicts, dirty marker, first run, import errors, language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine, update

from dx_planner.domain.enums import Status
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.schema import processes
from ui.dialogs import ProblemListDialog
from ui.main_window import MainWindow, recent_databases
from ui.models.columns import COLUMN_INDEX
from ui.session import Session


def _answer_next_box(button_text: str | None = None) -> None:
    """Click a button of the next modal message box (or its default)."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                for button in widget.buttons():
                    if button_text is None or button.text() == button_text:
                        button.click()
                        return
                (widget.defaultButton() or widget.buttons()[0]).click()
                return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def _edit_first(window: MainWindow, field: str, value: Any) -> Any:
    model = window.session.model
    process = model.process_at(0)
    assert model.setData(model.index(0, COLUMN_INDEX[field]), value)
    return process


def test_edit_marks_dirty_and_save_writes_one_transaction(window: MainWindow,
                                                          demo_engine: Engine) -> None:
    process = _edit_first(window, "notes", "要確認")
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    with demo_engine.connect() as connection:
        stored = {p.id: p for p in repository.load_processes(connection)}
    assert stored[process.id].notes == "要確認"
    assert stored[process.id].version == process.version == 2


def test_undo_back_to_loaded_values_is_clean(window: MainWindow) -> None:
    _edit_first(window, "notes", "一時的")
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert not window.isWindowModified()


def test_add_delete_and_save(window: MainWindow, demo_engine: Engine) -> None:
    view = window.inventory_view
    new = view.add_process()
    victim = window.session.model.process_at(0)
    view.table.selectRow(0)
    view.delete_selected()
    assert window.save()
    with demo_engine.connect() as connection:
        ids = {p.id for p in repository.load_processes(connection)}
    assert new.id in ids and victim.id not in ids


def test_invalid_rows_block_saving(window: MainWindow, qtbot: Any) -> None:
    model = window.session.model
    row = next(i for i in range(model.rowCount())
               if model.process_at(i).status is Status.NOT_STARTED)
    model.setData(model.index(row, COLUMN_INDEX["status"]), Status.DIGITIZED)

    def close_dialog() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ProblemListDialog) and widget.isVisible():
                assert widget.list.count() == 1
                widget.reject()
                return
        QTimer.singleShot(20, close_dialog)

    QTimer.singleShot(20, close_dialog)
    assert not window.save()
    assert "完了四半期" in (window.last_error or "")
    assert window.isWindowModified()


def test_conflict_is_reported_never_overwritten(window: MainWindow, demo_engine: Engine) -> None:
    process = _edit_first(window, "notes", "私の変更")
    # Someone else changes the same row meanwhile (version counter moves on).
    with demo_engine.begin() as connection:
        connection.execute(update(processes).where(processes.c.id == process.id)
                           .values(notes="他人の変更", version=processes.c.version + 1))
    _answer_next_box("このまま編集を続ける")
    assert not window.save()
    assert process.id in window.session.model.conflicts
    with demo_engine.connect() as connection:
        stored = {p.id: p for p in repository.load_processes(connection)}
    assert stored[process.id].notes == "他人の変更"
    assert window.isWindowModified()
    row = window.session.model.row_of(process)
    assert row is not None
    tooltip = window.session.model.data(window.session.model.index(row, 0),
                                        Qt.ItemDataRole.ToolTipRole)
    assert "競合" in tooltip


def test_conflict_take_database_rows(window: MainWindow, demo_engine: Engine) -> None:
    process = _edit_first(window, "notes", "私の変更")
    with demo_engine.begin() as connection:
        connection.execute(update(processes).where(processes.c.id == process.id)
                           .values(notes="他人の変更", version=processes.c.version + 1))
    _answer_next_box("これらの行をデータベースの内容で置き換える")
    assert not window.save()
    assert process.notes == "他人の変更"
    assert not window.isWindowModified()
    assert window.save()  # nothing pending, no conflict left


def test_close_prompts_when_dirty(window: MainWindow) -> None:
    window.confirm_close = True
    _edit_first(window, "notes", "未保存")
    _answer_next_box("Cancel")
    assert not window.close()
    assert window.isVisible()
    window.confirm_close = False


def test_first_run_autodemo_loads_inventory(engine: Engine, db_path: Path, qtbot: Any) -> None:
    session = Session.open(engine, str(db_path))
    main = MainWindow(session)
    main.confirm_close = False
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.taskFinished, timeout=60_000):
        main.load_demo(processes=300, seed=3)
    assert len(main.session.store.processes) == 300
    assert main.session.model.rowCount() == 300
    assert main.inventory_view.filter_bar.bureau.count() > 1  # rebuilt over the new data


def test_import_errors_are_listed(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "手続一覧"
    sheet.append(["手続ID", "手続名", "所管局", "工数"])
    sheet.append(["X-1", "", "総務局", -1])
    sheet.append(["X-2", "名前", "総務局", "abc"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with qtbot.waitSignal(window.taskFinished, timeout=30_000):
        window.import_inventory(path)
    dialog = window.import_errors
    assert dialog.list.count() >= 2
    assert "手続一覧" in dialog.list.item(0).text()
    dialog.reject()


def test_export_inventory(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "out.xlsx"
    with qtbot.waitSignal(window.taskFinished, timeout=30_000):
        window.export_inventory(path)
    assert path.exists()


def test_language_switch_rebuilds_in_english(window: MainWindow) -> None:
    window.set_language("en")
    assert window.tabs.tabText(0) == "Processes"
    header = window.session.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Process ID"
    assert QSettings().value("ui/language") == "en"
    window.set_language("ja")
    assert window.tabs.tabText(0) == "手続一覧"


def test_recent_databases_and_geometry_are_kept(window: MainWindow, db_path: Path) -> None:
    assert recent_databases()[0] == str(db_path)
    window.close()
    assert QSettings().value("ui/geometry") is not None


def test_filter_bar_drives_the_model(window: MainWindow) -> None:
    bar = window.inventory_view.filter_bar
    index = bar.status.findData(Status.DIGITIZED)
    bar.status.setCurrentIndex(index)
    model = window.session.model
    assert 0 < model.rowCount() < len(window.session.store.processes)
    assert all(model.process_at(i).status is Status.DIGITIZED for i in range(model.rowCount()))
    bar.clear()
    assert model.rowCount() == len(window.session.store.processes)


def test_bulk_status_edit_on_selection(window: MainWindow) -> None:
    view = window.inventory_view
    view.table.selectRow(0)
    view.table.selectionModel().select(
        window.session.model.index(1, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    view.bulk_set("status", Status.IN_PROGRESS)
    model = window.session.model
    assert model.process_at(0).status is Status.IN_PROGRESS
    assert model.process_at(1).status is Status.IN_PROGRESS
    assert window.session.undo_stack.count() == 1


@pytest.mark.parametrize("tab", range(4))
def test_every_tab_renders(window: MainWindow, tab: int) -> None:
    window.tabs.setCurrentIndex(tab)
    assert not window.grab().isNull()


def test_open_another_database(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    open_database(other).dispose()
    _answer_next_box("空のまま始める")
    window.open_location(str(other))
    assert window.session.location == str(other)
    assert window.session.model.rowCount() == 0
