"""The HiGHS model of a neighbourhood (solver/mip_model.py), used as the benchmark's reference."""

from __future__ import annotations

import numpy as np
import pytest

from solver.checker import check_plan
from solver.mip_model import FRACTIONAL, MipAnswer, NeighbourhoodMip, fits, whole_and_fractional
from solver.plan import objective_of
from solver.problem import Problem
from solver.reduced import residual_of
from solver.solve import _full as full_plan
from tests.solver.instances import exhaustive, random_problem


def _whole_model_of(seed: int) -> tuple[Problem, int, float, MipAnswer]:
    """A small random instance, its (processes short, best value) by exhaustive search, and
    HiGHS's answer on the whole model."""
    rng = np.random.default_rng(300 + seed)
    p = random_problem(rng, int(rng.integers(2, 7)), int(rng.integers(1, 4)))
    short, best = exhaustive(p)
    res = residual_of(p)
    start = np.full(res.free.size, -1, dtype=np.int64)
    return p, short, best, NeighbourhoodMip(res, start, np.arange(res.free.size)).solve(10.0)


@pytest.mark.parametrize("seed", [4, 6, 7, 10])
def test_the_whole_model_finds_the_exhaustive_optimum(seed: int) -> None:
    p, short, best, answer = _whole_model_of(seed)
    assert short == 0
    assert answer.x is not None and answer.optimal
    quarter = full_plan(residual_of(p), answer.x)
    assert check_plan(p, quarter) == []
    assert objective_of(p, quarter) == pytest.approx(best, abs=1e-6)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 8, 9, 11])
def test_the_whole_model_has_no_plan_where_the_requirements_cannot_be_met(seed: int) -> None:
    _, short, _, answer = _whole_model_of(seed)
    assert short > 0
    assert answer.x is None


def test_a_neighbourhood_keeps_the_rest_and_the_allowed_pairs() -> None:
    rng = np.random.default_rng(5)
    p = random_problem(rng, 12, 3, tight=1.5)
    res = residual_of(p)
    x = np.full(res.free.size, -1, dtype=np.int64)
    rows = np.arange(0, res.free.size, 2)
    allowed = np.zeros_like(res.value, dtype=bool)
    allowed[:, 0] = True  # only the first quarter may be chosen
    mip = NeighbourhoodMip(res, x, rows, allowed)
    assert set(mip.pair_q.tolist()) <= {0}
    answer = mip.solve(10.0)
    assert answer.x is not None and fits(res, answer.x)
    outside = np.setdiff1d(np.arange(res.free.size), rows)
    assert np.all(answer.x[outside] == -1)
    assert set(answer.x[rows].tolist()) <= {-1, 0}


def test_a_share_within_fractional_of_one_is_whole_and_of_zero_none() -> None:
    share = np.array([0.0, FRACTIONAL / 2, 0.5, 1.0 - FRACTIONAL / 2, 1.0, 1.0 - 2 * FRACTIONAL])
    whole, part = whole_and_fractional(share)
    assert whole.tolist() == [False, False, False, True, True, False]
    assert part.tolist() == [False, False, True, False, False, True]
