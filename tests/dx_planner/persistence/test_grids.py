"""Two users editing the capacity grids: each save writes only its own changed cells, and a
cell changed by both is a conflict — on both backends, through the app's save path."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dx_planner.domain.inventory import Bureau, Channel
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.grids import GridConflict
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.workbook.apply import import_workbook
from tests.helpers.workbooks import process_row, write_workbook

Q1, Q2 = Quarter.parse("FY2022Q1"), Quarter.parse("FY2022Q2")


@pytest.fixture
def loaded(any_engine: Engine, tmp_path: Path) -> Engine:
    write_workbook(tmp_path / "a.xlsx", [process_row("P-1")],
                   capacity=[["所管局", "FY2022Q1", "FY2022Q2"], ["福祉保健局", 10, 10],
                             ["環境局", 5, 5]],
                   channels=[["申請基盤", "利用開始", "FY2022Q1"], ["共同電子申請", None, 8]])
    import_workbook(any_engine, tmp_path / "a.xlsx")
    return any_engine


def grids(engine: Engine) -> tuple[list[Bureau], list[Channel]]:
    with engine.connect() as connection:
        return repository.load_bureaus(connection), repository.load_channels(connection)


def save_grid(engine: Engine, base: tuple[list[Bureau], list[Channel]],
              bureaus: list[Bureau], channels: list[Channel]) -> None:
    save_edits(engine, Edits(bureaus=bureaus, channels=channels, base_bureaus=base[0],
                             base_channels=base[1]))


def test_each_save_keeps_the_other_users_cells(loaded: Engine) -> None:
    mine_base, theirs_base = grids(loaded), grids(loaded)
    theirs = copy.deepcopy(theirs_base)
    theirs[0][0].capacity[Q1] = 11.0  # 福祉保健局 FY2022Q1
    theirs[1][0].limits[Q1] = 9
    save_grid(loaded, theirs_base, *theirs)
    mine = copy.deepcopy(mine_base)
    mine[0][1].capacity[Q2] = 6.0  # 環境局 FY2022Q2
    mine[1][0].available_from = Q1
    save_grid(loaded, mine_base, *mine)  # my grid still says 10 and 8: not written back
    bureaus, channels = grids(loaded)
    assert {b.name: b.capacity for b in bureaus} == {
        "福祉保健局": {Q1: 11.0, Q2: 10.0}, "環境局": {Q1: 5.0, Q2: 6.0}}
    assert (channels[0].available_from, channels[0].limits) == (Q1, {Q1: 9})


def test_a_cell_both_changed_is_a_conflict(loaded: Engine) -> None:
    mine_base, theirs_base = grids(loaded), grids(loaded)
    theirs = copy.deepcopy(theirs_base)
    theirs[0][0].capacity[Q1] = 11.0
    save_grid(loaded, theirs_base, *theirs)
    mine = copy.deepcopy(mine_base)
    mine[0][0].capacity[Q1] = 12.0
    mine[0][1].capacity[Q1] = 7.0
    with pytest.raises(GridConflict) as caught:
        save_grid(loaded, mine_base, *mine)
    assert caught.value.cells == [("福祉保健局", "FY2022Q1")]
    assert {b.name: b.capacity[Q1] for b in grids(loaded)[0]} == {"福祉保健局": 11.0,
                                                                   "環境局": 5.0}
    # The same change by both is no conflict.
    same = copy.deepcopy(mine_base)
    same[0][0].capacity[Q1] = 11.0
    save_grid(loaded, mine_base, *same)
