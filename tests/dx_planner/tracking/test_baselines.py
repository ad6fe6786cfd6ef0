"""Publishing a plan as the baseline: a snapshot that later re-solves do not change."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect

from dx_planner.domain.baselines import ACTUAL, PLANNED
from dx_planner.persistence import repository
from dx_planner.persistence.baselines import list_baselines
from dx_planner.planning.scenarios import save_scenario
from dx_planner.tracking.actuals import TrackingError, mark_digitized
from dx_planner.tracking.baselines import (
    baseline_in_force,
    delete_baseline,
    load_baseline,
    publish_baseline,
)
from tests.dx_planner.progress_report.builders import NEXT, Q, hand_plan, small_inventory, store


def _publish(engine: Engine) -> None:
    inventory = small_inventory()
    store(engine, inventory)
    with engine.begin() as connection:
        save_scenario(connection, "plan-A", hand_plan(inventory))
        publish_baseline(connection, Q, "plan-A", note="第1版")


def test_the_schema_has_the_baseline_tables(engine: Engine) -> None:
    assert {"baselines", "baseline_items"} <= set(inspect(engine).get_table_names())


def test_publish_snapshots_actuals_and_planned_quarters(engine: Engine) -> None:
    _publish(engine)
    with engine.connect() as connection:
        baseline = load_baseline(connection, Q)
    assert baseline.scenario_name == "plan-A"
    assert baseline.note == "第1版"
    assert baseline.items["M-03"].source == ACTUAL
    assert baseline.items["M-03"].quarter == Q
    assert baseline.items["M-06"].source == PLANNED
    assert baseline.items["M-06"].quarter == NEXT
    assert baseline.items["M-06"].bureau == "環境局"
    assert "N-03" not in baseline.items  # not plannable, so neither actual nor planned
    assert baseline.cumulative(Q) == 7
    assert baseline.cumulative(NEXT) == 11
    assert baseline.planned_in(NEXT) == {"環境局": 2, "産業労働局": 2}


def test_re_solving_or_recording_actuals_leaves_the_baseline_as_it_was(engine: Engine) -> None:
    _publish(engine)
    with engine.begin() as connection:
        inventory = repository.load_inventory(connection)
        replanned = hand_plan(inventory, first_free=NEXT + 3)
        save_scenario(connection, "plan-A", replanned)  # same name, other quarters
        mark_digitized(connection, ["M-07"], NEXT)
    with engine.connect() as connection:
        baseline = load_baseline(connection, Q)
    assert baseline.items["M-06"].quarter == NEXT
    assert baseline.items["M-07"].source == PLANNED


def test_publishing_again_for_the_same_quarter_replaces_it(engine: Engine) -> None:
    _publish(engine)
    with engine.begin() as connection:
        save_scenario(connection, "plan-B", hand_plan(small_inventory(), first_free=NEXT + 1))
        publish_baseline(connection, Q)  # the newest scenario
        publish_baseline(connection, Q - 1, "plan-A")
    with engine.connect() as connection:
        summaries = list_baselines(connection)
        assert [(s.as_of, s.scenario_name) for s in summaries] == [(Q, "plan-B"),
                                                                   (Q - 1, "plan-A")]
        assert load_baseline(connection, Q).items["M-06"].quarter == NEXT + 1


def test_the_baseline_in_force_was_published_before_the_quarter(engine: Engine) -> None:
    _publish(engine)
    with engine.begin() as connection:
        assert baseline_in_force(connection, Q) is None
        in_force = baseline_in_force(connection, NEXT + 2)
        assert in_force is not None and in_force.as_of == Q
        assert delete_baseline(connection, Q)
        assert not delete_baseline(connection, Q)
        assert baseline_in_force(connection, NEXT + 2) is None


def test_publishing_needs_a_scenario(engine: Engine) -> None:
    store(engine, small_inventory())
    with pytest.raises(TrackingError, match="no stored scenario"), engine.begin() as connection:
        publish_baseline(connection, Q)
    with pytest.raises(TrackingError, match="nope"), engine.begin() as connection:
        publish_baseline(connection, Q, "nope")
    with pytest.raises(TrackingError), engine.connect() as connection:
        load_baseline(connection, Q)
