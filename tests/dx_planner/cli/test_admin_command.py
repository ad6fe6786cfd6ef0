"""``dx-planner admin init | add-user | list-users`` on a real PostgreSQL server."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from dx_planner.cli.main import main
from tests.helpers.deadlock import DeadlockPartner
from tests.helpers.postgres import PASSWORD, PgDatabase, PgServer
from tests.helpers.team import Team, make_team


def run(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(args))


@pytest.fixture
def empty_database(pg_server: PgServer) -> PgDatabase:
    database = pg_server.empty_database()
    yield database  # type: ignore[misc]
    pg_server.drop(database)


def test_init_on_an_empty_database_and_again(empty_database: PgDatabase,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = empty_database.owner_url
    assert run(monkeypatch, "--db", url, "admin", "init") == 0
    first = capsys.readouterr().out
    assert f"team database {empty_database.name} ready" in first
    engine = empty_database.engine()
    tables = set(inspect(engine).get_table_names())
    assert {"processes", "history", "team_roles", "alembic_version"} <= tables
    with engine.connect() as connection:
        secured = dict(connection.execute(text(
            "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class "
            "WHERE relname IN ('processes', 'bureau_capacity', 'scenarios')")).all())
        triggers = connection.execute(text(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'dx_history_%'")).scalar()
    assert secured == {"processes": True, "bureau_capacity": True, "scenarios": True}
    assert triggers == 18  # 6 tables × insert, update, delete

    # Running it again (as after an upgrade) changes nothing and does not fail.
    assert run(monkeypatch, "--db", url, "admin", "init") == 0
    assert capsys.readouterr().out == first


def test_only_the_owner_may_init(pg_database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    team = make_team(pg_database, processes_count=250)
    capsys.readouterr()
    assert run(monkeypatch, "--db", team.url(team.admin), "admin", "init") == 1
    err = capsys.readouterr().err
    assert err.startswith("dx-planner: admin init must be run by the owner of database ")
    assert len(err.strip().splitlines()) == 1


def test_add_user_and_list_users(pg_database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    team = make_team(pg_database, processes_count=250)
    capsys.readouterr()
    two = pg_database.login("two")
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", two,
               "--bureau", team.bureau, "--bureau", team.other_bureau) == 0
    assert capsys.readouterr().out.strip() == \
        f"{two}: bureau editor for {team.bureau}、{team.other_bureau}"

    listed = list_users(pg_database, monkeypatch, capsys)
    assert listed[team.admin] == ["admin"]
    assert listed[team.viewer] == ["viewer"]
    assert listed[team.editor] == ["bureau", "editor", team.bureau]
    assert listed[two] == ["bureau", "editor", f"{team.bureau}、{team.other_bureau}"]
    assert listed[pg_database.server.owner] == ["admin", "(owner)"]

    # Again for an existing login: its rights here are replaced, not added to.
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", two,
               "--viewer") == 0
    capsys.readouterr()
    assert list_users(pg_database, monkeypatch, capsys)[two] == ["viewer"]


def list_users(database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    assert run(monkeypatch, "--db", database.owner_url, "admin", "list-users") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split() == ["login", "role", "bureaus"]
    return {line.split()[0]: line.split()[1:] for line in lines[1:]}


def test_password_from_stdin_lets_the_login_in(pg_database: PgDatabase,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    team = make_team(pg_database, processes_count=250)
    login = pg_database.login("new")
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", login,
               "--viewer", "--password-stdin", stdin="s3cret 'quoted'\n") == 0
    capsys.readouterr()
    # libpq's usual means: PGPASSWORD.
    monkeypatch.setenv("PGPASSWORD", "s3cret 'quoted'")
    assert run(monkeypatch, "--db", team.database.url(login, None), "history",
               "--user", "nobody") == 0
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert run(monkeypatch, "--db", team.database.url(login, None), "history") == 1
    assert "password authentication failed" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), [
    (["--bureau", "存在しない局"], "unknown bureau(s): 存在しない局"),
    (["--viewer", "--password-stdin"], "standard input holds no password"),
])
def test_add_user_refusals(pg_database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str], args: list[str],
                           message: str) -> None:
    make_team(pg_database, processes_count=250)
    capsys.readouterr()
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user",
               pg_database.login("x"), *args) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_the_owners_role_is_never_changed(pg_database: PgDatabase,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    make_team(pg_database, processes_count=250)
    capsys.readouterr()
    owner = pg_database.server.owner
    for role in ("--viewer", "--admin"):
        assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", owner,
                   role, "--password-stdin", stdin="pw\n") == 1
        assert capsys.readouterr().err == (
            f"dx-planner: {owner} owns this database and is always an admin: add-user does "
            "not change it (its password: ALTER ROLE in psql)\n")
    assert list_users(pg_database, monkeypatch, capsys)[owner] == ["admin", "(owner)"]
    # Its password is the one it had.
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "list-users") == 0


def test_adding_an_existing_login_says_what_it_replaced(pg_database: PgDatabase,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    team = make_team(pg_database, processes_count=250)
    capsys.readouterr()
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", team.viewer,
               "--admin") == 0
    assert capsys.readouterr().out == (
        f"{team.viewer}: admin (existing login: rights replaced, password unchanged)\n")
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", team.viewer,
               "--viewer", "--password-stdin", stdin="new password\n") == 0
    assert capsys.readouterr().out == (
        f"{team.viewer}: viewer (existing login: rights replaced, password replaced)\n")
    monkeypatch.setenv("PGPASSWORD", "new password")
    assert run(monkeypatch, "--db", pg_database.url(team.viewer, None), "history",
               "--user", "nobody") == 0


@pytest.mark.parametrize("login", ['x"; drop table processes; --', "Tanaka", "1st", "a-b",
                                   "", "x" * 64])
def test_a_login_name_must_be_a_plain_identifier(pg_database: PgDatabase,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 login: str) -> None:
    make_team(pg_database, processes_count=250)
    capsys.readouterr()
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user", login,
               "--viewer") == 1
    assert capsys.readouterr().err == (
        f"dx-planner: invalid login name {login!r}: use lowercase letters, digits and _, "
        "starting with a letter or _ (at most 63 characters)\n")
    engine = pg_database.engine()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"),
                                  {"n": login}).scalar() == 0


def test_a_role_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(monkeypatch, "admin", "add-user", "someone")
    assert exit_info.value.code == 1


def test_add_user_before_init(pg_database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "add-user",
               pg_database.login("x"), "--viewer") == 1
    assert "admin init" in capsys.readouterr().err


def test_admin_commands_need_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(monkeypatch, "--db", str(tmp_path / "a.sqlite3"), "admin", "init") == 1
    assert "need a PostgreSQL database" in capsys.readouterr().err


def test_a_login_may_not_upgrade_an_older_schema(pg_database: PgDatabase, team_on: Team,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    engine = pg_database.engine()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    assert run(monkeypatch, "--db", team_on.url(team_on.admin), "history") == 1
    err = capsys.readouterr().err
    assert "its owner must run `dx-planner admin init`" in err
    assert PASSWORD not in err


@pytest.fixture
def team_on(pg_database: PgDatabase) -> Team:
    return make_team(pg_database, processes_count=250)


def test_init_runs_again_when_another_sessions_locks_cross_its_own(
        pg_database: PgDatabase, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    # As when an editor saves while the owner upgrades the database: the other session holds
    # bureau_capacity, init holds team_roles and waits for it; PostgreSQL aborts init.
    with caplog.at_level(logging.WARNING, "dx_planner.persistence.retry"), \
            DeadlockPartner(pg_database, hold="bureau_capacity", then="team_roles") as partner:
        assert run(monkeypatch, "--db", pg_database.owner_url, "admin", "init") == 0

    assert partner.crossed
    assert "deadlock detected" in caplog.text
    assert f"team database {pg_database.name} ready" in capsys.readouterr().out
    engine = pg_database.engine()
    with engine.connect() as connection:
        kinds = set(connection.execute(text("SELECT kind FROM team_roles")).scalars())
    assert kinds == {"admin", "editor", "viewer"}
