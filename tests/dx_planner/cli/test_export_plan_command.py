"""``export-plan`` of a stored plan after the inventory changed (acceptance finding): the
workbook counts the plan as stored, consistently, and says — on the command line and in 概要 —
that the inventory changed since the solve. Real demo, real solves, real import, real .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from dx_planner.cli.main import main
from dx_planner.persistence.database import open_database
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import load_scenario
from tests.helpers.workbooks import sheet_rows

NOTE = "注意: この計画を解いた後に手続一覧が変更されています"


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, PlanResult]:
    """A demo solved as `base` and `req` (a per-bureau target), then ~1% of processes changed
    by export / edit / import: 10 volumes, 10 efforts, 5 planned processes made 対象外."""
    folder = tmp_path_factory.mktemp("drift")
    db = folder / "demo.db"
    assert main(["--db", str(db), "demo", "--processes", "1500", "--seed", "7"]) == 0
    assert main(["--db", str(db), "solve", "--scenario", "base", "--time-limit", "3"]) == 0
    assert main(["--db", str(db), "solve", "--scenario", "req", "--time-limit", "3",
                 "--bureau-target", "0.6"]) == 0
    unchanged = folder / "before.xlsx"
    assert main(["--db", str(db), "export-plan", str(unchanged), "--scenario", "base"]) == 0
    engine = open_database(db)
    with engine.connect() as connection:
        base = load_scenario(connection, "base")
    engine.dispose()
    inventory = folder / "inventory.xlsx"
    assert main(["--db", str(db), "export-inventory", str(inventory)]) == 0
    workbook = load_workbook(inventory)
    sheet = workbook["手続一覧"]
    header = {cell.value: cell.column for cell in sheet[1]}
    rows = list(range(2, sheet.max_row + 1))
    # planned, not started and not locked (a plain edit), none of the rows changed above
    planned_rows = [r for r in rows[40:]
                    if sheet.cell(r, header["手続ID"]).value in base.assignments
                    and sheet.cell(r, header["状況"]).value == "未着手"
                    and not sheet.cell(r, header["固定四半期"]).value]
    for r in rows[:10]:
        cell = sheet.cell(r, header["年間申請件数"])
        cell.value = int(cell.value or 0) * 3 + 7
    for r in rows[20:30]:
        cell = sheet.cell(r, header["工数"])
        cell.value = float(cell.value) + 2.5
    for r in planned_rows[-5:]:
        sheet.cell(r, header["状況"]).value = "対象外"
    workbook.save(inventory)
    assert main(["--db", str(db), "import", str(inventory)]) == 0
    return db, unchanged, base


def _kpi(path: Path, label: str) -> list[object]:
    return list(next(row for row in sheet_rows(path, "概要") if row and row[0] == label))


def _texts(path: Path, sheet: str) -> list[str]:
    return [cell for row in sheet_rows(path, sheet) for cell in row if isinstance(cell, str)]


def test_an_unchanged_inventory_gives_no_warning(
        changed: tuple[Path, Path, PlanResult]) -> None:
    _, unchanged, _ = changed
    assert not any(NOTE in text for text in _texts(unchanged, "概要"))


def test_figures_are_the_stored_plan_and_the_change_is_said(
        changed: tuple[Path, Path, PlanResult], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db, _, base = changed
    path = tmp_path / "plan.xlsx"
    capsys.readouterr()
    assert main(["--db", str(db), "export-plan", str(path), "--scenario", "base"]) == 0
    out, err = capsys.readouterr()
    planned = len(base.assignments)
    assert f"({planned:,} planned)" in out
    assert ("warning: the inventory changed since plan 'base' was solved: 25 processes "
            "differ (25 changed); its figures are the plan as solved: re-solve for a current "
            "plan") in err
    notes = [text for text in _texts(path, "概要") if NOTE in text]
    assert len(notes) == 1 and "手続 25件が異なります（変更 25件）" in notes[0]

    in_scope = _kpi(path, "対象手続数")[1]
    by_deadline = _kpi(path, "期限までのデジタル化手続数")[1]
    already = _kpi(path, "計画開始前にデジタル化済")[1]
    planned_kpi = _kpi(path, "計画手続数")
    unplanned = _kpi(path, "計画外の手続数")[1]
    assert in_scope == base.settings.in_scope
    assert by_deadline == base.digitized_by_deadline
    assert already == base.already_digitized
    assert planned_kpi[1] == planned
    after = int(str(planned_kpi[2]).removeprefix("うち期限後 ").removesuffix("件"))
    assert already + planned - after == by_deadline
    assert already + planned + unplanned == in_scope


def test_bureau_rows_add_up_to_the_stored_plan(changed: tuple[Path, Path, PlanResult],
                                               tmp_path: Path) -> None:
    db, _, _ = changed
    engine = open_database(db)
    with engine.connect() as connection:
        req = load_scenario(connection, "req")
    engine.dispose()
    path = tmp_path / "req.xlsx"
    assert main(["--db", str(db), "export-plan", str(path), "--scenario", "req",
                 "--compare", "base"]) == 0
    rows = sheet_rows(path, "概要")
    first = next(i for i, row in enumerate(rows) if row and row[0] == "局別の状況") + 2
    bureaus = {}
    for row in rows[first:]:
        if not row or row[0] in (None, "合計"):
            break
        bureaus[row[0]] = row[1:7]
    assert sum(int(b[0]) for b in bureaus.values()) == req.settings.in_scope
    assert sum(int(b[5]) for b in bureaus.values()) == req.digitized_by_deadline
    per_bureau = {o.requirement.scope.bureau: o for o in req.requirements
                  if o.requirement.scope.bureau is not None}
    assert per_bureau
    for name, outcome in per_bureau.items():
        assert int(bureaus[name][0]) == outcome.requirement.in_scope, name
        assert int(bureaus[name][5]) == outcome.reached, name
    # 前回 (base) is read the same way: its planned count is its stored one
    planned = _kpi(path, "計画手続数")
    assert planned[1] == len(req.assignments)
