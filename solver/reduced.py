"""The residual problem the optimizer works on: locked processes fixed, their usage removed.

Only "free" processes (not locked, eligible within the horizon) get decision variables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from solver.constraints import Usage, capacity_limit, eligible, planned_count
from solver.problem import Problem, Requirement


@dataclass(frozen=True, eq=False)
class Need:
    """A requirement left to the free processes: at least ``need`` of its members complete
    by the end of ``quarter`` (>= 0)."""

    index: int  # its position in the requirement list the residual was built from
    quarter: int
    need: int
    member: np.ndarray | None  # bool[F] over the free processes; None = every one

    def count(self, x: np.ndarray) -> int:
        """Members that plan x completes by the end of the quarter."""
        return planned_count(x, self.quarter, self.member)

    def counted(self, proc: np.ndarray, quarter: np.ndarray) -> np.ndarray:
        """bool[k]: whether free process ``proc[k]`` completing in ``quarter[k]`` counts
        toward this need (the pairs of a model's requirement row)."""
        out: np.ndarray = quarter <= self.quarter
        return out if self.member is None else out & self.member[proc]

    def includes(self, i: int) -> bool:
        return self.member is None or bool(self.member[i])

    def mask(self, n: int) -> np.ndarray:
        """bool[n]: the members (n = number of free processes)."""
        return np.ones(n, dtype=bool) if self.member is None else self.member


@dataclass(frozen=True)
class Residual:
    """Arrays over the free processes (indices ``free`` into the problem) and residual limits."""

    problem: Problem
    free: np.ndarray  # int64[F], indices of free processes
    bureau: np.ndarray  # int32[F]
    channel: np.ndarray  # int32[F]
    effort: np.ndarray  # float64[F]
    earliest: np.ndarray  # int32[F]
    value: np.ndarray  # float64[F, Q], objective value per quarter; -inf where ineligible
    capacity: np.ndarray  # float64[B, Q], bureau capacity left after the locks
    limit: np.ndarray  # float64[C, Q], channel limit left after the locks (inf = none)
    needs: list[Need]  # the requirements not already met by the locks
    # objective contributed by the locked processes, less the move offset (a constant)
    locked_value: float

    @property
    def n_quarters(self) -> int:
        return self.problem.n_quarters

    def shortfall(self, x: np.ndarray) -> int:
        """Processes missing at the worst-violated need (0 if all are met)."""
        return int(self.missing(x).max(initial=0))

    def missing(self, x: np.ndarray) -> np.ndarray:
        """int[M]: how many processes each need misses under plan x (0 where met)."""
        out: np.ndarray = np.maximum(0, np.array([n.need - n.count(x) for n in self.needs],
                                                 dtype=np.int64))
        return out

    def plan_value(self, x: np.ndarray) -> float:
        """Objective of plan x over the free processes (the locked part excluded)."""
        on = np.flatnonzero(x >= 0)
        return float(self.value[on, x[on]].sum())

    def usage(self, x: np.ndarray) -> Usage:
        """The bureau and channel loads of plan x, for incremental updates."""
        return Usage(self.bureau, self.channel, self.effort, self.capacity, self.limit, x)

    @cached_property
    def members(self) -> np.ndarray:
        """bool[F, M]: free process i counts toward need m (given the quarter)."""
        out = np.ones((self.free.size, len(self.needs)), dtype=bool)
        for m, need in enumerate(self.needs):
            if need.member is not None:
                out[:, m] = need.member
        return out

    @cached_property
    def by_bureau(self) -> list[np.ndarray]:
        """Each bureau's free processes (indices into these arrays), bureau by bureau."""
        return [np.flatnonzero(self.bureau == b) for b in range(self.capacity.shape[0])]

    @cached_property
    def need_quarters(self) -> np.ndarray:
        """int[M]: the quarter of each need."""
        return np.array([n.quarter for n in self.needs], dtype=np.int64)

    def need_counts(self, x: np.ndarray) -> np.ndarray:
        """int[M]: each need's count under plan x."""
        return np.array([n.count(x) for n in self.needs], dtype=np.int64)

    def best_quarters(self, reduced: np.ndarray, k: int) -> np.ndarray:
        """bool[F, Q]: each process's ``k`` best eligible quarters by ``reduced`` value (the
        pairs an LP over the processes' likely quarters keeps, lp_guided.py and rins.py)."""
        ranked = np.where(np.isfinite(reduced), reduced, -np.inf)
        rank = np.argsort(np.argsort(-ranked, axis=1, kind="stable"), axis=1, kind="stable")
        out: np.ndarray = (rank < k) & np.isfinite(self.value)
        return out

    def need_delta(self, i: int, old: int, new: int) -> np.ndarray:
        """int[M]: how moving free process i from quarter old to new (-1: none) changes
        each need's count."""
        qs = self.need_quarters
        was = (old >= 0) & (old <= qs)
        now = (new >= 0) & (new <= qs)
        out: np.ndarray = (now.astype(np.int64) - was.astype(np.int64)) * self.members[i]
        return out


def residual_of(problem: Problem, requirements: list[Requirement] | None = None) -> Residual:
    """Build the residual problem; ``requirements`` overrides ``problem.all_requirements()``
    (same order: a need's ``index`` is its position there)."""
    p = problem
    q = p.n_quarters
    lk = np.flatnonzero(p.locked >= 0)
    free = np.flatnonzero((p.locked < 0) & (p.earliest < q))
    cap = p.bureau_capacity.astype(np.float64).copy()
    np.add.at(cap, (p.bureau[lk], p.locked[lk]), -p.effort[lk])
    lim = p.channel_limit.astype(np.float64).copy()
    np.add.at(lim, (p.channel[lk], p.locked[lk]), -1.0)
    full_value = p.quarter_value()
    value = full_value[free]
    value[~eligible(p.earliest[free], q)] = -np.inf
    # a process bigger than every capacity it could use can never be planned: drop its columns
    too_big = p.effort[free][:, None] > capacity_limit(cap[p.bureau[free]], 1e-9)
    value[too_big] = -np.inf
    reqs = p.all_requirements() if requirements is None else requirements
    needs = []
    for k, req in enumerate(reqs):
        if req.quarter < 0:
            continue  # nothing can be planned before start: met or not by the locks' absence
        member = None if req.rows is None else req.member_mask(p.n_processes)
        locked_in = planned_count(p.locked, req.quarter, member)
        need = req.need - locked_in
        if need > 0:
            needs.append(Need(k, req.quarter, need, None if member is None else member[free]))
    locked_value = float(full_value[lk, p.locked[lk]].sum()) - p.move_offset
    return Residual(
        problem=p,
        free=free,
        bureau=p.bureau[free].astype(np.int32),
        channel=p.channel[free].astype(np.int32),
        effort=p.effort[free].astype(np.float64),
        earliest=p.earliest[free].astype(np.int32),
        value=value,
        capacity=np.maximum(cap, 0.0),
        limit=np.maximum(lim, 0.0),
        needs=needs,
        locked_value=locked_value,
    )
