"""Saving: one transaction, invalid rows block it, conflicts are never overwritten."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLineEdit, QSpinBox
from sqlalchemy import Engine, update

from dx_planner.domain.enums import Status
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.schema import processes
from tests.ui.helpers import answer_next_box, choose, type_into
from ui.actions.saving import save
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX
from ui.widgets.dialogs import ProblemListDialog


def _edit_first(window: MainWindow, qtbot: Any, notes: str) -> Any:
    """Type ``notes`` into the first row's 備考 as the planner does (open the editor, type,
    Return); the process edited."""
    model = window.session.model
    process = model.process_at(0)
    type_into(qtbot, window.inventory_view.table, model.index(0, COLUMN_INDEX["notes"]),
              QLineEdit, notes)
    assert process.notes == notes
    return process


def test_edit_marks_dirty_and_save_writes_one_transaction(window: MainWindow,
                                                          demo_engine: Engine,
                                                          qtbot: Any) -> None:
    process = _edit_first(window, qtbot, "要確認")
    assert window.isWindowModified()
    assert save(window)
    assert not window.isWindowModified()
    with demo_engine.connect() as connection:
        stored = {p.id: p for p in repository.load_processes(connection)}
    assert stored[process.id].notes == "要確認"
    assert stored[process.id].version == process.version == 2


def test_undo_back_to_loaded_values_is_clean(window: MainWindow, qtbot: Any) -> None:
    _edit_first(window, qtbot, "一時的")
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert not window.isWindowModified()


def test_invalid_rows_block_saving(window: MainWindow, qtbot: Any) -> None:
    model = window.session.model
    row = next(i for i in range(model.rowCount())
               if model.process_at(i).status is Status.NOT_STARTED)
    # デジタル化済 without its quarter: the row breaks a rule that joins fields
    choose(qtbot, window.inventory_view.table, model.index(row, COLUMN_INDEX["status"]),
           "デジタル化済")
    assert model.process_at(row).status is Status.DIGITIZED
    listed: list[int] = []

    def close_dialog() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ProblemListDialog) and widget.isVisible():
                listed.append(widget.list.count())
                widget.reject()
                return
        QTimer.singleShot(20, close_dialog)

    QTimer.singleShot(20, close_dialog)
    assert not save(window)
    assert listed == [1]
    assert "完了四半期" in (window.last_error or "")
    assert window.isWindowModified()


def test_conflict_is_reported_never_overwritten(window: MainWindow, demo_engine: Engine,
                                                qtbot: Any) -> None:
    process = _edit_first(window, qtbot, "私の変更")
    # Someone else changes the same row meanwhile (version counter moves on).
    with demo_engine.begin() as connection:
        connection.execute(update(processes).where(processes.c.id == process.id)
                           .values(notes="他人の変更", version=processes.c.version + 1))
    answer_next_box("このまま編集を続ける")
    assert not save(window)
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


def test_conflict_take_database_rows(window: MainWindow, demo_engine: Engine,
                                     qtbot: Any) -> None:
    process = _edit_first(window, qtbot, "私の変更")
    with demo_engine.begin() as connection:
        connection.execute(update(processes).where(processes.c.id == process.id)
                           .values(notes="他人の変更", version=processes.c.version + 1))
    answer_next_box("相手の変更を取り込む（自分の変更を破棄）")
    assert not save(window)
    assert process.notes == "他人の変更"
    assert not window.isWindowModified()
    assert save(window)  # nothing pending, no conflict left


def test_saving_capacity_says_what_was_saved(window: MainWindow, qtbot: Any) -> None:
    """Issue 14: saving only capacities said 保存しました（0件）."""
    window.show_tab("capacity")
    model = window.session.bureau_model
    old = model.value(0, 0)
    type_into(qtbot, window.capacity_view.bureau_view, model.index(0, 0), QDoubleSpinBox,
              f"{old + 5:.2f}")
    assert model.value(0, 0) == old + 5.0
    channels = window.session.channel_model
    type_into(qtbot, window.capacity_view.channel_view, channels.index(0, 1), QSpinBox, "7")
    assert channels.data(channels.index(0, 1)) == "7"
    window.show_tab("inventory")
    assert save(window)
    assert window.statusBar().currentMessage() == "保存しました：処理能力 2セル"
    _edit_first(window, qtbot, "メモ")
    assert save(window)
    assert window.statusBar().currentMessage() == "保存しました：手続 1件"


# -- the team database: what the other user changed, keep mine / take theirs -------------------
def _conflict_on_notes(window: MainWindow, team: Any, qtbot: Any) -> Any:
    """The editor changes a row's 備考 in the app; the central office saves its own 備考
    for the same row meanwhile."""
    from PySide6.QtWidgets import QLineEdit

    from tests.ui.actions.test_live import other_user_saves
    from tests.ui.helpers import type_into

    model = window.session.model
    process = next(p for p in window.session.store.processes if p.bureau == team.bureau)
    row = model.row_of(process)
    assert row is not None
    type_into(qtbot, window.inventory_view.table, model.index(row, COLUMN_INDEX["notes"]),
              QLineEdit, "bureau memo")
    other_user_saves(team, team.admin, process.id, notes="本庁のメモ", priority=True)
    return process


def _answer_conflict(button: str, seen: list[list[str]]) -> None:
    from ui.widgets.conflict_dialog import ConflictDialog

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConflictDialog) and widget.isVisible():
                table = widget.table
                seen.extend([table.item(r, c).text() for c in range(table.columnCount())]
                            for r in range(table.rowCount()))
                {"keep": widget.keep_button, "take": widget.take_button}[button].click()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_the_conflict_dialog_shows_theirs_and_keeps_mine(editor_window: MainWindow, team: Any,
                                                          qtbot: Any) -> None:
    process = _conflict_on_notes(editor_window, team, qtbot)
    seen: list[list[str]] = []
    _answer_conflict("keep", seen)
    assert not save(editor_window)  # refused first; "keep mine" then saves again
    by_field = {row[2]: row for row in seen}
    assert set(by_field) == {"備考", "重点"}
    assert by_field["備考"][0] == process.id
    assert by_field["備考"][1].startswith(team.admin + " ")
    assert by_field["備考"][3:] == ["", "本庁のメモ", "bureau memo"]
    assert by_field["重点"][3:] == ["", "○", ""]
    engine = open_database(team.url(team.viewer))
    with engine.connect() as connection:
        [stored] = repository.load_processes(connection, {process.id})
    engine.dispose()
    # Mine where I changed it, theirs where only they did.
    assert (stored.notes, stored.priority) == ("bureau memo", True)
    assert not editor_window.isWindowModified()


def test_the_conflict_dialog_takes_theirs(editor_window: MainWindow, team: Any,
                                          qtbot: Any) -> None:
    process = _conflict_on_notes(editor_window, team, qtbot)
    _answer_conflict("take", [])
    assert not save(editor_window)
    current = editor_window.session.store.by_id[process.id]
    assert (current.notes, current.priority) == ("本庁のメモ", True)
    assert not editor_window.isWindowModified()
