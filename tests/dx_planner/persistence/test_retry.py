"""Transactions run again after PostgreSQL aborted them to break a real deadlock."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from dx_planner.persistence.database import describe_error
from dx_planner.persistence.retry import run_transaction
from tests.helpers.deadlock import DeadlockPartner
from tests.helpers.postgres import PgDatabase


def reads_bureaus_then_locks_channels(attempts: list[int]) -> object:
    def work(connection: Connection) -> int:
        attempts.append(len(attempts) + 1)
        connection.execute(text("SELECT count(*) FROM bureaus"))  # held to the end
        connection.execute(text("LOCK TABLE channels IN SHARE MODE"))  # the partner's
        return len(attempts)
    return work


def test_a_deadlock_victim_runs_again_and_succeeds(pg_database: PgDatabase, pg_engine: Engine,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    attempts: list[int] = []
    with caplog.at_level(logging.WARNING, "dx_planner.persistence.retry"), \
            DeadlockPartner(pg_database, hold="channels", then="bureaus") as partner:
        result = run_transaction(pg_engine, reads_bureaus_then_locks_channels(attempts))

    assert partner.crossed
    assert attempts == [1, 2]
    assert result == 2
    assert "deadlock detected" in caplog.text
    assert "attempt 2 of 3" in caplog.text


def test_the_last_attempts_deadlock_is_a_one_line_message(pg_database: PgDatabase,
                                                           pg_engine: Engine) -> None:
    attempts: list[int] = []
    with DeadlockPartner(pg_database, hold="channels", then="bureaus"), \
            pytest.raises(OperationalError) as raised:
        run_transaction(pg_engine, reads_bureaus_then_locks_channels(attempts), attempts=1)

    assert attempts == [1]
    message = describe_error(raised.value, pg_database.owner_url)
    assert message is not None and "\n" not in message
    assert "deadlock detected" in message
    assert message.endswith("nothing was written, try again")


def test_other_errors_are_not_run_again(pg_engine: Engine) -> None:
    attempts: list[int] = []

    def work(connection: Connection) -> None:
        attempts.append(1)
        connection.execute(text("SELECT no_such_column FROM bureaus"))

    with pytest.raises(Exception, match="no_such_column"):
        run_transaction(pg_engine, work)
    assert attempts == [1]
