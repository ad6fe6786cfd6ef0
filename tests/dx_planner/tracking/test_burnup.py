"""The burn-up: actual, baseline and forecast cumulative counts by quarter and bureau."""

from __future__ import annotations

from sqlalchemy import Engine

from dx_planner.domain.baselines import Baseline, BaselineItem
from dx_planner.planning.scenarios import save_scenario
from dx_planner.tracking.baselines import publish_baseline
from dx_planner.tracking.burnup import compute_burnup
from dx_planner.tracking.plan_view import planned_quarters
from dx_planner.tracking.service import load_burnup
from tests.dx_planner.progress_report.builders import (
    DEADLINE,
    NEXT,
    Q,
    hand_plan,
    small_inventory,
    store,
)


def _baseline() -> Baseline:
    from datetime import datetime

    items = {"M-01": BaselineItem(Q - 2, "環境局", "actual"),
             "M-03": BaselineItem(Q - 1, "環境局", "planned"),
             "P-01": BaselineItem(Q, "福祉保健局", "planned"),
             "P-02": BaselineItem(Q, "福祉保健局", "planned"),
             "P-03": BaselineItem(NEXT, "福祉保健局", "planned")}
    return Baseline(Q - 3, "old", datetime(2021, 6, 30), 20, 14, 0.7, DEADLINE, (), items)


def test_series_for_all_processes() -> None:
    inventory = small_inventory()
    planned = planned_quarters(inventory.processes, hand_plan(inventory), Q)
    burnup = compute_burnup(inventory.processes, Q, Q - 2, NEXT + 1, planned=planned,
                            baseline=_baseline(), target_count=14, deadline=DEADLINE)
    assert [p.actual for p in burnup.points] == [1, 3, 7, None, None]
    assert [p.baseline for p in burnup.points] == [1, 2, 4, 5, 5]
    assert [p.forecast for p in burnup.points] == [None, None, 7, 11, 13]
    assert [p.variance for p in burnup.points] == [0, 1, 3, None, None]
    assert burnup.maximum == 14


def test_series_for_one_bureau_and_overdue_plans_left_out() -> None:
    inventory = small_inventory()
    planned = {"P-02": Q, "P-03": NEXT}  # P-02 was due in Q and is not done: overdue
    burnup = compute_burnup(inventory.processes, Q, Q, NEXT, planned=planned,
                            baseline=_baseline(), target_count=14, deadline=DEADLINE,
                            bureau="福祉保健局")
    assert [(p.actual, p.baseline, p.forecast) for p in burnup.points] == [(1, 2, 1),
                                                                           (None, 3, 2)]


def test_load_burnup_from_the_database(engine: Engine) -> None:
    inventory = small_inventory()
    store(engine, inventory)
    with engine.begin() as connection:
        save_scenario(connection, "前期計画", hand_plan(inventory, start=Q))
        publish_baseline(connection, Q - 1)
        save_scenario(connection, "今期計画", hand_plan(inventory))
    with engine.connect() as connection:
        burnup = load_burnup(connection, Q)
        bureau = load_burnup(connection, Q, bureau="福祉保健局", scenario_name="前期計画")
    point = burnup.point(Q)
    assert point is not None and (point.actual, point.baseline, point.forecast) == (7, 8, 7)
    assert burnup.target_count == 14 and burnup.deadline == DEADLINE
    assert burnup.points[0].quarter == Q - 3
    assert bureau.bureau == "福祉保健局"
    assert bureau.points[-1].forecast == 3
