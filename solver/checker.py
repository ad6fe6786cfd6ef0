"""Independent re-verification of a plan: never trust the optimizer alone.

Evaluates the constraints of ``solver.constraints`` (planning-model.md §2 and §6) on the
whole plan with plain numpy, with the checker's own float slack; it shares no search code
with the optimizer, so that a bug there shows up here.
"""

from __future__ import annotations

import numpy as np

from solver.constraints import (
    CHECK_SLACK,
    bureau_load,
    capacity_limit,
    channel_load,
    planned_count,
)
from solver.problem import Problem, Requirement


def check_plan(problem: Problem, quarter: np.ndarray) -> list[str]:
    """Violation messages for the plan ``quarter`` (int[N], -1 = not planned); [] if valid."""
    p = problem
    q = p.n_quarters
    quarter = np.asarray(quarter)
    if quarter.shape != (p.n_processes,):
        return [f"plan has shape {quarter.shape}, expected ({p.n_processes},)"]
    out: list[str] = []
    out += _eligibility(p, quarter)
    out += _locks(p, quarter)
    if np.any(quarter >= q) or np.any(quarter < -1):
        out.append("plan has quarter indices outside -1..Q-1")
        return out
    out += _capacity(p, quarter)
    out += _channels(p, quarter)
    out += requirement_violations(p, quarter)
    return out


def requirement_violations(problem: Problem, quarter: np.ndarray) -> list[str]:
    """Messages for the requirements (target, milestones, scoped ones) that the plan misses."""
    return [_missed(problem, req, have) for req, have in _requirement_counts(problem, quarter)
            if have < req.need]


def requirement_shortfalls(problem: Problem, quarter: np.ndarray) -> list[int]:
    """For each of ``problem.all_requirements()``: members missing (0 when met)."""
    return [max(0, req.need - have) for req, have in _requirement_counts(problem, quarter)]


def _requirement_counts(problem: Problem, quarter: np.ndarray) -> list[tuple[Requirement, int]]:
    n = problem.n_processes
    return [(req, planned_count(quarter, req.quarter,
                                None if req.rows is None else req.member_mask(n)))
            for req in problem.all_requirements()]


def _missed(p: Problem, req: Requirement, have: int) -> str:
    label = p.quarter_labels[req.quarter] if req.quarter >= 0 else "before start"
    if req.rows is None:
        already = p.already_digitized
        return (f"{req.key}: cumulative count at {label} is {already + have}, below the "
                f"required {already + req.need}")
    return (f"requirement {req.key}: {have} planned members by {label}, below the "
            f"{req.need} needed")


def _eligibility(p: Problem, quarter: np.ndarray) -> list[str]:
    bad = np.flatnonzero((quarter >= 0) & (quarter < p.earliest))
    return [
        f"process {p.process_ids[i]} planned in quarter #{quarter[i]} before its earliest "
        f"quarter #{p.earliest[i]}"
        for i in bad[:20]
    ]


def _locks(p: Problem, quarter: np.ndarray) -> list[str]:
    bad = np.flatnonzero((p.locked >= 0) & (quarter != p.locked))
    return [
        f"locked process {p.process_ids[i]} planned in quarter #{quarter[i]}, "
        f"not its lock #{p.locked[i]}"
        for i in bad[:20]
    ]


def _capacity(p: Problem, quarter: np.ndarray) -> list[str]:
    used = bureau_load(p.bureau, p.effort, quarter, p.bureau_capacity.shape)
    limit = capacity_limit(p.bureau_capacity, CHECK_SLACK)
    return [
        f"bureau {p.bureau_names[b]} uses {used[b, qq]:.4f} person-months in quarter #{qq}, "
        f"over its capacity {p.bureau_capacity[b, qq]:.4f}"
        for b, qq in np.argwhere(used > limit)
    ]


def _channels(p: Problem, quarter: np.ndarray) -> list[str]:
    count = channel_load(p.channel, quarter, p.channel_limit.shape)
    return [
        f"channel {p.channel_names[c]} takes {int(count[c, qq])} processes in quarter #{qq}, "
        f"over its limit {p.channel_limit[c, qq]:g}"
        for c, qq in np.argwhere(count > p.channel_limit)
    ]
