"""A bureau's exact LP capacity prices and the bound they give (solver/bureau_lp.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from solver import bureau_bound
from solver.bureau_bound import strengthen
from solver.bureau_lp import capacity_duals, lagrangian_part, lp_capacity_prices
from solver.dual import Dual
from solver.reduced import residual_of
from tests.solver.instances import make_problem


def _fractional_knapsack(coef: np.ndarray, effort: np.ndarray, capacity: float) -> float:
    """The LP of one quarter by hand: the best value per person-month first, the last one
    in part."""
    total, room = 0.0, capacity
    for i in np.argsort(-coef / effort, kind="stable").tolist():
        if coef[i] <= 0 or room <= 0:
            break
        take = min(1.0, room / effort[i])
        total += take * coef[i]
        room -= take * effort[i]
    return total


@pytest.mark.parametrize("seed", range(10))
def test_one_quarters_prices_give_the_lp_value(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 12))
    coef = rng.uniform(-5.0, 20.0, size=(n, 1))
    effort = rng.choice([0.25, 0.5, 1.0, 2.0, 3.0], size=n)
    capacity = np.array([float(rng.uniform(0.5, 0.6 * effort.sum()))])
    alpha = capacity_duals(coef, effort, capacity, 5.0)
    assert alpha is not None
    assert alpha[0] >= 0.0
    assert lagrangian_part(coef, effort, alpha, capacity) == pytest.approx(
        _fractional_knapsack(coef[:, 0], effort, float(capacity[0])), abs=1e-6)


def test_two_quarters_prices_fill_both() -> None:
    # two processes of effort 2, worth 10 in quarter 0 and 6 in quarter 1, room 2 in each:
    # the LP (and a plan) puts one in each, 16; at prices 0 the Lagrangian says 20
    coef = np.array([[10.0, 6.0], [10.0, 6.0]])
    effort = np.array([2.0, 2.0])
    capacity = np.array([2.0, 2.0])
    alpha = capacity_duals(coef, effort, capacity, 5.0)
    assert alpha is not None
    assert lagrangian_part(coef, effort, np.zeros(2), capacity) == pytest.approx(20.0)
    assert lagrangian_part(coef, effort, alpha, capacity) == pytest.approx(16.0, abs=1e-6)


def test_ineligible_quarters_and_worthless_pairs_get_no_price() -> None:
    coef = np.array([[-np.inf, 4.0], [-1.0, -np.inf]])
    alpha = capacity_duals(coef, np.array([1.0, 1.0]), np.array([1.0, 1.0]), 5.0)
    assert alpha is not None
    assert alpha.tolist() == [0.0, 0.0]  # nothing competes for either quarter


def test_strengthen_lowers_a_coarse_dual_to_the_bureaus_lps(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # two bureaus with room in the first quarter only (a completion in the last quarter is
    # worth no applications); the dual stopped at a coarse smoothing is above the bureaus'
    # LPs, which the bound then reaches exactly (CP-SAT's integer bound turned off)
    effort = [1.0, 2.0, 3.0, 1.5, 2.5, 1.0, 2.0]
    volume = [30, 50, 20, 40, 35, 10, 25]
    bureau = [0, 0, 0, 0, 1, 1, 1]
    p = make_problem(effort, volume, [[4.0, 0.0], [3.0, 0.0]], bureau=bureau)
    res = residual_of(p)
    dual = Dual(res)
    dual.minimise(tau_start=50.0, tau_end=20.0, stages=2, newton_steps=1)
    coef = dual.reduced() + res.effort[:, None] * dual.alpha[res.bureau]
    lp = res.locked_value + sum(
        _fractional_knapsack(coef[rows, 0], res.effort[rows], float(res.capacity[b, 0]))
        for b, rows in enumerate(res.by_bureau))
    assert dual.value() > lp + 1.0
    monkeypatch.setattr(bureau_bound, "MAX_PAIRS", 0)
    assert strengthen(dual, 5.0) == pytest.approx(lp, abs=1e-6)


def test_the_lps_stop_on_a_cancel_and_at_the_deadline() -> None:
    rng = np.random.default_rng(3)
    n = 400
    p = make_problem(list(rng.choice([0.5, 1.0, 2.0], size=n)), list(rng.uniform(1, 50, n)),
                     [[30.0, 30.0, 30.0]] * 40, bureau=[i % 40 for i in range(n)])
    res = residual_of(p)
    coef = np.where(np.isfinite(res.value), res.value, -np.inf)
    every = list(range(40))
    far = time.monotonic() + 30.0
    assert len(lp_capacity_prices(res, coef, every, far, lambda: False)) == 40
    t0 = time.monotonic()
    assert lp_capacity_prices(res, coef, every, far, lambda: True) == {}
    assert time.monotonic() - t0 < 0.5
    assert lp_capacity_prices(res, coef, every, time.monotonic() - 1.0, lambda: False) == {}
