"""The 変更履歴 table model over the real history of a team database."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import HistoryFilter, read_history
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.workbook.apply import import_workbook
from tests.helpers.workbooks import process_row, write_workbook
from ui import i18n
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


def test_values_are_shown_as_the_workbook_shows_them_in_either_language(
        tmp_path: Path, qtmodeltester: Any) -> None:
    """The stored codes (national, under_review, FY…, true) never reach the view: every value
    goes through the field table's cell conversion, the one the command line uses too."""
    engine = open_database(tmp_path / "h.sqlite3", create=True)
    import_workbook(engine, write_workbook(tmp_path / "a.xlsx", [process_row("P-1")]))
    with engine.connect() as connection:
        [process] = repository.load_processes(connection)
    save_edits(engine, Edits(changed=[dataclasses.replace(
        process, type=ProcedureType.NOTIFICATION, authority=Authority.NATIONAL,
        national_status=NationalStatus.UNDER_REVIEW, national_ready=Quarter(2023, 2),
        major=True, annual_volume=4722)]))
    with engine.connect() as connection:
        changes = read_history(connection, HistoryFilter(process="P-1"))
    engine.dispose()
    expected = {("手続類型", "許認可", "届出"), ("権限", "都", "国"),
                ("国の対応状況", "", "検討中"), ("国の対応時期", "", "FY2023Q2"),
                ("主要手続", "", "○"), ("年間申請件数", "1200", "4722")}
    shown: dict[str, set[tuple[Any, ...]]] = {}
    for language in ("ja", "en"):
        i18n.install_language(language)
        model = HistoryModel()
        model.set_changes(changes)
        qtmodeltester.check(model, force_py=True)
        shown[language] = {tuple(model.data(model.index(row, column)) for column in (4, 5, 6))
                           for row in range(model.rowCount() - 1)}  # the last row: the insert
    assert shown["ja"] == expected
    # English headers, the workbook's values.
    assert {values[1:] for values in shown["en"]} == {values[1:] for values in expected}
