from solver.explain import (
    BUREAU_CAPACITY,
    CHANNEL_AVAILABILITY,
    LOCKED,
    NEVER_PLANNABLE,
    NOT_PLANNED,
    explain,
    explain_all,
)
from solver.solve import solve
from tests.solver.instances import make_problem


def test_reasons() -> None:
    p = make_problem(
        [1.0, 1.0, 1.0, 1.0, 1.0],
        [500, 100, 10, 10, 1],
        [[1.0, 1.0, 1.0]],
        earliest=[0, 0, 2, 3, 0],
        reason=[0, 0, 1, 3, 0],
        locked=[-1, -1, 2, -1, -1],
    )
    plan = solve(p)
    assert plan.quarter.tolist() == [0, 1, 2, -1, -1]
    later = explain(p, plan, 1)
    assert later.reason == BUREAU_CAPACITY
    assert (later.process, later.quarter, later.earliest) == ("P1", 1, 0)
    [first] = later.quarters  # the one earlier quarter, full of P0
    assert (first.quarter, first.cause, first.used, first.limit) == (0, BUREAU_CAPACITY, 1.0, 1.0)
    assert first.outranked_by == ["P0"]
    assert explain(p, plan, 2).reason == LOCKED
    assert explain(p, plan, 3).reason == NEVER_PLANNABLE
    assert explain(p, plan, 4).reason == NOT_PLANNED
    assert explain_all(p, plan) == [
        "earliest_possible",
        BUREAU_CAPACITY,
        LOCKED,
        NEVER_PLANNABLE,
        NOT_PLANNED,
    ]


def test_channel_availability() -> None:
    p = make_problem([1.0], [5], [[1.0, 1.0, 1.0]], earliest=[1], reason=[1])
    plan = solve(p)
    why = explain(p, plan, 0)
    assert why.reason == CHANNEL_AVAILABILITY
    assert (why.quarter, why.earliest, why.earliest_reason, why.quarters) == (1, 1, 1, [])
