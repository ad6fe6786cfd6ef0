"""Count repair by exchanges (solver/exchange.py)."""

from __future__ import annotations

import numpy as np

from solver.exchange import exchange_repair
from solver.reduced import residual_of
from tests.solver.instances import make_problem


def test_exchange_repair_drops_one_big_process_for_two_small_ones() -> None:
    p = make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0]], target=2)
    res = residual_of(p)
    x = np.array([0, -1, -1])
    exchange_repair(res, x, lambda: False)
    assert x.tolist() == [-1, 0, 0]


def test_exchange_repair_moves_the_big_process_later_when_it_can() -> None:
    # a milestone of 2 by the first quarter; the big process still fits in the second one
    p = make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0, 2.0]], target=3,
                     milestones=((0, 2),))
    res = residual_of(p)
    x = np.array([0, -1, -1])
    exchange_repair(res, x, lambda: False)
    assert x.tolist() == [1, 0, 0]
    assert res.shortfall(x) == 0


def test_an_exchange_dearer_than_the_price_given_is_left_alone() -> None:
    # a second quarter without room, so that a process done in the first one has a value
    p = make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0, 0.0]], target=2)
    res = residual_of(p)
    before, after = np.array([0, -1, -1]), np.array([-1, 0, 0])
    cost = res.plan_value(before) - res.plan_value(after)  # for one count
    assert cost > 0
    x = before.copy()
    exchange_repair(res, x, lambda: False, np.array([cost - 1.0]))
    assert x.tolist() == before.tolist()
    exchange_repair(res, x, lambda: False, np.array([cost]))
    assert x.tolist() == after.tolist()
