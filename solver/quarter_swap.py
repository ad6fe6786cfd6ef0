"""Count repair by swapping across a requirement's quarter, within one bureau.

A requirement due before the last quarter (a milestone, or a scoped requirement with an
earlier quarter) counts the members completed by its quarter m. Where the target binds,
every bureau-quarter up to m is full, so a missing count can neither be inserted nor moved
in on its own, and the other repairs must drop valuable processes to make room (on the
tight 28,000 family: about 20,000 applications per count, six times the requirement's
price). What the relaxation does instead is swap: one process i of bureau b done in
quarter q1 <= m changes places with the k >= 2 smallest members of b done in a quarter
q2 > m whose efforts fit i's room in q1. Both cells stay within capacity (the k fit what
i leaves plus q1's slack, i fits what they leave plus q2's slack), nothing is dropped, and
the count by m rises by k - 1 (k if i is not a member). The value changes only by the
quarters moved: i later, the k earlier, so a swap may even gain.

``swap_repair`` takes the swap that costs least per count gained, again and again, while
the requirement is missed. Channel limits: the k must use a channel without a limit in q1
(the limited channels are full there when the target binds) and i must have room in its
channel in q2. A swap that would lower the count of another requirement below its need is
skipped.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from solver.constraints import Usage
from solver.exchange import forget_changed
from solver.reduced import Need, Residual

#: Swaps at most per call (each one gains at least one count).
MAX_SWAPS = 2000

Swap = tuple[float, int, int, int, np.ndarray]  # (cost per count, i, q1, q2, the k)


def swap_repair(res: Residual, x: np.ndarray, should_stop: Callable[[], bool],
                max_cost: np.ndarray | None = None) -> None:
    """Raise the counts of missed requirements due before the last quarter by swaps (x is
    changed in place; it only gets closer to the needs, and stays within every limit).
    ``max_cost[m]``: the most a count of need m may cost (None: any).

    A swap changes one bureau, so each bureau's cheapest swap is kept between steps and only
    the changed bureau's is searched again, unless a channel limit's room changed."""
    last = res.n_quarters - 1
    finite = np.isfinite(res.value)
    cache: dict[tuple[int, int], Swap | None] = {}
    use = res.usage(x)
    for _ in range(MAX_SWAPS):
        if should_stop():
            return
        missing = res.missing(x)
        open_needs = [m for m in np.flatnonzero(missing > 0).tolist()
                      if res.needs[m].quarter < last]
        if not open_needs:
            return
        made = None
        for m in open_needs:
            for b, rows in enumerate(res.by_bureau):
                if (m, b) not in cache:
                    cache[m, b] = _bureau_swap(res, x, use, res.needs[m], rows, finite)
            found = [c for (mm, _), c in cache.items() if mm == m and c is not None]
            if not found:
                continue
            swap = min(found, key=lambda c: c[0])
            if max_cost is not None and swap[0] > max_cost[m]:
                continue
            _, i, q1, q2, ins = swap
            y = x.copy()
            y[i] = q2
            y[ins] = q1
            after = res.missing(y)
            if np.any(after > missing) or after.sum() >= missing.sum():
                continue
            made = int(res.bureau[i])
            x[:] = y
            break
        if made is None:
            return
        before, use = use, res.usage(x)
        forget_changed(cache, made, before, use)


def _bureau_swap(res: Residual, x: np.ndarray, use: Usage, need: Need, rows: np.ndarray,
                 finite: np.ndarray) -> Swap | None:
    """The swap across ``need``'s quarter in one bureau (its ``rows``) with the least value
    lost per count, or None."""
    m, q_n = need.quarter, res.n_quarters
    member = need.mask(x.size)
    unlimited = np.isinf(res.limit)
    b = int(res.bureau[rows[0]]) if rows.size else 0
    slack = use.room[b] - use.eff[b]
    best: Swap | None = None
    for q2 in range(m + 1, q_n):
        late = rows[(x[rows] == q2) & member[rows]]
        if late.size < 2:
            continue
        late = late[np.argsort(res.effort[late], kind="stable")]
        for q1 in range(m + 1):
            ins = late[finite[late, q1] & unlimited[res.channel[late], q1]]
            if ins.size < 2:
                continue
            out = rows[x[rows] == q1]
            out = out[finite[out, q2]
                      & (use.cnt[res.channel[out], q2] + 1 <= res.limit[res.channel[out], q2])]
            if out.size == 0:
                continue
            cand = _best_in_cell(res, ins, out, q1, q2, slack[q1], slack[q2], member)
            if cand is not None and (best is None or cand[0] < best[0]):
                best = cand
    return best


def _best_in_cell(res: Residual, ins: np.ndarray, out: np.ndarray, q1: int, q2: int,
                  slack1: float, slack2: float, member: np.ndarray) -> Swap | None:
    """For each process of ``out`` (done in q1), the most of the smallest ``ins`` (done in
    q2) that fit its room; the cheapest swap per count among them."""
    cum_e = np.cumsum(res.effort[ins])
    cum_v = np.concatenate([[0.0], np.cumsum(res.value[ins, q1] - res.value[ins, q2])])
    e_out = res.effort[out]
    k = np.searchsorted(cum_e, e_out + slack1 + 1e-9, side="right")
    fits_back = cum_e[np.maximum(k, 1) - 1] + slack2 + 1e-9 >= e_out  # i fits where they were
    gain = k - member[out].astype(np.int64)
    ok = (k >= 2) & fits_back & (gain >= 1)
    if not ok.any():
        return None
    delta = cum_v[k] + res.value[out, q2] - res.value[out, q1]
    cost = np.where(ok, -delta / np.maximum(gain, 1), np.inf)
    t = int(np.argmin(cost))
    return float(cost[t]), int(out[t]), q1, q2, ins[: k[t]]
