"""From a fractional plan (the dual's softmax weights) to a feasible integer plan.

Steps, each keeping the plan feasible for capacity and channel limits:
round (largest weight) -> repair overloaded bureau-quarters and channels (drop the processes
with the least reduced value per person-month) -> meet the requirements (add the cheapest
processes by effort) -> fill leftover slack -> move processes earlier where room allows.
Works on the residual problem: ``x[i]`` is the quarter of free process i or -1.
"""

from __future__ import annotations

import numpy as np

from solver.reduced import Residual


class Usage:
    """Bureau effort and channel counts of a plan, updated incrementally."""

    def __init__(self, res: Residual, x: np.ndarray) -> None:
        self.res = res
        self.eff = np.zeros_like(res.capacity)
        self.cnt = np.zeros_like(res.limit)
        on = np.flatnonzero(x >= 0)
        np.add.at(self.eff, (res.bureau[on], x[on]), res.effort[on])
        np.add.at(self.cnt, (res.channel[on], x[on]), 1.0)

    def fits(self, i: int, q: int) -> bool:
        r = self.res
        b, c = r.bureau[i], r.channel[i]
        return bool(
            self.eff[b, q] + r.effort[i] <= r.capacity[b, q] * (1 + 1e-12) + 1e-9
            and self.cnt[c, q] + 1 <= r.limit[c, q]
        )

    def add(self, i: int, q: int, sign: float = 1.0) -> None:
        r = self.res
        self.eff[r.bureau[i], q] += sign * r.effort[i]
        self.cnt[r.channel[i], q] += sign


def round_plan(res: Residual, pi: np.ndarray, reduced: np.ndarray) -> np.ndarray:
    """Greedy rounding: (process, quarter) pairs by decreasing weight, each taken if the
    process is still unplanned and the quarter has room. Ties between near-equal quarters
    (the dual splits them) are so resolved by capacity rather than all piling on one quarter.
    """
    x = np.full(len(pi), -1, dtype=np.int64)
    if pi.size == 0:
        return x
    rows, cols = np.nonzero(pi >= 0.02)
    w = pi[rows, cols]
    density = reduced[rows, cols] / res.effort[rows]
    order = np.lexsort((-density, -w))
    rows, cols = rows[order], cols[order]
    bureau, channel, effort = res.bureau, res.channel, res.effort
    eff = np.zeros_like(res.capacity)
    cnt = np.zeros_like(res.limit)
    cap = res.capacity * (1 + 1e-12) + 1e-9
    lim = res.limit
    for i, q in zip(rows.tolist(), cols.tolist(), strict=True):
        if x[i] >= 0:
            continue
        b, c, e = bureau[i], channel[i], effort[i]
        if eff[b, q] + e <= cap[b, q] and cnt[c, q] + 1 <= lim[c, q]:
            x[i] = q
            eff[b, q] += e
            cnt[c, q] += 1
    # second pass: processes the dual plans (mass >= 1/2) but whose quarters filled up
    left = np.flatnonzero((x < 0) & (pi.sum(axis=1) >= 0.5))
    left = left[np.argsort(-np.max(reduced[left], axis=1) / effort[left], kind="stable")]
    for i in left.tolist():
        b, c, e = bureau[i], channel[i], effort[i]
        for q in np.argsort(-reduced[i], kind="stable").tolist():
            if not np.isfinite(reduced[i, q]):
                break
            if eff[b, q] + e <= cap[b, q] and cnt[c, q] + 1 <= lim[c, q]:
                x[i] = q
                eff[b, q] += e
                cnt[c, q] += 1
                break
    return x


def repair(res: Residual, x: np.ndarray, score: np.ndarray) -> None:
    """Drop processes (least ``score`` per person-month first) until every limit holds."""
    use = Usage(res, x)
    over_b = np.argwhere(use.eff > res.capacity * (1 + 1e-12) + 1e-9)
    for b, q in over_b:
        rows = np.flatnonzero((x == q) & (res.bureau == b))
        order = rows[np.argsort(score[rows] / res.effort[rows])]
        excess = use.eff[b, q] - res.capacity[b, q]
        k = int(np.searchsorted(np.cumsum(res.effort[order]), excess - 1e-9)) + 1
        for i in order[:k]:
            x[i] = -1
            use.add(int(i), int(q), -1.0)
    over_c = np.argwhere(use.cnt > res.limit)
    for c, q in over_c:
        rows = np.flatnonzero((x == q) & (res.channel == c))
        k = int(use.cnt[c, q] - res.limit[c, q])
        for i in rows[np.argsort(score[rows])][:k]:
            x[i] = -1
            use.add(int(i), int(q), -1.0)


