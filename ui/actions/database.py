"""Opening a database (and the recent ones), and what to do with an empty one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence.database import open_database
from ui.actions import inventory_io
from ui.actions.base import ActionSpec
from ui.actions.saving import confirm_discard
from ui.session import Session
from ui.widgets.dialogs import FIRST_RUN_DEMO, FIRST_RUN_IMPORT, FIRST_RUN_OPEN, ask_first_run

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
RECENT_KEY = "ui/recent_databases"
MAX_RECENT = 8


def recent_databases() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def remember_database(location: str) -> None:
    recent = [location, *[item for item in recent_databases() if item != location]]
    QSettings().setValue(RECENT_KEY, recent[:MAX_RECENT])


def choose_database(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Database", "データベースを開く"), str(Path.home()),
        translate("Database",
                  "SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite)
    if path:
        open_location(window, path)


def open_location(window: MainWindow, location: str) -> None:
    """Switch the window to another database (after asking about unsaved changes)."""
    if not confirm_discard(window):
        return
    try:
        engine = open_database(location)
        session = Session.open(engine, location, window)
    except Exception as error:  # a bad path or URL, a file that is not ours …
        QMessageBox.warning(window, translate("Database", "データベースを開く"), str(error))
        return
    window.set_session(session)
    remember_database(location)
    offer_first_run(window)


def offer_first_run(window: MainWindow, automatic: bool = False) -> None:
    """An empty database: load the demo (default), import a workbook, or open another."""
    if window.session.store.processes:
        return
    choice = FIRST_RUN_DEMO if automatic else ask_first_run(window)
    if choice == FIRST_RUN_DEMO:
        inventory_io.load_demo(window)
    elif choice == FIRST_RUN_IMPORT:
        inventory_io.choose_import(window)
    elif choice == FIRST_RUN_OPEN:
        choose_database(window)


ACTIONS = (
    ActionSpec("open_database", QT_TRANSLATE_NOOP("Actions", "データベースを開く…"),
               choose_database),
)
