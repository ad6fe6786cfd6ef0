"""The optimize run off the GUI thread: progress signals, result, scenario, and Cancel."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine

from ui.main_window import TAB_RESULTS, MainWindow
from ui.results.heatmap import LoadHeatmapModel
from ui.results.scenarios import ScenarioListModel
from ui.workers import SolverUpdate


def test_optimize_reports_progress_and_shows_the_plan(window: MainWindow, qtbot: Any,
                                                      qtmodeltester: Any) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(5)
    panel.scenario.setText("テスト計画")
    updates: list[SolverUpdate] = []
    window.plan_panel.run_button.click()
    assert panel._progress is not None
    panel._progress.updated.connect(updates.append)
    assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
    with qtbot.waitSignal(panel.planReady, timeout=60_000) as ready:
        pass
    result, name = ready.args
    assert name == "テスト計画"
    assert updates, "the solver's progress reached the GUI"
    assert window.session.plan is result
    assert window.tabs.currentIndex() == TAB_RESULTS
    assert window.results_view.tiles.by_deadline.value.text() == f"{result.digitized_by_deadline:,}"
    planned = [pid for pid in result.assignments]
    if planned:
        model = window.session.model
        process = window.session.store.by_id[planned[0]]
        row = model.row_of(process)
        assert row is not None
        assert model.data(model.index(row, 15)).startswith(result.assignments[planned[0]].code)
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)
    assert panel.run_button.isEnabled()
    scenarios = window.results_view.scenario_model
    assert "テスト計画" in [s.name for s in scenarios.scenarios]
    qtmodeltester.check(scenarios, force_py=True)
    qtmodeltester.check(window.results_view.heatmap_model, force_py=True)
    # "why not earlier?" for a planned process
    if planned:
        window.explain(window.session.store.by_id[planned[0]])
        assert planned[0] in window.results_view.explanation.toPlainText()


def test_cancel_stops_the_run_quickly(window: MainWindow, qtbot: Any) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(120)
    panel.start_optimize()
    qtbot.wait(300)
    started = time.monotonic()
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: panel.task is None, timeout=30_000)
    assert time.monotonic() - started < 20
    assert panel.run_button.isEnabled()


def test_window_stays_responsive_while_optimizing(window: MainWindow, qtbot: Any) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(3)
    panel.start_optimize()
    # The GUI thread keeps serving edits while the solver runs.
    model = window.session.model
    assert model.setData(model.index(0, 16), "計算中に編集")
    assert model.process_at(0).notes == "計算中に編集"
    with qtbot.waitSignal(panel.planReady, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)


def test_open_stored_scenario(window: MainWindow, qtbot: Any, demo_engine: Engine) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(3)
    panel.scenario.setText("保存済み")
    with qtbot.waitSignal(panel.planReady, timeout=60_000):
        panel.start_optimize()
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)
    window.session.set_plan(None, None)
    window.open_scenario("保存済み")
    assert window.session.plan_name == "保存済み"
    assert window.session.plan is not None


def test_empty_models_pass_the_model_tester(demo_engine: Engine, qtmodeltester: Any) -> None:
    qtmodeltester.check(LoadHeatmapModel(), force_py=True)
    qtmodeltester.check(ScenarioListModel(demo_engine), force_py=True)
