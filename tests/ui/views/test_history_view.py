"""The 変更履歴 tab: the history of the selected process and of the whole database, with the
filters of the command line."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt

from dx_planner.persistence.database import open_database
from dx_planner.persistence.saving import Edits, save_edits
from ui.main_window import MainWindow
from ui.views.history_view import HistoryView


def shown(view: HistoryView) -> list[list[str]]:
    model = view.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def loaded(view: HistoryView, qtbot: Any, action: Any) -> list[list[str]]:
    with qtbot.waitSignal(view.shown, timeout=10_000):
        action()
    qtbot.waitUntil(lambda: not view.runner.busy("history"))
    return shown(view)


def test_the_selected_processs_history(editor_window: MainWindow, team: Any,
                                       qtbot: Any) -> None:
    inventory = editor_window.inventory_view
    model = editor_window.session.model
    row = next(r for r in range(model.rowCount()) if model.process_at(r).bureau == team.bureau)
    process = model.process_at(row)
    engine = open_database(team.url(team.admin))
    save_edits(engine, Edits(changed=[dataclasses.replace(process, notes="本庁から")]))
    engine.dispose()
    inventory.table.setCurrentIndex(model.index(row, 0))
    view = editor_window._view("history", HistoryView)
    rows = loaded(view, qtbot, inventory.history_action.trigger)
    assert editor_window.tabs.currentWidget() is view
    assert {r[3] for r in rows} == {process.id}
    assert rows[0][1:] == [team.admin, "手続", process.id, "備考", "", "本庁から"]
    assert view.count_label.text() == "2件（新しい順）"


def test_the_whole_databases_history_with_filters(editor_window: MainWindow, team: Any,
                                                  qtbot: Any) -> None:
    view = editor_window._view("history", HistoryView)
    everything = loaded(view, qtbot, lambda: editor_window.action_by_key["history"].trigger())
    assert len(everything) > 400  # the demo load: every process, bureau, channel, cell
    view.bureau_combo.setCurrentIndex(view.bureau_combo.findData(team.bureau))
    in_bureau = loaded(view, qtbot, view.refresh_button.click)
    ids = {p.id for p in editor_window.session.store.processes if p.bureau == team.bureau}
    assert {r[3] for r in in_bureau if r[2] == "手続"} == ids
    assert {r[2] for r in in_bureau} == {"手続", "局", "局別処理能力"}
    assert all(r[3].startswith(team.bureau) for r in in_bureau if r[2] != "手続")
    assert len(in_bureau) < len(everything)
    view.login_edit.setText("nobody")
    assert loaded(view, qtbot, view.refresh_button.click) == []
    view.login_edit.clear()
    view.bureau_combo.setCurrentIndex(0)
    view.since_check.setChecked(True)
    view.since_edit.setDate(view.since_edit.date().addYears(5))
    assert loaded(view, qtbot, view.refresh_button.click) == []
    assert view.table.model() is view.model
    assert view.table.horizontalHeader().count() == 7
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "日時"
