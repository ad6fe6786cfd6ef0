"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

# GUI tests run offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    from dx_planner.persistence.database import open_database

    engine = open_database(db_path)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def demo_workbook_28k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full 28,000-process demo, exported once per test session."""
    from dx_planner.demo.load import load_demo
    from dx_planner.persistence.database import open_database
    from dx_planner.workbook.apply import export_workbook

    folder = tmp_path_factory.mktemp("demo28k")
    engine = open_database(folder / "demo.sqlite3")
    load_demo(engine, 28_000, seed=0)
    path = folder / "demo.xlsx"
    export_workbook(engine, path)
    engine.dispose()
    return path
