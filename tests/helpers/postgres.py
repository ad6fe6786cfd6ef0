"""A real PostgreSQL server for the tests: fresh databases, an owner and logins per test.

The server is given by ``DX_PLANNER_TEST_PG``, a superuser URL (``.ci/postgres-start`` starts a
throwaway cluster and prints it). Without it the PostgreSQL tests are skipped, unless
``DX_PLANNER_REQUIRE_PG=1`` or ``CI=true``: then they fail, so CI cannot pass by skipping
them. A server that is named but not reachable always fails them.

Each test gets its own database, copied from a template that already holds the schema (fast),
owned by a non-superuser owner as in production: superusers bypass row-level security, so
the owner must not be one. Role names are cluster-wide; every role a test creates starts with
its database's name and is dropped with it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

SERVER_VARIABLE = "DX_PLANNER_TEST_PG"
REQUIRE_VARIABLE = "DX_PLANNER_REQUIRE_PG"
PASSWORD = "test-password"


def required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE) == "1" or os.environ.get("CI") == "true"


def unavailable(reason: str) -> None:
    """Skip, or fail where PostgreSQL tests must run."""
    if required():
        pytest.fail(f"PostgreSQL tests must run here ({REQUIRE_VARIABLE}=1 or CI=true) but "
                    f"{reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests: {reason} (start a server with "
                f"`eval \"$(.ci/postgres-start)\"`)")


@dataclass
class PgDatabase:
    """One test's database: its name, owner URL and helpers to log in as other users."""

    server: PgServer
    name: str
    engines: list[Engine] = field(default_factory=list)

    @property
    def owner_url(self) -> str:
        return self.url(self.server.owner, PASSWORD)

    def url(self, login: str, password: str | None = PASSWORD) -> str:
        """A URL to this database as ``login`` (over the server's socket, with a password)."""
        base = self.server.admin_url
        return base.set(username=login, password=password, database=self.name) \
            .render_as_string(hide_password=False)

    def login(self, name: str) -> str:
        """A login name unique to this database (dropped with it)."""
        return f"{self.name}_user_{name}"

    def engine(self, login: str | None = None, password: str | None = PASSWORD) -> Engine:
        """A plain engine (no migrations run) as ``login`` (default: the owner)."""
        engine = create_engine(self.url(login or self.server.owner, password))
        self.engines.append(engine)
        return engine


@dataclass
class PgServer:
    admin_url: URL
    admin: Engine
    owner: str
    template: str
    counter: itertools.count[int] = field(default_factory=itertools.count)

    @classmethod
    def start(cls, url_text: str) -> PgServer:
        url = make_url(url_text)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            admin.dispose()
            # A server was named, so the PostgreSQL tests are wanted: fail, never skip.
            pytest.fail(f"{SERVER_VARIABLE}: the server {url.render_as_string()} is not "
                        f"reachable: {str(getattr(error, 'orig', error)).strip().splitlines()[0]}",
                        pytrace=False)
        tag = f"dxt{os.getpid()}"
        server = cls(url, admin, owner=f"{tag}_owner", template=f"{tag}_template")
        server._create_owner()
        server._create_template()
        return server

    def _create_owner(self) -> None:
        # As a real owner: may create roles (admin init, add-user), is no superuser.
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{self.owner}"'))
            connection.execute(text(
                f"CREATE ROLE \"{self.owner}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'"))

    def _create_template(self) -> None:
        from dx_planner.persistence.database import open_database

        self._drop_database(self.template)
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.template}" OWNER "{self.owner}"'))
        template = PgDatabase(self, self.template)
        open_database(template.owner_url).dispose()  # the schema, as the owner

    def new_database(self) -> PgDatabase:
        name = f"{self.template.removesuffix('_template')}_{next(self.counter)}"
        self._drop_database(name)
        with self.admin.connect() as connection:
            connection.execute(text(
                f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" OWNER "{self.owner}"'))
        return PgDatabase(self, name)

    def empty_database(self) -> PgDatabase:
        """A database without any schema (as `createdb -O owner` leaves it)."""
        name = f"{self.template.removesuffix('_template')}_{next(self.counter)}"
        self._drop_database(name)
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" OWNER "{self.owner}"'))
        return PgDatabase(self, name)

    def drop(self, database: PgDatabase) -> None:
        for engine in database.engines:
            engine.dispose()
        self._drop_database(database.name)

    def _drop_database(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            roles = connection.execute(text(
                "SELECT rolname FROM pg_roles WHERE starts_with(rolname, :prefix)"),
                {"prefix": f"{name}_"}).scalars().all()
            for role in roles:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))

    def close(self) -> None:
        self._drop_database(self.template)
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{self.owner}"'))
        self.admin.dispose()


def server_from_environment() -> Iterator[PgServer]:
    url = os.environ.get(SERVER_VARIABLE)
    if not url:
        unavailable(f"{SERVER_VARIABLE} is not set")
        return
    server = PgServer.start(url)
    try:
        yield server
    finally:
        server.close()
