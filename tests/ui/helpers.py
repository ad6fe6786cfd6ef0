"""Helpers of the GUI tests: answer a modal box, run a job to its end, solve a plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from ui.main_window import MainWindow
from ui.tasks import MAIN


def answer_next_box(button_text: str | None = None) -> None:
    """Click a button of the next modal message box or dialog (by its text, or its
    default)."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                for button in widget.buttons():
                    if button_text is None or button.text() == button_text:
                        button.click()
                        return
                (widget.defaultButton() or widget.buttons()[0]).click()
                return
            if isinstance(widget, QDialog) and widget.isVisible() and button_text:
                for push in widget.findChildren(QPushButton):
                    if push.text() == button_text:
                        push.click()
                        return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def close_next_box(texts: list[str]) -> None:
    """Append the text of the next modal message box to ``texts`` and close it."""

    def read() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                texts.append(widget.text())
                widget.done(0)
                return
        QTimer.singleShot(20, read)

    QTimer.singleShot(20, read)


def visible_box(window: QWidget) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1, f"expected one open message box, found {len(boxes)}"
    return boxes[0]


def run_job(window: MainWindow, qtbot: Any, start: Callable[[], bool]) -> None:
    """Start a job of the main slot and wait until it has ended (handlers run)."""
    with qtbot.waitSignal(window.runner.finished, timeout=60_000,
                          check_params_cb=lambda job: job.slot == MAIN):
        assert start()
    assert not window.runner.busy(MAIN)


def solve(window: MainWindow, qtbot: Any, name: str, *, count: int | None = None) -> Any:
    """A quick real solve through the plan panel, stored as scenario ``name``."""
    panel = window.plan_panel
    panel.time_limit.setValue(2)
    panel.scenario.setText(name)
    if count is not None:
        panel.count_choice.setChecked(True)
        panel.count.setValue(count)
    with qtbot.waitSignal(panel.planReady, timeout=60_000) as ready:
        panel.start_optimize()
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    return ready.args[0]


def open_editor(table: QTableView, index: QModelIndex, kind: type[QWidget]) -> Any:
    """Open the delegate's editor on ``index`` as a double click would; return it."""
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    assert len(editors) == 1, f"expected one open {kind.__name__} editor, found {editors}"
    return editors[0]


def commit(qtbot: Any, table: QTableView, editor: QWidget) -> None:
    """Return in the editor: the delegate's event filter commits the value and closes the
    editor (queued, so wait for the table to leave its editing state)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() is not QAbstractItemView.State.EditingState)


def type_into(qtbot: Any, table: QTableView, index: QModelIndex, kind: type[QWidget],
              text: str) -> None:
    """Open the editor, replace its text by typing ``text``, and commit."""
    editor = open_editor(table, index, kind)
    editor.selectAll()
    type_text(editor, text)  # Japanese as an input method commits it
    commit(qtbot, table, editor)


def choose(qtbot: Any, table: QTableView, index: QModelIndex, label: str) -> None:
    """Open the combo box editor on ``index``, choose the item shown as ``label``, commit."""
    from PySide6.QtWidgets import QComboBox

    combo = open_editor(table, index, QComboBox)
    position = combo.findText(label)
    items = [combo.itemText(i) for i in range(combo.count())]
    assert position >= 0, f"{label!r} is not among {items}"
    combo.setCurrentIndex(position)
    commit(qtbot, table, combo)


def type_text(editor: QWidget, text: str) -> None:
    """Type into ``editor`` as a user does: ASCII key by key, Japanese as an input method
    commits it (QTest's key clicks only know ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    if text.isascii():
        QTest.keyClicks(editor, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def answer_next_input(text: str) -> None:
    """Type ``text`` into the next input dialog (one line or several) and press OK."""
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QPlainTextEdit

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QInputDialog) and widget.isVisible():
                editors = widget.findChildren(QPlainTextEdit) or widget.findChildren(QLineEdit)
                editor = editors[0]
                editor.selectAll()
                type_text(editor, text)
                box = widget.findChild(QDialogButtonBox)
                box.button(QDialogButtonBox.StandardButton.Ok).click()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def answer_next_question(button: QMessageBox.StandardButton) -> None:
    """Click the standard ``button`` (Yes, No, …) of the next modal message box, whatever the
    language labels it."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.button(button).click()
                return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)
