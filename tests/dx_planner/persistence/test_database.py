from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from dx_planner.persistence.database import (
    DatabaseError,
    _alembic_config,
    open_database,
    resolve_url,
)


def test_plain_path_means_sqlite_and_urls_pass_through(tmp_path: Path) -> None:
    assert resolve_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_environment_variable_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DX_PLANNER_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")


def test_new_database_gets_the_whole_schema(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "new.db", create=True)
    tables = set(inspect(engine).get_table_names())
    assert {"processes", "bureaus", "bureau_capacity", "channels", "channel_limits",
            "scenarios", "scenario_assignments", "alembic_version"} <= tables
    engine.dispose()


def test_older_database_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = create_engine(f"sqlite:///{path}")
    with old.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("INSERT INTO bureaus (name, position) VALUES ('環境局', 0)"))
        connection.execute(text("INSERT INTO channels (name, position) VALUES ('共同電子申請', 0)"))
        connection.execute(text(
            "INSERT INTO processes (id, position, name, bureau_id, type, authority, "
            "annual_volume, effort, status, channel_id, priority, major, notes, version) "
            "VALUES ('P-1', 1, '届出', 1, 'notification', 'tokyo', 10, 1.5, 'not_started', "
            "1, 0, 0, '', 3)"))
    assert "scenarios" not in inspect(old).get_table_names()
    old.dispose()

    engine = open_database(path)
    assert "scenarios" in inspect(engine).get_table_names()
    with engine.connect() as connection:
        row = connection.execute(text("SELECT id, effort, version FROM processes")).one()
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert tuple(row) == ("P-1", 1.5, 3)
    assert revision == ScriptDirectory.from_config(_alembic_config()).get_current_head()
    engine.dispose()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_database(path)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="folder"):
        open_database(tmp_path)


def test_json_columns_refuse_non_finite_numbers(tmp_path: Path) -> None:
    """Review finding 8: Infinity reached a plan; JSON columns hold strict JSON on SQLite as
    PostgreSQL does, so a NaN or infinity is a bug that fails loudly, never stored."""
    from datetime import datetime

    from sqlalchemy import insert
    from sqlalchemy.exc import StatementError

    from dx_planner.persistence.schema import ScenarioRow

    engine = open_database(tmp_path / "strict.db", create=True)
    with pytest.raises(StatementError, match="not JSON compliant"), engine.begin() as connection:
        connection.execute(insert(ScenarioRow.__table__).values(
            name="x", created_at=datetime.now(), status="feasible",
            settings={"cost_time": float("inf")}, kpis={}))
    engine.dispose()


# -- what is shown and remembered of a location: never a password (review finding 5) ---------
def test_a_location_is_shown_without_its_password(tmp_path: Path) -> None:
    from dx_planner.persistence.database import shown_location

    assert shown_location("postgresql://fukushi:s3cret@localhost/dx") == (
        "postgresql+psycopg://fukushi@localhost/dx")
    socket = make_url(shown_location("postgresql://fukushi:s3cret@/dx?host=/run/pg&port=5433"))
    assert (socket.username, socket.password, socket.database) == ("fukushi", None, "dx")
    assert socket.query == {"host": "/run/pg", "port": "5433"}
    assert shown_location(tmp_path / "a.db") == str(tmp_path / "a.db")
    assert shown_location(f"sqlite:///{tmp_path / 'b.db'}") == str(tmp_path / "b.db")


@pytest.mark.parametrize("location", [
    "postgresql+nosuchdriver://fukushi:s3cret@localhost/dx",  # the driver cannot be loaded
    "postgresql://fukushi:s3cret@localhost:port/dx",  # not a URL SQLAlchemy can read
])
def test_a_database_error_never_shows_the_password(location: str) -> None:
    with pytest.raises(DatabaseError) as error:
        open_database(location)
    assert "s3cret" not in str(error.value)
    assert "fukushi" in str(error.value)
