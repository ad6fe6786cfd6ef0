"""The capacity grids' models: the Qt model contract, totals, and refused values."""

from __future__ import annotations

from typing import Any

from ui.main_window import MainWindow


def test_capacity_models_contract(window: MainWindow, qtmodeltester: Any) -> None:
    qtmodeltester.check(window.session.bureau_model, force_py=True)
    qtmodeltester.check(window.session.channel_model, force_py=True)


def test_totals_are_read_only_and_negative_values_refused(window: MainWindow) -> None:
    bureaus, channels = window.session.bureau_model, window.session.channel_model
    total = bureaus.index(bureaus.rowCount() - 1, 0)
    assert not bureaus.setData(total, 5.0)
    assert not bureaus.setData(bureaus.index(0, 0), -1.0)
    assert not channels.setData(channels.index(0, 1), -5)
    assert window.session.undo_stack.count() == 0
