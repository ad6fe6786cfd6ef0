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
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import read_history
from dx_planner.persistence.rights import Rights, load_rights
from dx_planner.persistence.saving import Edits, RightsRefused, save_edits
from dx_planner.workbook.apply import import_workbook
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import Team, make_team
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


# -- rights (PostgreSQL team database) -----------------------------------------------------------
@pytest.fixture
def team(pg_database: PgDatabase) -> Team:
    return make_team(pg_database, 250)


def _session(team: Team, login: str) -> tuple[Engine, list[Process], Rights]:
    engine = open_database(team.url(login))
    with engine.connect() as connection:
        return engine, repository.load_processes(connection), load_rights(connection)


def _history_length(team: Team) -> int:
    with team.engine(team.admin).connect() as connection:
        return len(read_history(connection))


def test_an_editor_saves_its_own_bureaus_rows(team: Team) -> None:
    engine, rows, _ = _session(team, team.editor)
    own = next(p for p in rows if p.bureau == team.bureau)
    save_edits(engine, Edits(changed=[dataclasses.replace(own, notes="ok")]))
    engine.dispose()
    with team.engine(team.admin).connect() as connection:
        last = read_history(connection)[-1]
    assert (last.login, last.key, last.new) == (team.editor, own.id, "ok")


def test_a_save_outside_the_rights_is_refused_whole_with_every_row(team: Team) -> None:
    engine, rows, _ = _session(team, team.editor)
    own = [p for p in rows if p.bureau == team.bureau]
    other = [p for p in rows if p.bureau == team.other_bureau]
    before = _history_length(team)
    with pytest.raises(RightsRefused) as caught:
        save_edits(engine, Edits(
            changed=[dataclasses.replace(own[0], notes="fine"),
                     dataclasses.replace(other[0], notes="not mine"),
                     dataclasses.replace(own[1], bureau=team.other_bureau)],
            added=[dataclasses.replace(own[2], id="NEW-1", bureau=team.other_bureau)],
            deleted=[other[1]]))
    engine.dispose()
    yours = f"(your bureaus: {team.bureau})".replace("your bureaus: ", "")
    assert sorted(caught.value.problems) == sorted([
        f"手続一覧 / {other[0].id} / 所管局: belongs to {team.other_bureau}, not to your "
        f"bureaus {yours}",
        f"手続一覧 / {own[1].id} / 所管局: you may not move a process to {team.other_bureau}: "
        f"not one of your bureaus {yours}",
        f"手続一覧 / NEW-1 / 所管局: you may not add a process to {team.other_bureau}: not one "
        f"of your bureaus {yours}",
        f"手続一覧 / {other[1].id} / 所管局: belongs to {team.other_bureau}, not to your "
        f"bureaus {yours}",
    ])
    assert _history_length(team) == before  # nothing written, not even the allowed row


def test_an_editor_may_not_change_other_bureaus_capacity_or_channels(team: Team) -> None:
    engine = open_database(team.url(team.editor))
    with engine.connect() as connection:
        bureaus = repository.load_bureaus(connection)
        channels = repository.load_channels(connection)
    quarter = Quarter.parse("FY2022Q1")
    edited = [Bureau(b.name, dict(b.capacity)) for b in bureaus]
    for bureau in edited:
        if bureau.name in (team.bureau, team.other_bureau):
            bureau.capacity[quarter] = bureau.capacity.get(quarter, 0) + 1
    with pytest.raises(RightsRefused) as caught:
        save_edits(engine, Edits(bureaus=edited, channels=channels))
    assert caught.value.problems == [
        f"局別処理能力 / {team.other_bureau} / 所管局: not one of your bureaus ({team.bureau})"]
    moved = [dataclasses.replace(c) for c in channels]
    moved[0].available_from = Quarter.parse("FY2030Q1")
    with pytest.raises(RightsRefused) as caught:
        save_edits(engine, Edits(channels=moved))
    assert caught.value.problems == [
        f"申請基盤 / {moved[0].name} / 申請基盤: only an admin changes channels "
        f"({team.editor} is a bureau editor ({team.bureau}))"]
    # Its own bureau's capacity alone is fine.
    own_only = [Bureau(b.name, dict(b.capacity)) for b in bureaus]
    next(b for b in own_only if b.name == team.bureau).capacity[quarter] = 99.0
    save_edits(engine, Edits(bureaus=own_only, channels=channels))
    engine.dispose()


def test_a_viewer_saves_nothing(team: Team) -> None:
    engine, rows, rights = _session(team, team.viewer)
    assert rights.read_only
    with pytest.raises(RightsRefused) as caught:
        save_edits(engine, Edits(changed=[dataclasses.replace(rows[0], notes="x")]))
    engine.dispose()
    assert caught.value.problems == [
        f"手続一覧 / {rows[0].id} / 所管局: {team.viewer} may only read (viewer)"]
