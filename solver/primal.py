"""Greedy plan building blocks, each keeping capacity and channel limits (and, except for
``repair``'s input, every requirement already met) intact:

* ``greedy_pairs``: (process, quarter) pairs by decreasing key, each taken where it fits;
* ``repair``: drop processes until an overloaded plan (a caller's hint) fits;
* ``meet_requirements`` / ``repair_count``: raise the counts of unmet requirements (add the
  smallest processes; two-for-one exchanges);
* ``fill`` and ``move_earlier``: use leftover room;
* ``sort_classes``: best re-assignment within classes of interchangeable processes.

Works on the residual problem: ``x[i]`` is the quarter of free process i or -1.
"""

from __future__ import annotations

import numpy as np

from solver.constraints import Usage
from solver.reduced import Need, Residual


def repair(res: Residual, x: np.ndarray, score: np.ndarray) -> None:
    """Drop processes (least ``score`` per person-month first) until every limit holds."""
    use = res.usage(x)
    over_b = np.argwhere(use.eff > use.room)
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


def meet_requirements(res: Residual, x: np.ndarray, needs: list[Need] | None = None) -> None:
    """Add unplanned members, smallest effort first, until each requirement (of ``needs``,
    default all) is met, earliest quarter and narrowest scope first (adding a process or
    moving one earlier never lowers any requirement's count)."""
    todo = res.needs if needs is None else needs
    for req in sorted(todo, key=lambda n: (n.quarter, int(n.mask(len(x)).sum()))):
        mq, need = req.quarter, req.need
        have = req.count(x)
        if have >= need:
            continue
        use = res.usage(x)
        cand = np.flatnonzero((x < 0) & (res.earliest <= mq) & req.mask(len(x)))
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
            have += _move_into_window(res, x, use, req, need - have)


def _move_into_window(res: Residual, x: np.ndarray, use: Usage, req: Need, short: int) -> int:
    """Pull members planned after the need's quarter into it where capacity allows; returns
    the gain."""
    mq = req.quarter
    late = np.flatnonzero((x > mq) & req.mask(len(x)))
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


def fill(res: Residual, x: np.ndarray, bureaus: np.ndarray | None = None) -> None:
    """Plan leftover processes into leftover slack, most valuable per person-month first
    (only processes of ``bureaus``, if given)."""
    use = res.usage(x)
    slack = res.capacity - use.eff
    max_slack = slack.max(axis=1)
    if bureaus is not None:
        keep = np.full(max_slack.size, -np.inf)
        keep[bureaus] = max_slack[bureaus]
        max_slack = keep
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


def move_earlier(res: Residual, x: np.ndarray, bureaus: np.ndarray | None = None) -> None:
    """Move planned processes to an earlier quarter with room where that is worth more
    (highest volume first; a reference process leaves its reference quarter only when the
    earlier one is worth more than the move costs). ``bureaus``: only their processes."""
    rows = np.flatnonzero(x > res.earliest)
    if bureaus is not None:
        rows = rows[np.isin(res.bureau[rows], bureaus)]
    if rows.size == 0:
        return
    use = res.usage(x)
    q_n = res.n_quarters
    vol = res.problem.volume[res.free[rows]]
    order = rows[np.argsort(-vol / res.effort[rows], kind="stable")]
    room_arr = use.room - use.eff
    most = room_arr.max(axis=1).tolist()  # largest room of each bureau, a quick filter
    room = room_arr.ravel().tolist()
    left = (res.limit - use.cnt).ravel().tolist()
    bureau, channel, effort = res.bureau.tolist(), res.channel.tolist(), res.effort.tolist()
    earliest = res.earliest.tolist()
    finite = np.isfinite(res.value)
    value = res.value
    for i in order.tolist():
        b, e = bureau[i], effort[i]
        if e > most[b]:
            continue
        cur = int(x[i])
        c = channel[i]
        for q in range(earliest[i], cur):
            if (e <= room[b * q_n + q] and left[c * q_n + q] >= 1 and finite[i, q]
                    and value[i, q] >= value[i, cur]):
                room[b * q_n + q] -= e
                left[c * q_n + q] -= 1
                room[b * q_n + cur] += e
                left[c * q_n + cur] += 1
                most[b] = max(room[b * q_n : (b + 1) * q_n])
                x[i] = q
                break


