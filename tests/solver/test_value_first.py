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


def _plans_of_shares(monkeypatch: pytest.MonkeyPatch, shares: tuple[float, ...], *,
                     bisect: int = 0, rounds: int | None = None) -> None:
    """value_first builds the plans of these value-set shares (and ``bisect`` more)."""
    monkeypatch.setattr(value_first, "VALUE_SET_SHARES", shares)
    monkeypatch.setattr(value_first, "VALUE_SET_BISECT", bisect)
    if rounds is not None:
        monkeypatch.setattr(value_first, "REPAIR_ROUNDS", rounds)


def _builds_meeting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A list that gets, for each plan value_first builds, whether it meets the
    requirements."""
    met: list[bool] = []
    sort_classes = value_first.primal.sort_classes

    def spy(res_: Residual, x: np.ndarray) -> None:  # the last step of each build
        sort_classes(res_, x)
        met.append(res_.shortfall(x) == 0)

    monkeypatch.setattr(value_first.primal, "sort_classes", spy)
    return met


def test_value_first_plans_respect_capacity_and_the_feasible_one_the_requirements(
        tight: tuple[Residual, Dual]) -> None:
    res, dual = tight
    feasible, promising = value_first.value_first(res, dual, lambda: False)
    assert feasible is not None and promising is not None
    assert res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []
    assert res.usage(promising).valid()
    assert res.plan_value(promising) >= res.plan_value(feasible)


def _whole_set_missing(monkeypatch: pytest.MonkeyPatch) -> tuple[Residual, Dual, list[bool]]:
    """An instance whose whole value set's plan (the one share listed) misses the
    requirements after one repair round, and the list ``_builds_meeting`` fills."""
    res, dual = priced_tight(1000, 0)
    _plans_of_shares(monkeypatch, (1.0,), rounds=1)
    return res, dual, _builds_meeting(monkeypatch)


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
    met = _builds_meeting(monkeypatch)
    value_first.value_first(res, dual, lambda: False)
    assert len(met) >= len(value_first.VALUE_SET_SHARES)
    first_met = met.index(True)
    assert first_met + 1 < len(met)  # without a deadline it builds on past that plan
    met.clear()
    feasible, _ = value_first.value_first(res, dual, lambda: False, deadline=time.monotonic())
    assert feasible is not None and len(met) == first_met + 1


def test_no_value_set_smaller_than_one_whose_plan_met_the_requirements_is_built(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a smaller set's plan is worth less: its build would only take the bisection's time
    res, dual = priced_tight(1000, 1)
    _plans_of_shares(monkeypatch, (0.5,))
    half, _ = value_first.value_first(res, dual, lambda: False)
    _plans_of_shares(monkeypatch, (1.0, 0.75, 0.5, 0.25))
    met = _builds_meeting(monkeypatch)
    three_quarters, _ = value_first.value_first(res, dual, lambda: False)
    assert met == [False, True]  # the whole set's plan misses them, the 3/4 set's meets them
    assert half is not None and three_quarters is not None
    assert res.plan_value(three_quarters) > res.plan_value(half)


def test_further_repair_rounds_use_the_room_that_moving_processes_earlier_frees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # on this instance one round of repairs leaves the whole value set's plan 8 processes
    # short; moving processes earlier frees room in the later quarters, and the rounds after
    # it meet every requirement
    res, dual = priced_tight(1000, 5)
    _plans_of_shares(monkeypatch, (1.0,), rounds=1)
    _, one_round = value_first.value_first(res, dual, lambda: False)
    monkeypatch.undo()
    _plans_of_shares(monkeypatch, (1.0,))
    feasible, _ = value_first.value_first(res, dual, lambda: False)
    assert one_round is not None and res.shortfall(one_round) > 0
    assert feasible is not None and res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []


def test_where_every_value_set_tried_misses_the_requirements_smaller_ones_are_bisected(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # an empty value set is the count-first order, which meets the requirements: below the
    # smallest share tried there is still a plan worth more that meets them (tight 28,000
    # seed 1: every share tried missed, and the solve returned the count-first plan, 38%
    # below the bound)
    res, dual = priced_tight(1000, 0)
    _plans_of_shares(monkeypatch, (1.0,), rounds=1)
    missed, _ = value_first.value_first(res, dual, lambda: False)
    _plans_of_shares(monkeypatch, (0.0,))
    count_order, _ = value_first.value_first(res, dual, lambda: False)
    _plans_of_shares(monkeypatch, (1.0,), bisect=3)
    feasible, _ = value_first.value_first(res, dual, lambda: False)
    assert missed is None and count_order is not None
    assert feasible is not None and res.shortfall(feasible) == 0
    assert check_plan(res.problem, full_plan(res, feasible)) == []
    assert res.plan_value(feasible) > 1.2 * res.plan_value(count_order)


def test_where_no_plan_meets_the_requirements_by_when_one_is_needed_small_sets_come_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the one share listed misses the requirements here (the test above); a caller that
    # needs a plan now gets the plan of a small value set (SAFE_SHARE), which meets them
    res, dual = priced_tight(1000, 0)
    _plans_of_shares(monkeypatch, (1.0,), rounds=1)
    missed, _ = value_first.value_first(res, dual, lambda: False)
    secured, _ = value_first.value_first(res, dual, lambda: False, needed_by=time.monotonic())
    _plans_of_shares(monkeypatch, (0.0,))
    count_order, _ = value_first.value_first(res, dual, lambda: False)
    assert missed is None and count_order is not None
    assert secured is not None and res.shortfall(secured) == 0
    assert check_plan(res.problem, full_plan(res, secured)) == []
    assert res.plan_value(secured) > res.plan_value(count_order)


def test_with_secure_first_a_small_value_set_is_built_before_the_others(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # past its deadline from the start, value-first builds one plan: the whole value set's,
    # which misses the requirements here, or with secure_first the SAFE_SHARE set's, which
    # meets them (a solve with the started LP: its LP's plans are what the time is for)
    res, dual, met = _whole_set_missing(monkeypatch)
    now = time.monotonic()
    missed, _ = value_first.value_first(res, dual, lambda: False, deadline=now)
    assert missed is None and met == [False]
    met.clear()
    secured, _ = value_first.value_first(res, dual, lambda: False, deadline=now,
                                         secure_first=True)
    assert met == [True]
    assert secured is not None
    assert check_plan(res.problem, full_plan(res, secured)) == []


def test_with_a_plan_in_hand_no_build_expected_to_end_past_the_deadline_is_begun(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # tight 28,000 s1 at 10 s on a slow machine: after the SAFE_SHARE set's plan (0.44 s)
    # the whole value set's build took 3.4 s of the 4.5 s left and missed the requirements,
    # and the search had no time. The whole set is eight times the SAFE_SHARE set, so its
    # build is expected to take eight times as long.
    res, dual, met = _whole_set_missing(monkeypatch)
    began = time.monotonic()
    value_first.value_first(res, dual, lambda: False, deadline=began, secure_first=True)
    secure_seconds = time.monotonic() - began
    assert met == [True]
    met.clear()
    # time for the whole set's build after the secured one only at 10 times its pace
    began = time.monotonic()
    value_first.value_first(res, dual, lambda: False, deadline=began + 3 * secure_seconds,
                            secure_first=True)
    assert met == [True]
    met.clear()
    value_first.value_first(res, dual, lambda: False, deadline=time.monotonic() + 60.0,
                            secure_first=True)
    assert met == [True, False]


def test_only_a_bigger_value_sets_build_is_expected_to_take_longer_than_the_deadline_allows(
        ) -> None:
    assert value_first.expected_seconds(0.4, 0.125, 1.0) == pytest.approx(3.2)
    assert value_first.expected_seconds(0.4, 1.0, 0.5) == 0.0  # begun by the deadline
    assert value_first.expected_seconds(0.0, 0.0, 1.0) == 0.0  # nothing built yet


def test_a_plan_missing_more_counts_than_the_search_repairs_is_not_promising(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the one plan built (the whole value set, one round of repairs) misses a few counts
    # (4 at the prices the dual's path ends at)
    res, dual = priced_tight(1000, 0)
    _plans_of_shares(monkeypatch, (1.0,), rounds=1)
    _, promising = value_first.value_first(res, dual, lambda: False)
    assert promising is not None
    missing = int(res.missing(promising).sum())
    assert 0 < missing <= value_first.PROMISING_MISSING_MAX
    assert value_first.score(res, dual.lam, promising) > -np.inf
    monkeypatch.setattr(value_first, "PROMISING_MISSING_MAX", missing - 1)
    assert value_first.score(res, dual.lam, promising) == -np.inf
    assert value_first.value_first(res, dual, lambda: False) == (None, None)


def test_a_plan_a_few_counts_short_is_repaired_at_any_price_into_a_copy(
        tight: tuple[Residual, Dual]) -> None:
    # where the search's repair of a promising plan runs out of time (solve.py)
    res, dual = tight
    plan, _ = value_first.value_first(res, dual, lambda: False)
    assert plan is not None
    target, *others = res.needs
    # two counts short of the target (those that count toward it alone are dropped)
    alone = np.flatnonzero((plan > max(n.quarter for n in others)) & (plan <= target.quarter))
    short = plan.copy()
    short[alone[: target.count(plan) - target.need + 2]] = -1
    assert res.missing(short).tolist() == [2] + [0] * len(others)
    before = short.copy()
    completed = value_first.repaired_at_any_price(res, short, lambda: False)
    assert completed is not None
    assert res.shortfall(completed) == 0
    assert check_plan(res.problem, full_plan(res, completed)) == []
    assert np.array_equal(short, before)  # the plan given is left as it was
