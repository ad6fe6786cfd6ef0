"""Requirements in 計画の条件と実行, as a planner enters them: rows added with the buttons,
scope chosen and amounts typed in the cells' editors, a per-bureau target; solved for real,
stored with the scenario, and the outcome and cost shown beside each row."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox
from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.scenarios import read_scenario
from dx_planner.planning.requirements import BUREAU_TARGET, REQUIREMENT
from tests.ui.helpers import choose, solve, type_into
from ui.main_window import MainWindow
from ui.models.requirements_model import AMOUNT, BUREAU, COST, MET, MIN_VOLUME, NEEDED, REACHED
from ui.views.plan_panel import PAGE_REQUIREMENTS, SLOT


def _reached(window: MainWindow, result: Any, bureau: str | None, min_volume: int,
             tokyo: bool, quarter: Quarter) -> int:
    """Members digitized by ``quarter``, recounted from the inventory and the plan."""
    count = 0
    for p in window.session.store.processes:
        if not p.in_scope or (bureau is not None and p.bureau != bureau) \
                or p.annual_volume < min_volume or (tokyo and p.authority.ja != "都"):
            continue
        planned = result.assignments.get(p.id)
        if p.digitized_before(result.settings.start) or (planned is not None
                                                         and planned <= quarter):
            count += 1
    return count


def test_requirements_entered_in_the_table_are_solved_stored_and_costed(
        window: MainWindow, demo_engine: Engine, qtbot: Any, qtmodeltester: Any) -> None:
    panel = window.plan_panel
    editor = panel.requirements
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_REQUIREMENTS)
    table, model = editor.table, editor.model
    bureau = window.session.store.inventory.bureau_names()[1]

    editor.add_button.click()
    choose(qtbot, table, model.index(0, BUREAU), bureau)
    type_into(qtbot, table, model.index(0, AMOUNT), QDoubleSpinBox, "50")
    editor.presets.menu().actions()[0].trigger()  # 都の権限で年間1万件以上の手続を100%
    editor.bureau_target_on.click()
    editor.bureau_target.setValue(20.0)
    qtmodeltester.check(model, force_py=True)

    result = solve(window, qtbot, "要件つき")

    with demo_engine.connect() as connection:
        stored = read_scenario(connection, "要件つき").settings
    deadline = result.settings.deadline.code
    assert stored["requirements"] == [
        {"scope": {"bureau": bureau}, "share": 0.5, "quarter": deadline},
        {"scope": {"authority": "都", "min_volume": 10000}, "share": 1.0, "quarter": deadline}]
    assert stored["bureau_target"] == 0.2
    outcomes = [(o, c) for o, c in zip(result.requirements, result.requirement_cost, strict=True)
                if o.requirement.kind == REQUIREMENT]
    assert len(outcomes) == 2
    deadline_q = result.settings.deadline
    reached = [_reached(window, result, bureau, 0, False, deadline_q),
               _reached(window, result, None, 10_000, True, deadline_q)]
    for row, (outcome, cost) in enumerate(outcomes):
        assert model.data(model.index(row, NEEDED)) == f"{outcome.requirement.needed:,}"
        assert model.data(model.index(row, REACHED)) == f"{reached[row]:,}"
        assert model.data(model.index(row, MET)) == ("達成" if outcome.met else "未達")
        shown = model.data(model.index(row, COST))
        assert shown == ("未達" if cost.method == "not met" else f"{cost.applications:,.0f}")
    bureaus = [o for o in result.requirements if o.requirement.kind == BUREAU_TARGET]
    met = sum(o.met for o in bureaus)
    assert editor.bureau_outcome.text().startswith(
        f"表示中の計画：各局の目標は {len(bureaus)} 局中 {met} 局で達成")


def test_a_requirement_no_process_matches_is_refused_before_solving(
        window: MainWindow, qtbot: Any) -> None:
    panel = window.plan_panel
    editor = panel.requirements
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_REQUIREMENTS)
    editor.add_button.click()
    type_into(qtbot, editor.table, editor.model.index(0, MIN_VOLUME), QDoubleSpinBox,
              "900000000")
    panel.run_button.click()
    assert not window.runner.busy(SLOT)
    assert "要件 1：条件に当てはまる対象の手続がありません" in panel.problem_label.text()
    assert "要件 1：条件に当てはまる対象の手続がありません" in editor.problem_label.text()
    editor.table.selectRow(0)
    editor.remove_button.click()
    assert editor.model.rowCount() == 0
