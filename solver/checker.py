"""Independent re-verification of a plan: never trust the optimizer alone.

Written directly from planning-model.md section 2 with plain numpy, sharing no code with the
optimizer, so that a bug there shows up here.
"""

from __future__ import annotations

import numpy as np

from solver.problem import Problem

#: Relative slack on bureau capacity, for float sums of efforts.
CAPACITY_EPS = 1e-6


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
    planned = np.flatnonzero(quarter >= 0)
    if np.any(quarter >= q) or np.any(quarter < -1):
        out.append("plan has quarter indices outside -1..Q-1")
        return out
    out += _capacity(p, quarter, planned)
    out += _channels(p, quarter, planned)
    out += requirement_violations(p, quarter)
    return out


def requirement_violations(problem: Problem, quarter: np.ndarray) -> list[str]:
    """Messages for the target and milestones that the plan misses."""
    p = problem
    counts = np.bincount(quarter[quarter >= 0], minlength=p.n_quarters)
    cum = p.already_digitized + np.cumsum(counts)
    out = []
    for mq, need in p.requirements():
        have = p.already_digitized if mq < 0 else int(cum[mq])
        if have < need:
            label = p.quarter_labels[mq] if mq >= 0 else "before start"
            out.append(f"cumulative count at {label} is {have}, below the required {need}")
    return out


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


def _capacity(p: Problem, quarter: np.ndarray, planned: np.ndarray) -> list[str]:
    used = np.zeros_like(p.bureau_capacity)
    np.add.at(used, (p.bureau[planned], quarter[planned]), p.effort[planned])
    limit = p.bureau_capacity * (1 + CAPACITY_EPS) + 1e-9
    return [
        f"bureau {p.bureau_names[b]} uses {used[b, qq]:.4f} person-months in quarter #{qq}, "
        f"over its capacity {p.bureau_capacity[b, qq]:.4f}"
        for b, qq in np.argwhere(used > limit)
    ]


def _channels(p: Problem, quarter: np.ndarray, planned: np.ndarray) -> list[str]:
    count = np.zeros_like(p.channel_limit)
    np.add.at(count, (p.channel[planned], quarter[planned]), 1.0)
    return [
        f"channel {p.channel_names[c]} takes {int(count[c, qq])} processes in quarter #{qq}, "
        f"over its limit {p.channel_limit[c, qq]:g}"
        for c, qq in np.argwhere(count > p.channel_limit)
    ]
