"""A tighter PROVEN bound: keep each bureau's capacity rows integer instead of pricing them.

Lagrangian decomposition by bureau. With the channel prices beta and requirement prices
lambda of the dual fixed, every feasible plan x satisfies

    objective(x) <= locked_value + sum_b V_b + lim.beta - need.lambda,

    V_b = max { sum_{p in b} c[p, q] x[p, q] : at most one quarter per process,
                sum_p effort[p] x[p, q] <= capacity[b, q] for every q, x binary },
    c[p, q] = value[p, q] + sum_{m: p in m, q <= quarter m} lambda[m] - beta[channel p, q]

(weak duality for the relaxed channel and requirement rows). The dual's own bound is the same
sum with each V_b replaced by its LP bound D_b = sum_{p in b} max(0, max_q R[p, q]) +
alpha_b . capacity_b. On small bureaus the LP bound is loose (few, coarse items per quarter),
so we bound V_b by CP-SAT instead and use min(D_b, UB_b).

UB_b is valid because the CP-SAT model is a relaxation with an over-estimating objective:
efforts and capacities in the relaxed integer form of constraints.py (efforts rounded down),
coefficients rounded UP (to 1/SCALE), and only pairs with c > 0 kept (dropping a pair with
c <= 0 never lowers the maximum: removing a process frees capacity). CP-SAT's best objective
bound is a proven upper bound of that integer program, hence of V_b.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from ortools.sat.python import cp_model

from solver.constraints import scaled_capacity, scaled_effort
from solver.dual import Dual

#: Objective coefficients are rounded up to multiples of 1/SCALE.
SCALE = 64.0
#: Bureaus with more (process, quarter) pairs than this are left to the LP bound.
MAX_PAIRS = 6000


def strengthen(
    dual: Dual,
    seconds: float,
    should_stop: Callable[[], bool] = lambda: False,
) -> float:
    """A proven upper bound <= dual.value() (bureaus tried smallest first within ``seconds``)."""
    res = dual.res
    t_end = time.monotonic() + seconds
    r = dual.reduced()
    bound = dual.value()
    alpha = dual.alpha
    coef = r + res.effort[:, None] * alpha[res.bureau]  # value + bonus - beta
    nb = res.capacity.shape[0]
    best = np.max(r, axis=1, initial=0.0)
    sizes = np.bincount(res.bureau, minlength=nb)
    for b in np.argsort(sizes, kind="stable").tolist():
        left = t_end - time.monotonic()
        if left <= 0.02 or should_stop():
            break
        rows = res.by_bureau[b]
        if rows.size == 0:
            continue
        c = coef[rows]
        pos = np.isfinite(c) & (c > 0)
        if int(pos.sum()) > MAX_PAIRS or not pos.any():
            continue
        d_b = float(np.sum(best[rows])) + float(np.dot(alpha[b], res.capacity[b]))
        ub = _bureau_upper(rows, c, pos, res.effort, res.capacity[b], min(left, 0.3))
        if ub is not None and ub < d_b:
            bound -= d_b - ub
    return bound


def _bureau_upper(
    rows: np.ndarray,
    coef: np.ndarray,
    pos: np.ndarray,
    effort: np.ndarray,
    capacity: np.ndarray,
    seconds: float,
) -> float | None:
    """CP-SAT's proven upper bound on the relaxed bureau problem, or None."""
    model = cp_model.CpModel()
    per_q: dict[int, list[tuple[cp_model.IntVar, int]]] = {}
    vs: list[cp_model.IntVar] = []
    cs: list[int] = []
    for k, i in enumerate(rows.tolist()):
        qs = np.flatnonzero(pos[k])
        if qs.size == 0:
            continue
        e = scaled_effort(float(effort[i]), relaxed=True)
        mine = []
        for q in qs.tolist():
            v = model.new_bool_var("")
            mine.append(v)
            vs.append(v)
            cs.append(int(np.ceil(coef[k, q] * SCALE)))
            per_q.setdefault(q, []).append((v, e))
        if len(mine) > 1:
            model.add_at_most_one(mine)
    for q, items in per_q.items():
        cap = scaled_capacity(float(capacity[q]), relaxed=True)
        model.add(
            cp_model.LinearExpr.weighted_sum([v for v, _ in items], [e for _, e in items]) <= cap
        )
    model.maximize(cp_model.LinearExpr.weighted_sum(vs, cs))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = 2
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return float(solver.best_objective_bound) / SCALE
