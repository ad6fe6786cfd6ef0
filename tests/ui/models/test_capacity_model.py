"""The capacity grids' models: the Qt model contract, totals, and refused values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

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


def test_an_editor_changes_only_its_own_bureaus_capacity(editor_window: Any,
                                                         team: Any) -> None:
    bureaus = editor_window.session.bureau_model
    channels = editor_window.session.channel_model
    names = [b.name for b in bureaus.bureaus]
    own, other = names.index(team.bureau), names.index(team.other_bureau)
    assert bureaus.flags(bureaus.index(own, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not bureaus.flags(bureaus.index(other, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not bureaus.setData(bureaus.index(other, 0), 99.0)
    assert bureaus.data(bureaus.index(other, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert not channels.flags(channels.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
