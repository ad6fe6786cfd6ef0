"""A team database for tests: a small demo inventory, ``admin init`` and one login per role,
each set up through the app's own commands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from dx_planner.cli.main import main
from dx_planner.persistence.schema import bureaus, processes
from tests.helpers.postgres import PASSWORD, PgDatabase


@dataclass(frozen=True)
class Team:
    database: PgDatabase
    bureau: str  # the editor's bureau
    other_bureau: str  # a bureau the editor may not change
    admin: str
    editor: str
    viewer: str

    def url(self, login: str) -> str:
        return self.database.url(login)

    def engine(self, login: str) -> Engine:
        return self.database.engine(login)


def run_ok(*args: str, stdin_password: str | None = None) -> None:
    """Run a dx-planner command (the password on stdin if given); it must succeed."""
    import io
    import sys

    saved = sys.stdin
    if stdin_password is not None:
        sys.stdin = io.StringIO(stdin_password + "\n")
    try:
        assert main(list(args)) == 0, args
    finally:
        sys.stdin = saved


def make_team(database: PgDatabase, processes_count: int = 300) -> Team:
    owner = database.owner_url
    run_ok("--db", owner, "demo", "--processes", str(processes_count))
    run_ok("--db", owner, "admin", "init")
    engine = database.engine()
    with engine.connect() as connection:
        # Two bureaus that both hold processes.
        names = list(connection.execute(
            select(bureaus.c.name).where(bureaus.c.id.in_(select(processes.c.bureau_id)))
            .order_by(bureaus.c.position)).scalars())
    team = Team(database, names[0], names[1], database.login("admin"),
                database.login("editor"), database.login("viewer"))
    run_ok("--db", owner, "admin", "add-user", team.admin, "--admin", "--password-stdin",
         stdin_password=PASSWORD)
    run_ok("--db", owner, "admin", "add-user", team.editor, "--bureau", team.bureau,
         "--password-stdin", stdin_password=PASSWORD)
    run_ok("--db", owner, "admin", "add-user", team.viewer, "--viewer", "--password-stdin",
         stdin_password=PASSWORD)
    return team
