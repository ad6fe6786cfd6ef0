"""The change history (変更履歴): of the selected process, or of the whole database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dx_planner.domain.inventory import Process
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from ui.actions.base import ActionSpec
from ui.views.history_view import HistoryView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def history_view(window: MainWindow) -> HistoryView:
    return window._view("history", HistoryView)


def show_process_history(window: MainWindow, process: Process | None = None) -> None:
    """The history of ``process`` (default: the selected one) in the 変更履歴 tab."""
    process = process or window.inventory_view.current_process()
    if process is None:
        window.show_message(translate("History", "手続を選んでください"))
        return
    history_view(window).show_process(process.id)
    window.show_tab("history")


def show_history(window: MainWindow) -> None:
    window.show_tab("history")


ACTIONS = (
    ActionSpec("process_history", QT_TRANSLATE_NOOP("Actions", "選択した手続の変更履歴"),
               show_process_history),
    ActionSpec("history", QT_TRANSLATE_NOOP("Actions", "変更履歴"), show_history),
)
