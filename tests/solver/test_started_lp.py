"""The LP relaxation written around a start plan (solver/started_lp.py)."""

from __future__ import annotations

import numpy as np
import pytest

from solver.dual import Dual
from solver.lp_guided import LP_QUARTERS, prices_plan
from solver.mip_model import NeighbourhoodMip, highs_lp
from solver.reduced import Residual, residual_of
from solver.started_lp import StartedLp
from tests.solver.instances import make_problem

ELASTIC = 1e6


def _both(res: Residual, dual: Dual, start: np.ndarray) -> tuple[StartedLp, NeighbourhoodMip]:
    """The started LP and the plain one over the same pairs."""
    allowed = res.best_quarters(dual.reduced(), LP_QUARTERS)
    own = start[:, None] == np.arange(res.n_quarters)[None, :]
    started = StartedLp(res, start, allowed, ELASTIC)
    plain = NeighbourhoodMip(res, np.full(res.free.size, -1, dtype=np.int64),
                             np.arange(res.free.size), allowed | own, elastic=ELASTIC)
    return started, plain


def _value(res: Residual, rows: np.ndarray, quarters: np.ndarray, share: np.ndarray) -> float:
    return float(np.dot(res.value[rows, quarters], share))


@pytest.mark.parametrize("start_kind", ["the prices' plan", "the empty plan"])
def test_it_has_the_plain_lps_optimum_and_keeps_its_rows(
        tight: tuple[Residual, Dual], start_kind: str) -> None:
    res, dual = tight
    start = (prices_plan(res, dual.reduced()) if start_kind == "the prices' plan"
             else np.full(res.free.size, -1, dtype=np.int64))
    started, plain = _both(res, dual, start)
    share = started.relaxation(30.0)
    plain_share = plain.relaxation(30.0)
    assert share is not None and plain_share is not None
    assert _value(res, started.pair_row, started.pair_q, share) == pytest.approx(
        _value(res, plain.pair_row, plain.pair_q, plain_share), rel=1e-9)
    # the start pairs' shares are worked out, not solved for: they keep the rows too
    assert share.min() >= -1e-9 and share.max() <= 1 + 1e-9
    assert np.bincount(started.pair_row, share, minlength=res.free.size).max() <= 1 + 1e-9
    load = np.zeros_like(res.capacity)
    np.add.at(load, (res.bureau[started.pair_row], started.pair_q),
              res.effort[started.pair_row] * share)
    assert np.all(load <= res.capacity + 1e-6)
    for need in res.needs:
        counts = started.pair_q <= need.quarter
        if need.member is not None:
            counts &= need.member[started.pair_row]
        assert share[counts].sum() >= need.need - 1e-6  # met: no elastic slack used here


def test_the_simplex_starts_from_the_start_plan(tight: tuple[Residual, Dual]) -> None:
    # the all-zero point is the start plan, so HiGHS pays only for what differs from it
    # (tight 28,000: 1.6-1.9 s instead of 10 s on a slow 2-core machine)
    res, dual = tight
    started, plain = _both(res, dual, prices_plan(res, dual.reduced()))
    started_iterations = highs_lp(started.proto, 30.0).solve_stats.simplex_iterations
    plain_iterations = highs_lp(plain.proto, 30.0).solve_stats.simplex_iterations
    assert 0 < started_iterations < plain_iterations / 2


def test_elastic_rows_give_it_a_solution_where_the_requirements_are_out_of_reach() -> None:
    # the target wants both processes, but only the first one may be chosen; the start
    # plan has the first one
    res = residual_of(make_problem([1.0, 1.0], [10, 10], [[2.0, 2.0]], target=2))
    allowed = np.zeros_like(res.value, dtype=bool)
    allowed[0] = True
    lp = StartedLp(res, np.array([0, -1], dtype=np.int64), allowed, 1000.0)
    share = lp.relaxation(10.0)
    assert share is not None
    assert share.sum() == pytest.approx(1.0) and set(lp.pair_row.tolist()) == {0}
