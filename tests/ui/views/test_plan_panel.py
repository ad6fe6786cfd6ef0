"""The plan panel: the optimize run off the GUI thread (progress, result, scenario, Cancel),
its phase labels, and the shortfall of a target that cannot be met."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from dx_planner.domain.quarters import Quarter
from tests.ui.helpers import solve, type_into
from ui import i18n
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX, PLANNED
from ui.solver_progress import SolverUpdate
from ui.views.plan_panel import phase_label
from ui.views.results.kpi_tiles import milestone_status


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
    assert window.tabs.currentWidget() is window.results_view
    assert window.results_view.tiles.by_deadline.value.text() == f"{result.digitized_by_deadline:,}"
    first, quarter = next(iter(result.assignments.items()))
    model = window.session.model
    row = model.row_of(window.session.store.by_id[first])
    assert row is not None
    assert model.data(model.index(row, COLUMN_INDEX[PLANNED])).startswith(quarter.code)
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert panel.run_button.isEnabled()
    scenarios = window.results_view.scenario_model
    assert "テスト計画" in [s.name for s in scenarios.rows]
    qtmodeltester.check(scenarios, force_py=True)
    qtmodeltester.check(window.results_view.heatmap_model, force_py=True)


def test_cancel_returns_the_best_plan_so_far(window: MainWindow, qtbot: Any) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(120)
    panel.start_optimize()
    qtbot.wait(300)
    with qtbot.waitSignal(panel.planReady, timeout=60_000) as ready:
        panel.cancel_button.click()
    result, name = ready.args
    assert result.cancelled and name is None  # shown, not stored as a scenario
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert panel.run_button.isEnabled()


def test_window_stays_responsive_while_optimizing(window: MainWindow, qtbot: Any) -> None:
    panel = window.plan_panel
    panel.time_limit.setValue(3)
    panel.start_optimize()
    # The GUI thread keeps serving edits while the solver runs: the planner types one.
    model = window.session.model
    window.show_tab("inventory")
    type_into(qtbot, window.inventory_view.table, model.index(0, COLUMN_INDEX["notes"]),
              QLineEdit, "計算中に編集")
    assert model.process_at(0).notes == "計算中に編集"
    assert panel.running  # the edit was made while the solver ran
    with qtbot.waitSignal(panel.planReady, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)


def test_phase_labels_are_japanese_and_english(window: MainWindow) -> None:
    assert phase_label("bound") == "上界を計算中"
    assert phase_label("done") == "完了"
    assert phase_label("something-new") == "something-new"
    window.plan_panel._on_update(SolverUpdate("plan", 10.0, 12.0, 1.0))
    assert window.plan_panel.phase_label.text() == "計画を改善中"
    i18n.install_language("en")
    assert phase_label("bound") == "Computing the bound"
    assert phase_label("plan") == "Improving the plan"


def test_infeasible_target_shows_the_shortfall(window: MainWindow, qtbot: Any) -> None:
    window.plan_panel.add_milestone(Quarter(2022, 4), 1)
    result = solve(window, qtbot, "無理な目標", count=100_000)
    assert result.status == "target_infeasible"
    tiles = window.results_view.tiles
    assert tiles.shortfall.isVisibleTo(window)
    assert "不足" in tiles.shortfall.text()
    # 100,000 is more than the inventory holds: capacity alone cannot close the gap.
    assert result.shortfall is not None and not result.shortfall.capacity_closes_it
    assert f"最大{result.shortfall.closable_by_capacity:,}件" in tiles.shortfall.text()
    top = max(result.shortfall.extra_capacity, key=lambda gap: gap.person_months)
    assert top.bureau in tiles.shortfall.text()
    [(quarter, required, reached)] = milestone_status(result)
    assert quarter == Quarter(2022, 4) and required == 1 and reached >= 1
    assert tiles.milestones.value.text() == "1 / 1 達成"


def test_stored_settings_say_share_or_count_as_chosen_and_load_back(
        window: MainWindow, qtbot: Any) -> None:
    from dx_planner.persistence.scenarios import read_scenario
    from ui.actions.planning import open_scenario

    panel = window.plan_panel
    panel.share.setValue(65.0)
    solve(window, qtbot, "割合で")
    solve(window, qtbot, "件数で", count=150)
    with window.session.engine.connect() as connection:
        by_share = read_scenario(connection, "割合で").settings
        by_count = read_scenario(connection, "件数で").settings
    assert by_share["target"] == 0.65 and by_share["target_share"] == 0.65
    assert "target" not in by_count and by_count["target_share"] is None
    assert by_count["target_count"] == 150

    open_scenario(window, "割合で")
    assert panel.share_choice.isChecked() and panel.share.value() == 65.0
    assert panel.settings().target_count is None and panel.settings().target_share == 0.65
    open_scenario(window, "件数で")
    assert panel.count_choice.isChecked() and panel.settings().target_count == 150


def test_the_plan_of_a_cancelled_run_can_be_kept(window: MainWindow, qtbot: Any) -> None:
    from dx_planner.persistence.scenarios import list_scenarios

    panel = window.plan_panel
    panel.time_limit.setValue(120)
    panel.scenario.setText("止めた計画")
    panel.start_optimize()
    qtbot.wait(300)
    with qtbot.waitSignal(panel.planReady, timeout=60_000):
        panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert panel.save_unsaved_button.isVisibleTo(panel)
    assert "止めた計画" in panel.unsaved_label.text()
    with qtbot.waitSignal(panel.planReady) as stored:
        panel.save_unsaved_button.click()
    assert stored.args[1] == "止めた計画"
    assert window.session.plan_name == "止めた計画"
    assert not panel.save_unsaved_button.isVisibleTo(panel)
    with window.session.engine.connect() as connection:
        kept = {s.name: s for s in list_scenarios(connection)}
    assert kept["止めた計画"].cancelled
