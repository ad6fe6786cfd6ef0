"""The plan workbook as a planner opens it: sheets, figures, charts, re-import."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook as LoadedWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from dx_planner.domain.fields import PROCESS_FIELDS
from dx_planner.persistence import repository
from dx_planner.plan_workbook import PlanExportError
from dx_planner.plan_workbook.export import export_plan_workbook, write_plan_workbook
from dx_planner.plan_workbook.figures import compute_figures
from dx_planner.plan_workbook.styles import MIN_SCALE
from dx_planner.plan_workbook.summary_sheet import status_text
from dx_planner.planning.compare import compare_plans
from dx_planner.workbook.apply import export_workbook, import_workbook
from tests.dx_planner.plan_workbook.conftest import PlannedDemo
from tests.dx_planner.plan_workbook.plans import small_case
from tests.helpers.database import snapshot

FIXED_SHEETS = ["概要", "四半期計画", "手続一覧"]
N_TEMPLATE = len(PROCESS_FIELDS) + 1  # the fields, then 版


@pytest.fixture(scope="module")
def exported(planned_demo: PlannedDemo,
             tmp_path_factory: pytest.TempPathFactory) -> LoadedWorkbook:
    """The newest plan ("tight") compared with "base"."""
    path = tmp_path_factory.mktemp("out") / "plan.xlsx"
    export_plan_workbook(planned_demo.engine, path, compare="base")
    return load_workbook(path)


def _rows(sheet: Worksheet, first: int = 1) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=first, values_only=True))


def _find_row(sheet: Worksheet, label: str) -> int:
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return int(row[0].row)
    raise AssertionError(f"no row labelled {label}")


def _bureau_sheets(workbook: LoadedWorkbook) -> list[Worksheet]:
    return [ws for ws in workbook.worksheets if ws.title not in (*FIXED_SHEETS, "前回比較")]


# -- the sheets ---------------------------------------------------------------------
def test_sheets_and_their_order(exported: LoadedWorkbook, planned_demo: PlannedDemo) -> None:
    titles = exported.sheetnames
    assert titles[:4] == [*FIXED_SHEETS, "前回比較"]
    bureaus = [b.name for b in planned_demo.inventory.bureaus
               if any(p.in_scope and p.bureau == b.name
                      for p in planned_demo.inventory.processes)]
    assert titles[4:] == bureaus


def test_every_process_has_the_quarter_of_the_plan(exported: LoadedWorkbook,
                                                   planned_demo: PlannedDemo) -> None:
    sheet = exported["手続一覧"]
    header, *rows = _rows(sheet)
    assert list(header[:N_TEMPLATE]) == [*(c.header for c in PROCESS_FIELDS), "版"]
    assert list(header[N_TEMPLATE:]) == ["計画四半期", "計画時期", "計画区分", "計画外の理由"]
    plan = planned_demo.tight
    assert [row[0] for row in rows] == [p.id for p in planned_demo.inventory.processes]
    quarters = {row[0]: row[N_TEMPLATE] for row in rows}
    assert {pid: q for pid, q in quarters.items() if q} == {
        pid: q.code for pid, q in plan.assignments.items()}
    categories = Counter(row[N_TEMPLATE + 2] for row in rows)
    assert categories["期限内"] + categories["期限後"] == len(plan.assignments)
    unplanned = [row for row in rows if row[N_TEMPLATE + 2] == "計画外"]
    assert unplanned and all(row[N_TEMPLATE + 3] for row in unplanned)
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:U{len(rows) + 1}"


def test_the_template_columns_are_exactly_the_inventory_export(
        exported: LoadedWorkbook, planned_demo: PlannedDemo, tmp_path: Path) -> None:
    inventory_path = tmp_path / "inventory.xlsx"
    export_workbook(planned_demo.engine, inventory_path)
    expected = _rows(load_workbook(inventory_path)["手続一覧"])
    assert [row[:N_TEMPLATE] for row in _rows(exported["手続一覧"])] == expected


def test_bureau_sheets_hold_their_in_scope_processes_by_quarter(
        exported: LoadedWorkbook, planned_demo: PlannedDemo) -> None:
    inventory, plan = planned_demo.inventory, planned_demo.tight
    seen: list[str] = []
    for sheet in _bureau_sheets(exported):
        assert sheet["A1"].value == f"{sheet.title} デジタル化計画"
        assert sheet.freeze_panes == "E5"
        rows = [row for row in _rows(sheet, first=5) if row[2] is not None]
        expected = {p.id for p in inventory.processes if p.in_scope and p.bureau == sheet.title}
        assert {row[2] for row in rows} == expected
        for quarter, _, pid, *_ in rows:
            assert quarter == (plan.assignments[pid].code if pid in plan.assignments else None)
        planned = [row[0] for row in rows if row[0] is not None]
        assert planned == sorted(planned)  # by quarter
        assert all(row[0] is not None for row in rows[:len(planned)])  # planned first
        seen.extend(row[2] for row in rows)
    assert sorted(seen) == sorted(p.id for p in inventory.processes if p.in_scope)


def test_summary_shows_settings_kpis_and_the_trend(exported: LoadedWorkbook,
                                                  planned_demo: PlannedDemo) -> None:
    sheet, plan = exported["概要"], planned_demo.tight
    values = {row[0]: row[1:] for row in _rows(sheet) if row and row[0] is not None}
    assert values["シナリオ"][0] == "tight"
    assert values["期限"][0] == plan.settings.deadline.label
    assert values["目標件数"][0] == plan.settings.target_count
    kpi = values["期限までのデジタル化手続数"]
    assert kpi[:3] == (plan.digitized_by_deadline, planned_demo.base.digitized_by_deadline,
                       plan.digitized_by_deadline - planned_demo.base.digitized_by_deadline)
    assert values["オンライン申請件数（計画期間内）"][0] == pytest.approx(plan.objective)
    assert values["上界（オンライン申請件数）"][0] == pytest.approx(plan.bound)
    assert values["ギャップ"][0] == pytest.approx(plan.gap)
    # value, before, difference, remark: in Japanese only (the raw code printed as is)
    assert values["状態"][0] == status_text(plan.status) != plan.status
    assert values["状態"][3] is None
    header = _find_row(sheet, "四半期")
    trend = _rows(sheet, header + 1)[:len(plan.settings.quarters)]
    assert [(row[0], row[3]) for row in trend] == [(q.code, n) for q, n in plan.cumulative]
    assert sum(row[2] for row in trend) == len(plan.assignments)
    total = _rows(sheet, header + 1 + len(trend))[0]
    assert total[0] == "合計" and total[2] == f"=SUM(C{header + 1}:C{header + len(trend)})"
    assert sum(row[8] for row in trend) == pytest.approx(plan.objective)
    shares = [row[6] for row in trend]
    assert shares == sorted(shares) and 0 < shares[0] <= shares[-1] <= 1


def test_summary_charts(exported: LoadedWorkbook) -> None:
    sheet = exported["概要"]
    header = _find_row(sheet, "四半期")
    progress, share = sheet._charts
    assert progress.tagname == share.tagname == "lineChart"
    assert [s.tx.strRef.f for s in progress.series] == [
        f"'概要'!{column}{header}" for column in "DEF"]  # cumulative, target, milestones
    assert share.series[0].val.numRef.f.endswith(f"$G${header + 1}:$G${header + 9}")
    assert all(s.cat.strRef.f == f"'概要'!$A${header + 1}:$A${header + 9}"
               for s in [*progress.series, *share.series])
    titles = ["".join(run.t for p in chart.title.tx.rich.p for run in p.r)
              for chart in (progress, share)]
    assert titles == ["累計デジタル化手続数と目標", "オンライン申請割合（年間申請件数ベース）"]


def test_quarterly_sheet_against_capacity(exported: LoadedWorkbook,
                                          planned_demo: PlannedDemo) -> None:
    sheet, plan = exported["四半期計画"], planned_demo.tight
    quarters = plan.settings.quarters
    assert [c.value for c in sheet[4]] == ["所管局", *(q.label for q in quarters), "合計"]
    first = _find_row(sheet, "計画件数（手続）") + 1
    figures = compute_figures(planned_demo.inventory, plan, "tight")
    counts = _rows(sheet, first)[:len(figures.bureaus)]
    assert [row[0] for row in counts] == [b.name for b in figures.bureaus]
    assert sum(sum(row[1:1 + len(quarters)]) for row in counts) == len(plan.assignments)
    assert counts[0][-1] == f"=SUM(B{first}:{chr(ord('A') + len(quarters))}{first})"
    capacity_row = _find_row(sheet, "処理能力（人月）") + 1
    bureau = planned_demo.inventory.bureaus[0]
    assert _rows(sheet, capacity_row)[0][1:1 + len(quarters)] == tuple(
        bureau.capacity.get(q, 0.0) for q in quarters)
    rules = [(str(cf.sqref), rule.formula[0]) for cf in sheet.conditional_formatting
             for rule in cf.rules]
    effort_row = _find_row(sheet, "計画工数（人月）") + 1
    assert (f"B{effort_row}:J{effort_row + len(figures.bureaus) - 1}",
            f"B{effort_row}>B{capacity_row}+0.000001") in rules
    assert any(formula.startswith("AND(") for _, formula in rules)
    assert len(rules) == 6  # overloaded + idle on counts, effort and utilisation


def test_compare_sheet_lists_the_changes(exported: LoadedWorkbook,
                                         planned_demo: PlannedDemo) -> None:
    changes = compare_plans(planned_demo.tight, planned_demo.base,
                            {p.id: p for p in planned_demo.inventory.processes})
    assert changes
    rows = [row for row in _rows(exported["前回比較"], first=5) if row[1] is not None]
    assert [(row[1], row[3], row[4], row[5]) for row in rows] == [
        (c.process_id, c.kind.ja, c.before.code if c.before else None,
         c.after.code if c.after else None) for c in changes]


def test_print_ready(exported: LoadedWorkbook) -> None:
    for sheet in exported.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.paperSize == 9, sheet.title  # A4
        # One page wide, or (a wide sheet) at a readable scale with its key columns repeated.
        assert sheet.sheet_properties.pageSetUpPr.fitToPage or (
            sheet.page_setup.scale >= MIN_SCALE and sheet.print_title_cols), sheet.title
        assert sheet.page_margins.top >= sheet.page_margins.header + 0.4, sheet.title
        assert sheet.print_title_rows, sheet.title
        assert sheet.column_dimensions["A"].width > 0, sheet.title
    assert exported["手続一覧"]["H2"].number_format == "#,##0"


def _formulas(workbook: Any) -> list[tuple[str, str, str]]:
    return [(sheet.title, cell.coordinate, str(cell.value)) for sheet in workbook.worksheets
            for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_only_totals_are_formulas(exported: LoadedWorkbook) -> None:
    formulas = _formulas(exported)
    assert formulas  # the totals
    assert [f for f in formulas if not f[2].startswith("=SUM(")] == []


# -- round trip ---------------------------------------------------------------------
def test_reimporting_the_plan_workbook_changes_nothing(planned_demo: PlannedDemo,
                                                       output: Path) -> None:
    export_plan_workbook(planned_demo.engine, output, scenario="base")
    before = snapshot(planned_demo.engine)
    with planned_demo.engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    summary = import_workbook(planned_demo.engine, output)
    assert (summary.added, summary.updated, summary.deleted) == (0, 0, 0)
    assert summary.unchanged == len(inventory.processes)
    assert summary.warnings == []  # its own plan columns are ours: no "unknown column"
    with planned_demo.engine.connect() as connection:
        assert repository.load_inventory(connection) == inventory
    assert snapshot(planned_demo.engine) == before


def test_a_column_the_planner_adds_to_the_plan_workbook_is_still_reported(
        planned_demo: PlannedDemo, output: Path) -> None:
    export_plan_workbook(planned_demo.engine, output, scenario="base")
    workbook = load_workbook(output)
    sheet = workbook["手続一覧"]
    sheet.cell(1, sheet.max_column + 1, "担当者メモ")
    workbook.save(output)
    summary = import_workbook(planned_demo.engine, output)
    assert len(summary.warnings) == 1
    assert summary.warnings[0].endswith("unknown column '担当者メモ' ignored")
    assert (summary.added, summary.updated, summary.deleted) == (0, 0, 0)


def test_a_lock_edited_in_the_plan_workbook_is_imported(planned_demo: PlannedDemo,
                                                        output: Path, tmp_path: Path) -> None:
    from dx_planner.persistence.database import open_database

    # a copy: the shared demo stays as it is
    engine = open_database(tmp_path / "copy.db", create=True)
    inventory_path = tmp_path / "inventory.xlsx"
    export_workbook(planned_demo.engine, inventory_path)
    import_workbook(engine, inventory_path)
    write_plan_workbook(planned_demo.inventory, planned_demo.tight, output, name="tight")
    workbook = load_workbook(output)
    workbook["手続一覧"]["O2"] = "FY2023Q1"  # 固定四半期 of the first process
    workbook.save(output)
    summary = import_workbook(engine, output)
    assert (summary.added, summary.updated) == (0, 1)
    with engine.connect() as connection:
        first = repository.load_inventory(connection).processes[0]
    assert first.locked_quarter is not None and first.locked_quarter.code == "FY2023Q1"
    engine.dispose()


# -- data that must stay data ---------------------------------------------------------
def test_text_that_looks_like_a_formula_stays_text(output: Path) -> None:
    inventory, result = small_case()
    inventory.processes[0].name = '=HYPERLINK("http://x","y")'
    inventory.processes[0].notes = "+81-3"
    inventory.bureaus[0].name = "=A局"
    for process in inventory.processes:
        if process.bureau == "A局":
            process.bureau = "=A局"
    write_plan_workbook(inventory, result, output, name="-1+2")
    workbook = load_workbook(output)
    assert workbook["手続一覧"]["B2"].value == '=HYPERLINK("http://x","y")'
    assert workbook["手続一覧"]["B2"].data_type == "s"
    assert workbook["手続一覧"]["P2"].value == "+81-3"
    assert "=A局" in workbook.sheetnames
    assert [f for f in _formulas(workbook) if not f[2].startswith("=SUM(")] == []


def test_small_plan_in_memory(output: Path) -> None:
    inventory, result = small_case()
    summary = write_plan_workbook(inventory, result, output, name="small")
    assert (summary.processes, summary.planned, summary.bureau_sheets) == (7, 3, 2)
    assert summary.sheets == [*FIXED_SHEETS, "A局", "B局"]
    workbook = load_workbook(output)
    rows = {row[2]: row for row in _rows(workbook["B局"], first=5)}
    assert list(rows) == ["P6", "P4", "P3"]  # planned, not planned, done before the plan
    assert rows["P6"][:2] == ("FY2022Q3", "2022年10~12月") and rows["P6"][14] == "期限後"
    assert rows["P3"][10] == "FY2021Q4" and rows["P3"][15] is None
    summary_rows = {row[0]: row for row in _rows(workbook["概要"]) if row[0]}
    assert summary_rows["FY2022Q1"][5] == 2  # the milestone on the chart's table
    assert summary_rows["B局"][1:7] == (3, 1, 0, 1, 1, 1)


# -- errors -------------------------------------------------------------------------
def test_unknown_scenario(planned_demo: PlannedDemo, output: Path) -> None:
    with pytest.raises(PlanExportError, match="no scenario named 'nope'"):
        export_plan_workbook(planned_demo.engine, output, scenario="nope")
    with pytest.raises(PlanExportError, match="no scenario named 'nope'"):
        export_plan_workbook(planned_demo.engine, output, compare="nope")
    assert not output.exists()


def test_no_stored_plan(engine: Any, output: Path) -> None:
    with pytest.raises(PlanExportError, match="solve"):
        export_plan_workbook(engine, output)


@pytest.mark.parametrize("name", ["plan.csv", "missing/plan.xlsx", "folder.xlsx"])
def test_bad_output_path(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    inventory, result = small_case()
    with pytest.raises(PlanExportError):
        write_plan_workbook(inventory, result, tmp_path / name, name="s")


def test_a_failed_export_leaves_the_file_as_it_was(output: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    output.write_bytes(b"old")
    inventory, result = small_case()

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dx_planner.plan_workbook.export.splice_rows", fail)
    with pytest.raises(PlanExportError, match="No space left"):
        write_plan_workbook(inventory, result, output, name="s")
    assert output.read_bytes() == b"old"
    assert [p.name for p in output.parent.iterdir()] == [output.name]


def test_progress_reaches_the_total(output: Path) -> None:
    inventory, result = small_case()
    calls: list[tuple[int, int]] = []
    write_plan_workbook(inventory, result, output, name="s",
                        progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (13, 13)  # 7 processes + 6 in scope on the bureau sheets
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


class Cancelled(Exception):
    pass


def test_an_exception_from_progress_cancels_the_export(output: Path) -> None:
    inventory, result = small_case()

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        write_plan_workbook(inventory, result, output, name="s", progress=cancel)
    assert list(output.parent.iterdir()) == []
