"""No lost edit through a workbook: a row changed in the database since its export is merged
field by field with the file, refused where both changed the same field, on both backends."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from dx_planner.cli.main import main
from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.persistence import repository
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.workbook.apply import export_workbook, import_workbook
from dx_planner.workbook.problems import ImportFailed
from tests.helpers.database import snapshot
from tests.helpers.workbooks import edit_process_cells, process_row, write_workbook


@pytest.fixture
def exported(any_engine: Engine, tmp_path: Path) -> Path:
    """P-1, P-2, P-3 stored and exported (each at 版 1)."""
    write_workbook(tmp_path / "start.xlsx", [process_row(f"P-{i}") for i in (1, 2, 3)])
    import_workbook(any_engine, tmp_path / "start.xlsx")
    path = tmp_path / "exported.xlsx"
    export_workbook(any_engine, path)
    return path


def stored(engine: Engine) -> dict[str, Process]:
    with engine.connect() as connection:
        return {p.id: p for p in repository.load_processes(connection)}


def someone_else(engine: Engine, pid: str, **values: object) -> None:
    """Another user saves a change through the app after the export."""
    save_edits(engine, Edits(changed=[dataclasses.replace(stored(engine)[pid], **values)]))


def test_the_export_carries_each_rows_version(any_engine: Engine, exported: Path) -> None:
    someone_else(any_engine, "P-2", notes="x")
    export_workbook(any_engine, exported)
    sheet = load_workbook(exported)["手続一覧"]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == "版"
    assert {row[0]: row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        "P-1": 1, "P-2": 2, "P-3": 1}


def test_changes_to_different_fields_are_merged(any_engine: Engine, exported: Path) -> None:
    someone_else(any_engine, "P-1", status=Status.IN_PROGRESS)
    someone_else(any_engine, "P-1", annual_volume=5000)  # two versions since the export
    edit_process_cells(exported, {"P-1": {"備考": "mine"}})
    summary = import_workbook(any_engine, exported)
    p1 = stored(any_engine)["P-1"]
    assert (p1.status, p1.annual_volume, p1.notes, p1.version) == (
        Status.IN_PROGRESS, 5000, "mine", 4)
    assert (summary.updated, summary.unchanged) == (1, 2)


def test_a_row_only_the_database_changed_keeps_the_databases_values(
        any_engine: Engine, exported: Path) -> None:
    someone_else(any_engine, "P-2", effort=7.5)
    summary = import_workbook(any_engine, exported)  # the file does not touch P-2
    assert stored(any_engine)["P-2"].effort == 7.5
    assert summary.unchanged == 3
    [warning] = summary.warnings
    assert warning.startswith(
        "手続一覧 / 3 / 版: changed in the database since this file was exported (版 1, now 2; "
        f"last by {stored_login(any_engine)} on ")
    assert warning.endswith("the file does not change it: the database's values are kept")


def stored_login(engine: Engine) -> str:
    from dx_planner.persistence.rights import current_login

    with engine.connect() as connection:
        return current_login(connection)


def test_the_same_field_changed_both_ways_is_refused_unless_overwrite(
        any_engine: Engine, exported: Path) -> None:
    someone_else(any_engine, "P-1", notes="theirs")
    edit_process_cells(exported, {"P-1": {"備考": "mine"}, "P-3": {"備考": "fine"}})
    before = snapshot(any_engine)
    with pytest.raises(ImportFailed) as caught:
        import_workbook(any_engine, exported)
    [problem] = caught.value.errors
    assert (problem.sheet, problem.row, problem.column) == ("手続一覧", 2, "版")
    assert problem.message.startswith(
        f"changed in the database since this file was exported (版 1, now 2; last by "
        f"{stored_login(any_engine)} on ")
    assert problem.message.endswith(
        "and differently in the file: 備考 (file 'mine', database 'theirs'). Export again and "
        "redo the change, or import with --overwrite")
    assert snapshot(any_engine) == before  # all or nothing: P-3 was not written either

    import_workbook(any_engine, exported, overwrite=True)
    assert [stored(any_engine)[pid].notes for pid in ("P-1", "P-3")] == ["mine", "fine"]


def test_overwrite_decides_only_the_conflicting_fields(any_engine: Engine,
                                                       exported: Path) -> None:
    """--overwrite: the file's value of a field both changed; every other change someone
    else made since the export stays (on the conflicting row and on other stale rows)."""
    someone_else(any_engine, "P-1", notes="theirs", effort=3.0)
    someone_else(any_engine, "P-2", notes="their note", annual_volume=77777)
    edit_process_cells(exported, {"P-1": {"備考": "mine"}})
    with pytest.raises(ImportFailed):
        import_workbook(any_engine, exported)

    summary = import_workbook(any_engine, exported, overwrite=True)
    after = stored(any_engine)
    assert (after["P-1"].notes, after["P-1"].effort) == ("mine", 3.0)
    assert (after["P-2"].notes, after["P-2"].annual_volume, after["P-2"].version) == (
        "their note", 77777, 2)
    assert (summary.updated, summary.unchanged) == (1, 2)
    assert summary.warnings[0].startswith("手続一覧 / 2 / 版: changed in the database since")
    assert summary.warnings[0].endswith(
        "and differently in the file: --overwrite writes the file's value of 備考 "
        "(file 'mine', database 'theirs')")
    assert summary.warnings[1].startswith("手続一覧 / 3 / 版: ")


def test_a_row_deleted_since_the_export_is_not_added_back_silently(
        any_engine: Engine, exported: Path) -> None:
    save_edits(any_engine, Edits(deleted=[stored(any_engine)["P-3"]]))
    with pytest.raises(ImportFailed) as caught:
        import_workbook(any_engine, exported)
    assert [(p.row, p.column) for p in caught.value.errors] == [(4, "版")]
    assert caught.value.errors[0].message.startswith(
        "deleted from the database since this file was exported (by ")
    import_workbook(any_engine, exported, overwrite=True)
    assert "P-3" in stored(any_engine)


def test_a_workbook_without_versions_is_imported_as_before(any_engine: Engine,
                                                           tmp_path: Path) -> None:
    write_workbook(tmp_path / "a.xlsx", [process_row("P-1")])
    import_workbook(any_engine, tmp_path / "a.xlsx")
    someone_else(any_engine, "P-1", notes="theirs")
    write_workbook(tmp_path / "b.xlsx", [process_row("P-1", 備考="no version column")])
    import_workbook(any_engine, tmp_path / "b.xlsx")
    assert stored(any_engine)["P-1"].notes == "no version column"


def test_a_bad_version_cell_is_an_input_error(any_engine: Engine, exported: Path) -> None:
    edit_process_cells(exported, {"P-1": {"版": "abc"}, "P-2": {"版": 0}})
    with pytest.raises(ImportFailed) as caught:
        import_workbook(any_engine, exported)
    assert [str(p) for p in caught.value.errors] == [
        "手続一覧 / 2 / 版: not a version: 'abc' (a whole number from 1, as exported; blank "
        "for a new row)",
        "手続一覧 / 3 / 版: not a version: 0 (a whole number from 1, as exported; blank for a "
        "new row)"]


def test_the_command_line_names_the_row_and_overwrite_wins(
        any_engine: Engine, exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    someone_else(any_engine, "P-1", notes="theirs")
    edit_process_cells(exported, {"P-1": {"備考": "mine"}})
    url = any_engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "import", str(exported)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "dx-planner: import failed with 1 problem(s); nothing was written"
    assert err[1].startswith("手続一覧 / 2 / 版: changed in the database since this file")
    assert main(["--db", url, "import", str(exported), "--overwrite"]) == 0
    assert stored(any_engine)["P-1"].notes == "mine"
