"""The optimizer: Lagrangian dual (proven bound + prices) -> price-directed greedy plans.

Pipeline (see dual.py and primal.py for the maths):
1. a count-first plan (smallest efforts, earliest quarters): tells whether the target and
   milestones can be met at all, and is the fallback if the caller cancels early;
2. if they cannot, the requirements are relaxed to what that plan reaches (status
   ``target_infeasible``) and we optimise the relaxed problem;
3. minimise the Lagrangian dual -> bound and prices (requirement price lambda, channel prices);
4. greedy plans by price-adjusted value per person-month, bisecting the weight of lambda so
   that the requirements are just met, each completed by fill and move-earlier passes;
5. on small instances, CP-SAT polishes and proves the best plan (hinted);
6. the independent checker re-verifies the plan; a violation is a SolverBug.
"""

from __future__ import annotations

import time

import numpy as np

from solver import primal
from solver.blas import single_threaded_blas
from solver.checker import check_plan, requirement_violations
from solver.cpsat_model import CpSatModel
from solver.dual import Dual
from solver.plan import Plan, make_plan, objective_of
from solver.problem import Problem
from solver.progress import NullProgress, Progress
from solver.reduced import Residual, residual_of
from solver.shortfall import shortfall_of

#: Instances with at most this many (process, quarter) pairs are polished/proved by CP-SAT.
SMALL_PAIRS = 4000


class SolverBug(RuntimeError):
    """The checker rejected a plan the optimizer produced: a bug, never a user error."""


class _Clock:
    def __init__(self, limit: float, progress: Progress) -> None:
        self.t0 = time.monotonic()
        self.limit = limit
        self.progress = progress

    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def stop(self) -> bool:
        return self.progress.is_cancelled() or self.elapsed() > self.limit

    def cancelled(self) -> bool:
        return self.progress.is_cancelled()


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    progress: Progress | None = None,
    hint: np.ndarray | None = None,
) -> Plan:
    """Optimise ``problem`` (validated first; raises ProblemError on bad input)."""
    problem.validate()
    with single_threaded_blas():
        return _solve(problem, time_limit=time_limit, progress=progress, hint=hint)


def _solve(
    problem: Problem,
    *,
    time_limit: float,
    progress: Progress | None,
    hint: np.ndarray | None,
) -> Plan:
    prog: Progress = progress if progress is not None else NullProgress()
    clock = _Clock(time_limit, prog)
    res = residual_of(problem)
    base = _count_first(res)
    infeasible = primal.shortfall_of(res, base) > 0 or any(
        mq < 0 and need > problem.already_digitized for mq, need in problem.requirements()
    )
    if infeasible:
        achieved = _full(res, base)
        cum = np.cumsum(np.bincount(achieved[achieved >= 0], minlength=problem.n_quarters))
        relaxed = [
            (mq, min(need, problem.already_digitized + int(cum[mq])))
            for mq, need in problem.requirements()
            if mq >= 0
        ]
        res = residual_of(problem, needs=relaxed)
    best = base
    best_obj = objective_of(problem, _full(res, base))
    prog.report("start", best_obj, None, clock.elapsed())
    if hint is not None:
        cand = _from_hint(res, hint)
        if cand is not None and objective_of(problem, _full(res, cand)) > best_obj:
            best, best_obj = cand, objective_of(problem, _full(res, cand))

    dual = Dual(res)
    bound = dual.value()
    if not clock.cancelled() and res.free.size:
        scale = max(1.0, float(np.sum(np.max(res.value, axis=1, initial=0.0))) / res.free.size)
        dual.minimise(
            tau_start=0.3 * scale,
            tau_end=5e-5 * scale,
            stages=6,
            newton_steps=8,
            should_stop=lambda: clock.stop(),
        )
        bound = dual.value()
        prog.report("bound", best_obj, bound, clock.elapsed())
    if not clock.cancelled():
        for cand in _priced_plans(res, dual, clock):
            obj = objective_of(problem, _full(res, cand))
            if primal.shortfall_of(res, cand) == 0 and obj > best_obj:
                best, best_obj = cand, obj
                prog.report("plan", best_obj, bound, clock.elapsed())
    quarter = _full(res, best)
    status = "feasible"
    if len(res.value) * problem.n_quarters <= SMALL_PAIRS and not clock.cancelled():
        quarter, proved = _polish(problem, res, quarter, time_limit - clock.elapsed())
        if proved:
            bound = objective_of(problem, quarter)
            status = "optimal"
    return _finish(problem, quarter, bound, status, infeasible, clock)


