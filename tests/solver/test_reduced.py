"""The residual problem's arrays (solver/reduced.py)."""

from __future__ import annotations

import numpy as np

from solver.reduced import Need, residual_of
from tests.solver.instances import make_problem


def test_each_process_gets_its_best_quarters_by_reduced_value() -> None:
    rng = np.random.default_rng(3)
    k, q = 3, 6
    res = residual_of(make_problem([1.0] * 5, [100] * 5, [[5.0] * q]))
    reduced = rng.normal(size=(5, q))
    reduced[0, :2] = -np.inf  # not eligible there
    allowed = res.best_quarters(reduced, k)
    assert allowed.sum(axis=1).tolist() == [k] * 5
    for i in range(5):
        best = np.argsort(-np.where(np.isfinite(reduced[i]), reduced[i], -np.inf))[:k]
        assert sorted(np.flatnonzero(allowed[i]).tolist()) == sorted(best.tolist())


def test_a_pair_counts_toward_a_need_by_its_quarter_and_the_needs_members() -> None:
    proc = np.array([0, 1, 2, 2])
    quarter = np.array([1, 3, 2, 1])
    everyone = Need(index=0, quarter=2, need=1, member=None)
    assert everyone.counted(proc, quarter).tolist() == [True, False, True, True]
    some = Need(index=1, quarter=2, need=1, member=np.array([True, True, False]))
    assert some.counted(proc, quarter).tolist() == [True, False, False, False]
