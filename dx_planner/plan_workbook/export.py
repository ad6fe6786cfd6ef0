"""Writing the plan workbook: load the plan, compute its figures, lay out the sheets, save.

``export_plan_workbook`` is what the CLI and the GUI call (the GUI from a worker thread: it
touches no Qt and opens its own database connection). ``write_plan_workbook`` does the same
for a plan already in memory.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import Connection, Engine

from dx_planner.domain.inventory import Inventory
from dx_planner.output_files import OutputFileError, replaced_atomically, scratch_beside
from dx_planner.persistence import repository
from dx_planner.persistence.scenarios import ScenarioNotFound, latest_scenario_name
from dx_planner.plan_workbook.bureau_sheets import write_bureau_sheets
from dx_planner.plan_workbook.capacity_value_sheet import SHEET as CAPACITY_VALUE_SHEET
from dx_planner.plan_workbook.capacity_value_sheet import write_capacity_value_sheet
from dx_planner.plan_workbook.compare_sheet import SHEET as COMPARE_SHEET
from dx_planner.plan_workbook.compare_sheet import write_compare_sheet
from dx_planner.plan_workbook.errors import PlanExportError
from dx_planner.plan_workbook.fast_rows import FastSheets, splice_rows
from dx_planner.plan_workbook.figures import PlanCategory, compute_figures
from dx_planner.plan_workbook.process_sheet import write_process_sheet
from dx_planner.plan_workbook.quarterly_sheet import SHEET as QUARTERLY_SHEET
from dx_planner.plan_workbook.quarterly_sheet import write_quarterly_sheet
from dx_planner.plan_workbook.summary_sheet import SHEET as SUMMARY_SHEET
from dx_planner.plan_workbook.summary_sheet import write_summary_sheet
from dx_planner.planning.compare import compare_plans
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import load_scenario
from dx_planner.planning.solved_on import InventoryDrift
from dx_planner.workbook.template import PROCESS_SHEET

#: ``progress(done, total)``: rows written so far out of all rows to write.
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class PlanExportSummary:
    path: Path
    scenario: str
    compare: str | None
    processes: int  # rows of 手続一覧
    planned: int
    bureau_sheets: int
    changes: int | None  # rows of 前回比較 (None without a comparison)
    sheets: list[str] = field(default_factory=list)
    # set when the inventory changed since the plan was solved (solved_on.py)
    drift: InventoryDrift | None = None


def export_plan_workbook(engine: Engine, path: Path, scenario: str | None = None,
                         compare: str | None = None,
                         progress: ProgressCallback | None = None) -> PlanExportSummary:
    """Write the plan workbook of ``scenario`` (the newest when None) to ``path``.

    Raises ``PlanExportError`` for an unknown scenario, no stored scenario or a path that
    cannot be written; the file at ``path`` is then left as it was.
    """
    check_output_path(path)
    with engine.connect() as connection:
        name = scenario or latest_scenario_name(connection)
        if name is None:
            raise PlanExportError("no stored plan: run `dx-planner solve` first")
        result = _load(connection, name)
        previous = _load(connection, compare) if compare is not None else None
        inventory = repository.load_inventory(connection)
    return write_plan_workbook(inventory, result, path, name=name, previous=previous,
                               previous_name=compare, progress=progress)


def _load(connection: Connection, name: str) -> PlanResult:
    try:
        return load_scenario(connection, name)
    except ScenarioNotFound:
        raise PlanExportError(f"no scenario named '{name}'") from None


def check_output_path(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise PlanExportError(f"{path}: the plan workbook must be an .xlsx file")
    if path.is_dir():
        raise PlanExportError(f"{path} is a folder, not a file")
    if not path.parent.is_dir():
        raise PlanExportError(f"{path.parent}: no such folder")


def write_plan_workbook(inventory: Inventory, result: PlanResult, path: Path, *, name: str,
                        previous: PlanResult | None = None, previous_name: str | None = None,
                        progress: ProgressCallback | None = None) -> PlanExportSummary:
    """Write the workbook for a plan in memory; the file appears complete or not at all.

    An exception raised by ``progress`` (e.g. the GUI's cancel) stops the export and leaves
    the file at ``path`` as it was.
    """
    check_output_path(path)
    figures = compute_figures(inventory, result, name)
    previous_figures = (compute_figures(inventory, previous, previous_name or "前回")
                        if previous is not None else None)
    changes = (compare_plans(result, previous, {p.id: p for p in inventory.processes})
               if previous is not None else None)
    in_scope = sum(1 for row in figures.processes if row.category is not PlanCategory.OUT_OF_SCOPE)
    total = len(figures.processes) + in_scope + (len(changes) if changes is not None else 0)
    done = 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None:
            progress(min(done, total), total)

    workbook = Workbook(write_only=True)
    workbook.properties.title = f"デジタル化計画 {name}"
    workbook.properties.creator = "dx-planner"
    with FastSheets() as fast_sheets:
        try:
            write_summary_sheet(workbook, figures, previous_figures)
            write_quarterly_sheet(workbook, figures)
            write_capacity_value_sheet(workbook, result, name)
            write_process_sheet(workbook, figures, fast_sheets, advance)
            if changes is not None:
                write_compare_sheet(workbook, changes, fast_sheets, current=name,
                                    previous=previous_name or "前回", progress=advance)
            # A bureau never gets a fixed sheet's name, even one this workbook lacks.
            fixed = [SUMMARY_SHEET, QUARTERLY_SHEET, CAPACITY_VALUE_SHEET, PROCESS_SHEET,
                     COMPARE_SHEET]
            bureau_sheets = write_bureau_sheets(workbook, figures, fixed, fast_sheets, advance)
            sheets = [sheet.title for sheet in workbook.worksheets]
            save_workbook(workbook, fast_sheets, path)
        except BaseException:
            discard_workbook(workbook)
            raise
    return PlanExportSummary(path=path, scenario=name, compare=previous_name,
                             processes=len(figures.processes), planned=figures.planned,
                             bureau_sheets=bureau_sheets,
                             changes=len(changes) if changes is not None else None,
                             sheets=sheets, drift=figures.drift if figures.drift.any else None)


def discard_workbook(workbook: Workbook) -> None:
    """Finish the sheets of an abandoned workbook and remove openpyxl's temporary files.

    Best effort: the error that made us abandon it is the one to report.
    """
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
            writer = getattr(sheet, "_writer", None)  # openpyxl's, with its temporary file
            if writer is not None and os.path.exists(writer.out):
                writer.cleanup()


def save_workbook(workbook: Workbook, fast_sheets: FastSheets, path: Path) -> None:
    """Save, splice the fast rows in, and only then replace ``path`` (a failure leaves it)."""
    try:
        with replaced_atomically(path) as final:
            saved = scratch_beside(final, "saving")
            try:
                workbook.save(saved)
                splice_rows(saved, final, fast_sheets)
            finally:
                saved.unlink(missing_ok=True)
    except OutputFileError as error:
        raise PlanExportError(str(error)) from None
