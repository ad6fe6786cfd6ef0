"""Opening a database: resolve the location, create the engine, bring the schema up to date.

SQLite: every transaction is an explicit ``BEGIN`` (pysqlite's own handling would run the
reads of a read-then-write transaction outside it); writers begin with ``BEGIN IMMEDIATE``
(``write_transaction``) so that two writers queue for the lock instead of one failing at
once, and wait for each other up to ``DX_PLANNER_BUSY_TIMEOUT`` seconds (default 60).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, RootTransaction, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

ENV_VARIABLE = "DX_PLANNER_DB"
BUSY_TIMEOUT_VARIABLE = "DX_PLANNER_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 60.0  # seconds a writer waits for another one to finish
_WRITE_OPTION = "dx_planner_write"
# SQLSTATEs: a write refused for lack of rights (also "new row violates row-level security
# policy"); a transaction aborted for another one's sake ("deadlock detected", "could not
# serialize access"), which PostgreSQL's manual says to run again.
INSUFFICIENT_PRIVILEGE = "42501"
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
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
        except (ArgumentError, ValueError) as error:  # ValueError: e.g. a port not a number
            raise DatabaseError(f"invalid database URL '{_without_password_text(text)}': "
                                f"{_without_password_text(str(error))}") from None
        if url.drivername in ("postgresql", "postgres"):
            # The driver we ship (psycopg 3); SQLAlchemy's default would be psycopg2.
            return url.set(drivername="postgresql+psycopg").render_as_string(
                hide_password=False)
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def shown_location(location: str | os.PathLike[str] | None = None) -> str:
    """A database as it is shown (window title, messages) and remembered (recent list): an
    SQLite file as its path, any other database as its URL without the password. A password
    is never shown nor stored; libpq supplies it (PGPASSWORD, ~/.pgpass) or the user types it."""
    parsed = make_url(resolve_url(location))
    path = _file_of(parsed)
    if path is not None:
        return str(path)
    return URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                      parsed.database, parsed.query).render_as_string(hide_password=False)


def _without_password_text(text: str) -> str:
    """A URL-like text that does not parse, with whatever stands where a password would."""
    return re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1@", text)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", _MIGRATIONS)
    return config


def busy_timeout() -> float:
    """Seconds a writer waits for the lock held by another writer (SQLite)."""
    value = os.environ.get(BUSY_TIMEOUT_VARIABLE, "")
    try:
        seconds = float(value) if value else DEFAULT_BUSY_TIMEOUT
    except ValueError:
        raise DatabaseError(f"{BUSY_TIMEOUT_VARIABLE} must be a number of seconds, "
                            f"not '{value}'") from None
    if not 0 <= seconds <= 86_400:
        raise DatabaseError(f"{BUSY_TIMEOUT_VARIABLE} must be between 0 and 86400 seconds")
    return seconds


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


# PostgreSQL advisory lock key for writers that must run one at a time (imports).
_SERIAL_WRITERS_LOCK = 0x64782D706C616E  # "dx-plan"


def begin_write(connection: Connection, *, one_at_a_time: bool = False) -> RootTransaction:
    """Begin a transaction that will write: on SQLite it takes the write lock first
    (``BEGIN IMMEDIATE``), waiting for another writer, so what it reads stays true.

    ``one_at_a_time``: on PostgreSQL (where writers do not lock each other out) also wait
    for every other such transaction to end, so that what it checks before writing (e.g.
    that nobody wrote meanwhile) holds until it commits."""
    connection.execution_options(**{_WRITE_OPTION: True})
    transaction = connection.begin()
    if one_at_a_time and connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(_SERIAL_WRITERS_LOCK)))
    return transaction


@contextmanager
def write_transaction(engine: Engine, *, one_at_a_time: bool = False) -> Iterator[Connection]:
    """``engine.begin()`` for transactions that write (see ``begin_write``)."""
    with engine.connect() as connection, begin_write(connection, one_at_a_time=one_at_a_time):
        yield connection


NO_DATABASE = "no database at {path} (create one with dx-planner demo or dx-planner import)"


def sqlite_file(location: str | os.PathLike[str] | None = None) -> Path | None:
    """The file of an SQLite database location (None for a server or an in-memory one)."""
    return _file_of(make_url(resolve_url(location)))


def _file_of(parsed: URL) -> Path | None:
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


def open_database(location: str | os.PathLike[str] | None = None, *,
                  create: bool = False) -> Engine:
    """Open the database and upgrade its schema to the newest revision.

    A missing SQLite file is created only with ``create`` (the commands that put content
    into it: demo, import, the desktop app's first run); otherwise it is the user's typo,
    and creating an empty database there would hide it. Missing folders are created only
    for the default location in the user's data folder."""
    url = resolve_url(location)
    parsed = make_url(url)
    database_path = _file_of(parsed)
    if database_path is not None:
        if database_path.is_dir():
            raise DatabaseError(f"{database_path} is a folder, not a database file")
        if not database_path.exists():
            if not create:
                raise DatabaseError(NO_DATABASE.format(path=database_path))
            if database_path == default_database_path().expanduser().resolve():
                database_path.parent.mkdir(parents=True, exist_ok=True)
            elif not database_path.parent.is_dir():
                raise DatabaseError(f"no folder {database_path.parent} for the new database "
                                    f"{database_path.name}")
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": busy_timeout()}
    try:
        # A team database is a server: check pooled connections before use (it may restart).
        engine = create_engine(url, pool_pre_ping=parsed.get_backend_name() == "postgresql",
                               json_serializer=_strict_json, **options)
    except Exception as error:  # driver missing, bad options …
        raise DatabaseError(f"cannot open database {shown_location(url)}: "
                            f"{_without_password_text(driver_reason(error))}") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        upgrade_schema(engine)
    except DatabaseError:
        engine.dispose()  # no pooled connection left behind
        raise
    return engine


def _strict_json(value: Any) -> str:
    """JSON columns hold RFC 8259 JSON on both databases (PostgreSQL refuses NaN and
    Infinity; SQLite would store them): a non-finite number is a bug, raised here."""
    return json.dumps(value, allow_nan=False)


def upgrade_schema(engine: Engine) -> None:
    """Run pending Alembic migrations; an up-to-date database costs one quick query."""
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    current: str | None = None
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
        # Two programs opening a new database at once: the second waits, then finds it done.
        with write_transaction(engine) as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DatabaseError:
        raise
    except DBAPIError as error:
        if sqlstate(error) == INSUFFICIENT_PRIVILEGE:
            # A team database is upgraded by its owner, not by whoever connects first.
            raise DatabaseError(
                f"the database's schema is at revision {current or 'none'} but this "
                f"dx-planner needs {head}: its owner must run `dx-planner admin init`"
            ) from None
        raise DatabaseError(
            f"cannot open database {_shown(engine)}: {driver_reason(error)}") from None
    except Exception as error:
        raise DatabaseError(
            f"cannot open database {_shown(engine)}: {driver_reason(error)}") from None


def _shown(engine: Engine) -> str:
    return shown_location(engine.url.render_as_string(hide_password=False))


def driver_reason(error: Exception) -> str:
    """The driver's own words, first line only (SQLAlchemy appends the SQL and a web link)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE the server gave a database error (None: not from the server)."""
    return getattr(getattr(error, "orig", None), "sqlstate", None)


def is_retryable(error: BaseException) -> bool:
    """True when the database aborted the transaction to let another one through."""
    return isinstance(error, DBAPIError) and sqlstate(error) in RETRYABLE_SQLSTATES


def describe_error(error: Exception, url: str) -> str | None:
    """One line for a database failure the user or the machine caused (a lock held too long,
    a full disk, a read-only file, a value the database refuses, a concurrent change), or
    None when it is a bug in our SQL."""
    from sqlalchemy.exc import DataError, IntegrityError, OperationalError, ProgrammingError

    reason = driver_reason(error)
    where = shown_location(url)
    lowered = reason.lower()
    if isinstance(error, OperationalError):
        if "database is locked" in lowered or "database is busy" in lowered:
            return (f"the database {where} is busy: another program has been writing to it "
                    f"for {busy_timeout():g} s ({BUSY_TIMEOUT_VARIABLE}); nothing was "
                    "written, try again")
        if "readonly database" in lowered or "read-only" in lowered:
            return f"the database {where} is read-only; nothing was written"
        if "disk is full" in lowered or "no space left" in lowered:
            return f"the disk holding the database {where} is full; nothing was written"
        if is_retryable(error):
            return (f"the database {where} aborted the change to let another user's "
                    f"through ({reason}); nothing was written, try again")
        return f"database {where}: {reason}"
    if isinstance(error, DataError):
        return f"the database {where} refused a value: {reason}; nothing was written"
    if isinstance(error, IntegrityError):
        return (f"the database {where} refused the change ({reason}): someone may have "
                "changed the same data at the same time; nothing was written, try again")
    if isinstance(error, ProgrammingError) and sqlstate(error) == INSUFFICIENT_PRIVILEGE:
        return f"the database {where} refused: {reason}"
    return None
