"""Baselines to compare the optimizer against (all plans pass the checker).

greedy_by_volume: what a planner does in a spreadsheet (largest volume first, each into its
earliest quarter with room); greedy_by_density: the same by volume per person-month;
naive_cpsat: the textbook one-Boolean-per-process-and-quarter CP-SAT model.
"""

from __future__ import annotations

import time

import numpy as np

from solver.checker import check_plan, requirement_violations
from solver.cpsat_model import CpSatModel
from solver.plan import Plan, make_plan
from solver.problem import Problem


def greedy_by_volume(problem: Problem) -> Plan:
    """Volume descending, each process into its earliest quarter with room."""
    return _greedy(problem, -problem.volume)


def greedy_by_density(problem: Problem) -> Plan:
    """Volume per person-month descending, each into its earliest quarter with room."""
    return _greedy(problem, -problem.volume / problem.effort)


def naive_cpsat(problem: Problem, time_limit: float) -> Plan:
    """CP-SAT on the direct model; status "no_solution" (all -1) if it finds nothing."""
    problem.validate()
    t0 = time.monotonic()
    status, quarter = CpSatModel(problem).solve(time_limit)
    found = status in ("OPTIMAL", "FEASIBLE")
    if not found:
        quarter = np.full(problem.n_processes, -1, dtype=np.int32)
    if found:  # "no_solution" is all -1 by contract, which a lock would reject
        _assert_valid(problem, quarter, soft=False)
    return make_plan(
        problem,
        quarter,
        status={"OPTIMAL": "optimal", "FEASIBLE": "feasible"}.get(status, "no_solution"),
        bound=float("nan"),
        seconds=time.monotonic() - t0,
    )


def _greedy(problem: Problem, key: np.ndarray) -> Plan:
    problem.validate()
    t0 = time.monotonic()
    p = problem
    quarter = np.where(p.locked >= 0, p.locked, -1).astype(np.int32)
    used = np.zeros_like(p.bureau_capacity)
    count = np.zeros_like(p.channel_limit)
    lk = np.flatnonzero(p.locked >= 0)
    np.add.at(used, (p.bureau[lk], p.locked[lk]), p.effort[lk])
    np.add.at(count, (p.channel[lk], p.locked[lk]), 1.0)
    cap = p.bureau_capacity * (1 + 1e-12) + 1e-9
    todo = np.flatnonzero((p.locked < 0) & (p.earliest < p.n_quarters))
    for i in todo[np.argsort(key[todo], kind="stable")].tolist():
        b, c, e = p.bureau[i], p.channel[i], p.effort[i]
        for q in range(int(p.earliest[i]), p.n_quarters):
            if used[b, q] + e <= cap[b, q] and count[c, q] + 1 <= p.channel_limit[c, q]:
                quarter[i] = q
                used[b, q] += e
                count[c, q] += 1
                break
    _assert_valid(problem, quarter, soft=True)
    met = not requirement_violations(problem, quarter)
    return make_plan(
        problem,
        quarter,
        status="feasible" if met else "target_infeasible",
        bound=float("nan"),
        seconds=time.monotonic() - t0,
    )


def _assert_valid(problem: Problem, quarter: np.ndarray, *, soft: bool) -> None:
    bad = check_plan(problem, quarter)
    if soft:
        bad = [m for m in bad if m not in set(requirement_violations(problem, quarter))]
    if bad:
        raise AssertionError("baseline produced an invalid plan: " + "; ".join(bad[:3]))
