"""Warm re-solve: after a small edit, start from the previous plan and prices.

One process's fields, one capacity cell or one lock changes the optimal plan a little; a full
solve would recompute everything (seconds on 28,000 processes). Here:

1. the previous multipliers are mapped onto the new problem (multipliers.py): at ANY
   multipliers the Lagrangian function is a proven bound, and one edit moves the optimum
   little, so this bound is nearly as tight as the previous one. Newton steps at the final
   smoothing refine it when the edit cost it tightness and time is left;
2. the previous plan is carried over by process id and quarter label, made feasible
   (ineligible or locked-away assignments dropped, overloaded bureau-quarters and channels
   relieved of their least valuable processes per person-month), the requirements met again
   and leftover room filled; and the bureaus the edit touched are re-planned by the full
   solve's priced greedy with those prices (the rest of the carried plan fixed). The better
   plan is kept: chained edits would otherwise each leave the plan a little lower;
3. CP-SAT neighbourhoods in the touched bureaus while the gap is above ``GOAL``;
4. the checker re-verifies the plan, as after every solve.

If the carried plan cannot meet the requirements any more (an edit that makes the target
unreachable, say), this falls back to a full solve within the same time limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from solver import improve, primal
from solver.blas import single_threaded_blas
from solver.count import eject_insert
from solver.dual import Dual, path_temperatures
from solver.exchange import exchange_repair
from solver.plan import Plan, objective_of
from solver.problem import Problem
from solver.progress import NullProgress, Progress
from solver.reduced import Residual, residual_of

# warm.py is the pipeline's second entry point: it shares solve.py's search state, hint
# repair and finishing (checker, bound check, prices), so both return plans alike
from solver.solve import _Clock, _finish, _full, _Search, priced_plans, solve

#: The gap below which a warm re-solve stops refining (0.1% is the promise; keep margin).
GOAL = 0.0005
#: Newton steps at the final smoothing, at most (each costs ~0.1-0.5 s on 28,000 processes).
NEWTON_STEPS = 1
#: The neighbourhood search may run until this share of the time limit (the rest: checking).
SEARCH_SHARE = 0.6
#: The touched bureaus' priced greedy plans (``_carry``) are made until this share of it:
#: each re-plans the whole residual problem (50-100 ms on the 28,000 demo), and making all
#: thirteen took 14 of 100 re-solves past their 1 s on a 2-core machine about half as fast
#: as the one the other figures come from (max 1.24 s), the plan by then within 0.035%.
CARRY_SHARE = 0.5


@dataclass(frozen=True)
class WarmStart:
    """What a solve leaves for the next one: the problem it solved and its plan (with the
    plan's multipliers, ``Plan.multipliers``)."""

    problem: Problem
    plan: Plan


def resolve(
    start: WarmStart,
    problem: Problem,
    *,
    time_limit: float = 1.0,
    progress: Progress | None = None,
) -> Plan:
    """Re-solve ``problem`` (an edited version of ``start.problem``) from ``start``. The plan
    is checked like every plan; it carries multipliers for the next edit but no shadow
    prices (``Plan.prices``: a full solve computes them)."""
    problem.validate()
    with single_threaded_blas():
        return _resolve(start, problem, time_limit, progress or NullProgress())


def _resolve(start: WarmStart, problem: Problem, time_limit: float, prog: Progress) -> Plan:
    clock = _Clock(time_limit, prog)
    rows = _old_rows(start.problem, problem)
    hint = carried_plan(start, problem, rows)
    touched = touched_bureaus(start.problem, problem, rows)
    res = residual_of(problem)
    multipliers = start.plan.multipliers
    if multipliers is None or start.plan.status == "target_infeasible":
        return solve(problem, time_limit=time_limit, progress=prog, hint=hint)
    dual = Dual(res)
    dual.y = multipliers.start(dual)
    x = _carry(res, dual, hint, touched, clock)
    if x is None:
        return solve(problem, time_limit=time_limit, progress=prog, hint=hint)
    search = _Search(problem, res, clock, problem.all_requirements(), False, x,
                     objective_of(problem, _full(res, x)), dual, dual.value(),
                     with_prices=False)
    search.report("start")
    # the bound: Newton steps only when the carried prices lost tightness in the edit
    if (res.free.size and _gap(search) > max(GOAL, start.plan.gap + GOAL / 2)
            and not clock.stop()):
        _refine(dual, clock)
        search.bound = min(search.bound, dual.value())
        search.report("bound")
    # the plan: neighbourhood search in the bureaus the edit touched
    deadline = clock.t0 + SEARCH_SHARE * clock.limit
    if res.free.size and _gap(search) > GOAL and deadline - time.monotonic() > 0.1:
        def report(y: np.ndarray) -> None:
            search.offer(y, "improve")

        improve.improve(res, search.best, dual, search.bound, deadline, clock.stop, report,
                        focus=touched)
    return _finish(search)


def _carry(
    res: Residual, dual: Dual, hint: np.ndarray, touched: np.ndarray, clock: _Clock
) -> np.ndarray | None:
    """The best plan meeting the requirements of: the previous plan on the new residual
    problem, made feasible (ineligible assignments dropped, overloads relieved, least value
    per person-month first, the requirements met again, the room the edit freed filled), and
    the bureaus the edit touched re-planned by the full solve's priced greedy (the rest of
    the carried plan fixed); None if none meets them.

    Re-planning the touched bureaus is what keeps a chain of edits close to the bound: after
    a capacity cut the carried plan loses the dropped processes' value and the count they
    gave, while the greedy moves them to later quarters (and those there later still) by
    their reduced value; after an increase it pulls valuable processes into the new room.
    Only when no such plan meets the requirements are the count repairs of the improvement
    phase (moves and exchanges) tried on the carried plan: a full solve within the warm time
    limit is far worse than the repaired plan."""
    x = np.asarray(hint, dtype=np.int64)[res.free].copy()
    planned = np.flatnonzero(x >= 0)
    bad = planned[~np.isfinite(res.value[planned, x[planned]])]
    x[bad] = -1
    score = np.zeros(x.size)
    planned = np.flatnonzero(x >= 0)
    score[planned] = res.value[planned, x[planned]]
    primal.repair(res, x, score)
    primal.meet_requirements(res, x)
    plans = []
    if touched.size and res.free.size and not clock.cancelled():
        plans = priced_plans(res, dual, clock.part(CARRY_SHARE), x, touched)
    if res.shortfall(x) > 0 and not any(res.shortfall(y) == 0 for y in plans):
        eject_insert(res, x, clock.stop)
        if res.shortfall(x) > 0:
            exchange_repair(res, x, clock.stop)
    primal.fill(res, x, touched)
    primal.move_earlier(res, x)
    feasible = [y for y in [x, *plans] if res.shortfall(y) == 0]
    return max(feasible, key=res.plan_value) if feasible else None


def _gap(search: _Search) -> float:
    return (search.bound - search.best_obj) / search.bound if search.bound > 0 else 0.0


def _refine(dual: Dual, clock: _Clock) -> None:
    """Newton steps on the smoothed dual at the final temperature, from the mapped prices."""
    _, tau = path_temperatures(dual.res)
    dual.minimise(tau_start=tau, tau_end=tau, stages=1, newton_steps=NEWTON_STEPS,
                  should_stop=clock.stop)


def _old_rows(old: Problem, new: Problem) -> np.ndarray:
    """int[N new]: each new row's row in ``old`` (by process id), -1 for new processes."""
    where = {pid: i for i, pid in enumerate(old.process_ids)}
    return np.array([where.get(pid, -1) for pid in new.process_ids], dtype=np.int64)


def touched_bureaus(old: Problem, new: Problem, rows: np.ndarray | None = None) -> np.ndarray:
    """Indices (in ``new``) of the bureaus an edit touched: those of processes added, removed
    or changed in any field, and those whose capacity changed. ``rows``: ``_old_rows``."""
    index = {name: b for b, name in enumerate(new.bureau_names)}
    # each old bureau's index in the new problem (-1: gone)
    old_to_new = np.array([index.get(name, -1) for name in old.bureau_names] + [-1])
    rows = _old_rows(old, new) if rows is None else rows
    known = rows >= 0
    j = rows[known]
    changed = old_to_new[old.bureau[j]] != new.bureau[known]
    for name in ("channel", "effort", "volume", "earliest", "locked"):
        changed |= getattr(old, name)[j] != getattr(new, name)[known]
    touched = set(new.bureau[~known].tolist()) | set(new.bureau[known][changed].tolist())
    touched |= set(old_to_new[old.bureau[j[changed]]].tolist())
    removed = np.ones(old.n_processes, dtype=bool)
    removed[j] = False
    touched |= set(old_to_new[old.bureau[removed]].tolist())
    q_old = {label: q for q, label in enumerate(old.quarter_labels)}
    cols = np.array([q_old.get(label, -1) for label in new.quarter_labels])
    for b in range(len(new.bureau_names)):
        ob = np.flatnonzero(old_to_new[:-1] == b)
        if ob.size == 0 or np.any(cols < 0) or np.any(
                old.bureau_capacity[ob[0], cols] != new.bureau_capacity[b]):
            touched.add(b)
    touched.discard(-1)
    return np.array(sorted(touched), dtype=np.int64)


def carried_plan(start: WarmStart, problem: Problem,
                 rows: np.ndarray | None = None) -> np.ndarray:
    """The previous plan over ``problem``'s rows: by process id and quarter label (-1 for new
    processes and for quarters outside the new horizon). ``rows``: ``_old_rows``."""
    old = start.problem
    label_to_q = {label: q for q, label in enumerate(problem.quarter_labels)}
    old_q = np.array([label_to_q.get(label, -1) for label in old.quarter_labels] + [-1])
    rows = _old_rows(old, problem) if rows is None else rows
    prev = np.asarray(start.plan.quarter, dtype=np.int64)
    out = np.full(problem.n_processes, -1, dtype=np.int64)
    known = rows >= 0
    out[known] = old_q[prev[rows[known]]]  # prev -1 maps to the sentinel -1
    return out
