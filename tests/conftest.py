"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.helpers.postgres import PgDatabase, PgServer, server_from_environment

# GUI tests run offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    from dx_planner.persistence.database import open_database

    engine = open_database(db_path, create=True)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def demo_workbook_28k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full 28,000-process demo, exported once per test session."""
    from dx_planner.demo.load import load_demo
    from dx_planner.persistence.database import open_database
    from dx_planner.workbook.apply import export_workbook

    folder = tmp_path_factory.mktemp("demo28k")
    engine = open_database(folder / "demo.sqlite3", create=True)
    load_demo(engine, 28_000, seed=0)
    path = folder / "demo.xlsx"
    export_workbook(engine, path)
    engine.dispose()
    return path


# -- PostgreSQL (tests/helpers/postgres.py) ---------------------------------------------------
@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The test PostgreSQL server (``DX_PLANNER_TEST_PG``); skipped without one, except in CI."""
    yield from server_from_environment()


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[PgDatabase]:
    """A fresh database with the newest schema, owned by a non-superuser owner."""
    database = pg_server.new_database()
    yield database
    pg_server.drop(database)


@pytest.fixture
def pg_engine(pg_database: PgDatabase) -> Iterator[Engine]:
    """The fresh database opened by the app as its owner (no team roles yet)."""
    from dx_planner.persistence.database import open_database

    engine = open_database(pg_database.owner_url)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The same test on both backends: an SQLite file and a PostgreSQL database."""
    from dx_planner.persistence.database import open_database

    if request.param == "sqlite":
        engine = open_database(tmp_path / "test.sqlite3", create=True)
    else:
        engine = open_database(request.getfixturevalue("pg_database").owner_url)
    yield engine
    engine.dispose()
