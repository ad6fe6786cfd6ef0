"""Saving an editing session: all or nothing, never over someone else's newer commit, and
recorded in the history — on both backends."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dx_planner.domain.inventory import Bureau, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.history import read_history
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.workbook.apply import import_workbook
from tests.helpers.workbooks import process_row, write_workbook


@pytest.fixture
def loaded(any_engine: Engine, tmp_path: Path) -> Engine:
    write_workbook(tmp_path / "a.xlsx", [process_row("P-1"), process_row("P-2")],
                   capacity=[["所管局", "FY2022Q1"], ["福祉保健局", 10]])
    import_workbook(any_engine, tmp_path / "a.xlsx")
    return any_engine


def _read(engine: Engine) -> dict[str, Process]:
    with engine.connect() as connection:
        return {p.id: p for p in repository.load_processes(connection)}


def test_a_save_writes_and_records_each_changed_field(loaded: Engine) -> None:
    p1 = _read(loaded)["P-1"]
    versions = save_edits(loaded, Edits(changed=[dataclasses.replace(p1, notes="メモ")]))
    assert versions == {"P-1": p1.version + 1}
    with loaded.connect() as connection:
        last = read_history(connection)[-1]
    assert (last.key, last.field, last.old, last.new) == ("P-1", "notes", "", "メモ")


def test_a_stale_row_is_a_conflict_and_nothing_is_written(loaded: Engine) -> None:
    rows = _read(loaded)
    mine_p1, mine_p2 = rows["P-1"], rows["P-2"]
    # Someone else saves P-1 first.
    save_edits(loaded, Edits(changed=[dataclasses.replace(mine_p1, notes="theirs")]))
    with loaded.connect() as connection:
        before = len(read_history(connection))
    with pytest.raises(repository.ConflictError) as caught:
        save_edits(loaded, Edits(changed=[dataclasses.replace(mine_p1, notes="mine"),
                                          dataclasses.replace(mine_p2, notes="mine too")]))
    assert caught.value.process_ids == ["P-1"]
    now = _read(loaded)
    assert [now[pid].notes for pid in ("P-1", "P-2")] == ["theirs", ""]
    with loaded.connect() as connection:
        assert len(read_history(connection)) == before


def test_a_capacity_edit_records_only_the_changed_cell(loaded: Engine) -> None:
    with loaded.connect() as connection:
        bureaus = repository.load_bureaus(connection)
        channels = repository.load_channels(connection)
        before = len(read_history(connection))
    edited = [Bureau(b.name, dict(b.capacity)) for b in bureaus]
    edited[0].capacity[Quarter.parse("FY2022Q1")] = 12.5
    save_edits(loaded, Edits(bureaus=edited, channels=channels))
    with loaded.connect() as connection:
        changes = read_history(connection)[before:]
    assert [(c.key, c.field, c.old, c.new) for c in changes] == [
        ("福祉保健局/FY2022Q1", "effort", "10", "12.5")]
