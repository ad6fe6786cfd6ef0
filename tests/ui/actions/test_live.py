"""Live refresh: the editor's app notices other users' commits within 5 seconds (PostgreSQL
LISTEN/NOTIFY), refreshes rows it has not edited and marks the ones it has as conflicts."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QLineEdit

from dx_planner.domain.inventory import Process
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.saving import Edits, save_edits
from tests.ui.helpers import type_into
from ui.actions import live
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX

NOTICED_WITHIN_MS = 5_000  # the contract: other users' commits within 5 seconds


def other_user_saves(team: Any, login: str, pid: str, **values: Any) -> Process:
    """Another user's own app saves a change (its own connection and login)."""
    engine = open_database(team.url(login))
    with engine.connect() as connection:
        [process] = repository.load_processes(connection, {pid})
    changed = dataclasses.replace(process, **values)
    save_edits(engine, Edits(changed=[changed]))
    engine.dispose()
    return changed


def own_rows(window: MainWindow, bureau: str) -> list[Process]:
    return [p for p in window.session.store.processes if p.bureau == bureau]


def test_the_listener_runs_in_the_task_runner(editor_window: MainWindow) -> None:
    assert editor_window.runner.busy(live.SLOT)
    editor_window.stop_work()
    assert not editor_window.runner.busy(live.SLOT)


def test_a_commit_by_someone_else_appears_within_five_seconds(
        editor_window: MainWindow, team: Any, qtbot: Any) -> None:
    target = own_rows(editor_window, team.bureau)[0]
    model = editor_window.session.model
    with qtbot.waitSignal(model.dataChanged, timeout=NOTICED_WITHIN_MS):
        other_user_saves(team, team.admin, target.id, notes="本庁からのメモ")
    qtbot.waitUntil(lambda: target.notes == "本庁からのメモ", timeout=NOTICED_WITHIN_MS)
    assert target.version == 2
    assert not editor_window.isWindowModified()
    assert target.id not in model.conflicts


def test_a_row_edited_here_is_marked_not_overwritten(editor_window: MainWindow, team: Any,
                                                     qtbot: Any) -> None:
    model = editor_window.session.model
    target = own_rows(editor_window, team.bureau)[0]
    row = model.row_of(target)
    assert row is not None
    type_into(qtbot, editor_window.inventory_view.table,
              model.index(row, COLUMN_INDEX["notes"]), QLineEdit, "bureau memo")
    assert target.notes == "bureau memo"
    other_user_saves(team, team.admin, target.id, notes="本庁のメモ")
    qtbot.waitUntil(lambda: target.id in model.conflicts, timeout=NOTICED_WITHIN_MS)
    assert target.notes == "bureau memo"  # the local edit stays until the planner decides


def test_rows_added_and_deleted_elsewhere_come_and_go(editor_window: MainWindow, team: Any,
                                                     qtbot: Any) -> None:
    store = editor_window.session.store
    first, second = own_rows(editor_window, team.bureau)[:2]
    engine = open_database(team.url(team.admin))
    with engine.connect() as connection:
        [stored] = repository.load_processes(connection, {second.id})
    new = dataclasses.replace(stored, id="NEW-LIVE-1", name="新しい手続", version=0)
    save_edits(engine, Edits(added=[new], deleted=[stored]))
    engine.dispose()
    qtbot.waitUntil(lambda: "NEW-LIVE-1" in store.by_id and second.id not in store.by_id,
                    timeout=NOTICED_WITHIN_MS)
    assert first.id in store.by_id
    assert not editor_window.isWindowModified()
