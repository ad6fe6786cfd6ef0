"""A tighter PROVEN bound: keep each bureau's capacity rows integer instead of pricing them.

Lagrangian decomposition by bureau. With the channel prices beta and requirement prices
lambda of the dual fixed, every feasible plan x satisfies

    objective(x) <= locked_value + sum_b V_b + lim.beta - need.lambda,

    V_b = max { sum_{p in b} c[p, q] x[p, q] : at most one quarter per process,
                sum_p effort[p] x[p, q] <= capacity[b, q] for every q, x binary },
    c[p, q] = value[p, q] + sum_{m: p in m, q <= quarter m} lambda[m] - beta[channel p, q]

(weak duality for the relaxed channel and requirement rows). The dual's own bound is the same
sum with each V_b replaced by D_b = sum_{p in b} max(0, max_q R[p, q]) + alpha_b . capacity_b,
an upper bound on V_b for any alpha_b >= 0. Two ways to a smaller one per bureau:

* D_b at the bureau LP's own capacity prices (bureau_lp.py): the smallest D_b over alpha_b;
* on small bureaus, where that LP is loose (few, coarse items per quarter), CP-SAT's proven
  bound UB_b on V_b itself;

and the bound uses the smallest of them.

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

from solver.bureau_lp import lagrangian_part, lp_capacity_prices
from solver.constraints import scaled_capacity, scaled_effort
from solver.cpsat_run import cpsat_solver, run
from solver.dual import Dual

#: Objective coefficients are rounded up to multiples of 1/SCALE.
SCALE = 64.0
#: Bureaus with more (process, quarter) pairs than this are left to the LP bound.
MAX_PAIRS = 6000
#: The bureaus' LPs (bureau_lp.py) take at most this share of the time: they lower the
#: bound more per second than CP-SAT (tight 28,000: 11.7k in 1.8 s against 3k in 4.8 s),
#: CP-SAT adds to them on small bureaus (tight 3,000).
LP_SHARE = 0.5
#: CP-SAT's time on one bureau at most, unless the caller says less (``strengthen``).
BUREAU_SECONDS = 0.3
#: One CP-SAT worker at this level of linearization (the LP relaxation and its cuts) proves
#: these knapsacks' bounds as tight as two at the defaults in the same time, with half the
#: cores: tight 3,000 s1, all 28 bureaus at 0.3 s each, 0.116% above the best known plan in
#: 5.4 s, where two workers reached 0.118% in 5.3 s (one at the defaults 0.131%). The other
#: core is the search's (solve._bound_beside).
LINEARIZATION = 2
#: Bureaus with at most this many pairs (few, coarse items per quarter: where the bureau's
#: LP is loose) are bounded by CP-SAT past the time ``strengthen`` is given, until its
#: ``small_until``. Tight 3,000 s1: they are 25 of 28 bureaus and 96% of what CP-SAT lowers
#: the bound by; on tight 28,000 none is (the smallest has ~2,200 pairs), where CP-SAT on
#: its small bureaus beside a 10 s search lowered no bound and cost s0's plans 0.05%.
COARSE_PAIRS = 1500


def strengthen(
    dual: Dual,
    seconds: float,
    should_stop: Callable[[], bool] = lambda: False,
    small_until: float | None = None,
    bureau_seconds: float = BUREAU_SECONDS,
) -> float:
    """A proven upper bound <= dual.value(): first each bureau's D_b at its exact LP prices
    (bureau_lp.py), then CP-SAT's integer bound on the small bureaus, smallest bureaus first
    within ``seconds`` (the LPs take at most LP_SHARE of it), those of at most COARSE_PAIRS
    pairs until ``small_until`` (time.monotonic()) where that is later; CP-SAT takes at most
    ``bureau_seconds`` on a bureau."""
    res = dual.res
    t_end = time.monotonic() + seconds
    small_end = t_end if small_until is None else max(t_end, small_until)
    alpha = dual.alpha
    coef = dual.reduced() + res.effort[:, None] * alpha[res.bureau]  # value + bonus - beta
    nb = res.capacity.shape[0]
    by_size = np.argsort(np.bincount(res.bureau, minlength=nb), kind="stable").tolist()
    # each bureau's part of D now, lowered where its LP's own prices do better
    part = [lagrangian_part(coef[res.by_bureau[b]], res.effort[res.by_bureau[b]], alpha[b],
                            res.capacity[b]) for b in range(nb)]
    bound = dual.value()
    lp_deadline = time.monotonic() + LP_SHARE * seconds
    for b, lp_alpha in lp_capacity_prices(res, coef, by_size, lp_deadline,
                                          should_stop).items():
        rows = res.by_bureau[b]
        lower = lagrangian_part(coef[rows], res.effort[rows], lp_alpha, res.capacity[b])
        if lower < part[b]:
            bound -= part[b] - lower
            part[b] = lower
    for b in by_size:
        if time.monotonic() >= small_end - 0.02 or should_stop():
            break
        rows = res.by_bureau[b]
        c = coef[rows]
        pos = np.isfinite(c) & (c > 0)
        pairs = int(pos.sum())
        left = (small_end if pairs <= COARSE_PAIRS else t_end) - time.monotonic()
        if pairs == 0 or pairs > MAX_PAIRS or left <= 0.02:
            continue
        ub = _bureau_upper(rows, c, pos, res.effort, res.capacity[b], min(left, bureau_seconds))
        if ub is not None and ub < part[b]:
            bound -= part[b] - ub
            part[b] = ub
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
    solver = cpsat_solver(seconds, 1)
    solver.parameters.linearization_level = LINEARIZATION
    status = run(solver, model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return float(solver.best_objective_bound) / SCALE
