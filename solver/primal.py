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
    rows = np.flatnonzero(x > res.earliest)
    if rows.size == 0:
        return
    use = Usage(res, x)
    q_n = res.n_quarters
    vol = res.problem.volume[res.free[rows]]
    order = rows[np.argsort(-vol / res.effort[rows], kind="stable")]
    room_arr = res.capacity * (1 + 1e-12) + 1e-9 - use.eff
    most = room_arr.max(axis=1).tolist()  # largest room of each bureau, a quick filter
    room = room_arr.ravel().tolist()
    left = (res.limit - use.cnt).ravel().tolist()
    bureau, channel, effort = res.bureau.tolist(), res.channel.tolist(), res.effort.tolist()
    earliest = res.earliest.tolist()
    finite = np.isfinite(res.value)
    for i in order.tolist():
        b, e = bureau[i], effort[i]
        if e > most[b]:
            continue
        cur = int(x[i])
        c = channel[i]
        for q in range(earliest[i], cur):
            if e <= room[b * q_n + q] and left[c * q_n + q] >= 1 and finite[i, q]:
                room[b * q_n + q] -= e
                left[c * q_n + q] -= 1
                room[b * q_n + cur] += e
                left[c * q_n + cur] += 1
                most[b] = max(room[b * q_n : (b + 1) * q_n])
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
    n, q_n = key.shape
    x = np.full(n, -1, dtype=np.int64)
    ok = np.isfinite(key) & (key > 0)
    rows, cols = np.nonzero(ok)
    order = np.argsort(-key[rows, cols], kind="stable")
    rows, cols = rows[order], cols[order]
    # plain Python lists: element access on them is several times faster than on arrays
    bureau, channel, effort = res.bureau.tolist(), res.channel.tolist(), res.effort.tolist()
    room = (res.capacity * (1 + 1e-12) + 1e-9).ravel().tolist()  # by b * Q + q
    left = res.limit.ravel().tolist()  # by c * Q + q
    done = [False] * n
    for i, q in zip(rows.tolist(), cols.tolist(), strict=True):
        if done[i]:
            continue
        e = effort[i]
        bq = bureau[i] * q_n + q
        cq = channel[i] * q_n + q
        if e <= room[bq] and left[cq] >= 1:
            done[i] = True
            x[i] = q
            room[bq] -= e
            left[cq] -= 1
    return x


def repair_count(res: Residual, x: np.ndarray) -> None:
    """Raise the counts of unmet requirements by two-for-one exchanges.

    When no unplanned process fits into any slack any more, take a bureau-quarter cell
    (quarter <= the requirement's quarter), drop one planned process of it and plan two
    small unplanned eligible processes of the bureau there instead (+1 process). Each step
    takes the exchange losing the least objective value; stops when the needs are met or no
    exchange fits. Capacity and channel limits hold throughout.
    """
    nb = res.capacity.shape[0]
    by_b = [np.flatnonzero(res.bureau == b) for b in range(nb)]
    for mq, need in sorted(res.needs):
        have = int(np.sum((x >= 0) & (x <= mq)))
        if have >= need:
            continue
        use = Usage(res, x)
        cache: dict[int, list[tuple[float, int, int, int, int]]] = {}
        while have < need:
            for b in range(nb):
                if b not in cache:
                    cache[b] = _bureau_exchanges(res, x, use, by_b[b], b, mq)
            best: tuple[float, int, int, int, int] | None = None
            for opts in cache.values():
                for opt in opts:
                    if best is None or opt[0] < best[0]:
                        best = opt
            if best is None:
                return
            _, i, q, j1, j2 = best
            b = int(res.bureau[i])
            if not _channels_ok(res, use, q, i, (j1, j2)):
                # channel room changed since the cell was evaluated: drop the option
                cache[b] = [o for o in cache[b] if o is not best]
                continue
            use.add(i, q, -1.0)
            x[i] = -1
            for j in (j1, j2):
                use.add(j, q)
                x[j] = q
            have += 1
            del cache[b]


