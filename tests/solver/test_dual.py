"""The Lagrangian dual with requirements over scopes: gradient, Hessian and a valid bound."""

from __future__ import annotations

import numpy as np
import pytest

from solver.dual import STALL_DROP, Dual
from solver.problem import Problem
from solver.reduced import residual_of
from solver.solve import solve
from solver.synthetic import tight_problem
from tests.solver.instances import exhaustive, make_problem, random_problem, scoped


def _dual_with_scopes() -> Dual:
    p = make_problem(
        [1.0, 2.0, 1.5, 1.0, 0.5], [40, 30, 20, 10, 5], [[2.0, 2.5, 1.0], [1.0, 1.5, 2.0]],
        bureau=[0, 0, 1, 1, 0], channel=[0, 1, 0, 1, 1],
        limit=[[np.inf] * 3, [1.0, 2.0, 1.0]], target=4,
        requirements=(scoped("S", 1, 2, [1, 3, 4]), scoped("T", 0, 1, [0, 2])),
    )
    res = residual_of(p)
    assert len(res.needs) == 3
    return Dual(res)


def test_gradient_matches_finite_differences() -> None:
    dual = _dual_with_scopes()
    rng = np.random.default_rng(1)
    y = rng.uniform(0.5, 3.0, size=dual.y.size)
    tau = 2.0
    _, _, g = dual.smoothed(y, tau)
    for k in range(y.size):
        e = np.zeros_like(y)
        e[k] = 1e-5
        num = (dual.smoothed_value(y + e, tau) - dual.smoothed_value(y - e, tau)) / 2e-5
        assert g[k] == pytest.approx(num, rel=1e-4, abs=1e-5)


def test_hessian_matches_finite_differences_of_the_gradient() -> None:
    dual = _dual_with_scopes()
    rng = np.random.default_rng(2)
    y = rng.uniform(0.5, 3.0, size=dual.y.size)
    tau = 2.0
    _, pi, _ = dual.smoothed(y, tau)
    h = dual._hessian(pi, tau)
    for k in range(y.size):
        e = np.zeros_like(y)
        e[k] = 1e-5
        num = (dual.smoothed(y + e, tau)[2] - dual.smoothed(y - e, tau)[2]) / 2e-5
        assert h[:, k] == pytest.approx(num, rel=1e-4, abs=1e-5)


def test_bonus_rewards_members_only_up_to_the_quarter() -> None:
    dual = _dual_with_scopes()
    dual.y[:] = 0.0
    dual.y[-3:] = [1.0, 10.0, 100.0]  # target (by Q2), S (by Q1), T (by Q0)
    bonus = dual.bonus()
    assert bonus[1].tolist() == [11.0, 11.0, 1.0]  # in S
    assert bonus[0].tolist() == [101.0, 1.0, 1.0]  # in T
    assert bonus[4].tolist() == [11.0, 11.0, 1.0]  # in S


def _feasible_scoped(count: int) -> list[tuple[Problem, float]]:
    """The first ``count`` random instances with scoped requirements that can all be met."""
    out = []
    rng = np.random.default_rng(800)
    while len(out) < count:
        p = random_problem(rng, int(rng.integers(2, 7)), int(rng.integers(1, 4)),
                           scoped_share=0.9)
        short, best = exhaustive(p)
        if short == 0 and p.requirements:
            out.append((p, best))
    return out


@pytest.mark.parametrize(("p", "best"), _feasible_scoped(20))
def test_bound_with_scoped_requirements_is_valid(p: Problem, best: float) -> None:
    dual = Dual(residual_of(p))
    dual.minimise(tau_start=10.0, tau_end=0.01, stages=6, newton_steps=4)
    assert dual.value() >= best - 1e-6


def test_capacity_value_is_what_one_more_person_month_brings() -> None:
    # Q0 holds one of two processes: one more person-month lets the second (20) in too;
    # Q1 and Q2 have no capacity that either could use
    p = make_problem([1.0, 1.0], [400, 40], [[1.0, 0.0, 0.0]])
    plan = solve(p)
    assert plan.prices is not None
    assert plan.prices.capacity.tolist() == [[pytest.approx(20.0), 0.0, 0.0]]


def test_capacity_value_is_zero_where_capacity_does_not_bind() -> None:
    p = make_problem([1.0, 1.0], [400, 40], [[5.0, 5.0, 5.0]])
    plan = solve(p)
    assert plan.prices is not None
    assert np.all(plan.prices.capacity == 0.0)


def test_a_binding_requirement_has_a_price_and_a_cost_estimate() -> None:
    # the target forces the two small processes in instead of the big one
    p = make_problem([2.0, 1.0, 1.0], [1000, 10, 10], [[2.0, 0.0]], target=2)
    plan = solve(p)
    assert plan.prices is not None
    assert plan.prices.requirement[0] > 0
    # without the target the big one (value 250) would replace the two small ones (5)
    assert plan.prices.bound_without[0] >= 250.0 - 1e-6


def test_a_path_cut_short_has_stalled_and_a_whole_one_has_not() -> None:
    # tight 28,000 s1's path of eight stages of three steps stalled with its last stage still
    # lowering the smoothed function by 6.9e-4; the other tight instances end at 7e-6 to 7e-5
    # (Dual.stalled)
    res = residual_of(tight_problem(1500, seed=4))
    scale = float(np.sum(np.max(res.value, axis=1, initial=0.0))) / res.free.size
    cut = Dual(res)
    cut.minimise(tau_start=0.3 * scale, tau_end=1e-3 * scale, stages=3, newton_steps=1)
    assert cut.stalled()
    whole = Dual(res)
    whole.minimise(tau_start=0.3 * scale, tau_end=1e-3 * scale, stages=8, newton_steps=3)
    assert not whole.stalled()
    assert whole.last_stage_drop < STALL_DROP < cut.last_stage_drop


def test_the_step_search_finds_the_step_halving_from_1_finds_wherever_it_starts() -> None:
    # mid-path on a tight instance, where the Newton step has to be halved 21 times: the
    # search from the last step's count of halvings (above it, below it, far below it)
    # lands on the same step as halving from 1 (a count of 0)
    res = residual_of(tight_problem(1500, seed=4))
    scale = float(np.sum(np.max(res.value, axis=1, initial=0.0))) / res.free.size
    dual = Dual(res)
    dual.minimise(tau_start=0.3 * scale, tau_end=0.01 * scale, stages=5, newton_steps=3)
    tau = 0.001 * scale
    val, pi, g = dual.smoothed(dual.y, tau)
    direction = dual._newton_direction(g, pi, tau)
    found = {}
    for start in (0, 3, 21, 29):
        dual._last_halvings = start
        step = dual._longest_step(val, g, direction, tau)
        assert step is not None
        found[start] = (dual._last_halvings, step)
    assert found[0][0] == 21
    for halvings, (y, new_val) in found.values():
        assert halvings == 21
        assert np.array_equal(y, found[0][1][0]) and new_val == found[0][1][1] < val
