"""Plans built value first from the dual prices, for when the requirements bind.

The processes with the best reduced value per person-month (the "value set", including the
small ones that the requirement prices make attractive) go first, each into its best quarter
by reduced value; then every other process, smallest effort first, earliest quarter first, as
the count-first plan does, so the leftover room is packed for the counts; then the count
repairs (:func:`repair_counts`). The size of the value set is bisected: the largest one
whose plan still meets the requirements, within the time the caller gives (once a plan meets
them). The neighbourhood search (improve.py) starts from these plans.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from solver import primal
from solver.count import eject_insert
from solver.dual import Dual
from solver.exchange import exchange_repair
from solver.quarter_swap import swap_repair
from solver.reduced import Residual

#: Sizes of the value set tried, as shares of the processes with a positive reduced value,
#: until one's plan meets the requirements: a smaller set's plan is worth less (tight 3,000
#: s0: 0.75 1.827M, 0.5 1.794M, 0.25 1.764M), and the bisection above it gets their time
#: (there its first step is a plan 7 counts short, 1.835M, that the sweep repairs). At 10 s
#: on tight 3,000 the solve ended no better for it, within the noise (interleaved runs: s0
#: +0 to +0.14%, s1 -0.02 to -0.1%, where the bisection's plan 4 counts short costs its
#: repair what it promises; s2 -0.06 to +0.03%); at 60 s it saves the two builds.
VALUE_SET_SHARES = (1.0, 0.75, 0.5, 0.25)
#: Bisection steps on the share between the largest plan meeting the requirements and the
#: smallest one missing them.
VALUE_SET_BISECT = 3
#: Quarter swaps and exchanges are made while a count costs at most this many times the
#: requirement's price; dearer ones are left to the neighbourhood search, which repairs
#: them for less (tight 3,000 family: swaps cost 13x the price and exchanges up to 60x,
#: CP-SAT far less; 28,000: swaps 1.4x, exchanges 1.2-1.7x).
REPAIR_PRICE = 4.0
#: Rounds of repairs at most: each ends by moving processes earlier, which frees room in
#: the later quarters that the next round's insertions and exchanges use (tight 28,000:
#: the first round leaves the target 21 short, the second meets it for 21k applications).
REPAIR_ROUNDS = 3
#: A plan missing more counts than this in all is not promising (:func:`score`): the search
#: repairs a few counts a step, and a failed repair costs REPAIR_SHARE of its time (solve.py).
#: Tight 28,000 seed 1 at 60 s: the plans promising most missed 54, or with 30 here 24;
#: neither was repaired in the 32 s given, and the solve ended at 21.80M. With 10 the 25%
#: value set's plan, 3 short, was repaired, and the solve ended at 22.90M (bound 24.37M).
PROMISING_MISSING_MAX = 10
#: The value set built first where no plan meets the requirements yet and the next build
#: (as long as the last) would end past the moment the caller needs one by; halved while
#: its plan misses them (an empty value set is the count-first order, which meets them).
#: Tight 28,000 seed 1 at 10 s on a machine 1.5 times slower than the one the figures here
#: come from: the builds of the 100% and 75% sets take 4-6 s and miss, and the solve
#: returned the count-first plan (15.08M); the 1/8 set's plan meets them in 0.4 s (21.63M).
SAFE_SHARE = 0.125


def value_first(
    res: Residual, dual: Dual, should_stop: Callable[[], bool], deadline: float = float("inf"),
    needed_by: float = float("inf"), secure_first: bool = False,
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(the best plan meeting every requirement, the most promising plan) of the value-set
    plans, each or None. The most promising one has the best :func:`score` above -inf. No
    plan is begun past ``deadline`` once one meets the requirements, nor one of a bigger
    value set than the last whose build is expected to end past it; small value sets are
    built first (SAFE_SHARE) where none does yet and the next build would end past
    ``needed_by``, or from the start with ``secure_first``."""
    if not res.needs or res.free.size == 0:
        return None, None
    reduced = dual.reduced()
    finite = np.isfinite(reduced)
    best_r = np.max(np.where(finite, reduced, -np.inf), axis=1)
    order = np.flatnonzero(best_r > 0)
    order = order[np.argsort(-best_r[order] / res.effort[order], kind="stable")]
    q = res.n_quarters
    early = 1.0 + 1e-3 * (q - np.arange(q)) / q
    count_key = np.where(np.isfinite(res.value), early[None, :] / res.effort[:, None], -np.inf)
    first = np.where(finite, 1e6 + reduced / res.effort[:, None], -np.inf)
    lam = dual.lam

    def build(k: int) -> np.ndarray:
        key = count_key.copy()
        key[order[:k]] = first[order[:k]]
        x = primal.greedy_pairs(res, key)
        primal.meet_requirements(res, x)
        repair_counts(res, x, REPAIR_PRICE * lam, should_stop)
        finish(res, x)
        return x

    feasible: np.ndarray | None = None
    promising: np.ndarray | None = None
    # the largest value set tried whose plan meets the requirements, the smallest that misses
    # (an empty value set is the count-first order, which meets them)
    lo, hi = 0.0, 2.0
    last_build, last_share = 0.0, 0.0  # how long the last build took, and its share
    safe: float | None = SAFE_SHARE  # the next small value set to secure a plan with

    def take(share: float) -> None:
        nonlocal feasible, promising, lo, hi, last_build, last_share
        began = time.monotonic()
        x = build(round(share * order.size))
        last_build, last_share = time.monotonic() - began, share
        if res.shortfall(x) == 0:
            lo = max(lo, share)
            if feasible is None or res.plan_value(x) > res.plan_value(feasible):
                feasible = x
        else:
            hi = min(hi, share) if share > lo else hi
        promising = most_promising(res, lam, [promising, x])

    def secure(first: bool = False) -> None:
        """Build small value sets while no plan meets the requirements, and the next build
        (as long as the last) would end past ``needed_by`` or they come ``first``
        (``secure_first``)."""
        nonlocal safe
        while (safe is not None and feasible is None and not should_stop()
               and ((first and secure_first) or time.monotonic() + last_build > needed_by)):
            share = min(safe, hi / 2)  # below any share whose plan missed them
            safe = share / 2 if round(share * order.size) > 0 else None
            take(share)

    def enough(share: float) -> bool:
        """Stop building: cancelled, or with a plan that meets the requirements (the search
        needs one to fall back on) past ``deadline`` or where the build of a value set of
        this ``share`` is expected to end past it (``expected_seconds``)."""
        return should_stop() or (feasible is not None and time.monotonic() + expected_seconds(
            last_build, last_share, share) > deadline)

    secure(first=True)
    for share in VALUE_SET_SHARES:
        secure()
        if (feasible is not None and share <= lo) or enough(share):
            break  # a set no bigger than one whose plan met them: see VALUE_SET_SHARES
        take(share)
    # the plans' value rises with the value set until the requirements can no longer be met:
    # the boundary is bisected between the shares tried, or below the smallest one (tight
    # 28,000 seed 1: every share missed them, and the solve returned the count-first plan,
    # 38% below the bound at 10 s, 37% at 30 s; now 11% at 10 s and 5.5% at 60 s)
    for _ in range(VALUE_SET_BISECT):
        secure()
        if hi > 1.0 or enough((lo + hi) / 2):
            break
        take((lo + hi) / 2)
    return feasible, promising


