"""Issues 5 and 6 from the GUI: the plan workbook, the progress report, actuals, baselines
and the burn-up; and the review's polish (phase labels, heat map colours, KPI tiles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import Engine

from dx_planner.domain.enums import Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.baselines import list_baselines
from dx_planner.tracking.actuals import actual_quarter
from ui import i18n
from ui.inventory_view import default_actual_quarter
from ui.main_window import MainWindow
from ui.plan_panel import phase_label
from ui.results.burnup import BurnupModel
from ui.results.heatmap import (
    FULL_COLOUR,
    OVER_COLOUR,
    LoadHeatmapModel,
    load_colour,
)
from ui.results.kpi_tiles import milestone_status
from ui.results.results_view import SIDE_PLAN_VS_ACTUAL
from ui.workers import SolverUpdate

AS_OF = Quarter(2021, 3)  # the demo's quarter


def _solve(window: MainWindow, qtbot: Any, name: str, *, count: int | None = None) -> Any:
    """A quick real solve through the plan panel's worker, stored as scenario ``name``."""
    panel = window.plan_panel
    panel.time_limit.setValue(2)
    panel.scenario.setText(name)
    if count is not None:
        panel.count_choice.setChecked(True)
        panel.count.setValue(count)
    with qtbot.waitSignal(panel.planReady, timeout=60_000) as ready:
        panel.start_optimize()
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)
    return ready.args[0]


def _run(window: MainWindow, qtbot: Any, start: Any) -> None:
    """Start a background task of the window and wait until it has finished."""
    with qtbot.waitSignal(window.taskFinished, timeout=60_000):
        assert start()
    qtbot.waitUntil(lambda: window.task is None, timeout=10_000)


def _close_next_box() -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.buttons()[0].click()
                return
        QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


@pytest.fixture
def planned(window: MainWindow, qtbot: Any) -> MainWindow:
    _solve(window, qtbot, "基本計画")
    return window


