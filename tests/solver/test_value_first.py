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


@pytest.fixture(scope="module")
def tight() -> tuple[Residual, Dual]:
    return priced_tight(1500, 4)


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
    built: list[int] = []
    greedy_pairs = value_first.primal.greedy_pairs

    def spy(res_: Residual, key: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        built.append(1)
        return greedy_pairs(res_, key, start)

    monkeypatch.setattr(value_first.primal, "greedy_pairs", spy)
    value_first.value_first(res, dual, lambda: False)
    assert len(built) >= len(value_first.VALUE_SET_SHARES)
    built.clear()
    feasible, _ = value_first.value_first(res, dual, lambda: False, deadline=time.monotonic())
    # on this instance the first plan (the whole value set) meets the requirements already
    assert feasible is not None and len(built) == 1
