"""Plans built value first from the prices (solver/value_first.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from solver import value_first
from solver.checker import check_plan
from solver.dual import Dual
from solver.reduced import Residual
from solver.solve import _full as full_plan
from tests.solver.instances import priced_tight


def test_value_first_plans_respect_capacity_and_the_feasible_one_the_requirements(
        tight: tuple[Residual, Dual]) -> None:
    res, dual = tight
    feasible, promising = value_first.value_first(res, dual, lambda: False)
    assert feasible is not None and promising is not None
    assert res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []
    assert res.usage(promising).valid()
    assert res.plan_value(promising) >= res.plan_value(feasible)


def test_the_value_set_is_bisected_up_to_where_the_requirements_still_hold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # on this instance a value set between the largest fixed share whose plan meets the
    # requirements and the next one gives a better plan that still meets them
    res, dual = priced_tight(1000, 1)
    feasible, _ = value_first.value_first(res, dual, lambda: False)
    monkeypatch.setattr(value_first, "VALUE_SET_BISECT", 0)
    fixed, _ = value_first.value_first(res, dual, lambda: False)
    assert feasible is not None and fixed is not None
    assert res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []
    assert res.plan_value(feasible) > res.plan_value(fixed)


def test_value_first_stops_at_its_first_plan_meeting_the_requirements_past_its_deadline(
        tight: tuple[Residual, Dual], monkeypatch: pytest.MonkeyPatch) -> None:
    res, dual = tight
    met: list[bool] = []  # for each plan built: does it meet the requirements?
    sort_classes = value_first.primal.sort_classes

    def spy(res_: Residual, x: np.ndarray) -> None:  # the last step of each build
        sort_classes(res_, x)
        met.append(res_.shortfall(x) == 0)

    monkeypatch.setattr(value_first.primal, "sort_classes", spy)
    value_first.value_first(res, dual, lambda: False)
    assert len(met) >= len(value_first.VALUE_SET_SHARES)
    first_met = met.index(True)
    assert first_met + 1 < len(met)  # without a deadline it builds on past that plan
    met.clear()
    feasible, _ = value_first.value_first(res, dual, lambda: False, deadline=time.monotonic())
    assert feasible is not None and len(met) == first_met + 1


def test_further_repair_rounds_use_the_room_that_moving_processes_earlier_frees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # on this instance one round of repairs leaves the whole value set's plan 8 processes
    # short; moving processes earlier frees room in the later quarters, and the rounds after
    # it meet every requirement
    res, dual = priced_tight(1000, 5)
    monkeypatch.setattr(value_first, "VALUE_SET_SHARES", (1.0,))
    monkeypatch.setattr(value_first, "VALUE_SET_BISECT", 0)
    monkeypatch.setattr(value_first, "REPAIR_ROUNDS", 1)
    _, one_round = value_first.value_first(res, dual, lambda: False)
    monkeypatch.undo()
    monkeypatch.setattr(value_first, "VALUE_SET_SHARES", (1.0,))
    monkeypatch.setattr(value_first, "VALUE_SET_BISECT", 0)
    feasible, _ = value_first.value_first(res, dual, lambda: False)
    assert one_round is not None and res.shortfall(one_round) > 0
    assert feasible is not None and res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []
