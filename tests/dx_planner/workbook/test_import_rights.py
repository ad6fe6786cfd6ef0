"""An import touching rows outside the login's rights is refused whole, before anything is
written, with every offending row named (team database on PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from dx_planner.cli.main import main
from dx_planner.persistence.database import open_database
from tests.helpers.database import snapshot
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import Team, make_team
from tests.helpers.workbooks import edit_process_cells, sheet_rows


@pytest.fixture
def team(pg_database: PgDatabase) -> Team:
    return make_team(pg_database, 250)


@pytest.fixture
def exported(team: Team, tmp_path: Path) -> Path:
    path = tmp_path / "inventory.xlsx"
    assert main(["--db", team.url(team.editor), "export-inventory", str(path)]) == 0
    return path


def rows_by_bureau(path: Path) -> dict[str, list[tuple[int, str]]]:
    """(row number, 手続ID) of each bureau's processes in the exported file."""
    found: dict[str, list[tuple[int, str]]] = {}
    for number, row in enumerate(sheet_rows(path, "手続一覧")[1:], start=2):
        found.setdefault(str(row[2]), []).append((number, str(row[0])))
    return found


def test_an_editor_imports_changes_to_its_own_bureau(team: Team, exported: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    own = rows_by_bureau(exported)[team.bureau]
    edit_process_cells(exported, {pid: {"備考": "bureau edit"} for _, pid in own[:5]})
    assert main(["--db", team.url(team.editor), "import", str(exported)]) == 0
    assert "0 added, 5 updated, 0 deleted" in capsys.readouterr().out


def test_rows_outside_the_rights_are_all_listed_and_nothing_is_written(
        team: Team, exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = rows_by_bureau(exported)
    own, other = rows[team.bureau], rows[team.other_bureau]
    edit_process_cells(exported, {
        own[0][1]: {"備考": "allowed"},
        other[0][1]: {"備考": "not mine"},
        own[1][1]: {"所管局": team.other_bureau},
        own[2][1]: {"所管局": "新設局"},
    })
    workbook = load_workbook(exported)
    capacity = workbook["局別処理能力"]
    other_capacity_row = next(row for row in capacity.iter_rows(min_row=2)
                              if row[0].value == team.other_bureau)
    other_capacity_row[1].value = (other_capacity_row[1].value or 0) + 1
    channels = workbook["申請基盤"]
    channels.cell(row=2, column=2).value = "FY2030Q1"
    # A new process of another bureau at the end: listed after the rows above it.
    sheet = workbook["手続一覧"]
    headers = [cell.value for cell in sheet[1]]
    new_row = {"手続ID": "P-NEW", "手続名": "新しい手続", "所管局": team.other_bureau}
    sheet.append([new_row.get(str(header)) for header in headers])
    new_row_number = sheet.max_row
    workbook.save(exported)
    owner = open_database(team.database.owner_url)
    before = snapshot(owner)

    assert main(["--db", team.url(team.editor), "import", str(exported)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "dx-planner: import failed with 6 problem(s); nothing was written"
    yours = f"not one of your bureaus ({team.bureau})"
    processes = sorted([
        (other[0][0], f"belongs to {team.other_bureau}, not to your bureaus ({team.bureau})"),
        (own[1][0], f"you may not move a process to {team.other_bureau}: {yours}"),
        (own[2][0], f"you may not move a process to 新設局: {yours}"),
        (new_row_number, f"you may not add a process to {team.other_bureau}: {yours}"),
    ])
    # Sheet by sheet, in row order.
    assert err[1:] == [
        *(f"手続一覧 / {row} / 所管局: {message}" for row, message in processes),
        f"局別処理能力 / {other_capacity_row[0].row} / 所管局: {yours}",
        f"申請基盤 / 2 / 申請基盤: only an admin changes channels ({team.editor} is a bureau "
        f"editor ({team.bureau}))",
    ]
    assert snapshot(owner) == before
    owner.dispose()


def test_replace_by_an_editor_would_delete_other_bureaus(team: Team, exported: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    workbook = load_workbook(exported)
    sheet = workbook["手続一覧"]
    other = rows_by_bureau(exported)[team.other_bureau]
    for number, _ in reversed(other):
        sheet.delete_rows(number)
    workbook.save(exported)
    assert main(["--db", team.url(team.editor), "import", "--replace", str(exported)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 + len(other)
    assert err[1] == (f"手続一覧 / - / 所管局: {other[0][1]} (not in the file, deleted by "
                      f"--replace): belongs to {team.other_bureau}, not to your bureaus "
                      f"({team.bureau})")


def test_a_viewer_may_import_a_file_that_changes_nothing(team: Team, exported: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    assert main(["--db", team.url(team.viewer), "import", str(exported)]) == 0
    assert "0 added, 0 updated, 0 deleted, 250 unchanged" in capsys.readouterr().out
    edit_process_cells(exported, {rows_by_bureau(exported)[team.bureau][0][1]: {"備考": "x"}})
    assert main(["--db", team.url(team.viewer), "import", str(exported)]) == 1
    assert f"{team.viewer} may only read (viewer)" in capsys.readouterr().err
