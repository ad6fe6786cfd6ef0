from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from ui.actions.language import set_language
from ui.main_window import MainWindow


def test_language_switch_rebuilds_in_english(window: MainWindow) -> None:
    set_language(window, "en")
    assert window.tabs.tabText(0) == "Processes"
    header = window.session.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Process ID"
    assert QSettings().value("ui/language") == "en"
    set_language(window, "ja")
    assert window.tabs.tabText(0) == "手続一覧"
