"""The LP's rounded plan re-planned around its fractional support (solver/support_pass.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from solver import primal
from solver.improve import better
from solver.lp_guided import _fractional, lp_plan
from solver.mip_model import NeighbourhoodMip
from solver.reduced import Residual
from solver.support_pass import support_pass
from solver.value_first import REPAIR_PRICE
from tests.solver.instances import priced_tight


@pytest.fixture(scope="module")
def rounded() -> tuple[Residual, np.ndarray, np.ndarray, np.ndarray]:
    """A tight instance of 8,000 processes (its bureaus too big for the search's sweep), the
    plan rounded from its LP with the requirements met greedily, and the LP's fractional
    processes."""
    res, dual = priced_tight(8000, 0)
    model = NeighbourhoodMip(res, np.full(res.free.size, -1, dtype=np.int64),
                             np.arange(res.free.size), elastic=1e6)
    share = model.relaxation(60.0)
    assert share is not None
    x = lp_plan(res, model, share)
    primal.meet_requirements(res, x)
    return res, x, _fractional(res, model, share), REPAIR_PRICE * dual.lam


def test_the_pass_makes_a_better_plan_that_keeps_every_limit(
        rounded: tuple[Residual, np.ndarray, np.ndarray, np.ndarray]) -> None:
    res, x, support, price = rounded
    assert res.shortfall(x) > 0  # the rounding lost counts: what the pass is for
    y = support_pass(res, x.copy(), support, price, time.monotonic() + 30.0, lambda: False)
    assert res.usage(y).valid()
    assert better(res, y, x)
    assert res.missing(y).sum() < res.missing(x).sum()


def test_the_pass_ends_at_its_deadline_and_at_a_cancel(
        rounded: tuple[Residual, np.ndarray, np.ndarray, np.ndarray]) -> None:
    res, x, support, price = rounded
    for until, stop in ((time.monotonic(), False), (time.monotonic() + 30.0, True)):
        t0 = time.monotonic()
        y = support_pass(res, x.copy(), support, price, until, lambda stop=stop: stop)
        assert time.monotonic() - t0 < 0.2
        assert np.array_equal(y, x)
