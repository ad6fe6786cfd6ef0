"""Warm re-solve: after a small edit, start from the previous plan and prices.

One process's fields, one capacity cell or one lock changes the optimal plan a little; a full
solve would recompute everything (seconds on 28,000 processes). Here:

1. the previous plan is carried over by process id and quarter label, made feasible
   (ineligible or locked-away assignments dropped, overloaded bureau-quarters and channels
   relieved of their least valuable processes per person-month), the requirements met again
   and leftover room filled;
2. the previous multipliers are mapped onto the new problem (multipliers.py): at ANY multipliers
   the Lagrangian function is a proven bound, and one edit moves the optimum little, so this
   bound is nearly as tight as the previous one. Newton steps at the final smoothing refine
   it while the gap is above ``GOAL`` and time is left;
3. the checker re-verifies the plan, as after every solve.

If the carried plan cannot meet the requirements any more (an edit that makes the target
unreachable, say), this falls back to a full solve within the same time limit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver import primal
from solver.blas import single_threaded_blas
from solver.dual import Dual
from solver.plan import Plan, objective_of
from solver.problem import Problem
from solver.progress import NullProgress, Progress
from solver.reduced import residual_of

# warm.py is the pipeline's second entry point: it shares solve.py's search state, hint
# repair and finishing (checker, bound check, prices), so both return plans alike
from solver.solve import _Clock, _finish, _from_hint, _full, _Search, solve

#: The gap below which a warm re-solve stops refining (0.1% is the promise; keep margin).
GOAL = 0.0005
#: Newton steps at the final smoothing, at most (each costs ~0.1-0.5 s on 28,000 processes).
NEWTON_STEPS = 2


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
    """Re-solve ``problem`` (an edited version of ``start.problem``) from ``start``."""
    problem.validate()
    with single_threaded_blas():
        return _resolve(start, problem, time_limit, progress or NullProgress())


def _resolve(start: WarmStart, problem: Problem, time_limit: float, prog: Progress) -> Plan:
    clock = _Clock(time_limit, prog)
    hint = carried_plan(start, problem)
    res = residual_of(problem)
    x = _from_hint(res, hint)
    multipliers = start.plan.multipliers
    if x is None or multipliers is None or start.plan.status == "target_infeasible":
        return solve(problem, time_limit=time_limit, progress=prog, hint=hint)
    primal.move_earlier(res, x)
    dual = Dual(res)
    dual.y = multipliers.start(dual)
    search = _Search(problem, res, clock, problem.all_requirements(), False, x,
                     objective_of(problem, _full(res, x)), dual, dual.value())
    search.report("start")
    if res.free.size and _gap(search) > GOAL and not clock.stop():
        _refine(dual, clock)
        search.bound = min(search.bound, dual.value())
        search.report("bound")
    return _finish(search)


def _gap(search: _Search) -> float:
    return (search.bound - search.best_obj) / search.bound if search.bound > 0 else 0.0


def _refine(dual: Dual, clock: _Clock) -> None:
    """Newton steps on the smoothed dual at the final temperature, from the mapped prices."""
    res = dual.res
    scale = max(1.0, float(np.sum(np.max(res.value, axis=1, initial=0.0))) / res.free.size)
    tau = 1e-3 * scale
    dual.minimise(tau_start=tau, tau_end=tau, stages=1, newton_steps=NEWTON_STEPS,
                  should_stop=clock.stop)


def carried_plan(start: WarmStart, problem: Problem) -> np.ndarray:
    """The previous plan over ``problem``'s rows: by process id and quarter label (-1 for new
    processes and for quarters outside the new horizon)."""
    old = start.problem
    label_to_q = {label: q for q, label in enumerate(problem.quarter_labels)}
    old_q = np.array([label_to_q.get(label, -1) for label in old.quarter_labels] + [-1])
    where = {pid: i for i, pid in enumerate(old.process_ids)}
    rows = np.array([where.get(pid, -1) for pid in problem.process_ids], dtype=np.int64)
    prev = np.asarray(start.plan.quarter, dtype=np.int64)
    out = np.full(problem.n_processes, -1, dtype=np.int64)
    known = rows >= 0
    out[known] = old_q[prev[rows[known]]]  # prev -1 maps to the sentinel -1
    return out