def _bureau_exchanges(
    res: Residual, x: np.ndarray, use: Usage, rows: np.ndarray, b: int, mq: int
) -> list[tuple[float, int, int, int, int]]:
    """The cheapest two-for-one exchange of each quarter <= mq of bureau b (loss, out, q, in)."""
    out: list[tuple[float, int, int, int, int]] = []
    xb = x[rows]
    unplanned = rows[xb < 0]
    if unplanned.size < 2:
        return out
    for q in range(0, mq + 1):
        cand = unplanned[np.isfinite(res.value[unplanned, q])]
        planned = rows[xb == q]
        if cand.size < 2 or planned.size == 0:
            continue
        order = cand[np.lexsort((-res.value[cand, q], res.effort[cand]))][:6]
        ia, ib = np.triu_indices(len(order), 1)
        eo, vo = res.effort[order], res.value[order, q]
        slack = res.capacity[b, q] - use.eff[b, q]
        need_e = eo[ia] + eo[ib] - slack
        loss = res.value[planned, q][:, None] - (vo[ia] + vo[ib])[None, :]
        loss[res.effort[planned][:, None] < need_e[None, :] - 1e-9] = np.inf
        best: tuple[float, int, int, int, int] | None = None
        for k in np.argsort(loss, axis=None)[:8].tolist():
            r, c = divmod(k, len(ia))
            if not np.isfinite(loss[r, c]):
                break
            i, j1, j2 = int(planned[r]), int(order[ia[c]]), int(order[ib[c]])
            if _channels_ok(res, use, q, i, (j1, j2)):
                best = (float(loss[r, c]), i, q, j1, j2)
                break
        if best is not None:
            out.append(best)
    return out


def _channels_ok(res: Residual, use: Usage, q: int, out: int, ins: tuple[int, ...]) -> bool:
    delta: dict[int, int] = {int(res.channel[out]): -1}
    for j in ins:
        c = int(res.channel[j])
        delta[c] = delta.get(c, 0) + 1
    return all(use.cnt[c, q] + d <= res.limit[c, q] for c, d in delta.items() if d > 0)


def sort_classes(res: Residual, x: np.ndarray) -> None:
    """Best re-assignment within each class of interchangeable processes.

    Processes of the same bureau, effort and channel (all channels without limits count as
    one) can trade places (and an unplanned one
    can take a planned one's place) without changing any bureau load, channel count or
    cumulative count. Within a class the best assignment of the occupied quarters is greedy:
    walk them from the earliest on and give each to the most valuable eligible process left
    (exchange argument: value is volume x a decreasing function of the quarter, and
    eligibility is "quarter >= earliest").
    """
    import heapq

    if x.size == 0:
        return
    vol = res.problem.volume[res.free]
    # channels without any limit are interchangeable with each other
    limited = np.isfinite(res.limit).any(axis=1)
    chan = np.where(limited[res.channel], res.channel, -1)
    key = np.lexsort((res.effort, chan, res.bureau))
    b, c, e = res.bureau[key], chan[key], res.effort[key]
    cut = np.flatnonzero((b[1:] != b[:-1]) | (c[1:] != c[:-1]) | (e[1:] != e[:-1])) + 1
    finite = np.isfinite(res.value)
    for group in np.split(key, cut):
        slots = np.sort(x[group][x[group] >= 0])
        if group.size < 2 or slots.size == 0:
            continue
        items = group[np.argsort(res.earliest[group], kind="stable")]
        earliest = res.earliest[items].tolist()
        heap: list[tuple[float, int]] = []
        k = 0
        new: dict[int, int] = {}
        for s in slots.tolist():
            while k < items.size and earliest[k] <= s:
                heapq.heappush(heap, (-float(vol[items[k]]), int(items[k])))
                k += 1
            skipped: list[tuple[float, int]] = []
            chosen = -1
            while heap:
                w, i = heapq.heappop(heap)
                if finite[i, s]:
                    chosen = i
                    break
                skipped.append((w, i))
            for it in skipped:
                heapq.heappush(heap, it)
            if chosen < 0:
                break  # cannot happen: the slot's current holder is eligible
            new[chosen] = s
        if len(new) != slots.size:
            continue  # keep the class as it is
        x[group] = -1
        for i, s in new.items():
            x[i] = s