def greedy_pairs(res: Residual, key: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
    """Assign (process, quarter) pairs in decreasing ``key`` order when the process is still
    unplanned and the quarter has room; pairs with key <= 0 or ineligible are skipped.
    ``start``: a plan to add to (kept as it is)."""
    n, q_n = key.shape
    x = np.full(n, -1, dtype=np.int64) if start is None else start.copy()
    ok = np.isfinite(key) & (key > 0) & (x < 0)[:, None]
    rows, cols = np.nonzero(ok)
    order = np.argsort(-key[rows, cols], kind="stable")
    rows, cols = rows[order], cols[order]
    # plain Python lists: element access on them is several times faster than on arrays
    bureau, channel, effort = res.bureau.tolist(), res.channel.tolist(), res.effort.tolist()
    use = res.usage(x)
    room = (use.room - use.eff).ravel().tolist()  # by b * Q + q
    left = (res.limit - use.cnt).ravel().tolist()  # by c * Q + q
    done = (x >= 0).tolist()
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
    small unplanned eligible members of the requirement of the bureau there instead (+1
    member). Each step takes the exchange losing the least objective value that keeps every
    other requirement as met as it was; stops when the needs are met or no exchange fits.
    Capacity and channel limits hold throughout.
    """
    nb = res.capacity.shape[0]
    needed = np.array([n.need for n in res.needs], dtype=np.int64)
    for m in sorted(range(len(res.needs)), key=lambda k: res.needs[k].quarter):
        req = res.needs[m]
        counts = res.need_counts(x)
        if counts[m] >= req.need:
            continue
        use = res.usage(x)
        # no requirement may fall below this: met ones stay met, unmet ones do not drop
        floor = np.minimum(counts, needed)
        cache: dict[int, list[Exchange]] = {}
        while counts[m] < req.need:
            for b in range(nb):
                if b not in cache:
                    rows = res.by_bureau[b]
                    cache[b] = _bureau_exchanges(res, x, use, rows, b, req, counts, floor)
            best: Exchange | None = None
            for opts in cache.values():
                for opt in opts:
                    if best is None or opt[0] < best[0]:
                        best = opt
            if best is None:
                return
            _, i, q, j1, j2 = best
            b = int(res.bureau[i])
            delta = _exchange_delta(res, i, q, (j1, j2))
            if not _channels_ok(res, use, q, i, (j1, j2)) or np.any(counts + delta < floor):
                # room or counts changed since the cell was evaluated: drop the option
                cache[b] = [o for o in cache[b] if o is not best]
                continue
            use.add(i, q, -1.0)
            x[i] = -1
            for j in (j1, j2):
                use.add(j, q)
                x[j] = q
            counts += delta
            floor = np.maximum(floor, np.minimum(counts, needed))
            del cache[b]


Exchange = tuple[float, int, int, int, int]  # (value lost, out, quarter, in, in)


def _exchange_delta(res: Residual, out: int, q: int, ins: tuple[int, int]) -> np.ndarray:
    """How dropping ``out`` from quarter q and planning ``ins`` there changes each need."""
    delta = res.need_delta(out, q, -1)
    for j in ins:
        delta = delta + res.need_delta(j, -1, q)
    return delta


def _bureau_exchanges(
    res: Residual, x: np.ndarray, use: Usage, rows: np.ndarray, b: int, req: Need,
    counts: np.ndarray, floor: np.ndarray,
) -> list[Exchange]:
    """The cheapest two-for-one exchange of each quarter <= the need's quarter in bureau b:
    two members of the need in, one process out."""
    out: list[Exchange] = []
    xb = x[rows]
    unplanned = rows[(xb < 0) & req.mask(len(x))[rows]]
    if unplanned.size < 2:
        return out
    for q in range(0, req.quarter + 1):
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
        best: Exchange | None = None
        for k in np.argsort(loss, axis=None)[:8].tolist():
            r, c = divmod(k, len(ia))
            if not np.isfinite(loss[r, c]):
                break
            i, j1, j2 = int(planned[r]), int(order[ia[c]]), int(order[ib[c]])
            delta = _exchange_delta(res, i, q, (j1, j2))
            if _channels_ok(res, use, q, i, (j1, j2)) and np.all(counts + delta >= floor):
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

    Processes of the same bureau, effort, channel (all channels without limits count as
    one) and requirements can trade places (and an unplanned one
    can take a planned one's place) without changing any bureau load, channel count or
    cumulative count. Within a class the best assignment of the occupied quarters is greedy:
    walk them from the earliest on and give each to the most valuable eligible process left
    (exchange argument: value is volume x a decreasing function of the quarter, and
    eligibility is "quarter >= earliest"). A reference process (stable re-planning) is worth
    more in its own quarter, so it is a class of its own.
    """
    import heapq

    if x.size == 0:
        return
    vol = res.problem.volume[res.free]
    # channels without any limit are interchangeable with each other
    limited = np.isfinite(res.limit).any(axis=1)
    chan = np.where(limited[res.channel], res.channel, -1)
    # processes counting toward different requirements are not interchangeable
    if res.needs:
        _, sig = np.unique(res.members, axis=0, return_inverse=True)
        sig = sig.ravel()
    else:
        sig = np.zeros(x.size, dtype=np.int64)
    ref = res.problem.reference
    if ref is not None and res.problem.move_cost > 0:
        own = np.flatnonzero(ref[res.free] >= 0)
        sig = sig.copy()
        sig[own] = sig.max(initial=0) + 1 + np.arange(own.size)
    key = np.lexsort((res.effort, sig, chan, res.bureau))
    b, c, e, g = res.bureau[key], chan[key], res.effort[key], sig[key]
    cut = np.flatnonzero((b[1:] != b[:-1]) | (c[1:] != c[:-1]) | (e[1:] != e[:-1])
                         | (g[1:] != g[:-1])) + 1
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
