"""What the app reads about the connected login's rights, per role."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dx_planner.persistence.database import open_database
from dx_planner.persistence.rights import ADMIN, EDITOR, VIEWER, load_rights, os_login, refusal
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import make_team


def test_an_sqlite_file_has_one_user_who_may_do_everything(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "a.sqlite3", create=True)
    with engine.connect() as connection:
        rights = load_rights(connection)
    engine.dispose()
    assert (rights.login, rights.role) == (os_login(), ADMIN)
    assert rights.may_edit_bureau("どの局でも")


def test_rights_per_role(pg_database: PgDatabase) -> None:
    owner = open_database(pg_database.owner_url)
    with owner.connect() as connection:
        # Before `admin init` the owner is alone and unrestricted.
        assert load_rights(connection).role == ADMIN
    owner.dispose()
    team = make_team(pg_database, 250)
    seen = {}
    for login in (team.admin, team.editor, team.viewer, pg_database.server.owner):
        with team.engine(login).connect() as connection:
            seen[login] = load_rights(connection)
    assert {login: r.role for login, r in seen.items()} == {
        team.admin: ADMIN, team.editor: EDITOR, team.viewer: VIEWER,
        pg_database.server.owner: ADMIN}
    editor = seen[team.editor]
    assert editor.login == team.editor and editor.bureaus == {team.bureau}
    assert editor.may_edit_bureau(team.bureau) and not editor.may_edit_bureau(team.other_bureau)
    assert seen[team.viewer].read_only and not seen[team.viewer].may_edit_bureau(team.bureau)


def test_the_databases_refusal_is_one_line(pg_database: PgDatabase) -> None:
    team = make_team(pg_database, 250)
    with team.engine(team.viewer).connect() as connection, \
            pytest.raises(DBAPIError) as caught:
        connection.execute(text("DELETE FROM processes"))
    assert refusal(caught.value) == ("the database refused the change: permission denied for "
                                     "table processes (your login lacks the right)")
    with team.engine(team.viewer).connect() as connection, \
            pytest.raises(DBAPIError) as caught:
        connection.execute(text("SELECT * FROM no_such_table"))
    assert refusal(caught.value) is None
