"""GUI test fixtures: an isolated QSettings, demo databases, and a check that every test
leaves no worker thread, thread-pool task or timer running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings in a temporary folder, so tests never touch the user's settings."""
    QCoreApplication.setOrganizationName("dx-planner-tests")
    QCoreApplication.setApplicationName("dx-planner-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    from ui import i18n

    i18n.install_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def no_dangling_work(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a worker thread, pool task or active timer behind.

    Autouse fixtures are set up first, so this teardown runs after qtbot has closed the
    test's widgets: whatever still runs then would outlive the test.
    """
    yield
    from ui.tasks import running_tasks

    QCoreApplication.processEvents()
    threads = running_tasks()
    for task in threads:  # stop them so that the next test starts clean
        task.job.context.cancel_event.set()
        task.wait(10_000)
    pool_busy = QThreadPool.globalInstance().activeThreadCount()
    QThreadPool.globalInstance().waitForDone(10_000)
    timers = [timer for widget in QApplication.topLevelWidgets()
              for timer in widget.findChildren(QTimer) if timer.isActive()]
    assert not threads, f"test left {len(threads)} worker thread(s) running"
    assert not pool_busy, f"test left {pool_busy} thread-pool task(s) running"
    described = [f"{type(t.parent()).__name__}.{t.objectName()}" for t in timers]
    assert not timers, f"test left {len(timers)} timer(s) running: {described}"


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    """A small demo inventory (fast enough for every GUI test)."""
    from dx_planner.demo.load import load_demo

    load_demo(engine, 400, seed=1)
    return engine


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns that it cannot propagate size hints; harmless.
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def window(demo_engine: Engine, db_path: Path, qtbot: Any) -> Iterator[Any]:
    """The main window over a small demo database, shown offscreen."""
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session.open(demo_engine, str(db_path))
    main = MainWindow(session)
    session.setParent(main)
    main.confirm_close = False  # qtbot closes it before fixture teardown: no save prompt
    qtbot.addWidget(main)
    main.show()
    yield main
    main.stop_work()


@pytest.fixture
def planned(window: Any, qtbot: Any) -> Any:
    """The window with a quick real solve stored as scenario 基本計画."""
    from tests.ui.helpers import solve

    solve(window, qtbot, "基本計画")
    return window


# -- the team database (PostgreSQL) -------------------------------------------------------
@pytest.fixture
def team(pg_database: Any) -> Any:
    """A team database with a small demo inventory and one login per role."""
    from tests.helpers.team import make_team

    return make_team(pg_database, 400)


def open_window(location: str, qtbot: Any) -> Any:
    """The main window over ``location`` (as the app opens it), shown offscreen."""
    from dx_planner.persistence.database import open_database
    from ui.actions.database import without_password
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session.open(open_database(location), without_password(location))
    main = MainWindow(session)
    session.setParent(main)
    main.confirm_close = False
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def editor_window(team: Any, qtbot: Any) -> Iterator[Any]:
    """The app of the team's bureau editor."""
    main = open_window(team.url(team.editor), qtbot)
    yield main
    main.stop_work()
