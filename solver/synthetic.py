"""Seeded synthetic instances shaped like the real inventory, for tests and the benchmark.

Shape (see the brief of the benchmark): ~28 bureaus of very unequal size, 9 quarters, four
channels (one with a small per-quarter limit), heavy-tailed volumes and efforts, a few locks,
~5% already digitized, ~12% never plannable, target ceil(0.7 x in-scope). Bureau capacities
are tight: each bureau can complete only slightly more than its cheapest ``plan_share`` of
plannable processes, so a volume-first plan misses the target and small efforts must be
preferred to reach it.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from solver.primal import greedy_pairs
from solver.problem import (
    REASON_CHANNEL,
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    REASON_START,
    Problem,
)
from solver.reduced import residual_of

QUARTERS = [f"FY{2021 + (i + 3) // 4}Q{(i + 3) % 4 + 1}" for i in range(9)]  # FY2021Q4..FY2023Q4
CHANNELS = ["共同電子申請", "SaaS電子申請", "jGrants", "局独自システム"]
_CHANNEL_SHARE = [0.55, 0.25, 0.03, 0.17]


def synthetic_problem(
    n_in_scope: int = 28_000,
    *,
    seed: int = 0,
    n_bureaus: int = 28,
    plan_share: float = 0.81,
    target_share: float = 0.70,
    n_quarters: int = 9,
) -> Problem:
    """A realistic instance with ``n_in_scope`` in-scope processes (already digitized included)."""
    rng = np.random.default_rng(seed)
    q = n_quarters
    scale = n_in_scope / 28_000
    already = round(0.05 * n_in_scope)
    n = n_in_scope - already

    weights = 1.0 / np.arange(1, n_bureaus + 1) ** 0.9
    weights /= weights.sum()
    bureau = rng.choice(n_bureaus, size=n, p=weights).astype(np.int32)
    channel = rng.choice(len(CHANNELS), size=n, p=_CHANNEL_SHARE).astype(np.int32)
    volume = np.floor(rng.lognormal(3.0, 2.6, size=n))
    volume[rng.random(n) < 0.08] = 0.0
    volume = np.minimum(volume, 3.0e6)
    effort = np.clip(np.round(rng.lognormal(0.2, 0.85, size=n) * 4) / 4, 0.25, 24.0)

    earliest = np.zeros(n, dtype=np.int32)
    reason = np.full(n, REASON_START, dtype=np.int8)
    jg = channel == 2
    earliest[jg] = 1  # jGrants onboarding opens one quarter later
    reason[jg] = REASON_CHANNEL
    national = rng.random(n)
    undated = national < 0.12
    dated = (national >= 0.12) & (national < 0.15)
    earliest[undated] = q
    reason[undated] = REASON_NATIONAL_UNDATED
    nd = rng.integers(1, q, size=n)
    later = dated & (nd > earliest)
    earliest[later] = nd[later]
    reason[later] = REASON_NATIONAL_DATE

    capacity = _tight_capacity(bureau, effort, earliest, n_bureaus, q, plan_share, rng)
    locked = _locks(rng, n, round(44 * scale), earliest, q)
    # make room for the locks so that they never make the instance infeasible by themselves
    lk = np.flatnonzero(locked >= 0)
    np.add.at(capacity, (bureau[lk], locked[lk]), effort[lk])

    limit = np.full((len(CHANNELS), q), np.inf)
    limit[1, :] = np.round(rng.uniform(300, 800, size=q) * scale)
    limit[2, :] = np.round(np.full(q, 40.0) * scale)
    limit[2, 0] = 0.0

    return Problem(
        quarter_labels=list(QUARTERS[:q]) if q <= len(QUARTERS) else [f"Q{i}" for i in range(q)],
        deadline=q - 1,
        process_ids=[f"P-{i:06d}" for i in range(n)],
        bureau=bureau,
        channel=channel,
        effort=effort.astype(np.float64),
        volume=volume.astype(np.float64),
        earliest=earliest,
        earliest_reason=reason,
        locked=locked,
        bureau_names=[f"局{b:02d}" for b in range(n_bureaus)],
        bureau_capacity=capacity,
        channel_names=list(CHANNELS),
        channel_limit=limit,
        already_digitized=already,
        target_count=math.ceil(target_share * n_in_scope),
    )


def _tight_capacity(
    bureau: np.ndarray,
    effort: np.ndarray,
    earliest: np.ndarray,
    n_bureaus: int,
    q: int,
    plan_share: float,
    rng: np.random.Generator,
) -> np.ndarray:
    """Per bureau: the effort of its cheapest ``plan_share`` plannable processes, spread over
    the quarters with a mild ramp-up."""
    ramp = np.linspace(0.8, 1.2, q) * rng.uniform(0.9, 1.1, size=q)
    ramp /= ramp.sum()
    cap = np.zeros((n_bureaus, q))
    for b in range(n_bureaus):
        e = np.sort(effort[(bureau == b) & (earliest < q)])
        k = math.ceil(plan_share * e.size)
        cap[b] = np.round(e[:k].sum() * ramp * 4) / 4
    return cap


def _locks(
    rng: np.random.Generator, n: int, n_locks: int, earliest: np.ndarray, q: int
) -> np.ndarray:
    locked = np.full(n, -1, dtype=np.int32)
    candidates = np.flatnonzero(earliest < q)
    pick = rng.choice(candidates, size=min(n_locks, candidates.size), replace=False)
    for i in pick:
        locked[i] = rng.integers(int(earliest[i]), q)
    return locked


#: Milestone of the tight family: at FY2022Q4 (quarter index 4), this share of what the
#: count-first plan has digitized by then.
TIGHT_MILESTONE_QUARTER = 4
TIGHT_MILESTONE_SHARE = 0.98


def tight_problem(n_in_scope: int = 28_000, *, seed: int = 0, milestone: bool = True) -> Problem:
    """The instance of :func:`synthetic_problem` whose capacity is the least for which a
    count-first plan (smallest efforts first, each into its earliest quarter with room)
    still meets the target: the programme's real situation, where the target binds.

    With ``milestone``, FY2022Q4 must reach 98% of what that count-first plan reaches then.
    Capacity is found by bisection on ``plan_share`` (the generator's random stream does not
    depend on it, so only the capacities differ between the candidates).
    """
    lo, hi = 0.5, 1.0
    base = synthetic_problem(n_in_scope, seed=seed, plan_share=hi)
    if count_first_cumulative(base)[base.deadline] < base.target_count:
        raise ValueError("even full capacity does not reach the target")
    for _ in range(14):
        mid = (lo + hi) / 2
        cand = synthetic_problem(n_in_scope, seed=seed, plan_share=mid)
        if count_first_cumulative(cand)[cand.deadline] >= cand.target_count:
            hi = mid
        else:
            lo = mid
    problem = synthetic_problem(n_in_scope, seed=seed, plan_share=hi)
    mq = min(TIGHT_MILESTONE_QUARTER, problem.deadline - 1)
    if not milestone or mq < 0:
        return problem
    reached = count_first_cumulative(problem)[mq]
    return replace(problem, milestones=((mq, math.floor(TIGHT_MILESTONE_SHARE * reached)),))


def count_first_cumulative(problem: Problem) -> np.ndarray:
    """Cumulative count per quarter of the count-first plan (requirements ignored)."""
    res = residual_of(replace(problem, target_count=0, milestones=()))
    q = res.n_quarters
    early = 1.0 + 1e-3 * (q - np.arange(q)) / q  # earlier quarters first among equal efforts
    key = np.where(np.isfinite(res.value), early[None, :] / res.effort[:, None], -np.inf)
    x = greedy_pairs(res, key)
    locked = problem.locked[problem.locked >= 0]
    counts = np.bincount(np.concatenate([x[x >= 0], locked]), minlength=q)
    return problem.already_digitized + np.cumsum(counts)
