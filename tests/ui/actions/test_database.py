"""Opening another database, the recent list and an empty database's first run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dx_planner.persistence.database import open_database
from tests.ui.helpers import answer_next_box
from ui.actions import database
from ui.main_window import MainWindow


def test_open_another_database(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    open_database(other, create=True).dispose()
    answer_next_box("空のまま始める")
    database.open_location(window, str(other))
    assert window.session.location == str(other)
    assert window.session.model.rowCount() == 0
    assert database.recent_databases()[0] == str(other)


def test_recent_databases_start_with_the_open_one(window: MainWindow, db_path: Path) -> None:
    assert database.recent_databases()[0] == str(db_path)


def test_connecting_to_a_team_database(window: MainWindow, team: Any, qtbot: Any) -> None:
    """The connection dialog, as a planner fills it in: the password is used, never kept."""
    from sqlalchemy.engine import make_url

    from tests.helpers.postgres import PASSWORD
    from ui.widgets.connect_dialog import ConnectDialog

    owner_url = make_url(team.url(team.editor))

    def fill() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ConnectDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, fill)
            return
        dialog = dialogs[0]
        # A Unix-socket folder is a host name to libpq, as in ~/.pgpass.
        dialog.host.setText(owner_url.query["host"])
        dialog.port.setValue(int(owner_url.query["port"]))
        dialog.database.setText(team.database.name)
        dialog.login.setText(team.editor)
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(20, fill)
    window.action_by_key["connect_team"].trigger()
    assert window.session.is_team_database
    assert window.session.rights.login == team.editor
    assert window.identity.text().startswith(f"{team.editor} — 局編集者")
    remembered = database.recent_databases()[0]
    assert remembered.startswith(f"postgresql+psycopg://{team.editor}@")
    assert PASSWORD not in remembered and PASSWORD not in window.windowTitle()
    qtbot.waitUntil(lambda: window.runner.busy("live"))


def test_a_remembered_team_database_asks_for_its_password(window: MainWindow, team: Any,
                                                          monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from tests.helpers.postgres import PASSWORD

    asked: list[str] = []

    def type_password(_parent: Any, _title: str, label: str, mode: Any) -> tuple[str, bool]:
        asked.append(label)
        assert mode == QLineEdit.EchoMode.Password
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", type_password)  # the user types it
    monkeypatch.delenv("PGPASSWORD", raising=False)
    without = team.database.url(team.viewer, None)
    database.open_location(window, without)
    assert window.session.rights.login == team.viewer
    assert len(asked) == 1 and team.viewer in asked[0] and PASSWORD not in asked[0]


def test_the_app_reopens_the_database_used_last(window: MainWindow, db_path: Path,
                                                tmp_path: Path) -> None:
    from ui.app import starting_location

    other = tmp_path / "last.sqlite3"
    database.remember_database(str(other))
    # gone: not made again, the one used before it opens (review finding 10)
    assert starting_location(None) == str(db_path)
    open_database(other, create=True).dispose()
    assert starting_location(None) == str(other)
    assert starting_location(str(tmp_path / "given.sqlite3")) == str(tmp_path / "given.sqlite3")


def test_a_new_file_chosen_in_the_dialog_becomes_a_new_database(window: MainWindow,
                                                                 tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    answer_next_box("空のまま始める")
    database.open_location(window, str(new), create=True)  # as choose_database does
    assert new.is_file() and window.session.location == str(new)


def test_a_recent_database_that_is_gone_is_not_created_again(window: MainWindow,
                                                            db_path: Path,
                                                            tmp_path: Path) -> None:
    """Review finding 10: opening a missing file made a new empty database there."""
    gone = tmp_path / "moved-away.sqlite3"
    shown: list[str] = []

    def read_box() -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                shown.append(widget.text())

    from PySide6.QtCore import QTimer

    QTimer.singleShot(10, read_box)
    answer_next_box()
    database.open_location(window, str(gone))  # as the recent-databases menu does
    assert shown == [f"no database at {gone} (create one with dx-planner demo or "
                     "dx-planner import)"]
    assert not gone.exists()
    assert window.session.location == str(db_path)


# -- never a password in the title or the recent list (review finding 5) ----------------------
SECRET_URL = "postgresql://fukushi:s3cret@localhost/dx"


def test_the_recent_list_never_stores_a_password(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    database.remember_database(SECRET_URL)
    assert database.recent_databases()[0] == "postgresql+psycopg://fukushi@localhost/dx"
    QSettings().sync()
    stored = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in tmp_path.rglob("*.ini"))
    assert "fukushi" in stored and "s3cret" not in stored


def test_a_password_remembered_by_an_older_version_is_forgotten(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(database.RECENT_KEY, [SECRET_URL, "/data/plan.sqlite3"])
    assert database.recent_databases() == ["postgresql+psycopg://fukushi@localhost/dx",
                                           "/data/plan.sqlite3"]
    QSettings().sync()
    stored = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in tmp_path.rglob("*.ini"))
    assert "s3cret" not in stored
