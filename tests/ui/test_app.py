"""Starting the desktop app on a database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.app import create_window, location_label


def test_the_first_run_creates_the_database_it_then_offers_to_fill(tmp_path: Path,
                                                                   qtbot: Any) -> None:
    """The desktop app may create a database (its first run offers the demo or an import);
    the commands that only read may not (tests/dx_planner/cli/test_missing_database.py)."""
    path = tmp_path / "first.sqlite3"
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.confirm_close = False
    assert path.is_file()
    assert window.session.model.rowCount() == 0
    window.session.engine.dispose()


def test_the_window_title_shows_no_password() -> None:
    """Review finding 5: the title showed postgresql+psycopg://fukushi:s3cret@…"""
    label = location_label("postgresql://fukushi:s3cret@localhost/dx")
    assert label == "postgresql+psycopg://fukushi@localhost/dx"
