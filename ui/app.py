"""Entry point of the desktop app: ``run(db_location) -> exit status``.

``dx_planner`` calls it by name (``importlib.import_module("ui.app").run(...)``) so that the
core never imports Qt. ``DX_PLANNER_AUTODEMO=1`` loads the demo into an empty database
without asking (scripts, screenshots, tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dx_planner.persistence.database import ENV_VARIABLE, DatabaseError, resolve_url, shown_location
from ui import i18n
from ui.actions.database import (
    offer_first_run,
    open_engine,
    recent_databases,
)
from ui.main_window import MainWindow
from ui.session import Session

AUTODEMO_VARIABLE = "DX_PLANNER_AUTODEMO"
# Start, show the window, quit: proves a build starts (packaging/smoke_test.py).
QUIT_WHEN_SHOWN_VARIABLE = "DX_PLANNER_QUIT_WHEN_SHOWN"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("dx-planner")
    QCoreApplication.setApplicationName("dx-planner")
    font = app.font()
    # Japanese first, so kanji never fall back to a Chinese glyph variant.
    font.setFamilies(["Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Yu Gothic UI",
                      "Meiryo", "Hiragino Sans", *font.families()])
    app.setFont(QFont(font))
    app.setWindowIcon(QIcon(":/icons/dx-planner.svg"))
    QGuiApplication.setDesktopFileName("dx-planner")  # resources/dx-planner.desktop
    return app


def location_label(location: str | None) -> str:
    """What the window shows and remembers of a database: never its password."""
    return shown_location(location)


def starting_location(db_location: str | None) -> str | None:
    """``--db`` / ``DX_PLANNER_DB``, else the database used last (a team database's URL is
    remembered, without its password), else the default file."""
    if db_location is not None or os.environ.get(ENV_VARIABLE):
        return db_location
    # a remembered file that is gone is not made again (it was moved or deleted)
    recent = [item for item in recent_databases() if "://" in item or Path(item).is_file()]
    return recent[0] if recent else None


def create_window(db_location: str | None) -> MainWindow:
    """Open the database and build the window (not shown); raises DatabaseError. A missing
    database is created: the window then offers to fill it (demo, import, open another)."""
    engine = open_engine(None, resolve_url(db_location), create=True)
    session = Session.open(engine, location_label(db_location))
    window = MainWindow(session)
    session.setParent(window)
    return window


def run(db_location: str | None) -> int:
    app = application()
    i18n.install_language(i18n.saved_language())
    try:
        window = create_window(starting_location(db_location))
    except DatabaseError as error:
        QMessageBox.critical(None, "dx-planner", str(error))
        return 1
    window.show()
    automatic = os.environ.get(AUTODEMO_VARIABLE) == "1"
    # After the event loop starts, so the window is on screen behind the first-run dialog.
    QTimer.singleShot(0, lambda: offer_first_run(window, automatic))
    if os.environ.get(QUIT_WHEN_SHOWN_VARIABLE) == "1":  # the bundle's smoke test
        QTimer.singleShot(0, lambda: (print("dx-planner: window shown", flush=True),
                                      app.quit()))
    return app.exec()
