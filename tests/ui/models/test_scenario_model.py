from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from ui.main_window import MainWindow
from ui.models.scenario_model import ScenarioListModel


def test_empty_scenario_list_passes_the_model_tester(demo_engine: Engine,
                                                     qtmodeltester: Any) -> None:
    qtmodeltester.check(ScenarioListModel(demo_engine), force_py=True)


def test_a_solved_plan_is_listed(planned: MainWindow, qtmodeltester: Any) -> None:
    model = planned.results_view.scenario_model
    assert [s.name for s in model.rows] == ["基本計画"]
    assert model.name_at(0) == "基本計画"
    assert model.row_of("基本計画") == 0
    assert model.row_of("案B") is None
    qtmodeltester.check(model, force_py=True)


def test_status_is_a_planners_word_not_a_code(planned: MainWindow) -> None:
    model = planned.results_view.scenario_model
    status = model.data(model.index(0, 2))
    assert status in ("最適", "達成可能な計画", "目標未達")
    assert model.rows[0].status in ("optimal", "feasible", "target_infeasible")
