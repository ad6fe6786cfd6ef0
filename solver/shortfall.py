"""How far a plan is from the target/milestones, and what extra capacity would close the gap.

Method (a heuristic, not LP-exact): for the worst-violated requirement (quarter m, missing k),
take the k plannable processes with the smallest effort that the plan leaves out (or plans
after m), and put each into the quarter <= m of its bureau (>= its earliest) with the most
slack left; whatever effort does not fit into slack is extra capacity for that bureau and
quarter. Channel limits are ignored in the estimate (they are rarely binding for counts).
"""

from __future__ import annotations

import numpy as np

from solver.plan import Shortfall
from solver.problem import Problem


def missing_count(problem: Problem, quarter: np.ndarray) -> tuple[int, int]:
    """(missing processes at the worst requirement, its quarter index)."""
    counts = np.bincount(quarter[quarter >= 0], minlength=problem.n_quarters)
    cum = problem.already_digitized + np.cumsum(counts)
    worst, worst_q = 0, problem.deadline
    for mq, need in problem.requirements():
        have = problem.already_digitized if mq < 0 else int(cum[mq])
        if need - have > worst:
            worst, worst_q = need - have, mq
    return worst, worst_q


def shortfall_of(problem: Problem, quarter: np.ndarray) -> Shortfall | None:
    """None if every requirement is met, else the missing count and extra capacity."""
    missing, mq = missing_count(problem, quarter)
    if missing <= 0:
        return None
    p = problem
    used = np.zeros_like(p.bureau_capacity)
    on = np.flatnonzero(quarter >= 0)
    np.add.at(used, (p.bureau[on], quarter[on]), p.effort[on])
    slack = np.maximum(p.bureau_capacity - used, 0.0)
    extra: dict[tuple[int, int], float] = {}
    if mq >= 0:
        cand = np.flatnonzero(
            ((quarter < 0) | (quarter > mq)) & (p.earliest <= mq) & (p.locked < 0)
        )
        cand = cand[np.argsort(p.effort[cand], kind="stable")][:missing]
        for i in cand:
            b, lo = int(p.bureau[i]), int(p.earliest[i])
            q = lo + int(np.argmax(slack[b, lo : mq + 1]))
            # a process moved from after m frees its old slot, but that slot is after m
            need = float(p.effort[i])
            put = min(need, slack[b, q])
            slack[b, q] -= put
            if need - put > 1e-12:
                extra[(b, q)] = extra.get((b, q), 0.0) + need - put
    return Shortfall(
        missing=missing,
        extra_capacity=[(b, q, round(v, 6)) for (b, q), v in sorted(extra.items())],
    )
