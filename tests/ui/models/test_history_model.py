"""The 変更履歴 table model over the real history of a team database."""

from __future__ import annotations

import dataclasses
from typing import Any

from dx_planner.domain.enums import Status
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import HistoryFilter, read_history
from dx_planner.persistence.saving import Edits, save_edits
from ui.models.history_model import HistoryModel


def test_changes_are_shown_as_the_app_shows_values(team: Any, qtmodeltester: Any) -> None:
    engine = open_database(team.url(team.editor))
    with engine.connect() as connection:
        process = next(p for p in repository.load_processes(connection)
                       if p.bureau == team.bureau and p.status is Status.NOT_STARTED
                       and not p.priority)
    save_edits(engine, Edits(changed=[dataclasses.replace(
        process, status=Status.IN_PROGRESS, priority=True)]))
    with engine.connect() as connection:
        changes = read_history(connection, HistoryFilter(process=process.id))
    engine.dispose()
    model = HistoryModel()
    model.set_changes(changes)
    qtmodeltester.check(model, force_py=True)
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    # Newest first: the editor's two fields (one save), then the owner's demo load.
    assert len(rows) == 3
    assert sorted(tuple(row[1:]) for row in rows[:2]) == sorted([
        (team.editor, "手続", process.id, "状況", "未着手", "対応中"),
        (team.editor, "手続", process.id, "重点", "", "○")])
    assert rows[2][1:6] == [team.database.server.owner, "手続", process.id, "（追加）", ""]
    assert rows[2][6] == f"{process.name}（{team.bureau}）"
    assert rows[0][0] >= rows[2][0]  # local times, newest first