def meet_requirements(res: Residual, x: np.ndarray) -> None:
    """Add unplanned processes, smallest effort first, until each requirement is met."""
    for mq, need in sorted(res.needs):
        have = int(np.sum((x >= 0) & (x <= mq)))
        if have >= need:
            continue
        use = Usage(res, x)
        cand = np.flatnonzero((x < 0) & (res.earliest <= mq))
        cand = cand[np.argsort(res.effort[cand], kind="stable")]
        for i in cand:
            for q in range(int(res.earliest[i]), mq + 1):
                if np.isfinite(res.value[i, q]) and use.fits(int(i), q):
                    x[i] = q
                    use.add(int(i), q)
                    have += 1
                    break
            if have >= need:
                break
        if have < need:
            have += _move_into_window(res, x, use, mq, need - have)


def _move_into_window(res: Residual, x: np.ndarray, use: Usage, mq: int, short: int) -> int:
    """Pull processes planned after quarter mq into it where capacity allows; returns gain."""
    late = np.flatnonzero(x > mq)
    late = late[np.argsort(res.effort[late], kind="stable")]
    start = short
    for i in late:
        if short <= 0:
            break
        for q in range(int(res.earliest[i]), mq + 1):
            if np.isfinite(res.value[i, q]):
                use.add(int(i), int(x[i]), -1.0)
                if use.fits(int(i), q):
                    use.add(int(i), q)
                    x[i] = q
                    short -= 1
                    break
                use.add(int(i), int(x[i]))
    return start - short


def fill(res: Residual, x: np.ndarray) -> None:
    """Plan leftover processes into leftover slack, most valuable per person-month first."""
    use = Usage(res, x)
    slack = res.capacity - use.eff
    max_slack = slack.max(axis=1)
    cand = np.flatnonzero((x < 0) & (res.effort <= max_slack[res.bureau] + 1e-9))
    if cand.size == 0:
        return
    best = np.max(res.value[cand], axis=1)
    cand = cand[np.argsort(-best / res.effort[cand], kind="stable")]
    for i in cand:
        row = res.value[i]
        for q in np.argsort(-row, kind="stable"):
            if not np.isfinite(row[q]):
                break
            if use.fits(int(i), int(q)):
                x[i] = q
                use.add(int(i), int(q))
                break


def move_earlier(res: Residual, x: np.ndarray) -> None:
    """Move planned processes to an earlier quarter with room (highest volume first)."""
    use = Usage(res, x)
    rows = np.flatnonzero(x > res.earliest)
    vol = res.problem.volume[res.free[rows]]
    for i in rows[np.argsort(-vol / res.effort[rows], kind="stable")]:
        cur = int(x[i])
        for q in range(int(res.earliest[i]), cur):
            if np.isfinite(res.value[i, q]) and use.fits(int(i), q):
                use.add(int(i), cur, -1.0)
                use.add(int(i), q)
                x[i] = q
                break


def softmax_plan(reduced: np.ndarray, tau: float) -> np.ndarray:
    """Softmax weights of each quarter against 'not planned' at temperature tau."""
    r = reduced / tau
    top = np.maximum(np.max(r, axis=1), 0.0) if r.size else np.zeros(0)
    ex = np.exp(r - top[:, None])
    out: np.ndarray = ex / (np.exp(-top) + ex.sum(axis=1))[:, None]
    return out


def build_plan(res: Residual, reduced: np.ndarray, pi: np.ndarray) -> np.ndarray:
    """The whole rounding pipeline; the result respects capacity and channel limits."""
    x = round_plan(res, pi, reduced)
    meet_requirements(res, x)
    fill(res, x)
    move_earlier(res, x)
    return x


def shortfall_of(res: Residual, x: np.ndarray) -> int:
    """Processes missing at the worst-violated requirement (0 if all are met)."""
    worst = 0
    for mq, need in res.needs:
        worst = max(worst, need - int(np.sum((x >= 0) & (x <= mq))))
    return worst


def greedy_pairs(res: Residual, key: np.ndarray) -> np.ndarray:
    """Assign (process, quarter) pairs in decreasing ``key`` order when the process is still
    unplanned and the quarter has room; pairs with key <= 0 or ineligible are skipped."""
    x = np.full(key.shape[0], -1, dtype=np.int64)
    ok = np.isfinite(key) & (key > 0)
    rows, cols = np.nonzero(ok)
    order = np.argsort(-key[rows, cols], kind="stable")
    rows, cols = rows[order], cols[order]
    bureau, channel, effort = res.bureau, res.channel, res.effort
    eff = np.zeros_like(res.capacity)
    cnt = np.zeros_like(res.limit)
    cap = res.capacity * (1 + 1e-12) + 1e-9
    lim = res.limit
    for i, q in zip(rows.tolist(), cols.tolist(), strict=True):
        if x[i] >= 0:
            continue
        b, c, e = bureau[i], channel[i], effort[i]
        if eff[b, q] + e <= cap[b, q] and cnt[c, q] + 1 <= lim[c, q]:
            x[i] = q
            eff[b, q] += e
            cnt[c, q] += 1
    return x
