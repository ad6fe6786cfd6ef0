"""The "most processes" phase: raise the cumulative counts toward the requirements.

Used when the count-first greedy (smallest efforts, earliest quarters) misses the target or a
milestone. The greedy packs bureau-quarters first-fit and can waste room, so a miss does not
prove infeasibility. We improve it in two steps:

* ``eject_insert``: insert an unplanned process after moving one planned process of its
  bureau to another quarter with room (fast, a fraction of a second on 28,000 processes);
* block coordinate ascent with CP-SAT: one bureau at a time, the rest of the plan fixed (its
  channel usage and counts), maximising the bureau's contribution to the requirements,
  the bureaus with the largest share unplanned first; rounds until nothing improves, the
  time budget is spent, or STALL_SHARE of it has passed without a gain.

Objective: sum over requirements m of min(count by quarter m, need m), i.e. each missing
process at each requirement costs one. Efforts and capacities are scaled to integer 1/100
person-months conservatively (efforts rounded up, capacities down), so every CP-SAT answer
is feasible for the real figures; a sub-solution is only accepted if it strictly improves the
objective (the current plan is kept otherwise).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from solver.block_model import BlockModel
from solver.constraints import Usage
from solver.reduced import Residual

#: The CP-SAT rounds stop once this share of their time has passed without a gain (see
#: ``bureau_order``: the bureaus likely to gain come first). Tight 28,000 with 5% less
#: capacity, where no bureau gains (20 tried in 6.1 s), took 0.7 of a 10 s limit in the
#: two count phases, and the solve ended 1.1-1.8 s past the limit.
STALL_SHARE = 0.25


def count_score(res: Residual, x: np.ndarray) -> int:
    """Sum over requirements of min(count of its members by its quarter, need)."""
    return sum(min(n.count(x), n.need) for n in res.needs)


def _total_need(res: Residual) -> int:
    return sum(n.need for n in res.needs)


def improve_count(
    res: Residual,
    x: np.ndarray,
    seconds: float,
    should_stop: Callable[[], bool] = lambda: False,
) -> np.ndarray:
    """A plan with count_score >= that of ``x`` (a feasible plan), within ``seconds``."""
    t_end = time.monotonic() + max(0.0, seconds)
    best = x.copy()
    if not res.needs or count_score(res, best) >= _total_need(res):
        return best
    eject_insert(res, best, should_stop)
    if count_score(res, best) >= _total_need(res):
        return best
    nb = res.capacity.shape[0]
    last_gain = time.monotonic()
    improved = True
    while improved and time.monotonic() < t_end and not should_stop():
        improved = False
        for b in bureau_order(res, best):
            left = t_end - time.monotonic()
            if left <= 0 or should_stop():
                break
            if time.monotonic() - last_gain > STALL_SHARE * seconds:
                return best
            if count_score(res, best) >= _total_need(res):
                return best
            rows = res.by_bureau[b]
            if rows.size == 0:
                continue
            cand = _solve_block(res, best, rows, min(left, max(0.2, left / max(1, nb))))
            if cand is not None and count_score(res, cand) > count_score(res, best):
                best = cand
                improved = True
                last_gain = time.monotonic()
    return best


def bureau_order(res: Residual, x: np.ndarray) -> list[int]:
    """The bureaus by the share of their processes plan x leaves unplanned, largest first:
    where CP-SAT is likely to fit more in, and fast (by the number unplanned, the biggest
    bureaus came first, took most of the time and gained nothing: tight 3,000 with 3% less
    capacity was then reported out of reach at 10 s, where by share the needs were met
    within 1.0-2.3 s)."""
    nb = res.capacity.shape[0]
    sizes = np.maximum(np.bincount(res.bureau, minlength=nb), 1)
    unplanned = np.bincount(res.bureau[x < 0], minlength=nb)
    order: list[int] = np.argsort(-unplanned / sizes, kind="stable").tolist()
    return order


def _solve_block(
    res: Residual, x: np.ndarray, rows: np.ndarray, seconds: float
) -> np.ndarray | None:
    """Re-plan the free processes ``rows`` (others fixed) for the most requirement counts."""
    if seconds <= 0.01:
        return None
    block = BlockModel(res, x, rows)
    model = block.model
    score = []
    now = 0
    for need in res.needs:
        fixed = block.fixed_count(need)
        cap = need.need - fixed
        if cap <= 0:
            continue
        have = need.count(x) - fixed
        s = model.new_int_var(0, cap, "")
        model.add(s <= sum(block.count_of(need)))
        model.add_hint(s, min(cap, have))
        score.append(s)
        now += min(cap, have)
    if not score:
        return None
    model.add(sum(score) >= now)
    model.maximize(sum(score))
    return block.solve(seconds)


def eject_insert(
    res: Residual, x: np.ndarray, should_stop: Callable[[], bool] = lambda: False
) -> None:
    """Insert unplanned processes by first moving one planned process out of the way.

    For an unplanned process j (smallest effort first) and a quarter q it may use, a planned
    process i of the same bureau in q with effort >= what j lacks moves to another quarter
    q' with room for it; then j takes q. Moving i never crosses a requirement quarter (so no
    cumulative count drops) and respects eligibility, capacity and channel limits. Only
    members of a requirement not yet met are inserted, by its quarter (others would take
    room for nothing).
    """
    req_q = sorted({n.quarter for n in res.needs})
    if not req_q:
        return
    use = res.usage(x)
    needed = np.array([n.need for n in res.needs], dtype=np.int64)
    counts = res.need_counts(x)
    until = _useful_until(res, counts < needed)
    tol = 1e-9
    finite = np.isfinite(res.value)
    nb = res.capacity.shape[0]
    for b in range(nb):
        rows = res.by_bureau[b]
        cand = rows[(x[rows] < 0) & (res.earliest[rows] <= until[rows])]
        cand = cand[np.argsort(res.effort[cand], kind="stable")]
        fails = 0
        for j in cand.tolist():
            if fails >= 8 or should_stop():
                break
            if np.all(counts >= needed):
                return
            done = False
            e_j, c_j = float(res.effort[j]), int(res.channel[j])
            for q in range(int(res.earliest[j]), int(until[j]) + 1):
                if not finite[j, q] or use.cnt[c_j, q] + 1 > res.limit[c_j, q]:
                    continue
                lack = e_j - (res.capacity[b, q] - use.eff[b, q])
                if lack <= tol:  # fits directly
                    x[j] = q
                    use.add(j, q)
                    done = True
                    break
                movers = rows[(x[rows] == q) & (res.effort[rows] >= lack - tol)]
                for i in movers[np.argsort(res.effort[movers], kind="stable")].tolist():
                    q2 = _new_home(res, use, finite, i, q, req_q)
                    if q2 is None:
                        continue
                    use.add(i, q, -1.0)
                    use.add(i, q2)
                    x[i] = q2
                    if use.fits(j, q):
                        x[j] = q
                        use.add(j, q)
                        counts += res.need_delta(i, q, q2)
                        done = True
                        break
                    use.add(i, q2, -1.0)  # float edge case: undo
                    use.add(i, q)
                    x[i] = q
                if done:
                    break
            fails = 0 if done else fails + 1
            if done:
                met_before = counts >= needed
                counts += res.need_delta(j, -1, int(x[j]))
                if np.any((counts >= needed) != met_before):
                    until = _useful_until(res, counts < needed)


def _useful_until(res: Residual, unmet: np.ndarray) -> np.ndarray:
    """int[F]: the latest quarter in which a process still raises an unmet requirement's
    count (-1: none)."""
    if not res.needs:
        return np.full(res.free.size, -1, dtype=np.int64)
    quarters = np.where(res.members & unmet[None, :], res.need_quarters[None, :], -1)
    out: np.ndarray = quarters.max(axis=1)
    return out


def _new_home(
    res: Residual, use: Usage, finite: np.ndarray, i: int, q: int, req_q: list[int]
) -> int | None:
    """A quarter != q where i fits and whose move crosses no requirement quarter."""
    for q2 in range(int(res.earliest[i]), res.n_quarters):
        if q2 == q or not finite[i, q2]:
            continue
        lo, hi = min(q, q2), max(q, q2)
        if q2 > q and any(lo <= m < hi for m in req_q):
            continue  # moving later would lower the count at a requirement quarter
        if use.fits(i, q2):
            return q2
    return None
