import dataclasses

import pytest
from sqlalchemy import Engine, update

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.repository import ConflictError
from dx_planner.persistence.schema import processes


def _seed(engine: Engine) -> None:
    with engine.begin() as connection:
        repository.upsert_channels(connection, [Channel("共同電子申請"),
                                                Channel("SaaS電子申請", Quarter(2021, 4),
                                                        {Quarter(2021, 4): 30})])
        repository.replace_bureau_capacity(connection, [Bureau("環境局", {Quarter(2021, 4): 5.5})])
        repository.merge_processes(connection, [
            Process(id="P-1", name="届出A", bureau="環境局", effort=1.5),
            Process(id="P-2", name="届出B", bureau="総務局", channel="SaaS電子申請",
                    status=Status.DIGITIZED, digitized_quarter=Quarter(2021, 2)),
        ])


def test_load_returns_what_was_written_in_order(engine: Engine) -> None:
    _seed(engine)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    assert [p.id for p in inventory.processes] == ["P-1", "P-2"]
    assert inventory.processes[1].digitized_quarter == Quarter(2021, 2)
    assert inventory.processes[1].channel == "SaaS電子申請"
    assert {b.name for b in inventory.bureaus} == {"環境局", "総務局"}
    assert inventory.bureaus[0].capacity == {Quarter(2021, 4): 5.5}
    assert inventory.channel_by_name()["SaaS電子申請"].limits == {Quarter(2021, 4): 30}
    assert all(p.version == 1 for p in inventory.processes)


def test_merge_updates_changed_rows_only_and_bumps_their_version(engine: Engine) -> None:
    _seed(engine)
    with engine.connect() as connection:
        current = repository.load_processes(connection)
    changed = dataclasses.replace(current[0], effort=3.0)
    with engine.begin() as connection:
        summary = repository.merge_processes(connection, [changed, current[1]])
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 1)
    with engine.connect() as connection:
        after = {p.id: p for p in repository.load_processes(connection)}
    assert after["P-1"].effort == 3.0 and after["P-1"].version == 2
    assert after["P-2"].version == 1


def test_replace_deletes_processes_absent_from_the_input(engine: Engine) -> None:
    _seed(engine)
    with engine.begin() as connection:
        summary = repository.merge_processes(
            connection, [Process(id="P-1", name="届出A", bureau="環境局", effort=1.5)],
            replace=True)
    assert summary.deleted == 1
    with engine.connect() as connection:
        assert [p.id for p in repository.load_processes(connection)] == ["P-1"]


def test_save_edits_detects_a_row_changed_by_someone_else(engine: Engine) -> None:
    _seed(engine)
    with engine.connect() as connection:
        mine = repository.load_processes(connection)
        theirs = repository.load_processes(connection)
    with engine.begin() as connection:
        repository.save_edits(connection, [dataclasses.replace(theirs[0], name="他人の変更")],
                              [], [])
    with pytest.raises(ConflictError) as raised, engine.begin() as connection:
        repository.save_edits(connection, [dataclasses.replace(mine[0], name="私の変更"),
                                           dataclasses.replace(mine[1], effort=9.0)], [], [])
    assert raised.value.process_ids == ["P-1"]
    with engine.connect() as connection:
        after = {p.id: p for p in repository.load_processes(connection)}
    assert after["P-1"].name == "他人の変更"
    assert after["P-2"].effort == 1.0  # rolled back with the conflict


def test_save_edits_adds_and_deletes(engine: Engine) -> None:
    _seed(engine)
    with engine.connect() as connection:
        current = repository.load_processes(connection)
    with engine.begin() as connection:
        new = Process(id="P-3", name="新規", bureau="環境局")
        versions = repository.save_edits(connection, [], [new],
                                         [current[1]])
    assert versions == {"P-3": 1}
    with engine.connect() as connection:
        assert [p.id for p in repository.load_processes(connection)] == ["P-1", "P-3"]


def test_the_database_bumps_the_version_of_a_changed_row_only(any_engine: Engine) -> None:
    """Whoever writes (the app or plain SQL), on both backends: a changed row gets the next
    version, an UPDATE that changes nothing keeps it, and the app reports what is stored."""
    _seed(any_engine)
    with any_engine.begin() as connection:
        connection.execute(update(processes).where(processes.c.id == "P-1")
                           .values(notes="plain SQL"))
        connection.execute(update(processes).where(processes.c.id == "P-2")
                           .values(notes=processes.c.notes))
    with any_engine.connect() as connection:
        assert repository.stored_versions(connection, ["P-1", "P-2"]) == {"P-1": 2, "P-2": 1}
        p1, p2 = repository.load_processes(connection)
    with any_engine.begin() as connection:
        versions = repository.save_edits(connection, [dataclasses.replace(p1, effort=9.0), p2],
                                         [], [])
    assert versions == {"P-1": 3, "P-2": 1}
    with any_engine.begin() as connection:
        assert repository.set_status(connection, ["P-1", "P-2"], Status.DIGITIZED,
                                     Quarter(2021, 2)) == {"P-1": 4, "P-2": 1}
        assert repository.stored_versions(connection, ["P-1", "P-2"]) == {"P-1": 4, "P-2": 1}
