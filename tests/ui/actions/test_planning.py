"""Opening a stored scenario and "why not earlier?" from the app."""

from __future__ import annotations

import re
from typing import Any

from ui import i18n
from ui.actions import planning
from ui.main_window import MainWindow


def test_open_stored_scenario(planned: MainWindow) -> None:
    planned.session.set_plan(None, None)
    planning.open_scenario(planned, "基本計画")
    assert planned.session.plan_name == "基本計画"
    assert planned.session.plan is not None
    assert planned.plan_panel.time_limit.value() == planned.session.plan.settings.time_limit


def test_why_not_earlier_shows_the_numbers(planned: MainWindow) -> None:
    """For a process held back by its bureau's capacity: its name, the dates, and for each
    earlier quarter the capacity used / available and the processes that came first."""
    plan = planned.session.plan
    assert plan is not None
    store = planned.session.store
    late = next(pid for pid, reason in plan.reasons.items() if reason == "bureau_capacity")
    process = store.by_id[late]
    planning.explain(planned, process)
    assert planned.tabs.currentWidget() is planned.results_view
    text = planned.results_view.explanation.toPlainText()
    assert f"{late} {process.name}" in text
    assert "それ以前の四半期は局の処理能力が埋まっている" in text
    assert plan.assignments[late].code in text
    assert f"{process.bureau}の処理能力" in text
    assert re.search(r"\d[\d,]*\.\d / \d[\d,]*\.\d 人月", text)
    competitor = re.search(r"(P-\d{6}) ", text.split("優先された手続")[1])
    assert competitor is not None and store.by_id[competitor.group(1)].name in text


def test_why_not_earlier_in_english(planned: MainWindow) -> None:
    plan = planned.session.plan
    assert plan is not None
    late = next(pid for pid, reason in plan.reasons.items() if reason == "bureau_capacity")
    i18n.install_language("en")
    planning.explain(planned, planned.session.store.by_id[late])
    text = planned.results_view.explanation.toPlainText()
    assert "capacity in earlier quarters is taken" in text
    assert "person-months" in text


def test_without_a_plan_it_says_so(window: MainWindow, qtbot: Any) -> None:
    planning.explain(window, window.session.model.process_at(0))
    assert "計画がまだありません" in window.statusBar().currentMessage()
