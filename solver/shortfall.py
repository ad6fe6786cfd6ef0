"""How far a plan is from its requirements, and what extra capacity would close the gap.

The extra capacity comes from the LP of capacity_gap.py (least in total, spread, verified);
``heuristic_extra`` is its fallback (a cancelled solve, an LP failure).

Heuristic: for each unmet requirement in quarter order (quarter m,
missing k), take the k smallest plannable members that the plan leaves out (or plans after
m), and put each into the quarter <= m of its bureau (>= its earliest) with the most slack
left; whatever effort does not fit into slack is extra capacity for that bureau and quarter,
serving that requirement. A process added for one requirement counts for the later ones.
Channel limits are ignored in the estimate (they are rarely binding for counts).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from solver.capacity_gap import GapInBackground, least_extra_capacity
from solver.checker import requirement_shortfalls
from solver.constraints import bureau_load, planned_count
from solver.plan import ExtraCapacity, Shortfall
from solver.problem import Problem


def shortfall_of(problem: Problem, quarter: np.ndarray, *, exact: bool = True,
                 started: GapInBackground | None = None,
                 should_stop: Callable[[], bool] = lambda: False) -> Shortfall | None:
    """None if every requirement is met, else the missing counts and the extra capacity:
    by the LP of capacity_gap.py (``exact``; ``started``: that LP, started earlier, waited
    for until ``should_stop``), or by the heuristic (its fallback)."""
    missing = requirement_shortfalls(problem, quarter)
    if max(missing, default=0) <= 0:
        return None
    gap = None
    if exact:
        gap = (started.gap(quarter, should_stop) if started is not None
               else least_extra_capacity(problem, quarter))
    if gap is None:
        extra = heuristic_extra(problem, quarter)
        return Shortfall(missing=max(missing), extra_capacity=extra, by_requirement=missing,
                         unclosable=[0] * len(missing), verified=False)
    return Shortfall(missing=max(missing), extra_capacity=gap.extra, by_requirement=missing,
                     unclosable=gap.unclosable, verified=gap.verified)


def heuristic_extra(problem: Problem, quarter: np.ndarray) -> list[ExtraCapacity]:
    """Extra capacity by the heuristic of the module docstring."""
    missing = requirement_shortfalls(problem, quarter)
    p = problem
    x = np.asarray(quarter).copy()
    used = bureau_load(p.bureau, p.effort, x, p.bureau_capacity.shape)
    slack = np.maximum(p.bureau_capacity - used, 0.0)
    extra: dict[tuple[int, int, int], float] = {}
    reqs = p.all_requirements()
    for k in sorted(range(len(reqs)), key=lambda r: reqs[r].quarter):
        req, mq = reqs[k], reqs[k].quarter
        if missing[k] <= 0 or mq < 0:
            continue
        member = req.member_mask(p.n_processes)
        short = req.need - planned_count(x, mq, member)
        cand = np.flatnonzero(member & ((x < 0) | (x > mq)) & (p.earliest <= mq)
                              & (p.locked < 0))
        cand = cand[np.argsort(p.effort[cand], kind="stable")][:max(short, 0)]
        for i in cand:
            b, lo = int(p.bureau[i]), int(p.earliest[i])
            q = lo + int(np.argmax(slack[b, lo : mq + 1]))
            # a process moved from after m frees its old slot, but that slot is after m
            need = float(p.effort[i])
            put = min(need, slack[b, q])
            slack[b, q] -= put
            x[i] = q
            if need - put > 1e-12:
                extra[(b, q, k)] = extra.get((b, q, k), 0.0) + need - put
    return [ExtraCapacity(b, q, round(v, 6), k) for (b, q, k), v in sorted(extra.items())]
