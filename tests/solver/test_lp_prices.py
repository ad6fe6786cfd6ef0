"""The Lagrangian multipliers read off an LP's row duals (solver/lp_prices.py)."""

from __future__ import annotations

import numpy as np
import pytest

from solver.dual import Dual
from solver.lp_guided import LP_QUARTERS, RoundedLp, prices_plan
from solver.mip_model import NeighbourhoodMip
from solver.reduced import Residual
from solver.started_lp import StartedLp

ELASTIC = 1e6


def _whole_lp(res: Residual, dual: Dual, kind: str) -> NeighbourhoodMip | StartedLp:
    """The LP over every eligible pair: the plain one, or the one around the prices' plan."""
    everyone = np.ones(res.value.shape, dtype=bool)
    if kind == "plain":
        return NeighbourhoodMip(res, np.full(res.free.size, -1, dtype=np.int64),
                                np.arange(res.free.size), everyone, elastic=ELASTIC)
    return StartedLp(res, prices_plan(res, dual.reduced()), everyone, ELASTIC)


@pytest.mark.parametrize("kind", ["plain", "around the prices' plan"])
def test_at_the_whole_lps_row_duals_the_bound_is_the_lps_value(
        tight: tuple[Residual, Dual], kind: str) -> None:
    # LP duality: the Lagrangian function at the LP's optimal duals is the LP's optimum; a
    # row mapped to the wrong price, or a sign the wrong way, would leave it above
    res, dual = tight
    lp = _whole_lp(res, dual, kind)
    share = lp.relaxation(30.0)
    assert share is not None and lp.row_duals is not None
    lp_value = res.locked_value + float(np.dot(share, res.value[lp.pair_row, lp.pair_q]))
    y = lp.priced.multipliers(dual, lp.row_duals)
    assert dual.value(y) == pytest.approx(lp_value, rel=1e-9)
    # and every kind of price is in play: capacity, the channel limit, a requirement (the
    # milestone: the target does not bind in this LP)
    assert y[: dual.n_alpha].max() > 0
    assert y[dual.n_alpha : dual.n_alpha + dual.n_beta].max() > 0
    assert y[dual.n_alpha + dual.n_beta :].max() > 0
    # below the dual's own bound, which is the LP's value only at its minimiser
    assert dual.value(y) <= dual.value() + 1e-6 * abs(dual.value())


def test_the_rounded_lps_prices_bound_the_problem_no_lower_than_the_whole_lp(
        tight: tuple[Residual, Dual]) -> None:
    res, dual = tight
    rounded = RoundedLp(res, dual, 30.0, np.full(res.free.size, -1, dtype=np.int64),
                        started=True)
    feasible, _ = rounded.plans(lambda: False)
    assert feasible is not None
    y = rounded.multipliers(dual)
    assert y is not None
    # its LPs are over each process's LP_QUARTERS best quarters: a bound all the same, and
    # no lower than the LP over every pair
    whole = _whole_lp(res, dual, "plain")
    assert whole.relaxation(30.0) is not None and whole.row_duals is not None
    assert res.n_quarters > LP_QUARTERS
    assert dual.value(y) >= dual.value(whole.priced.multipliers(dual, whole.row_duals)) - 1e-6


def test_a_dual_that_is_not_finite_prices_its_row_at_zero(tight: tuple[Residual, Dual]) -> None:
    res, dual = tight
    lp = _whole_lp(res, dual, "plain")
    assert lp.relaxation(30.0) is not None and lp.row_duals is not None
    good = lp.priced.multipliers(dual, lp.row_duals)
    broken = lp.row_duals.copy()
    broken[np.concatenate(lp.priced.capacity_row)[0]] = np.nan
    broken[lp.priced.need_row[0]] = -np.inf
    y = lp.priced.multipliers(dual, broken)
    assert np.all(np.isfinite(y)) and np.all(y >= 0)
    assert np.count_nonzero(y != good) <= 2
    assert np.isfinite(dual.value(y))
