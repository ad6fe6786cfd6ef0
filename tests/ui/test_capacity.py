"""Capacity grids: model contract, edits with totals, undo, and saving."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from dx_planner.persistence import repository
from ui.main_window import MainWindow


def test_capacity_models_contract(window: MainWindow, qtmodeltester: Any) -> None:
    qtmodeltester.check(window.session.bureau_model, force_py=True)
    qtmodeltester.check(window.session.channel_model, force_py=True)


def test_bureau_capacity_edit_updates_totals_undo_and_save(window: MainWindow,
                                                           demo_engine: Engine) -> None:
    model = window.session.bureau_model
    total_row, total_column = model.rowCount() - 1, model.columnCount() - 1
    before_total = model.value(total_row, total_column)
    old = model.value(0, 0)
    assert model.setData(model.index(0, 0), old + 10.0)
    assert model.value(total_row, total_column) == before_total + 10.0
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert model.value(0, 0) == old
    window.session.undo_stack.redo()
    assert window.save()
    with demo_engine.connect() as connection:
        bureaus = repository.load_bureaus(connection)
    assert bureaus[0].capacity[model.quarters[0]] == old + 10.0


def test_channel_limit_and_availability(window: MainWindow, demo_engine: Engine) -> None:
    model = window.session.channel_model
    quarter = model.quarters[0]
    assert model.setData(model.index(0, 1), 12)
    assert model.data(model.index(0, 1)) == "12"
    assert model.setData(model.index(0, 0), quarter)
    assert not model.setData(model.index(0, 1), -5)
    assert window.save()
    with demo_engine.connect() as connection:
        channel = repository.load_channels(connection)[0]
    assert channel.limits[quarter] == 12 and channel.available_from == quarter
