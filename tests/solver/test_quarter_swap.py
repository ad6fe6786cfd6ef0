"""Count repair by swaps across a requirement's quarter (solver/quarter_swap.py)."""

from __future__ import annotations

import numpy as np

from solver.checker import check_plan
from solver.count import eject_insert
from solver.exchange import exchange_repair
from solver.quarter_swap import swap_repair
from solver.reduced import Residual, residual_of
from solver.solve import _full as full_plan
from tests.solver.instances import make_problem

# One bureau, quarters Q0..Q2 (Q2 has no room). A (effort 2) is done in Q0; B and C (effort 1
# each) in Q1; both quarters are full. The milestone wants two processes done by Q0: nothing
# can be inserted or moved in on its own, but A and B+C can change places.


def _residual(volume_a: float = 40.0, channel_limit_q0: float = np.inf) -> Residual:
    problem = make_problem(
        effort=[2.0, 1.0, 1.0],
        volume=[volume_a, 100.0, 100.0],
        capacity=[[2.0, 2.0, 0.0]],
        channel=[0, 1, 1],
        limit=[[np.inf] * 3, [channel_limit_q0, np.inf, np.inf]],
        target=3,
        milestones=((0, 2),),
    )
    return residual_of(problem)


def _plan() -> np.ndarray:
    return np.array([0, 1, 1])


def test_a_swap_meets_a_milestone_that_inserting_or_exchanging_cannot() -> None:
    res = _residual()
    for other in (lambda x: eject_insert(res, x), lambda x: exchange_repair(
            res, x, lambda: False)):
        x = _plan()
        other(x)
        assert res.shortfall(x) == 1
    x = _plan()
    swap_repair(res, x, lambda: False)
    assert x.tolist() == [1, 0, 0]
    assert res.shortfall(x) == 0
    assert check_plan(res.problem, full_plan(res, x)) == []
    # A loses a quarter (40/4), B and C gain one each (2 x 100/4)
    assert res.plan_value(x) - res.plan_value(_plan()) == 40.0


def test_a_swap_into_a_full_channel_is_not_made() -> None:
    res = _residual(channel_limit_q0=0.0)
    x = _plan()
    swap_repair(res, x, lambda: False)
    assert x.tolist() == _plan().tolist()


def test_a_swap_dearer_than_the_price_given_is_left_alone() -> None:
    # A worth 1,000 a year: moving it a quarter later costs 250, B and C earn 50 back
    res = _residual(volume_a=1000.0)
    milestone = [m for m, need in enumerate(res.needs) if need.quarter == 0]
    assert len(milestone) == 1
    cap = np.full(len(res.needs), np.inf)
    cap[milestone[0]] = 199.0
    x = _plan()
    swap_repair(res, x, lambda: False, cap)
    assert x.tolist() == _plan().tolist()
    cap[milestone[0]] = 200.0
    swap_repair(res, x, lambda: False, cap)
    assert x.tolist() == [1, 0, 0]
