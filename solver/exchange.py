"""Count repair by exchanges: one planned process makes room for several smaller ones.

Used where a plan misses a requirement by tens of processes and the smallest members are
planned already (value-first plans, warm re-solves): see :func:`exchange_repair`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from solver.constraints import Usage
from solver.reduced import Need, Residual

#: Steps at most, the smallest fillers considered per cell, and retries when the channel
#: limits reject the cheapest exchange.
EXCHANGE_STEPS = 400
EXCHANGE_FILLERS = 40
EXCHANGE_RETRIES = 5


def exchange_repair(res: Residual, x: np.ndarray, should_stop: Callable[[], bool],
                    max_cost: np.ndarray | None = None) -> None:
    """Raise the counts of missed requirements by exchanges, cheapest per count first
    (``max_cost[m]``: the most a count of need m may cost; None: any).

    In a bureau-quarter q no later than the requirement's quarter m, one planned process i
    makes room for the k smallest members not yet done by m that fit into the cell's slack
    plus i's effort: i moves to a later quarter with room (so it still counts at later
    requirements) or is dropped; the count by m rises by k - 1 (k if i is not a member).
    The cost is the value lost;
    each step takes the exchange with the least cost per count gained. The generalisation of
    the two-for-one exchanges of primal.repair_count that a plan built value-first needs: its
    shortfall is tens of processes, and the smallest members are usually all planned already.
    Capacity and channel limits hold throughout; the plan only gets closer to the needs.

    An exchange changes one bureau, so each bureau's cheapest exchange is kept between steps
    and only the changed bureau's is searched again (channel limits are global: the chosen
    exchange is checked against them before it is made).
    """
    finite = np.isfinite(res.value)
    cache: dict[tuple[int, int], _Exchange | None] = {}
    use = res.usage(x)
    for _ in range(EXCHANGE_STEPS):
        missing = res.missing(x)
        if should_stop() or not missing.any():
            return
        # the cheapest exchange for each missed requirement; the one that costs least per
        # process missing less over all requirements is made
        best: tuple[float, np.ndarray, int] | None = None
        value_now = res.plan_value(x)
        for m in np.flatnonzero(missing > 0).tolist():
            step = _exchange_for(res, x, use, m, finite, cache)
            if step is None:
                continue
            i, new_i, q, ins = step
            y = x.copy()
            y[i] = new_i
            y[ins] = q
            after = res.missing(y)
            fewer = int(missing.sum() - after.sum())
            if fewer < 1 or after.max() > missing.max():
                continue
            cost = (value_now - res.plan_value(y)) / fewer
            if max_cost is not None and cost > max_cost[m]:
                continue
            if best is None or cost < best[0]:
                best = (cost, y, int(res.bureau[i]))
        if best is None:
            return
        x[:] = best[1]
        before, use = use, res.usage(x)
        forget_changed(cache, best[2], before, use)


def forget_changed(cache: dict[tuple[int, int], Any], bureau: int, before: Usage,
                   after: Usage) -> None:
    """Drop what a move in ``bureau`` made stale in a cache of each (need, bureau)'s best
    move: that bureau's entries, or all of them when a channel limit's room changed
    (channel limits are global, so every bureau's search depended on it)."""
    limited = np.isfinite(after.limit)
    if np.any(after.cnt[limited] != before.cnt[limited]):
        cache.clear()
        return
    for key in [key for key in cache if key[1] == bureau]:
        del cache[key]


#: (cost per count, process out, its new quarter or -1, the cell's quarter, processes in)
_Exchange = tuple[float, int, int, int, np.ndarray]


def _exchange_for(
    res: Residual, x: np.ndarray, use: Usage, m: int, finite: np.ndarray,
    cache: dict[tuple[int, int], _Exchange | None],
) -> tuple[int, int, int, np.ndarray] | None:
    """The cheapest exchange for need m whose processes fit the channel limits, or None.
    ``cache``: each bureau's cheapest exchange for m, filled in where missing."""
    need = res.needs[m]
    member = need.mask(x.size)
    late = member & ((x < 0) | (x > need.quarter))
    banned: set[int] = set()
    step = None
    for _ in range(EXCHANGE_RETRIES):
        for b, rows in enumerate(res.by_bureau):
            if (m, b) not in cache:
                cache[m, b] = _bureau_exchange(res, x, use, need, rows, late, finite, banned)
        found = [(c, b) for (mm, b), c in cache.items() if mm == m and c is not None]
        if not found:
            break
        cand, b = min(found, key=lambda cb: cb[0][0])
        step = _fitting(res, use, cand, bool(member[cand[1]]))
        if step is not None:
            break
        banned.add(cand[1])  # its fillers do not fit the channel limits: the next best
        del cache[m, b]
    if banned:  # what was searched without the banned processes holds for this step only
        for key in [key for key in cache if key[0] == m]:
            del cache[key]
    return step


def _fitting(res: Residual, use: Usage, cand: _Exchange,
             out_is_member: bool) -> tuple[int, int, int, np.ndarray] | None:
    """The exchange with the processes coming in that fit the channel limits now (the
    search ignored channels), or None if it no longer gains a count or i's new home is
    full. ``use`` is left as it was."""
    _, i, new_i, q, ins = cand
    trial = use.copy()
    trial.add(i, q, -1.0)
    if new_i >= 0:
        if not trial.fits(i, new_i):
            return None
        trial.add(i, new_i)
    ok = []
    for j in ins.tolist():
        if trial.fits(j, q):
            trial.add(j, q)
            ok.append(j)
    if len(ok) - int(out_is_member) < 1:
        return None
    return i, new_i, q, np.array(ok, dtype=np.int64)


def _bureau_exchange(
    res: Residual, x: np.ndarray, use: Usage, need: Need, rows: np.ndarray, late: np.ndarray,
    finite: np.ndarray, banned: set[int],
) -> _Exchange | None:
    """The cheapest exchange per count for ``need`` in one bureau (its ``rows``), or None.
    ``late``: the members not done by the need's quarter; ``banned``: processes not to take
    out."""
    m = need.quarter
    member = need.mask(x.size)
    fillers_b = rows[late[rows] & (x[rows] < 0)]
    if fillers_b.size == 0:
        return None
    b = int(res.bureau[rows[0]])
    fillers_b = fillers_b[np.argsort(res.effort[fillers_b], kind="stable")]
    best: _Exchange | None = None
    for q in range(0, m + 1):
        room_c = use.cnt[res.channel[fillers_b], q] < res.limit[res.channel[fillers_b], q]
        fillers = fillers_b[finite[fillers_b, q] & room_c][:EXCHANGE_FILLERS]
        planned = rows[x[rows] == q]
        if banned:
            planned = planned[~np.isin(planned, list(banned))]
        if fillers.size == 0 or planned.size == 0:
            continue
        slack = res.capacity[b, q] - use.eff[b, q]
        cum_e = np.cumsum(res.effort[fillers])
        cum_v = np.concatenate([[0.0], np.cumsum(res.value[fillers, q])])
        k = np.searchsorted(cum_e, slack + res.effort[planned] + 1e-9, side="right")
        later = _later_homes(res, use, finite, planned, m)
        gain = k - member[planned].astype(np.int64)
        lost = res.value[planned, q] - np.where(
            later >= 0, res.value[planned, np.maximum(later, 0)], 0.0)
        cost = np.where(gain >= 1, (lost - cum_v[k]) / np.maximum(gain, 1), np.inf)
        t = int(np.argmin(cost))
        if np.isfinite(cost[t]) and (best is None or cost[t] < best[0]):
            best = (float(cost[t]), int(planned[t]), int(later[t]), q, fillers[: k[t]])
    return best


def _later_homes(
    res: Residual, use: Usage, finite: np.ndarray, rows: np.ndarray, m: int
) -> np.ndarray:
    """int[len(rows)]: for each process, the first quarter after m where it fits on its own
    (it loses the least value there), -1 if none."""
    out = np.full(rows.size, -1, dtype=np.int64)
    b, c, e = res.bureau[rows], res.channel[rows], res.effort[rows]
    for q2 in range(res.n_quarters - 1, m, -1):  # latest first, so the earliest one wins
        fits = (finite[rows, q2] & (use.eff[b, q2] + e <= use.room[b, q2])
                & (use.cnt[c, q2] + 1 <= res.limit[c, q2]))
        out[fits] = q2
    return out
