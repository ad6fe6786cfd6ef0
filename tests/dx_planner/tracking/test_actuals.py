"""Marking processes digitized, with optimistic locking."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.persistence import repository
from dx_planner.persistence.repository import ConflictError
from dx_planner.tracking.actuals import TrackingError, mark_digitized, unmark_digitized
from tests.dx_planner.progress_report.builders import NEXT, small_inventory, store
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import make_team


def _by_id(engine: Engine) -> dict[str, repository.Process]:
    with engine.connect() as connection:
        return {p.id: p for p in repository.load_processes(connection)}


def test_mark_digitized_sets_status_quarter_and_version(engine: Engine) -> None:
    store(engine, small_inventory())
    loaded = _by_id(engine)
    with engine.begin() as connection:
        versions = mark_digitized(connection, ["M-05", "S-03"], NEXT,
                                  expected_versions={"M-05": loaded["M-05"].version,
                                                     "S-03": loaded["S-03"].version})
    after = _by_id(engine)
    assert after["M-05"].status is Status.DIGITIZED
    assert after["M-05"].digitized_quarter == NEXT
    assert versions == {"M-05": loaded["M-05"].version + 1, "S-03": loaded["S-03"].version + 1}
    assert after["S-03"].version == versions["S-03"]


def test_a_stale_version_writes_nothing(engine: Engine) -> None:
    store(engine, small_inventory())
    with pytest.raises(ConflictError) as raised, engine.begin() as connection:
        mark_digitized(connection, ["M-05", "M-06"], NEXT,
                       expected_versions={"M-05": 1, "M-06": 99})
    assert raised.value.process_ids == ["M-06"]
    after = _by_id(engine)
    assert after["M-05"].status is Status.IN_PROGRESS
    assert after["M-05"].version == 1


def test_a_deleted_process_is_a_conflict_and_unknown_ids_an_error(engine: Engine) -> None:
    store(engine, small_inventory())
    with pytest.raises(ConflictError), engine.begin() as connection:
        mark_digitized(connection, ["GONE"], NEXT, expected_versions={"GONE": 1})
    with pytest.raises(TrackingError, match="GONE"), engine.begin() as connection:
        mark_digitized(connection, ["GONE"], NEXT)


def test_unmark_digitized_clears_the_quarter(engine: Engine) -> None:
    store(engine, small_inventory())
    with engine.begin() as connection:
        unmark_digitized(connection, ["M-03"])
    after = _by_id(engine)["M-03"]
    assert (after.status, after.digitized_quarter) == (Status.IN_PROGRESS, None)
    with pytest.raises(TrackingError), engine.begin() as connection:
        unmark_digitized(connection, ["M-03"], status=Status.DIGITIZED)


def test_marking_is_in_the_history_on_both_backends(any_engine: Engine) -> None:
    from dx_planner.persistence.history import HistoryFilter, read_history

    store(any_engine, small_inventory())
    with any_engine.begin() as connection:
        mark_digitized(connection, ["M-05"], NEXT)
    with any_engine.connect() as connection:
        changes = read_history(connection, HistoryFilter(process="M-05"))
    assert [(c.field, c.new) for c in changes if c.action == "update"] == [
        ("status", "digitized"), ("digitized_quarter", NEXT.code)]


def test_an_editor_marks_only_its_own_bureaus_processes(pg_database: PgDatabase) -> None:
    team = make_team(pg_database, 250)
    engine = team.engine(team.editor)
    with engine.connect() as connection:
        processes = repository.load_processes(connection)
    other = next(p for p in processes if p.bureau == team.other_bureau
                 and p.status is Status.NOT_STARTED)
    with pytest.raises(TrackingError, match=f"{other.id}: belongs to {team.other_bureau}"), \
            engine.begin() as connection:
        mark_digitized(connection, [other.id], NEXT)
