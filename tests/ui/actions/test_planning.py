"""Opening a stored scenario and "why not earlier?" from the app."""

from __future__ import annotations

from typing import Any

from ui.actions import planning
from ui.main_window import MainWindow


def test_open_stored_scenario(planned: MainWindow) -> None:
    planned.session.set_plan(None, None)
    planning.open_scenario(planned, "基本計画")
    assert planned.session.plan_name == "基本計画"
    assert planned.session.plan is not None
    assert planned.plan_panel.time_limit.value() == planned.session.plan.settings.time_limit


def test_why_not_earlier_names_the_process(planned: MainWindow) -> None:
    plan = planned.session.plan
    assert plan is not None
    late = max(plan.assignments, key=lambda pid: plan.assignments[pid])
    planning.explain(planned, planned.session.store.by_id[late])
    assert planned.tabs.currentWidget() is planned.results_view
    assert late in planned.results_view.explanation.toPlainText()


def test_without_a_plan_it_says_so(window: MainWindow, qtbot: Any) -> None:
    planning.explain(window, window.session.model.process_at(0))
    assert "計画がまだありません" in window.statusBar().currentMessage()
