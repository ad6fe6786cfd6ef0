"""Warm re-solve from the previous plan and multipliers (solver/warm.py, solver/multipliers.py)."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from solver import warm
from solver.checker import check_plan
from solver.dual import Dual
from solver.multipliers import Multipliers
from solver.problem import Problem
from solver.progress import NullProgress
from solver.reduced import residual_of
from solver.solve import _Clock, priced_plans, solve
from solver.synthetic import synthetic_problem
from solver.warm import WarmStart, carried_plan, resolve, touched_bureaus
from tests.solver.edits import EDITS, random_edit
from tests.solver.instances import make_problem
from tests.solver.reports import Reports


@pytest.fixture(scope="module")
def solved() -> WarmStart:
    p = synthetic_problem(1500, seed=3, plan_share=0.83)
    return WarmStart(p, solve(p, time_limit=5))


def test_a_solve_leaves_its_multipliers(solved: WarmStart) -> None:
    found = solved.plan.multipliers
    assert found is not None
    assert found.alpha and found.lam  # capacity binds and so does the target
    assert all(v > 0 for v in [*found.alpha.values(), *found.beta.values()])


def test_multipliers_follow_names_not_indices(solved: WarmStart) -> None:
    p = solved.problem
    dual = Dual(residual_of(p))
    dual.y = np.abs(np.random.default_rng(0).normal(size=dual.y.size))
    multipliers = Multipliers.of(dual)
    # the same problem with the bureaus listed in reverse order
    nb = len(p.bureau_names)
    flipped = dataclasses.replace(
        p, bureau=(nb - 1 - p.bureau).astype(np.int32),
        bureau_names=p.bureau_names[::-1], bureau_capacity=p.bureau_capacity[::-1].copy())
    other = Dual(residual_of(flipped))
    y = multipliers.start(other)
    assert np.allclose(y[: other.n_alpha].reshape(nb, -1), dual.alpha[::-1])
    assert np.allclose(y[other.n_alpha:], dual.y[dual.n_alpha:])
    assert other.value(y) == pytest.approx(dual.value(), rel=1e-12)


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_each_kind_of_edit_gives_a_checked_plan_and_a_valid_bound(
        solved: WarmStart, kind: str) -> None:
    rng = np.random.default_rng(len(kind))
    edited = EDITS[kind](solved.problem, rng)
    edited.validate()
    plan = resolve(solved, edited)
    assert check_plan(edited, plan.quarter) == []
    assert plan.bound >= plan.objective
    # the bound is proven: no plan of the edited problem does better (a full solve's included)
    assert plan.bound >= solve(edited, time_limit=3).objective - 1e-6
    assert plan.multipliers is not None


def test_chained_edits_stay_close_to_the_bound(solved: WarmStart) -> None:
    rng = np.random.default_rng(7)
    start = solved
    for _ in range(15):
        _, edited = random_edit(start.problem, rng)
        plan = resolve(start, edited)
        assert check_plan(edited, plan.quarter) == []
        start = WarmStart(edited, plan)
    assert start.plan.gap < max(0.002, 2 * solved.plan.gap)


def test_a_lock_is_kept() -> None:
    p = make_problem([1.0, 1.0, 1.0], [300, 200, 100], [[2.0, 1.0, 1.0]], target=2)
    start = WarmStart(p, solve(p))
    assert start.plan.quarter.tolist() == [0, 0, 1]
    locked = dataclasses.replace(p, locked=np.array([-1, -1, 0], dtype=np.int32))
    plan = resolve(start, locked)
    assert plan.quarter[2] == 0
    assert check_plan(locked, plan.quarter) == []
    assert plan.objective == pytest.approx(solve(locked).objective)


def test_an_unreachable_target_falls_back_to_a_full_solve() -> None:
    p = make_problem([1.0, 1.0, 1.0], [5, 5, 5], [[2.0, 1.0]], target=3)
    start = WarmStart(p, solve(p))
    cut = dataclasses.replace(p, bureau_capacity=np.array([[1.0, 1.0]]))
    plan = resolve(start, cut)
    assert plan.status == "target_infeasible"
    assert plan.digitized_by_deadline == 2
    assert plan.shortfall is not None and plan.shortfall.missing == 1


def test_a_cut_that_costs_the_target_a_process_is_repaired_not_re_solved() -> None:
    # A (2 person-months) fills Q0 and the small ones Q1: the target of 3 is met exactly.
    # Q0 cut to 1: A no longer fits anywhere as it is; the count comes back only when s1
    # moves to Q0 and A takes its place in Q1 (an ejection), which the carry must find
    # instead of falling back to a full solve from nothing.
    p = make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0, 3.0]], target=3)
    start = WarmStart(p, solve(p))
    assert start.plan.quarter.tolist() == [0, 1, 1]
    cut = dataclasses.replace(p, bureau_capacity=np.array([[1.0, 3.0]]))
    plan = resolve(start, cut)
    assert plan.prices is None  # the warm path (a full solve computes shadow prices)
    assert plan.status != "target_infeasible"
    assert plan.digitized_by_deadline == 3
    assert check_plan(cut, plan.quarter) == []


def _warm_start_objective(start: WarmStart, edited: Problem) -> float | None:
    """The objective of the plan a warm re-solve of ``edited`` starts its search from."""
    reports = Reports()  # the plan it starts from is the first report
    plan = resolve(start, edited, progress=reports)
    assert check_plan(edited, plan.quarter) == []
    phase, objective = reports.seen[0]
    assert phase == "start"
    return objective


# eight one-person-month processes, the biggest worth most in the earliest quarter (the last
# quarter is worth nothing but still counts for the target of 7)
_VOLUMES = [80, 70, 60, 50, 40, 30, 20, 10]


def test_a_capacity_cut_pushes_the_displaced_process_later_instead_of_dropping_it() -> None:
    p = make_problem([1.0] * 8, _VOLUMES, [[2.0, 2.0, 2.0, 2.0]], target=7)
    start = WarmStart(p, solve(p))
    assert start.plan.quarter.tolist()[:6] == [0, 0, 1, 1, 2, 2]
    # Q0 now holds one: P1 moves to Q1, P3 to Q2, P5 to Q3 and the smallest one drops out;
    # dropping P1 (and filling the count with it in Q3) would lose 2 x 70/4 + 50/4
    cut = dataclasses.replace(p, bureau_capacity=np.array([[1.0, 2.0, 2.0, 2.0]]))
    assert _warm_start_objective(start, cut) == pytest.approx(solve(cut).objective)


def test_new_capacity_pulls_the_most_valuable_processes_earlier() -> None:
    p = make_problem([1.0] * 8, _VOLUMES, [[1.0, 2.0, 2.0, 2.0]], target=7)
    start = WarmStart(p, solve(p))
    assert start.plan.quarter.tolist()[:3] == [0, 1, 1]
    # one more person-month in Q0: P1 moves there and each quarter's best moves up one,
    # not the unplanned smallest process into the new room
    more = dataclasses.replace(p, bureau_capacity=np.array([[2.0, 2.0, 2.0, 2.0]]))
    assert _warm_start_objective(start, more) == pytest.approx(solve(more).objective)


def test_carried_plan_maps_ids_and_quarter_labels() -> None:
    old = make_problem([1.0, 1.0], [10, 10], [[2.0, 2.0, 2.0]])
    old = dataclasses.replace(old, process_ids=["A", "B"], quarter_labels=["Q1", "Q2", "Q3"])
    start = WarmStart(old, dataclasses.replace(solve(old), quarter=np.array([0, 2])))
    # the horizon now starts one quarter later; B is gone, C is new
    new: Problem = dataclasses.replace(
        make_problem([1.0, 1.0], [10, 10], [[2.0, 2.0]]),
        process_ids=["C", "A"], quarter_labels=["Q2", "Q3"])
    assert carried_plan(start, new).tolist() == [-1, -1]  # A was planned in Q1, now outside
    start = WarmStart(old, dataclasses.replace(start.plan, quarter=np.array([2, 1])))
    assert carried_plan(start, new).tolist() == [-1, 1]


def test_touched_bureaus_are_those_of_the_edit(solved: WarmStart) -> None:
    p = solved.problem
    i = int(np.flatnonzero(p.locked < 0)[0])
    b = int(p.bureau[i])
    effort = p.effort.copy()
    effort[i] += 1.0
    assert touched_bureaus(p, dataclasses.replace(p, effort=effort)).tolist() == [b]
    other = (b + 1) % len(p.bureau_names)
    moved = p.bureau.copy()
    moved[i] = other
    assert touched_bureaus(p, dataclasses.replace(p, bureau=moved)).tolist() == sorted({b, other})
    cap = p.bureau_capacity.copy()
    cap[other, 2] += 1.0
    assert touched_bureaus(p, dataclasses.replace(p, bureau_capacity=cap)).tolist() == [other]
    gone = EDITS["out_of_scope"](p, np.random.default_rng(1))
    removed = sorted(set(p.process_ids) - set(gone.process_ids))
    assert touched_bureaus(p, gone).tolist() == [int(p.bureau[p.process_ids.index(removed[0])])]
    assert touched_bureaus(p, p).tolist() == []


def test_the_touched_bureaus_priced_plans_stop_at_their_share_of_the_limit(
        solved: WarmStart, monkeypatch: pytest.MonkeyPatch) -> None:
    # the real priced plans, watched: the clock they are given stops at CARRY_SHARE of the
    # re-solve's limit, counted from the re-solve's start
    seen: list[tuple[float, float]] = []

    def watched(res, dual, clock, start=None, bureaus=None):  # type: ignore[no-untyped-def]
        seen.append((clock.limit, clock.t0))
        return priced_plans(res, dual, clock, start, bureaus)

    monkeypatch.setattr(warm, "priced_plans", watched)
    capacity = solved.problem.bureau_capacity.copy()
    capacity[0, 2] *= 0.9
    before = time.monotonic()
    plan = resolve(solved, dataclasses.replace(solved.problem, bureau_capacity=capacity),
                   time_limit=2.0)
    assert check_plan(dataclasses.replace(solved.problem, bureau_capacity=capacity),
                      plan.quarter) == []
    [(limit, t0)] = seen
    assert limit == pytest.approx(warm.CARRY_SHARE * 2.0)
    assert before <= t0 <= before + 0.5


def test_a_part_of_a_clock_stops_at_its_share_of_the_limit() -> None:
    clock = _Clock(10.0, NullProgress())
    part = clock.part(0.25)
    assert part.t0 == clock.t0 and part.limit == 2.5
    clock.t0 = part.t0 = time.monotonic() - 3.0  # 3 s have passed
    assert part.stop() and not clock.stop()
