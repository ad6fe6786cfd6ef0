"""What each requirement costs: the online applications given up to meet it.

Cost of requirement k = OPT(problem without k) - OPT(problem). Neither optimum is known
exactly, so each cost comes with proven limits and a method:

* ``not met``: the plan misses it; there is no cost of meeting it to measure;
* ``not binding``: it has no dual price (the relaxation meets it for free): cost 0;
* ``re-solve``: the problem is solved twice more, with and without the requirement, both
  hinted with this plan and given the same time; cost = the difference of the two
  objectives (never below 0). Pairing them matters: a re-solve also closes part of the
  optimizer's gap, which would otherwise count as the requirement's cost. Proven limits:
  at least (objective without it) - (bound with it), at most (bound without it) - (best
  objective with it);
* ``dual estimate`` (no time given, or none left): the first-order effect of its price:
  the rise of the Lagrangian when its price is dropped, the other prices kept (an
  over-estimate); at most the Lagrangian without its price - the objective (proven).

The time for re-solves (``cost_time``) goes to the most expensive requirements (by the dual
estimate) first; each pair of re-solves gets at most the time limit.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from solver.checker import requirement_shortfalls
from solver.plan import Plan
from solver.problem import Problem

NOT_MET = "not met"
NOT_BINDING = "not binding"
RESOLVE = "re-solve"
ESTIMATE = "dual estimate"

#: A re-solve needs at least this many seconds to be worth starting.
MIN_RESOLVE_SECONDS = 1.0

Solve = Callable[[Problem, float, Plan], Plan]


@dataclasses.dataclass(frozen=True)
class RequirementCost:
    applications: float | None  # None when not met
    at_least: float | None
    at_most: float | None
    method: str


def requirement_costs(problem: Problem, plan: Plan, seconds: float, time_limit: float,
                      solve: Solve, cancelled: Callable[[], bool] = lambda: False
                      ) -> list[RequirementCost]:
    """One cost per requirement of ``problem.all_requirements()``; re-solves (``solve(problem,
    time_limit, hint_plan)``) of at most ``time_limit`` each within ``seconds`` in total.
    Once ``cancelled()``, the requirements not re-solved keep their estimates (a pair cut
    short measures nothing)."""
    prices = plan.prices
    missing = requirement_shortfalls(problem, plan.quarter)
    n = len(missing)
    if prices is None:
        return [RequirementCost(None, None, None, NOT_MET) if missing[k] else
                RequirementCost(None, None, None, ESTIMATE) for k in range(n)]
    out: list[RequirementCost] = []
    for k in range(n):
        at_most = max(0.0, prices.bound_without[k] - plan.objective)
        if missing[k] > 0:
            out.append(RequirementCost(None, None, None, NOT_MET))
        elif prices.requirement[k] <= 0:
            out.append(RequirementCost(0.0, 0.0, at_most, NOT_BINDING))
        else:
            estimate = max(0.0, prices.bound_without[k] - prices.bound)
            out.append(RequirementCost(min(estimate, at_most), 0.0, at_most, ESTIMATE))
    t_end = time.monotonic() + seconds
    binding = [k for k in range(n) if out[k].method == ESTIMATE]
    for k in sorted(binding, key=lambda k: -(out[k].applications or 0.0)):
        each = min(time_limit, (t_end - time.monotonic()) / 2)
        if each < MIN_RESOLVE_SECONDS or cancelled():
            break
        alone = solve(without(problem, k), each, plan)
        again = solve(problem, each, plan)
        if cancelled():
            break
        best_with = max(plan.objective, again.objective)
        bound_with = min(plan.bound, again.bound)
        at_most = max(0.0, min(prices.bound_without[k], alone.bound) - best_with)
        at_least = min(max(0.0, alone.objective - bound_with), at_most)
        cost = min(max(0.0, alone.objective - again.objective), at_most)
        out[k] = RequirementCost(max(cost, at_least), at_least, at_most, RESOLVE)
    return out


def without(problem: Problem, k: int) -> Problem:
    """``problem`` without requirement k of ``all_requirements()`` (target, milestones,
    scoped requirements)."""
    if k == 0:
        return dataclasses.replace(problem, target_count=0)
    k -= 1
    if k < len(problem.milestones):
        return dataclasses.replace(problem, milestones=tuple(
            m for j, m in enumerate(problem.milestones) if j != k))
    k -= len(problem.milestones)
    return dataclasses.replace(problem, requirements=tuple(
        r for j, r in enumerate(problem.requirements) if j != k))
