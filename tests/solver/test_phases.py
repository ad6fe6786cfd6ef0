"""The optimizer's phases on their own: max-count phase, count repair, bureau bound, BLAS."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from solver import blas, primal
from solver.bureau_bound import strengthen
from solver.checker import check_plan, requirement_violations
from solver.count import bureau_order, count_score, eject_insert, improve_count
from solver.dual import Dual
from solver.plan import objective_of
from solver.polish import polish_bureaus
from solver.problem import Problem
from solver.reduced import Residual, residual_of
from solver.solve import solve
from solver.synthetic import tight_problem
from tests.solver.instances import exhaustive, make_problem, random_problem, with_capacity


def _hard_violations(p: Problem, quarter: np.ndarray) -> list[str]:
    soft = set(requirement_violations(p, quarter))
    return [m for m in check_plan(p, quarter) if m not in soft]


def _full(res: Residual, x: np.ndarray) -> np.ndarray:
    p = res.problem
    out = np.where(p.locked >= 0, p.locked, -1).astype(np.int32)
    out[res.free] = x
    return out


# ---------------------------------------------------------------- the "most processes" phase
def test_first_fit_miss_is_not_reported_infeasible() -> None:
    # smallest-first packing plans 1 + 1.5 | 1.5 and leaves the 2 out (count 3);
    # 1 + 2 | 1.5 + 1.5 plans all four, so the target 4 is feasible
    p = make_problem([1.0, 1.5, 1.5, 2.0], [10, 10, 10, 10], [[3.0, 3.0]], target=4)
    plan = solve(p, time_limit=5)
    assert plan.status in ("optimal", "feasible")
    assert plan.digitized_by_deadline == 4
    assert check_plan(p, plan.quarter) == []


def test_truly_infeasible_target_keeps_the_most_processes() -> None:
    # the same four processes cannot all fit into 2.5 + 3.0: at most three
    p = make_problem([1.0, 1.5, 1.5, 2.0], [10, 10, 10, 10], [[2.5, 3.0]], target=4)
    plan = solve(p, time_limit=5)
    assert plan.status == "target_infeasible"
    assert plan.digitized_by_deadline == 3
    assert plan.shortfall is not None and plan.shortfall.missing == 1
    assert _hard_violations(p, plan.quarter) == []


@pytest.mark.parametrize("seed", range(20))
def test_improve_count_reaches_exhaustive_max_on_one_bureau(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    p = random_problem(rng, int(rng.integers(2, 7)), int(rng.integers(1, 4)), tight=0.4)
    p = dataclasses.replace(
        p,
        bureau=np.zeros(p.n_processes, dtype=np.int32),
        bureau_capacity=p.bureau_capacity[:1],
        milestones=(),
        target_count=p.n_processes,
    )
    short, _ = exhaustive(p)
    res = residual_of(p)
    x = improve_count(res, np.full(res.free.size, -1, dtype=np.int64), 5.0)
    assert _hard_violations(p, _full(res, x)) == []
    assert count_score(res, x) == sum(n.need for n in res.needs) - short


@pytest.mark.parametrize("seed", range(10))
def test_improve_count_never_loses_and_stays_valid(seed: int) -> None:
    rng = np.random.default_rng(200 + seed)
    p = random_problem(rng, int(rng.integers(3, 12)), int(rng.integers(1, 4)), tight=0.4)
    p = dataclasses.replace(p, target_count=p.n_processes)
    res = residual_of(p)
    start = primal.greedy_pairs(res, np.where(np.isfinite(res.value), 1.0 / res.effort[:, None], 0))
    x = improve_count(res, start.copy(), 5.0)
    assert count_score(res, x) >= count_score(res, start)
    assert _hard_violations(p, _full(res, x)) == []


def test_the_count_rounds_take_the_bureaus_with_the_largest_share_unplanned_first() -> None:
    # bureau 0 leaves 3 of 10 unplanned, bureau 1 one of 2, bureau 2 none of 2
    p = make_problem([1.0] * 14, [10] * 14, [[20.0], [20.0], [20.0]],
                     bureau=[0] * 10 + [1, 1, 2, 2], target=14)
    res = residual_of(p)
    x = np.array([0] * 7 + [-1] * 3 + [0, -1, 0, 0], dtype=np.int64)
    assert bureau_order(res, x) == [1, 0, 2]


def _short_start(factor: float, n: int) -> tuple[Residual, np.ndarray]:
    """Tight n with capacity x factor and the count-first plan (smallest first), which
    misses the needs."""
    p = tight_problem(n, seed=0)
    p = with_capacity(p, factor)
    res = residual_of(p)
    x = primal.greedy_pairs(res, np.where(np.isfinite(res.value), 1.0 / res.effort[:, None],
                                          -np.inf))
    primal.meet_requirements(res, x)
    assert count_score(res, x) < sum(need.need for need in res.needs)
    return res, x


def test_the_count_phase_meets_needs_that_first_fit_misses_within_its_share_of_10_s() -> None:
    # tight 3,000 with 3% less capacity: first fit misses the needs by 41 counts. Taking
    # the bureaus with the most processes unplanned first (the biggest) ended 3 short in
    # these 3.5 s, and solve() reported the requirements out of reach
    res, x = _short_start(0.97, 3000)
    y = improve_count(res, x, 3.5)
    assert count_score(res, y) == sum(need.need for need in res.needs)
    assert _hard_violations(res.problem, _full(res, y)) == []


@pytest.mark.slow
def test_the_count_rounds_stop_once_no_bureau_gains() -> None:
    # tight 28,000 with 5% less capacity: after the insertions no bureau fits one more
    # process (measured: 20 bureaus in 6.1 s), and the rounds used their whole budget
    res, x = _short_start(0.95, 28000)
    budget = 16.0
    began = time.monotonic()
    y = improve_count(res, x, budget)
    assert time.monotonic() - began < 0.6 * budget
    assert count_score(res, y) >= count_score(res, x)
    assert _hard_violations(res.problem, _full(res, y)) == []


def test_eject_insert_moves_one_process_to_make_room() -> None:
    p = make_problem([1.0, 1.5, 1.5, 2.0], [10, 10, 10, 10], [[3.0, 3.0]], target=4)
    res = residual_of(p)
    x = np.array([0, 0, 1, -1], dtype=np.int64)  # the first-fit plan
    eject_insert(res, x)
    assert sorted(x.tolist()) == [0, 0, 1, 1]
    assert check_plan(p, _full(res, x)) == []


def test_eject_insert_never_lowers_a_milestone_count() -> None:
    # making room in Q0 would move a process to Q1, below the milestone (Q0, 2)
    p = make_problem(
        [1.0, 1.5, 1.5, 2.0], [10, 10, 10, 10], [[3.0, 3.0]], target=4, milestones=((0, 2),)
    )
    res = residual_of(p)
    x = np.array([0, 0, 1, -1], dtype=np.int64)
    eject_insert(res, x)
    assert int(np.sum((x >= 0) & (x <= 0))) >= 2
    assert _hard_violations(p, _full(res, x)) == []


@pytest.mark.parametrize("seed", range(10))
def test_eject_insert_keeps_plans_valid_and_counts_up(seed: int) -> None:
    rng = np.random.default_rng(500 + seed)
    p = random_problem(rng, int(rng.integers(3, 14)), int(rng.integers(1, 4)), tight=0.4)
    p = dataclasses.replace(p, target_count=p.n_processes)
    res = residual_of(p)
    x = primal.greedy_pairs(res, np.where(np.isfinite(res.value), 1.0 / res.effort[:, None], 0))
    before = [n.count(x) for n in res.needs]
    eject_insert(res, x)
    after = [n.count(x) for n in res.needs]
    assert all(a >= b for a, b in zip(after, before, strict=True))
    assert _hard_violations(p, _full(res, x)) == []


# ---------------------------------------------------------------- class re-assignment
def test_sort_classes_puts_the_larger_volume_first_and_swaps_in_unplanned() -> None:
    p = make_problem([1.0, 1.0, 1.0], [10, 1000, 500], [[1.0, 1.0, 0.0]], earliest=[0, 0, 1])
    res = residual_of(p)
    x = np.array([0, 1, -1], dtype=np.int64)
    primal.sort_classes(res, x)
    # 1000 takes Q0; 500 (eligible from Q1 only) takes Q1; 10 is left out
    assert x.tolist() == [-1, 0, 1]


@pytest.mark.parametrize("seed", range(10))
def test_sort_classes_keeps_loads_and_counts_and_never_loses(seed: int) -> None:
    rng = np.random.default_rng(600 + seed)
    p = random_problem(rng, int(rng.integers(3, 16)), int(rng.integers(1, 5)), tight=0.6)
    res = residual_of(p)
    x = primal.greedy_pairs(res, np.where(np.isfinite(res.value), 1.0 / res.effort[:, None], 0))
    before = _full(res, x)
    primal.sort_classes(res, x)
    after = _full(res, x)
    q_n = p.n_quarters
    assert np.array_equal(
        np.bincount(before[before >= 0], minlength=q_n),
        np.bincount(after[after >= 0], minlength=q_n),
    )
    assert objective_of(p, after) >= objective_of(p, before) - 1e-9
    assert _hard_violations(p, after) == _hard_violations(p, before) == []


# ---------------------------------------------------------------- count repair exchanges
def test_repair_count_swaps_one_big_for_two_small() -> None:
    p = make_problem([2.0, 1.0, 1.0], [100, 1, 1], [[2.0]], target=2)
    res = residual_of(p)
    x = np.array([0, -1, -1], dtype=np.int64)
    primal.repair_count(res, x)
    assert x.tolist() == [-1, 0, 0]
    assert check_plan(p, _full(res, x)) == []


def test_repair_count_respects_channel_limits() -> None:
    # the two small processes use a channel with room for one only: no exchange is valid
    p = make_problem(
        [2.0, 1.0, 1.0],
        [100, 1, 1],
        [[2.0]],
        channel=[0, 1, 1],
        limit=[[np.inf], [1.0]],
        target=2,
    )
    res = residual_of(p)
    x = np.array([0, -1, -1], dtype=np.int64)
    primal.repair_count(res, x)
    assert x.tolist() == [0, -1, -1]


# ---------------------------------------------------------------- per-bureau integer bound
@pytest.mark.parametrize("seed", range(15))
def test_bureau_bound_is_valid_and_not_weaker(seed: int) -> None:
    rng = np.random.default_rng(300 + seed)
    p = random_problem(rng, int(rng.integers(2, 7)), int(rng.integers(1, 4)))
    short, best = exhaustive(p)
    if short > 0:
        p = dataclasses.replace(p, target_count=0, milestones=())
        short, best = exhaustive(p)
    res = residual_of(p)
    dual = Dual(res)
    dual.minimise(tau_start=10.0, tau_end=0.01, stages=6, newton_steps=4)
    lagrangian = dual.value()
    tighter = strengthen(dual, 2.0)
    assert tighter <= lagrangian + 1e-6
    assert tighter >= best - 1e-6


def test_bureau_bound_closes_an_integrality_gap() -> None:
    # capacity 3 per quarter, efforts 2: the LP plans 1.5 processes, an integer plan 1
    p = make_problem([2.0, 2.0], [40, 40], [[3.0, 0.0]])
    res = residual_of(p)
    dual = Dual(res)
    dual.minimise(tau_start=5.0, tau_end=0.001, stages=8, newton_steps=6)
    assert dual.value() > 10.0 + 1.0  # LP-like bound: about 1.5 x 10
    assert strengthen(dual, 2.0) == pytest.approx(10.0, abs=1e-6)
    plan = solve(p, time_limit=2)
    assert plan.objective == pytest.approx(10.0)


# ---------------------------------------------------------------- BLAS threads
def test_single_threaded_blas_restores_the_setting() -> None:
    if blas._FUNCS is None:
        pytest.skip("no OpenBLAS found")
    getter, _ = blas._FUNCS
    before = int(getter())
    with blas.single_threaded_blas():
        assert int(getter()) == 1
        with blas.single_threaded_blas():
            assert int(getter()) == 1
        assert int(getter()) == 1
    assert int(getter()) == before


# ---------------------------------------------------------------- whole-model CP-SAT bound
@pytest.mark.parametrize("seed", range(15))
def test_cpsat_upper_bound_is_valid_for_fractional_data(seed: int) -> None:
    # volumes and efforts that the 1/4 and 1/100 scalings do not represent exactly
    rng = np.random.default_rng(400 + seed)
    p = random_problem(rng, int(rng.integers(2, 7)), int(rng.integers(1, 4)))
    p = dataclasses.replace(
        p,
        volume=p.volume * 1.37 + 0.01,
        effort=p.effort + rng.uniform(0.0, 0.009, size=p.n_processes),
    )
    short, best = exhaustive(p)
    plan = solve(p, time_limit=3)
    assert plan.bound >= best - 1e-6
    # solved to optimality within the limit: the exhaustive search's status and objective
    assert plan.status == ("target_infeasible" if short > 0 else "optimal")
    soft = set(requirement_violations(p, plan.quarter))
    assert [m for m in check_plan(p, plan.quarter) if m not in soft] == []
    assert plan.objective == pytest.approx(best, rel=1e-9, abs=1e-6)


def test_polish_improves_a_poor_plan_and_keeps_needs() -> None:
    # the greedy plan [big late, small early] is improved by swapping the two quarters
    p = make_problem([1.0, 1.0], [10, 1000], [[1.0, 1.0, 1.0]], target=2)
    res = residual_of(p)
    x = np.array([0, 1], dtype=np.int64)
    better = polish_bureaus(res, x, 2.0)
    assert better.tolist() == [1, 0]
    assert check_plan(p, _full(res, better)) == []
