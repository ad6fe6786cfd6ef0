"""Local improvement with the unused time: re-optimise one bureau at a time by CP-SAT.

The rest of the plan is fixed; the bureau's processes are re-planned for the most objective
value under its capacities, the channel room the other bureaus leave, and, for every
requirement, as many of its members by the requirement's quarter as it needs besides the
rest of the plan (so the requirements stay met). The current plan is the hint; a bureau's
new plan is taken only if it is strictly better for the real (float) objective. Efforts and
capacities are scaled to 1/100 person-month conservatively (efforts up, capacities down), so
CP-SAT's answers are feasible for the real figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from ortools.sat.python import cp_model

from solver.block_model import BlockModel
from solver.cpsat_run import VALUE_SCALE
from solver.reduced import Residual

#: Bureaus with more (process, quarter) pairs than this are skipped (CP-SAT rarely helps).
MAX_PAIRS = 4000


def polish_bureaus(
    res: Residual,
    x: np.ndarray,
    seconds: float,
    should_stop: Callable[[], bool] = lambda: False,
) -> np.ndarray:
    """A plan at least as good as ``x`` (feasible, needs met), smallest bureaus first."""
    t_end = time.monotonic() + seconds
    best = x.copy()
    nb = res.capacity.shape[0]
    pairs = np.bincount(res.bureau, weights=np.isfinite(res.value).sum(axis=1), minlength=nb)
    for b in np.argsort(pairs, kind="stable").tolist():
        left = t_end - time.monotonic()
        if left <= 0.05 or should_stop():
            break
        if pairs[b] == 0 or pairs[b] > MAX_PAIRS:
            continue
        rows = res.by_bureau[b]
        cand = _reoptimise(res, best, rows, min(left, 0.5))
        if cand is not None and _value(res, cand) > _value(res, best) + 1e-9:
            best = cand
    return best


def _value(res: Residual, x: np.ndarray) -> float:
    on = np.flatnonzero(x >= 0)
    return float(res.value[on, x[on]].sum())


def _reoptimise(
    res: Residual, x: np.ndarray, rows: np.ndarray, seconds: float
) -> np.ndarray | None:
    block = BlockModel(res, x, rows)
    if not block.pairs:
        return None
    model, pairs = block.model, block.pairs
    for need in res.needs:
        fixed = block.fixed_count(need)
        # what the block must keep: what the need lacks without it (at most what it has now)
        keep = min(need.count(x) - fixed, need.need - fixed)
        if keep > 0:
            model.add(sum(block.count_of(need)) >= keep)
    coef = [round(VALUE_SCALE * float(res.value[i, q])) for i, q, _ in pairs]
    model.maximize(cp_model.LinearExpr.weighted_sum([v for _, _, v in pairs], coef))
    return block.solve(seconds)
