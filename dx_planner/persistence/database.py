"""Opening a database: resolve the location, create the engine, bring the schema up to date."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

ENV_VARIABLE = "DX_PLANNER_DB"
_INSUFFICIENT_PRIVILEGE = "42501"
_MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


class DatabaseError(Exception):
    """The database cannot be opened or is not ours; the message is for the user."""


def default_database_path() -> Path:
    """The user's database in the platform's data folder."""
    return Path(user_data_dir("dx-planner", appauthor=False)) / "dx-planner.sqlite3"


def resolve_url(location: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` / ``DX_PLANNER_DB`` / the default into an SQLAlchemy URL.

    Anything that parses as a URL with a scheme is taken as a URL; a plain path means SQLite.
    """
    if location is None:
        location = os.environ.get(ENV_VARIABLE) or default_database_path()
    text = os.fspath(location)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as error:
            raise DatabaseError(f"invalid database URL '{text}': {error}") from None
        if url.drivername in ("postgresql", "postgres"):
            # The driver we ship (psycopg 3); SQLAlchemy's default would be psycopg2.
            return url.set(drivername="postgresql+psycopg").render_as_string(
                hide_password=False)
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", _MIGRATIONS)
    return config


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def open_database(location: str | os.PathLike[str] | None = None) -> Engine:
    """Open (creating if needed) the database and upgrade its schema to the newest revision."""
    url = resolve_url(location)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        database_path = Path(parsed.database or "")
        if database_path.is_dir():
            raise DatabaseError(f"{database_path} is a folder, not a database file")
        database_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # A team database is a server: check pooled connections before use (it may restart).
        engine = create_engine(url, pool_pre_ping=parsed.get_backend_name() == "postgresql")
    except Exception as error:  # driver missing, bad options …
        raise DatabaseError(f"cannot open database {url}: {_reason(error)}") from None
    if engine.dialect.name == "sqlite":
        _enable_sqlite_foreign_keys(engine)
    try:
        upgrade_schema(engine)
    except DatabaseError:
        engine.dispose()  # no pooled connection left behind
        raise
    return engine


def upgrade_schema(engine: Engine) -> None:
    """Run pending Alembic migrations; an up-to-date database costs one quick query."""
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    current: str | None = None
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DatabaseError:
        raise
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            # A team database is upgraded by its owner, not by whoever connects first.
            raise DatabaseError(
                f"the database's schema is at revision {current or 'none'} but this "
                f"dx-planner needs {head}: its owner must run `dx-planner admin init`"
            ) from None
        raise DatabaseError(f"cannot open database {engine.url!r}: {_reason(error)}") from None
    except Exception as error:
        raise DatabaseError(f"cannot open database {engine.url!r}: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    """The driver's own words, first line only (SQLAlchemy appends the SQL and a web link)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
