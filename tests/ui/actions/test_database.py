"""Opening another database, the recent list and an empty database's first run."""

from __future__ import annotations

from pathlib import Path

from dx_planner.persistence.database import open_database
from tests.ui.helpers import answer_next_box
from ui.actions import database
from ui.main_window import MainWindow


def test_open_another_database(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    open_database(other).dispose()
    answer_next_box("空のまま始める")
    database.open_location(window, str(other))
    assert window.session.location == str(other)
    assert window.session.model.rowCount() == 0
    assert database.recent_databases()[0] == str(other)


def test_recent_databases_start_with_the_open_one(window: MainWindow, db_path: Path) -> None:
    assert database.recent_databases()[0] == str(db_path)
