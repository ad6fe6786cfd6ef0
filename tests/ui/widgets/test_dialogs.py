"""The first-run dialog: demo by default, and translated like the rest of the app."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.widgets.dialogs import FIRST_RUN_DEMO, ask_first_run


def _answer_with_default(texts: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    texts.extend([box.windowTitle(), *(button.text() for button in box.buttons())])
    box.defaultButton().click()


def test_first_run_offers_the_demo_by_default_in_english(qtbot: QtBot) -> None:
    i18n.install_language("en")
    parent = QWidget()
    qtbot.addWidget(parent)
    texts: list[str] = []
    QTimer.singleShot(0, lambda: _answer_with_default(texts))
    assert ask_first_run(parent) == FIRST_RUN_DEMO
    assert "Getting started" in texts
    assert not any("デモ" in text for text in texts)