def _finish(
    problem: Problem,
    quarter: np.ndarray,
    bound: float,
    status: str,
    infeasible: bool,
    clock: _Clock,
) -> Plan:
    bad = check_plan(problem, quarter)
    if infeasible:
        soft = set(requirement_violations(problem, quarter))
        bad = [m for m in bad if m not in soft]
    if bad:
        raise SolverBug("optimizer produced an invalid plan: " + "; ".join(bad[:5]))
    obj = objective_of(problem, quarter)
    if bound < obj - 1e-6 * max(1.0, abs(obj)):
        raise SolverBug(f"bound {bound} is below the objective {obj}")
    bound = max(bound, obj)  # only float noise can get here
    if not infeasible and status != "optimal" and bound - obj <= 1e-9 * max(1.0, bound):
        status = "optimal"
    plan = make_plan(
        problem,
        quarter,
        status="target_infeasible" if infeasible else status,
        bound=bound,
        seconds=clock.elapsed(),
        shortfall=shortfall_of(problem, quarter) if infeasible else None,
        cancelled=clock.cancelled(),
    )
    clock.progress.report("done", plan.objective, plan.bound, plan.solve_seconds)
    return plan


def _full(res: Residual, x: np.ndarray) -> np.ndarray:
    """Quarter array over all processes: locks, free processes' x, -1 elsewhere."""
    p = res.problem
    out = np.where(p.locked >= 0, p.locked, -1).astype(np.int32)
    out[res.free] = x
    return out


def _count_first(res: Residual) -> np.ndarray:
    """Smallest efforts first, earliest quarter first: the plan reaching the most processes."""
    q = res.n_quarters
    early = 1.0 + 1e-3 * (q - np.arange(q)) / q
    key = np.where(np.isfinite(res.value), early[None, :] / res.effort[:, None], -np.inf)
    x = primal.greedy_pairs(res, key)
    primal.meet_requirements(res, x)
    primal.move_earlier(res, x)
    return x


def _priced_plans(res: Residual, dual: Dual, clock: _Clock) -> list[np.ndarray]:
    """Greedy plans by (value + f*lambda - beta)/effort; f bisected to just meet the needs."""
    beta = dual.beta_full()
    out: list[np.ndarray] = []

    def plan(f: float) -> np.ndarray:
        bonus = (f * dual.lam) @ dual.lam_mask if dual.n_lam else np.zeros(res.n_quarters)
        key = (res.value + bonus[None, :] - beta[res.channel]) / res.effort[:, None]
        x = primal.greedy_pairs(res, key)
        primal.meet_requirements(res, x)
        primal.fill(res, x)
        primal.move_earlier(res, x)
        out.append(x)
        return x

    lo, hi = 0.0, 1.0
    if primal.shortfall_of(res, plan(hi)) > 0:
        while hi < 64 and not clock.stop():
            lo, hi = hi, hi * 2
            if primal.shortfall_of(res, plan(hi)) == 0:
                break
    for _ in range(6):
        if clock.stop() or dual.n_lam == 0:
            break
        mid = (lo + hi) / 2
        if primal.shortfall_of(res, plan(mid)) == 0:
            hi = mid
        else:
            lo = mid
    return out


def _from_hint(res: Residual, hint: np.ndarray) -> np.ndarray | None:
    """The caller's previous plan, made feasible (ineligible or overloaded parts dropped)."""
    if hint.shape != (res.problem.n_processes,):
        return None
    x = np.asarray(hint, dtype=np.int64)[res.free].copy()
    x[(x < res.earliest) | (x >= res.n_quarters)] = -1
    score = np.where(x >= 0, res.value[np.arange(len(x)), np.maximum(x, 0)], 0.0)
    primal.repair(res, x, np.nan_to_num(score, neginf=0.0))
    primal.meet_requirements(res, x)
    primal.fill(res, x)
    return x if primal.shortfall_of(res, x) == 0 else None


def _polish(
    problem: Problem, res: Residual, quarter: np.ndarray, seconds: float
) -> tuple[np.ndarray, bool]:
    """CP-SAT on the small instance, hinted with our plan; (plan, proved optimal)."""
    needs = [(mq, res.problem.already_digitized) for mq, _ in problem.requirements()]
    counts = np.cumsum(np.bincount(quarter[quarter >= 0], minlength=problem.n_quarters))
    needs = [
        (mq, min(need, problem.already_digitized + int(counts[mq]))) if mq >= 0 else (mq, 0)
        for mq, need in problem.requirements()
    ]
    model = CpSatModel(problem, needs=needs)
    model.add_hint(quarter)
    status, cand = model.solve(max(0.5, min(seconds, 5.0)))
    if status not in ("OPTIMAL", "FEASIBLE") or check_plan_soft(problem, cand, needs):
        return quarter, False
    if objective_of(problem, cand) + 1e-9 < objective_of(problem, quarter):
        return quarter, False
    return cand, status == "OPTIMAL"


def check_plan_soft(problem: Problem, quarter: np.ndarray, needs: list[tuple[int, int]]) -> bool:
    """True if the plan breaks a hard constraint or the (possibly relaxed) needs."""
    hard = set(check_plan(problem, quarter)) - set(requirement_violations(problem, quarter))
    counts = np.cumsum(np.bincount(quarter[quarter >= 0], minlength=problem.n_quarters))
    short = any(
        mq >= 0 and problem.already_digitized + int(counts[mq]) < need for mq, need in needs
    )
    return bool(hard) or short
