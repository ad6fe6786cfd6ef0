"""What each requirement costs: re-solves, estimates and their limits."""

from __future__ import annotations

import pytest

from solver.plan import Plan
from solver.problem import Problem
from solver.requirement_cost import (
    ESTIMATE,
    NOT_BINDING,
    NOT_MET,
    RESOLVE,
    requirement_costs,
    without,
)
from solver.solve import solve
from tests.solver.instances import make_problem, scoped


def _solve(problem: Problem, seconds: float, hint: Plan) -> Plan:
    return solve(problem, time_limit=seconds, hint=hint.quarter)


def _problem() -> Problem:
    # the target forces the two small processes in (value 5) instead of the big one (250);
    # the segment {P0} by the last quarter costs nothing; a milestone of 0 is never binding
    return make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0, 0.0]], target=2,
                        milestones=((0, 0),), requirements=(scoped("S", 1, 0, [0]),))


def test_a_binding_requirement_costs_what_a_re_solve_without_it_gains() -> None:
    p = _problem()
    plan = solve(p, time_limit=2)
    costs = requirement_costs(p, plan, 10.0, 2.0, _solve)
    assert costs[0].method == RESOLVE
    assert costs[0].applications == pytest.approx(250.0 - 5.0)
    assert costs[0].at_least is not None and costs[0].at_least <= 245.0 + 1e-6
    assert costs[0].at_most is not None and costs[0].at_most >= 245.0 - 1e-6
    assert [c.method for c in costs[1:]] == [NOT_BINDING, NOT_BINDING]
    assert [c.applications for c in costs[1:]] == [0.0, 0.0]


def test_without_time_the_cost_is_a_marked_estimate_with_a_proven_limit() -> None:
    p = _problem()
    plan = solve(p, time_limit=2)
    cost = requirement_costs(p, plan, 0.0, 2.0, _solve)[0]
    assert cost.method == ESTIMATE
    assert cost.at_most is not None and cost.at_most >= 245.0 - 1e-6
    assert cost.applications is not None and 0 <= cost.applications <= cost.at_most


def test_a_requirement_the_plan_misses_has_no_cost() -> None:
    p = make_problem([1.0, 1.0], [10, 10], [[1.0, 1.0]], requirements=(scoped("S", 0, 2,
                                                                              [0, 1]),))
    plan = solve(p, time_limit=2)
    assert requirement_costs(p, plan, 5.0, 2.0, _solve)[1].method == NOT_MET


def test_without_removes_exactly_one_requirement() -> None:
    p = _problem()
    assert len(p.all_requirements()) == 3
    assert [r.key for r in without(p, 1).all_requirements()] == ["target", "S"]
    assert [r.key for r in without(p, 2).all_requirements()] == ["target", "milestone Q0"]
    assert without(p, 0).all_requirements()[0].need <= 0
