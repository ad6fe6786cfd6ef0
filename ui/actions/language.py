"""Switching the language of the app (Japanese, English)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from ui import i18n

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def set_language(window: MainWindow, code: str) -> None:
    if code == i18n.language():
        return
    if window.runner.busy():
        window.show_message(translate("Language", "処理の実行中は言語を切り替えられません"))
        return
    i18n.save_language(code)
    i18n.install_language(code)
    window.rebuild()
    model = window.session.model
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)


def fill_menu(window: MainWindow, menu: QMenu) -> None:
    """One checkable entry per language, in its own name."""
    group = QActionGroup(menu)
    for code, name in i18n.LANGUAGES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == i18n.language())
        action.triggered.connect(lambda _=False, c=code: set_language(window, c))
        group.addAction(action)
