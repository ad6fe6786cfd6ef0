"""Rights enforced by PostgreSQL itself: each login connects on its own, as with ``psql``,
and sends raw SQL. Nothing here goes through the app's checks."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from dx_planner.workbook.apply import export_workbook, import_workbook
from dx_planner.workbook.problems import ImportFailed
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import Team, make_team
from tests.helpers.workbooks import edit_process_cells


@pytest.fixture
def team(pg_database: PgDatabase) -> Team:
    return make_team(pg_database)


def psql(team: Team, login: str) -> psycopg.Connection[tuple[object, ...]]:
    """A plain libpq connection as ``login``, as psql would open (password checked)."""
    url = make_url(team.url(login))
    return psycopg.connect(dbname=url.database, user=url.username, password=url.password,
                           host=url.query["host"], port=url.query["port"], autocommit=True)


def counts_by_bureau(team: Team, marker: str) -> dict[str, int]:
    with psql(team, team.admin) as connection:
        rows = connection.execute(
            "SELECT b.name, count(*) FILTER (WHERE p.notes = %s), count(*) "
            "FROM processes p JOIN bureaus b ON b.id = p.bureau_id GROUP BY b.name",
            (marker,)).fetchall()
    return {str(name): int(marked) for name, marked, _ in rows}


def test_an_editors_update_of_every_process_changes_only_its_own_bureau(team: Team) -> None:
    with psql(team, team.admin) as connection:
        own = connection.execute(
            "SELECT count(*) FROM processes p JOIN bureaus b ON b.id = p.bureau_id "
            "WHERE b.name = %s", (team.bureau,)).fetchone()
        total = connection.execute("SELECT count(*) FROM processes").fetchone()
    assert own is not None and total is not None and 0 < own[0] < total[0]

    with psql(team, team.editor) as connection:
        # No WHERE: "every process" — row-level security narrows it to the editor's bureau.
        changed = connection.execute("UPDATE processes SET notes = 'by editor'").rowcount
        # The editor still reads everything.
        seen = connection.execute("SELECT count(*) FROM processes").fetchone()

    assert changed == own[0]
    assert seen == total
    marked = counts_by_bureau(team, "by editor")
    assert marked.pop(team.bureau) == own[0]
    assert set(marked.values()) == {0}


def test_an_editor_cannot_move_a_process_to_another_bureau(team: Team) -> None:
    with psql(team, team.editor) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(
                "UPDATE processes SET bureau_id = (SELECT id FROM bureaus WHERE name = %s) "
                "WHERE bureau_id = (SELECT id FROM bureaus WHERE name = %s)",
                (team.other_bureau, team.bureau))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(
                "INSERT INTO processes (id, position, name, bureau_id, type, authority, "
                "annual_volume, effort, status, channel_id, priority, major, notes, version) "
                "SELECT 'X-1', 0, 'x', b.id, 'other', 'tokyo', 0, 1, 'not_started', "
                "(SELECT min(id) FROM channels), false, false, '', 1 FROM bureaus b "
                "WHERE b.name = %s", (team.other_bureau,))
        # Other bureaus' rows are invisible to its writes: nothing deleted there.
        deleted = connection.execute(
            "DELETE FROM processes WHERE bureau_id = (SELECT id FROM bureaus WHERE name = %s)",
            (team.other_bureau,)).rowcount
    assert deleted == 0


def test_an_editor_changes_only_its_own_bureaus_capacity(team: Team) -> None:
    with psql(team, team.editor) as connection:
        changed = connection.execute("UPDATE bureau_capacity SET effort = effort + 1").rowcount
        own = connection.execute(
            "SELECT count(*) FROM bureau_capacity c JOIN bureaus b ON b.id = c.bureau_id "
            "WHERE b.name = %s", (team.bureau,)).fetchone()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE channels SET available_from = NULL")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO bureaus (name, position) VALUES ('新局', 99)")
    assert own is not None and changed == own[0] > 0


def test_a_viewer_writes_nothing(team: Team) -> None:
    with psql(team, team.viewer) as connection:
        assert connection.execute("SELECT count(*) FROM processes").fetchone() != (0,)
        for statement in ("UPDATE processes SET notes = 'x'",
                          "DELETE FROM processes",
                          "UPDATE bureau_capacity SET effort = 0",
                          "DELETE FROM baselines"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)


def test_nobody_but_the_owner_may_forge_or_delete_history(team: Team) -> None:
    with psql(team, team.editor) as connection:
        connection.execute("UPDATE processes SET notes = 'trail' WHERE id = "
                           "(SELECT min(p.id) FROM processes p JOIN bureaus b "
                           " ON b.id = p.bureau_id WHERE b.name = %s)", (team.bureau,))
        for statement in ("DELETE FROM history",
                          "UPDATE history SET login = 'someone else'",
                          "INSERT INTO history (changed_at, login, table_name, row_key, action) "
                          "VALUES (now(), 'someone else', 'processes', 'P', 'update')",
                          "TRUNCATE history",
                          "ALTER TABLE processes DISABLE TRIGGER ALL",
                          f'SET ROLE "{team.database.server.owner}"',
                          f'SET SESSION AUTHORIZATION "{team.database.server.owner}"'):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    with psql(team, team.admin) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM history")
        rows = connection.execute(
            "SELECT login, field, new_value FROM history WHERE new_value = 'trail'").fetchall()
    assert rows == [(team.editor, "notes", "trail")]


def test_a_password_is_needed(team: Team) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(team.database.url(team.editor, "wrong")
                        .replace("postgresql+psycopg://", "postgresql://"))


def test_a_psql_update_bumps_the_version_and_a_stale_workbook_is_then_refused(
        team: Team, tmp_path: Path) -> None:
    """The database owns 版: an UPDATE made outside the app bumps it (a changed row only,
    whatever the writer sets it to), so a workbook exported before is stale."""
    workbook = tmp_path / "exported.xlsx"
    export_workbook(team.engine(team.editor), workbook)
    with psql(team, team.editor) as connection:
        pid, version = connection.execute(
            "SELECT p.id, p.version FROM processes p JOIN bureaus b ON b.id = p.bureau_id "
            "WHERE b.name = %s ORDER BY p.position LIMIT 1", (team.bureau,)).fetchone() or ()
        connection.execute("UPDATE processes SET notes = 'psql edit' WHERE id = %s", (pid,))
        after_edit = connection.execute("SELECT version FROM processes WHERE id = %s",
                                        (pid,)).fetchone()
        # Nothing changed: no new version. A version set by hand is not taken.
        connection.execute("UPDATE processes SET notes = notes WHERE id = %s", (pid,))
        connection.execute("UPDATE processes SET version = 1 WHERE id = %s", (pid,))
        connection.execute("UPDATE processes SET notes = 'psql edit 2', version = 99 "
                           "WHERE id = %s", (pid,))
        final = connection.execute("SELECT version, notes FROM processes WHERE id = %s",
                                   (pid,)).fetchone()
    assert after_edit == (version + 1,)
    assert final == (version + 2, "psql edit 2")

    edit_process_cells(workbook, {str(pid): {"備考": "workbook edit"}})
    with pytest.raises(ImportFailed) as caught:
        import_workbook(team.engine(team.editor), workbook)
    [problem] = caught.value.errors
    assert problem.message.startswith(
        f"changed in the database since this file was exported (版 {version}, now "
        f"{version + 2}; last by {team.editor} on ")
    assert "備考 (file 'workbook edit', database 'psql edit 2')" in problem.message
    with psql(team, team.admin) as connection:
        assert connection.execute("SELECT notes FROM processes WHERE id = %s",
                                  (pid,)).fetchone() == ("psql edit 2",)
