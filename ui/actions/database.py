"""Opening a database (and the recent ones), and what to do with an empty one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence.database import DatabaseError, open_database, shown_location
from ui.actions import inventory_io
from ui.actions.base import ActionSpec
from ui.actions.saving import confirm_discard
from ui.session import Session
from ui.texts import tr_format
from ui.widgets.connect_dialog import ConnectDialog
from ui.widgets.dialogs import FIRST_RUN_DEMO, FIRST_RUN_IMPORT, FIRST_RUN_OPEN, ask_first_run

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
RECENT_KEY = "ui/recent_databases"
MAX_RECENT = 8


def recent_databases() -> list[str]:
    """The databases opened last, newest first (a password an older version stored is
    dropped here, and from the settings file)."""
    value = QSettings().value(RECENT_KEY, [])
    stored = [value] if isinstance(value, str) else (
        [str(item) for item in value] if isinstance(value, list) else [])
    recent = list(dict.fromkeys(without_password(item) for item in stored))
    if recent != stored:
        QSettings().setValue(RECENT_KEY, recent)
    return recent


def remember_database(location: str) -> None:
    """Put ``location`` first in the recent list, without its password (never stored:
    libpq's PGPASSWORD or ~/.pgpass supply it)."""
    shown = without_password(location)
    recent = [shown, *[item for item in recent_databases() if item != shown]]
    QSettings().setValue(RECENT_KEY, recent[:MAX_RECENT])



def choose_database(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Database", "データベースを開く"), str(Path.home()),
        translate("Database",
                  "SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite)
    if path:
        open_location(window, path, create=True)  # a new name: a new database to fill


def connect_team(window: MainWindow) -> None:
    """Connect to a team database (PostgreSQL) through the connection dialog."""
    recent = next((item for item in recent_databases() if "://" in item), None)
    dialog = ConnectDialog(window, recent)
    if dialog.exec() == ConnectDialog.DialogCode.Accepted:
        open_location(window, dialog.url())


def without_password(location: str) -> str:
    """What is shown and remembered of a location: never a password (``shown_location``; a
    text that is no location at all is kept as it is)."""
    try:
        return shown_location(location)
    except DatabaseError:
        return location


def open_engine(parent: QWidget | None, location: str, create: bool = False) -> Engine:
    """Open the database (a missing SQLite file is created only with ``create``); on a team
    database that wants a password none supplied, ask for it (used for this connection
    only). Raises ``DatabaseError``."""
    try:
        return open_database(location, create=create)
    except DatabaseError as error:
        if "://" not in location or "password" not in str(error):
            raise
        password, ok = QInputDialog.getText(
            parent, translate("Database", "パスワード"),
            tr_format(translate("Database", "%1 のパスワード："), without_password(location)),
            QLineEdit.EchoMode.Password)
        if not ok:
            raise
        return open_database(make_url(location).set(password=password)
                             .render_as_string(hide_password=False))


def open_location(window: MainWindow, location: str, create: bool = False) -> None:
    """Switch the window to another database (after asking about unsaved changes); a
    missing SQLite file is created only with ``create`` (a recent one that is gone is not)."""
    if not confirm_discard(window):
        return
    label = without_password(location)
    try:
        engine = open_engine(window, location, create=create)
        session = Session.open(engine, label, window)
    except Exception as error:  # a bad path or URL, a file that is not ours …
        QMessageBox.warning(window, translate("Database", "データベースを開く"), str(error))
        return
    window.set_session(session)
    remember_database(label)
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
    ActionSpec("connect_team", QT_TRANSLATE_NOOP("Actions", "チームデータベースに接続…"),
               connect_team),
)
