"""The capacity a plan is solved with: stated × what-if factor, plus actuals in planned
quarters; the solver's problem holds exactly this (one statement for solver and displays)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dx_planner.demo.generator import generate_demo_inventory
from dx_planner.domain.enums import Status
from dx_planner.planning.assumptions import Assumptions
from dx_planner.planning.plan_capacity import plan_capacity
from dx_planner.planning.problem_builder import build_problem
from dx_planner.planning.settings import PlanSettings, resolve


def test_scaled_capacity_with_actuals_is_the_problems_capacity() -> None:
    inventory = generate_demo_inventory(600, seed=3)
    bureau = inventory.bureaus[0].name
    settings = resolve(PlanSettings(assumptions=Assumptions(capacity_scale=((bureau, 1.2),))),
                       inventory)
    # one process of another bureau digitized in the first planned quarter: an actual
    other = next(p for p in inventory.processes
                 if p.bureau != bureau and p.in_scope and p.status is not Status.DIGITIZED)
    index = inventory.processes.index(other)
    inventory.processes[index] = replace(other, status=Status.DIGITIZED,
                                         digitized_quarter=settings.start)
    capacity = plan_capacity(inventory, settings)
    stated = {b.name: b.capacity for b in inventory.bureaus}
    assert capacity[bureau][settings.start] == pytest.approx(
        stated[bureau].get(settings.start, 0.0) * 1.2)
    assert capacity[other.bureau][settings.start] == pytest.approx(
        stated[other.bureau].get(settings.start, 0.0) + other.effort)
    problem = build_problem(inventory, settings).problem
    for b, name in enumerate(problem.bureau_names):
        for q, quarter in enumerate(settings.quarters):
            assert problem.bureau_capacity[b, q] == pytest.approx(
                capacity.get(name, {}).get(quarter, 0.0))
