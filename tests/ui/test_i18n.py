"""Languages: the app's own texts and Qt's (standard buttons, file dialogs) switch together."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ui import i18n


def _buttons() -> list[str]:
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    return [box.button(b).text() for b in (QMessageBox.StandardButton.Save,
                                             QMessageBox.StandardButton.Discard,
                                             QMessageBox.StandardButton.Cancel)]


def test_qt_standard_buttons_are_japanese_in_the_japanese_app(qapp: Any) -> None:
    """Issue 14: Cancel, Save/Discard appeared in English in the Japanese UI."""
    i18n.install_language("ja")
    assert _buttons() == ["保存", "変更を破棄", "キャンセル"]
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert close.button(QDialogButtonBox.StandardButton.Close).text() == "閉じる"
    i18n.install_language("en")
    assert _buttons() == ["Save", "Discard", "Cancel"]
