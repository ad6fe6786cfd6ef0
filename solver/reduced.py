"""The residual problem the optimizer works on: locked processes fixed, their usage removed.

Only "free" processes (not locked, eligible within the horizon) get decision variables.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver.problem import Problem


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
    needs: list[tuple[int, int]]  # (quarter, count still needed from free processes), quarter >= 0
    locked_value: float  # objective contributed by the locked processes

    @property
    def n_quarters(self) -> int:
        return self.problem.n_quarters


def residual_of(problem: Problem, needs: list[tuple[int, int]] | None = None) -> Residual:
    """Build the residual problem; ``needs`` overrides the (quarter, cumulative count) list."""
    p = problem
    q = p.n_quarters
    lk = np.flatnonzero(p.locked >= 0)
    free = np.flatnonzero((p.locked < 0) & (p.earliest < q))
    cap = p.bureau_capacity.astype(np.float64).copy()
    np.add.at(cap, (p.bureau[lk], p.locked[lk]), -p.effort[lk])
    lim = p.channel_limit.astype(np.float64).copy()
    np.add.at(lim, (p.channel[lk], p.locked[lk]), -1.0)
    value = p.quarter_value()[free]
    value[p.earliest[free][:, None] > np.arange(q)[None, :]] = -np.inf
    # a process bigger than every capacity it could use can never be planned: drop its columns
    too_big = p.effort[free][:, None] > cap[p.bureau[free]] * (1 + 1e-9) + 1e-9
    value[too_big] = -np.inf
    reqs = p.requirements() if needs is None else needs
    locked_by = np.cumsum(np.bincount(p.locked[lk], minlength=q)) if lk.size else np.zeros(q)
    resid_needs = [
        (mq, int(need - p.already_digitized - locked_by[mq])) for mq, need in reqs if mq >= 0
    ]
    locked_value = float(np.dot(p.volume[lk] / 4.0, (q - 1 - p.locked[lk]).astype(np.float64)))
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
        needs=[(mq, n) for mq, n in resid_needs if n > 0],
        locked_value=locked_value,
    )
