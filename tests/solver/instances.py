"""Tiny hand-made and random instances, an exhaustive solver to check optimality, and a
priced tight instance."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np

from solver.checker import check_plan, requirement_shortfalls, requirement_violations
from solver.dual import Dual, path_temperatures
from solver.plan import objective_of
from solver.problem import Problem, Requirement
from solver.reduced import Residual, residual_of
from solver.synthetic import tight_problem


def make_problem(
    effort: list[float],
    volume: list[float],
    capacity: list[list[float]],
    *,
    bureau: list[int] | None = None,
    channel: list[int] | None = None,
    earliest: list[int] | None = None,
    reason: list[int] | None = None,
    locked: list[int] | None = None,
    limit: list[list[float]] | None = None,
    already: int = 0,
    target: int = 0,
    milestones: tuple[tuple[int, int], ...] = (),
    deadline: int | None = None,
    requirements: tuple[Requirement, ...] = (),
) -> Problem:
    n = len(effort)
    q = len(capacity[0])
    lim = np.array(limit, dtype=np.float64) if limit is not None else np.full((1, q), np.inf)
    return Problem(
        quarter_labels=[f"Q{i}" for i in range(q)],
        deadline=q - 1 if deadline is None else deadline,
        process_ids=[f"P{i}" for i in range(n)],
        bureau=np.array(bureau or [0] * n, dtype=np.int32),
        channel=np.array(channel or [0] * n, dtype=np.int32),
        effort=np.array(effort, dtype=np.float64),
        volume=np.array(volume, dtype=np.float64),
        earliest=np.array(earliest or [0] * n, dtype=np.int32),
        earliest_reason=np.array(reason or [0] * n, dtype=np.int8),
        locked=np.array(locked or [-1] * n, dtype=np.int32),
        bureau_names=[f"B{i}" for i in range(len(capacity))],
        bureau_capacity=np.array(capacity, dtype=np.float64),
        channel_names=[f"C{i}" for i in range(lim.shape[0])],
        channel_limit=lim,
        already_digitized=already,
        target_count=target,
        milestones=milestones,
        requirements=requirements,
    )


def scoped(key: str, quarter: int, need: int, rows: list[int]) -> Requirement:
    return Requirement(key, quarter, need, np.array(rows, dtype=np.int64))


def random_problem(
    rng: np.random.Generator, n: int, q: int, *, tight: float = 0.5, scoped_share: float = 0.0
) -> Problem:
    """A random small instance; ``tight`` scales capacity relative to total effort;
    ``scoped_share`` is the chance of each of up to two scoped requirements."""
    nb, nc = int(rng.integers(1, 3)), 2
    effort = (rng.integers(1, 9, size=n) / 4).tolist()
    volume = np.floor(rng.lognormal(3, 1.5, size=n)).tolist()
    bureau = rng.integers(0, nb, size=n).tolist()
    channel = rng.integers(0, nc, size=n).tolist()
    earliest = rng.integers(0, q + 1, size=n).tolist() if q > 1 else [0] * n
    reason = [3 if e >= q else (2 if e > 0 else 0) for e in earliest]
    cap = np.round(rng.uniform(0.3, 1.5, size=(nb, q)) * tight * sum(effort) / q * 4) / 4
    limit = np.full((nc, q), np.inf)
    limit[1] = rng.integers(0, 3, size=q)
    target = int(rng.integers(0, n + 1))
    milestones: tuple[tuple[int, int], ...] = ()
    if q > 1 and rng.random() < 0.3:
        milestones = ((int(rng.integers(0, q - 1)), int(rng.integers(0, target + 1))),)
    reqs = []
    for k in range(2 if scoped_share > 0 else 0):
        if rng.random() < scoped_share:
            rows = np.flatnonzero(rng.random(n) < 0.5)
            need = int(rng.integers(0, rows.size + 1))
            reqs.append(scoped(f"S{k}", int(rng.integers(0, q)), need, rows.tolist()))
    return make_problem(
        effort,
        volume,
        cap.tolist(),
        bureau=bureau,
        channel=channel,
        earliest=earliest,
        reason=reason,
        limit=limit.tolist(),
        target=target,
        milestones=milestones,
        requirements=tuple(reqs),
    )


def exhaustive(problem: Problem) -> tuple[int, float]:
    """(smallest shortfall over all plans, best objective among plans with that shortfall),
    where the shortfall is the worst requirement's missing count, as the solver defines it."""
    p = problem
    options = [
        [int(p.locked[i])] if p.locked[i] >= 0 else [-1, *range(int(p.earliest[i]), p.n_quarters)]
        for i in range(p.n_processes)
    ]
    best: tuple[int, float] = (10**9, -1.0)
    for combo in itertools.product(*options):
        quarter = np.array(combo, dtype=np.int32)
        soft = set(requirement_violations(p, quarter))
        hard = [m for m in check_plan(p, quarter) if m not in soft]
        if hard:
            continue
        short = max([0, *requirement_shortfalls(p, quarter)])
        obj = objective_of(p, quarter)
        if (short, -obj) < (best[0], -best[1]):
            best = (short, obj)
    return best


def priced_tight(n: int, seed: int, path_shape: tuple[int, int] = (8, 3),
                 ) -> tuple[Residual, Dual]:
    """A tight instance's residual problem and its minimised dual (the prices), along a
    path of ``path_shape`` (stages, Newton steps a stage). The default is the shape the
    tests here were written against (solve.PATH_SHAPE was (8, 3) then); it stalls on tight
    28,000 s1 with the target's price 5 times too low, so a test of what the solve does
    there passes solve.PATH_SHAPE."""
    res = residual_of(tight_problem(n, seed=seed))
    dual = Dual(res)
    tau_start, tau_end = path_temperatures(res)
    stages, steps = path_shape
    dual.minimise(tau_start=tau_start, tau_end=tau_end, stages=stages, newton_steps=steps)
    return res, dual


def with_capacity(problem: Problem, factor: float) -> Problem:
    """``problem`` with every bureau's capacity times ``factor`` (less: the requirements
    may be out of reach; more: they bind less)."""
    return dataclasses.replace(problem, bureau_capacity=problem.bureau_capacity * factor)