# -- plan workbook ---------------------------------------------------------------------------
def test_export_plan_workbook_from_the_gui(planned: MainWindow, qtbot: Any,
                                           tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    assert planned.results_view.current_scenario() == "基本計画"
    _run(planned, qtbot, lambda: planned.export_plan(path, "基本計画", "基本計画"))
    assert planned.last_export.scenario == "基本計画"
    workbook = load_workbook(path, read_only=True)
    try:
        assert workbook.sheetnames[0] == "概要"
        assert "前回比較" in workbook.sheetnames
    finally:
        workbook.close()
    box = planned.open_file_box
    assert box.isVisible() and "plan.xlsx" in box.text()
    box.buttons()[-1].click()  # 閉じる: nothing is opened


def test_cancelled_export_leaves_the_file_as_it_was(planned: MainWindow, qtbot: Any,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"previous version")

    def start_and_cancel() -> bool:
        started = planned.export_plan(path)
        assert planned._progress_dialog is not None
        planned._progress_dialog.findChild(QPushButton).click()  # Cancel
        return started

    _run(planned, qtbot, start_and_cancel)
    assert path.read_bytes() == b"previous version"
    assert "キャンセル" in planned.statusBar().currentMessage()
    assert not list(tmp_path.glob(".plan-*"))  # no temporary files left behind


def test_export_without_a_scenario_shows_the_error(window: MainWindow, qtbot: Any,
                                                   tmp_path: Path) -> None:
    _close_next_box()
    _run(window, qtbot, lambda: window.export_plan(tmp_path / "plan.xlsx"))
    assert window.last_error is not None and "no stored plan" in window.last_error
    assert not (tmp_path / "plan.xlsx").exists()


# -- progress report -------------------------------------------------------------------------
def test_report_from_the_gui_writes_markdown(window: MainWindow, qtbot: Any,
                                             tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    assert default_actual_quarter(window.session.store.inventory) == AS_OF
    _run(window, qtbot, lambda: window.write_report(path, AS_OF))
    text = path.read_text(encoding="utf-8")
    assert "進捗状況" in text and "今後の取組" in text
    box = window.open_file_box
    assert box.isVisible()
    box.buttons()[-1].click()


def test_report_error_is_shown(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    _close_next_box()
    _run(window, qtbot, lambda: window.write_report(tmp_path / "report.pdf", AS_OF,
                                                    offer_open=False))
    assert window.last_error is not None and ".md" in window.last_error


# -- actuals ---------------------------------------------------------------------------------
def test_mark_digitized_is_one_undoable_edit_and_is_saved(window: MainWindow,
                                                          demo_engine: Engine) -> None:
    model, view = window.session.model, window.inventory_view
    rows = [r for r in range(model.rowCount())
            if model.process_at(r).status is Status.NOT_STARTED][:3]
    selection = view.table.selectionModel()
    for row in rows:
        selection.select(model.index(row, 0), selection.SelectionFlag.Select
                         | selection.SelectionFlag.Rows)
    chosen = view.selected_processes()
    assert len(chosen) == 3
    quarter = Quarter(2021, 4)
    view.mark_digitized(chosen, quarter)
    stack = window.session.undo_stack
    assert stack.count() == 1
    assert all(p.status is Status.DIGITIZED and p.digitized_quarter == quarter for p in chosen)
    assert window.session.problems() == []
    stack.undo()
    assert all(p.status is Status.NOT_STARTED and p.digitized_quarter is None for p in chosen)
    assert not window.isWindowModified()
    stack.redo()
    assert window.save()
    with demo_engine.connect() as connection:
        stored = {p.id: p for p in repository.load_processes(connection)}
    for process in chosen:
        assert actual_quarter(stored[process.id]) == quarter
        assert stored[process.id].version == process.version == 2


# -- baselines and the burn-up ---------------------------------------------------------------
def test_publish_baseline_and_burnup_from_the_database(planned: MainWindow, qtbot: Any,
                                                       demo_engine: Engine,
                                                       qtmodeltester: Any) -> None:
    _run(planned, qtbot, lambda: planned.publish_baseline(AS_OF, "基本計画", "GUI"))
    with demo_engine.connect() as connection:
        baselines = list_baselines(connection)
        processes = repository.load_processes(connection)
    assert [(b.as_of, b.scenario_name) for b in baselines] == [(AS_OF, "基本計画")]

    view = planned.results_view.plan_vs_actual
    as_of = AS_OF + 1  # the baseline published as of FY2021Q3 is in force in FY2021Q4
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        planned.show_plan_vs_actual()
        view.as_of.set_quarter(as_of)
    qtbot.waitUntil(lambda: view.task is None and view.data is not None
                    and view.data.burnup.as_of == as_of, timeout=30_000)
    assert planned.results_view.side.currentIndex() == SIDE_PLAN_VS_ACTUAL
    burnup = view.data.burnup  # type: ignore[union-attr]
    assert view.data.baseline is not None  # type: ignore[union-attr]
    model = view.model
    qtmodeltester.check(model, force_py=True)
    done = [q for p in processes if (q := actual_quarter(p)) is not None]
    for row, point in enumerate(burnup.points):
        if point.quarter <= as_of:
            expected = sum(1 for q in done if q <= point.quarter)
            assert model.data(model.index(row, 0)) == f"{expected:,}"
    # the baseline counts at its own quarter everything digitized by then
    row = [p.quarter for p in burnup.points].index(AS_OF)
    assert model.data(model.index(row, 1)) == f"{sum(1 for q in done if q <= AS_OF):,}"
    chart = view.chart
    assert chart.series["actual"].count() == sum(1 for p in burnup.points if p.actual is not None)
    assert chart.series["baseline"].count() == len(burnup.points)
    assert "FY2021Q3" in view.info.text()

    # one bureau: the model follows the selector
    bureau = processes[0].bureau
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.bureau.setCurrentIndex(view.bureau.findData(bureau))
    qtbot.waitUntil(lambda: view.task is None, timeout=30_000)
    assert view.data is not None and view.data.burnup.bureau == bureau
    mine = [q for p in processes if p.bureau == bureau and (q := actual_quarter(p)) is not None]
    row = [p.quarter for p in view.data.burnup.points].index(as_of)
    assert model.data(model.index(row, 0)) == f"{sum(1 for q in mine if q <= as_of):,}"


def test_empty_burnup_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(BurnupModel(), force_py=True)


# -- polish ----------------------------------------------------------------------------------
def test_phase_labels_are_japanese_and_english(window: MainWindow) -> None:
    assert phase_label("bound") == "上界を計算中"
    assert phase_label("done") == "完了"
    assert phase_label("something-new") == "something-new"
    window.plan_panel._on_update(SolverUpdate("plan", 10.0, 12.0, 1.0))
    assert window.plan_panel.phase_label.text() == "計画を改善中"
    i18n.install_language("en")
    assert phase_label("bound") == "Computing the bound"
    assert phase_label("plan") == "Improving the plan"


def test_heatmap_colours_full_and_over(planned: MainWindow) -> None:
    assert load_colour(1.0) == FULL_COLOUR
    assert load_colour(0.996) == FULL_COLOUR
    assert load_colour(1.2) == OVER_COLOUR
    assert load_colour(0.99) not in (FULL_COLOUR, OVER_COLOUR)
    assert load_colour(0.5) not in (FULL_COLOUR, OVER_COLOUR)
    inventory = planned.session.store.inventory
    plan = planned.session.plan
    used_cells = LoadHeatmapModel()
    used_cells.set_plan(inventory, plan)
    busy = [(b, q) for (b, q), used in used_cells.used.items() if used > 0]
    assert len(busy) >= 2
    (full_bureau, full_q), (over_bureau, over_q) = busy[:2]
    by_name = {b.name: b for b in inventory.bureaus}
    by_name[full_bureau].capacity[full_q] = used_cells.used[(full_bureau, full_q)]
    by_name[over_bureau].capacity[over_q] = used_cells.used[(over_bureau, over_q)] / 2
    model = planned.results_view.heatmap_model
    model.set_plan(inventory, plan)

    def colour(bureau: str, quarter: Quarter) -> Any:
        index = model.index(model.bureaus.index(bureau), model.quarters.index(quarter))
        return model.data(index, 8).color()  # BackgroundRole

    assert colour(full_bureau, full_q) == FULL_COLOUR
    assert colour(over_bureau, over_q) == OVER_COLOUR


def test_infeasible_target_shows_the_shortfall(window: MainWindow, qtbot: Any) -> None:
    window.plan_panel.add_milestone(Quarter(2022, 4), 1)
    result = _solve(window, qtbot, "無理な目標", count=100_000)
    assert result.status == "target_infeasible"
    tiles = window.results_view.tiles
    assert tiles.shortfall.isVisibleTo(window)
    assert "不足" in tiles.shortfall.text()
    # 100,000 is more than the inventory holds: capacity alone cannot close the gap.
    assert result.shortfall is not None and not result.shortfall.capacity_closes_it
    assert f"最大{result.shortfall.closable_by_capacity:,}件" in tiles.shortfall.text()
    if result.shortfall.extra_capacity:
        top = max(result.shortfall.extra_capacity, key=lambda gap: gap.person_months)
        assert top.bureau in tiles.shortfall.text()
    [(quarter, required, reached)] = milestone_status(result)
    assert quarter == Quarter(2022, 4) and required == 1 and reached >= 1
    assert tiles.milestones.value.text() == "1 / 1 達成"
