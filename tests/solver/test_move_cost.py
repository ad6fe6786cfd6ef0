"""Stable re-planning in the solver: a move or a drop of a reference process costs move_cost."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from solver.checker import check_plan
from solver.problem import Problem
from solver.solve import solve
from tests.solver.instances import exhaustive, make_problem, random_problem


def _with_reference(p: Problem, reference: list[int], move_cost: float) -> Problem:
    return dataclasses.replace(p, reference=np.array(reference, dtype=np.int32),
                               move_cost=move_cost)


# P0 (volume 40) was planned in Q1; Q0 now has room and is worth 40/4 = 10 more
def _room_earlier() -> Problem:
    return make_problem([1.0], [40], [[1.0, 1.0, 1.0]])


@pytest.mark.parametrize(("move_cost", "quarter", "penalty"), [(15.0, 1, 0.0), (5.0, 0, 5.0),
                                                                (0.0, 0, 0.0)])
def test_a_move_happens_only_when_it_gains_more_than_it_costs(
        move_cost: float, quarter: int, penalty: float) -> None:
    p = _with_reference(_room_earlier(), [1], move_cost)
    plan = solve(p)
    assert plan.quarter.tolist() == [quarter]
    assert plan.move_penalty == pytest.approx(penalty)
    assert plan.objective == pytest.approx(plan.applications - penalty)
    assert plan.status == "optimal"


# capacity 1 in Q0 only: reference P0 (volume 4, value 2) or newcomer P1 (volume 40, value 20)
def _one_slot() -> Problem:
    return make_problem([1.0, 1.0], [4, 40], [[1.0, 0.0, 0.0]])


@pytest.mark.parametrize(("move_cost", "expected"), [(30.0, [0, -1]), (10.0, [-1, 0])])
def test_a_drop_costs_move_cost_too(move_cost: float, expected: list[int]) -> None:
    plan = solve(_with_reference(_one_slot(), [0, -1], move_cost))
    assert plan.quarter.tolist() == expected
    assert plan.bound >= plan.objective - 1e-9


@pytest.mark.parametrize("seed", range(20))
def test_move_cost_plans_match_exhaustive_search_and_the_bound_holds(seed: int) -> None:
    rng = np.random.default_rng(1300 + seed)
    p = random_problem(rng, int(rng.integers(1, 7)), int(rng.integers(1, 4)))
    p = dataclasses.replace(p, target_count=0, milestones=())
    reference = np.where(rng.random(p.n_processes) < 0.6,
                         rng.integers(0, p.n_quarters, size=p.n_processes), -1)
    reference = np.where(reference >= p.earliest, reference, -1)
    p = _with_reference(p, reference.tolist(), float(rng.choice([0.0, 3.0, 50.0])))
    _, best = exhaustive(p)
    plan = solve(p, time_limit=3)
    assert check_plan(p, plan.quarter) == []
    assert plan.bound >= best - 1e-6
    # tiny instances are solved to optimality within the limit
    assert plan.status == "optimal"
    assert plan.objective == pytest.approx(best, abs=1e-6)
