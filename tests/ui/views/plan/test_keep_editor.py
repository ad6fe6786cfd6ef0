"""Re-planning against a stored plan from the panel: reference, freeze quarter and move cost
chosen in the real widgets, a real solve with its free re-plan, the settings stored as
chosen; a cancel during the free re-plan keeps the plan and leaves the price unknown."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from dx_planner.persistence.scenarios import read_scenario
from tests.ui.helpers import solve
from ui.i18n import quarter_label
from ui.main_window import MainWindow
from ui.views.plan.keep_editor import MOVE_COSTS
from ui.views.plan_panel import PAGE_KEEP


def _choose_reference(window: MainWindow, name: str) -> None:
    panel = window.plan_panel
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_KEEP)
    editor = panel.keep_editor
    editor.enabled.click()
    editor.reference.setCurrentIndex(editor.reference.findText(f"シナリオ：{name}"))
    start = window.session.plan.settings.start
    editor.freeze_until.setCurrentIndex(editor.freeze_until.findText(quarter_label(start)))


def test_replan_keeps_the_reference_and_prices_stability(
        planned: MainWindow, demo_engine: Engine, qtbot: Any) -> None:
    window = planned
    _choose_reference(window, "基本計画")
    editor = window.plan_panel.keep_editor
    editor.slider.setValue(MOVE_COSTS.index(5_000))
    assert editor.move_cost.value() == 5_000
    assert "5,000 件以上" in editor.explain.text()

    result = solve(window, qtbot, "再計画")

    start = window.session.plan.settings.start
    assert result.changes is not None and result.changes.reference == "scenario 基本計画"
    assert result.changes.price_of_stability is not None
    with demo_engine.connect() as connection:
        stored = read_scenario(connection, "再計画").settings
    assert stored["keep"] == {"scenario": "基本計画", "freeze_until": start.code,
                              "move_cost": 5000.0}


def test_cancel_during_the_free_replan_keeps_the_plan_without_a_price(
        planned: MainWindow, qtbot: Any) -> None:
    window = planned
    _choose_reference(window, "基本計画")
    panel = window.plan_panel
    panel.time_limit.setValue(3)
    panel.scenario.setText("途中で止めた再計画")
    with qtbot.waitSignal(panel.planReady, timeout=60_000) as ready:
        panel.start_optimize()
        qtbot.waitUntil(lambda: panel.phase_label.text().startswith("基準なしの再計画"),
                        timeout=60_000)
        panel.cancel_button.click()
    result, name = ready.args
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert name == "途中で止めた再計画" and not result.cancelled
    assert result.changes is not None and result.changes.price_of_stability is None
    assert panel.phase_label.text() == "完了（安定化の代償は計算を中断したため不明）"