def expected_seconds(last_seconds: float, last_share: float, share: float) -> float:
    """The time value-first's deadline test counts for the build of a value set of
    ``share``, from the last build's: where the set is bigger than the last one, its build
    is expected to take longer in proportion to it (tight 28,000 s1: the 1/8 set's build
    took 0.44 s, the whole set's 3.4 s and the 3/4 set's 2.0 s; s0 0.41 s, 1.5 s and 1.0 s),
    else nothing: a build begun by the deadline is worth its time there (tight 3,000 s0 at
    10 s: counting the last build's time for smaller sets too cut a build, 99.35-99.54% of
    the best known in 3 runs where it was 99.49-99.70%)."""
    if last_share <= 0.0 or share <= last_share:
        return 0.0
    return last_seconds * share / last_share


def score(res: Residual, lam: np.ndarray, x: np.ndarray) -> float:
    """How promising plan x is: its value less twice the requirement prices ``lam`` of what
    it misses (the dual's estimate of what repairing it costs); -inf when it misses more
    than PROMISING_MISSING_MAX counts."""
    missing = res.missing(x)
    if int(missing.sum()) > PROMISING_MISSING_MAX:
        return -np.inf
    return res.plan_value(x) - 2.0 * float(np.dot(lam, missing))


def most_promising(res: Residual, lam: np.ndarray,
                   plans: list[np.ndarray | None]) -> np.ndarray | None:
    """The plan of ``plans`` with the best :func:`score` (the first of equals), if any is
    promising at all."""
    scored = [(score(res, lam, x), x) for x in plans if x is not None]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] > -np.inf else None


def finish(res: Residual, x: np.ndarray) -> None:
    """Use the room a repaired plan x leaves (while it meets the requirements), move
    processes earlier where that is worth more, and put each class of interchangeable
    processes in its best order."""
    if res.shortfall(x) == 0:
        primal.fill(res, x)
    primal.move_earlier(res, x)
    primal.sort_classes(res, x)


def repaired_at_any_price(res: Residual, x: np.ndarray,
                          should_stop: Callable[[], bool]) -> np.ndarray | None:
    """A finished copy of plan x with the counts it misses repaired at any price
    (:func:`repair_counts` without a cost limit), or None if it still misses some: a plan
    to fall back on where cheaper repairs left counts missing."""
    y = x.copy()
    repair_counts(res, y, np.full(len(res.needs), np.inf), should_stop)
    if res.shortfall(y) > 0:
        return None
    finish(res, y)
    return y


def repair_counts(res: Residual, x: np.ndarray, max_cost: np.ndarray,
                  should_stop: Callable[[], bool]) -> None:
    """Raise the counts of the missed requirements, cheapest kind of repair first: quarter
    swaps for a requirement due before the last quarter (quarter_swap.py), insertions
    (count.py), exchanges (exchange.py); swaps and exchanges only while a count of need m
    costs at most ``max_cost[m]``. Rounds until the requirements are met or a round gains
    nothing."""
    for _ in range(REPAIR_ROUNDS):
        missing = int(res.missing(x).sum())
        if missing == 0:
            return
        swap_repair(res, x, should_stop, max_cost)
        if res.shortfall(x) > 0:
            eject_insert(res, x, should_stop)
        if res.shortfall(x) > 0:
            exchange_repair(res, x, should_stop, max_cost)
        primal.move_earlier(res, x)  # frees later room for the next round
        if res.missing(x).sum() >= missing:
            return
