"""Each bureau's exact capacity prices at fixed channel and requirement prices.

With the channel prices beta and requirement prices lambda fixed, the Lagrangian function of
dual.py is a sum over bureaus plus constants; bureau b adds

    D_b(alpha_b) = sum_{p in b} max(0, max_q c[p, q] - effort[p] alpha_b[q]) + alpha_b . capacity_b,
    c[p, q] = value[p, q] + (requirement prices p earns in q) - beta[channel p, q],

and the smallest D_b over alpha_b >= 0 is the bureau's LP (at most one quarter per process,
its capacity rows): its optimal capacity duals. The dual's Newton path ends at a smoothed
minimiser instead, which on tight 28,000 is 11.7k (0.05%) above these bureau LPs; HiGHS
solves all 28 of them in 1.8 s (the largest, 44,577 pairs, in 0.6 s).

HiGHS only proposes the prices: a bound is D_b evaluated at them (:func:`lagrangian_part`),
valid for any alpha_b >= 0 whatever the solver's tolerances. HiGHS ignores MathOpt's
interrupter, so the LPs run in a thread (:func:`lp_capacity_prices`) that a cancel does not
wait for; each LP ends by the caller's deadline through its time limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from ortools.math_opt import model_pb2

from solver.background import Background
from solver.mip_model import lp_solution, set_constraints
from solver.reduced import Residual

#: An LP is not started with less time than this left.
MIN_SECONDS = 0.02


def lagrangian_part(coef: np.ndarray, effort: np.ndarray, alpha: np.ndarray,
                    capacity: np.ndarray) -> float:
    """D_b(alpha) for one bureau: ``coef`` float[n, Q] its processes' c (-inf where not
    eligible), ``effort`` float[n], ``alpha`` and ``capacity`` float[Q]."""
    r = coef - effort[:, None] * alpha[None, :]
    return float(np.sum(np.max(r, axis=1, initial=0.0))) + float(np.dot(alpha, capacity))


def capacity_duals(coef: np.ndarray, effort: np.ndarray, capacity: np.ndarray,
                   seconds: float) -> np.ndarray | None:
    """float[Q]: the capacity duals of the bureau's LP (>= 0), or None if HiGHS did not
    solve it within ``seconds``. Pairs with c <= 0 are left out: with alpha >= 0 they never
    reach the maximum of D_b, and the LP never needs them."""
    pr, pq = np.nonzero(np.isfinite(coef) & (coef > 0))
    if pr.size == 0:
        return np.zeros(coef.shape[1])
    solution = lp_solution(_bureau_model(coef[pr, pq], pr, pq, effort, capacity), seconds)
    if solution is None:
        return None
    # the capacity rows come after the one-per-process rows; a capacity row's dual is >= 0
    # in a maximisation, and clipping guards the sign only
    out: np.ndarray = np.maximum(solution.row_duals[effort.size:], 0.0)
    return out


def _bureau_model(worth: np.ndarray, pr: np.ndarray, pq: np.ndarray, effort: np.ndarray,
                  capacity: np.ndarray) -> model_pb2.ModelProto:
    """max worth.x: at most one quarter per process (rows 0..n-1), effort per quarter
    within capacity (rows n..n+Q-1), 0 <= x <= 1."""
    n_pairs, n_rows = pr.size, effort.size
    q_n = capacity.size
    m = model_pb2.ModelProto()
    m.variables.ids.extend(range(n_pairs))
    m.variables.lower_bounds.extend([0.0] * n_pairs)
    m.variables.upper_bounds.extend([1.0] * n_pairs)
    m.variables.integers.extend([False] * n_pairs)
    m.objective.maximize = True
    m.objective.linear_coefficients.ids.extend(range(n_pairs))
    m.objective.linear_coefficients.values.extend(worth.tolist())
    set_constraints(m, np.full(n_rows + q_n, -np.inf),
                    np.concatenate([np.ones(n_rows), capacity]),
                    np.concatenate([pr, n_rows + pq]),
                    np.concatenate([np.arange(n_pairs), np.arange(n_pairs)]),
                    np.concatenate([np.ones(n_pairs), effort[pr]]))
    return m


def lp_capacity_prices(
    res: Residual,
    coef: np.ndarray,
    bureaus: list[int],
    deadline: float,
    should_stop: Callable[[], bool],
) -> dict[int, np.ndarray]:
    """{bureau: capacity duals of its LP} for ``bureaus`` in that order, as many as end by
    ``deadline`` (time.monotonic()) or a cancel. ``coef`` float[F, Q] is c of every free
    process. The LPs run in a thread; after a cancel it goes on to the end of its current
    LP, which its time limit ends by the deadline."""
    done: dict[int, np.ndarray] = {}

    def run() -> None:
        for b in bureaus:
            left = deadline - time.monotonic()
            if left <= MIN_SECONDS or should_stop():
                return
            rows = res.by_bureau[b]
            alpha = capacity_duals(coef[rows], res.effort[rows], res.capacity[b], left)
            if alpha is not None:
                done[b] = alpha

    task = Background(run)
    if task.wait(lambda: should_stop() or time.monotonic() >= deadline):
        task.result()  # raises what the thread raised
    return dict(done)
