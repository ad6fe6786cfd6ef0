"""Other users' commits reach a listener within seconds, as keys only; a lost connection is
reported once it is back, so that the reader re-reads everything."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import text

from dx_planner.persistence.team.notify import RECONNECTED, ChangeListener, ChangeNotice, parse
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import Team, make_team


@pytest.fixture
def team(pg_database: PgDatabase) -> Team:
    return make_team(pg_database, 250)


def wait_for(listener: ChangeListener, seconds: float = 5.0) -> list[ChangeNotice]:
    """Notices arriving within ``seconds`` (the contract's limit for noticing a commit)."""
    deadline = time.monotonic() + seconds
    notices: list[ChangeNotice] = []
    while not notices and time.monotonic() < deadline:
        notices = listener.wait(deadline - time.monotonic())
    return notices


def own_processes(team: Team, count: int) -> list[str]:
    with team.engine(team.admin).connect() as connection:
        return list(connection.execute(text(
            "SELECT p.id FROM processes p JOIN bureaus b ON b.id = p.bureau_id "
            "WHERE b.name = :b ORDER BY p.id LIMIT :n"), {"b": team.bureau, "n": count}
        ).scalars())


def test_a_commit_is_announced_with_its_keys_only(team: Team) -> None:
    listener = ChangeListener(team.url(team.viewer))
    try:
        assert listener.wait(0.1) == []  # connects and listens
        ids = own_processes(team, 3)
        with team.engine(team.editor).begin() as connection:
            connection.execute(text("UPDATE processes SET notes = 'n' WHERE id = ANY(:ids)"),
                               {"ids": ids})
            # Nothing before the commit.
            assert listener.wait(0.3) == []
        notices = wait_for(listener)
        assert [(n.table, n.keys) for n in notices] == [("processes", frozenset(ids))]
        assert notices[0].sender_pid not in (0, listener.backend_pid())
        # A statement that changed nothing says nothing.
        with team.engine(team.editor).begin() as connection:
            connection.execute(text("UPDATE processes SET notes = 'n' WHERE id = 'none'"))
        assert listener.wait(0.5) == []
    finally:
        listener.close()


def test_a_large_change_names_the_table_without_keys(pg_database: PgDatabase) -> None:
    team = make_team(pg_database, 1000)  # 1,000 IDs do not fit in a notification
    listener = ChangeListener(team.url(team.viewer))
    try:
        listener.wait(0.1)
        with team.engine(team.admin).begin() as connection:
            connection.execute(text("UPDATE processes SET notes = 'all'"))
            connection.execute(text("UPDATE bureau_capacity SET effort = effort + 1"))
        notices = wait_for(listener)
        notices += listener.wait(0.5)
        assert {(n.table, n.keys) for n in notices} == {("processes", None),
                                                         ("bureau_capacity", None)}
    finally:
        listener.close()


def test_after_a_lost_connection_the_listener_asks_for_a_full_reread(team: Team) -> None:
    listener = ChangeListener(team.url(team.viewer))
    try:
        listener.wait(0.1)
        with team.database.server.admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"),
                               {"pid": listener.backend_pid()})
        with pytest.raises(psycopg.OperationalError):
            for _ in range(50):
                listener.wait(0.1)
        # Changes made meanwhile were never delivered: the listener says so.
        assert listener.wait(0.1) == [RECONNECTED]
        assert RECONNECTED.everything
    finally:
        listener.close()


def test_a_payload_that_is_not_ours_means_reread() -> None:
    assert parse("not json") == RECONNECTED
    assert parse('{"table": "processes", "keys": ["P-1"]}', 7) == \
        ChangeNotice("processes", frozenset({"P-1"}), 7)
