"""Publishing a baseline from the app, and the plan-vs-actual view over the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.baselines import list_baselines
from dx_planner.tracking.actuals import actual_quarter
from tests.ui.helpers import run_job
from ui.actions import baselines
from ui.main_window import MainWindow
from ui.views.results.results_view import SIDE_PLAN_VS_ACTUAL

AS_OF = Quarter(2021, 3)  # the demo's quarter


def test_publish_baseline_and_burnup_from_the_database(planned: MainWindow, qtbot: Any,
                                                       demo_engine: Engine,
                                                       qtmodeltester: Any) -> None:
    run_job(planned, qtbot, lambda: baselines.publish_baseline(planned, AS_OF, "基本計画", "GUI"))
    with demo_engine.connect() as connection:
        published = list_baselines(connection)
        processes = repository.load_processes(connection)
    assert [(b.as_of, b.scenario_name) for b in published] == [(AS_OF, "基本計画")]

    view = planned.results_view.plan_vs_actual
    as_of = AS_OF + 1  # the baseline published as of FY2021Q3 is in force in FY2021Q4
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        baselines.show_plan_vs_actual(planned)
        view.as_of.set_quarter(as_of)
    qtbot.waitUntil(lambda: not view.loading and view.data is not None
                    and view.data.burnup.as_of == as_of, timeout=30_000)
    assert planned.results_view.side.currentIndex() == SIDE_PLAN_VS_ACTUAL
    assert view.data is not None and view.data.baseline is not None
    burnup = view.data.burnup
    model = view.model
    qtmodeltester.check(model, force_py=True)
    done = [q for p in processes if (q := actual_quarter(p)) is not None]
    shown = [(row, point) for row, point in enumerate(burnup.points) if point.quarter <= as_of]
    assert shown
    for row, point in shown:
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
    qtbot.waitUntil(lambda: not view.loading, timeout=30_000)
    assert view.data is not None and view.data.burnup.bureau == bureau
    mine = [q for p in processes if p.bureau == bureau and (q := actual_quarter(p)) is not None]
    row = [p.quarter for p in view.data.burnup.points].index(as_of)
    assert model.data(model.index(row, 0)) == f"{sum(1 for q in mine if q <= as_of):,}"
