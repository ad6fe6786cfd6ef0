"""The least extra bureau capacity that closes the requirements a plan misses.

A linear program on the relaxation, solved by GLOP through OR-Tools. Processes that are alike
for it (same bureau, channel, earliest quarter, effort and requirements) form one class k of
n_k processes; x[k, q] >= 0 of them complete in quarter q, extra[b, q] >= 0 person-months are
added to bureau b in quarter q, and short[m] >= 0 is what capacity cannot close at all
(members not eligible in time, channel limits):

    sum_q x[k, q] <= n_k                                         (each process at most once)
    sum_{k in b} effort_k x[k, q] <= capacity[b, q] + extra[b, q]
    sum_{k on c} x[k, q] <= limit[c, q]
    sum_{k in m, q <= quarter m} x[k, q] + short[m] >= need[m]   (every requirement)

in three stages, each keeping the optimum of the one before (up to a small tolerance):

1. min  sum extra + BIG * sum short         the least extra capacity in total;
2. min  sum over,  over[b, q] >= extra[b, q] - capacity[b, q]
                                            no quarter more than doubled where avoidable;
3. min  sum_b t_b, extra[b, q] <= t_b * ref[b, q]
                                            spread over the quarters in proportion to the
                                            bureau's capacity (ref: at least its mean).

The relaxation packs fractions of processes, so each answer is made whole and verified by
construction: each class gets floor(x[k, q]) processes in q, the requirements still missed
after that are met by adding their smallest eligible members (into the room left, else into
more capacity), and the extra capacity is then exactly what that plan uses beyond the
capacity (rounded up to 1/100 person-month). That plan is a witness: the checker confirms it
meets every requirement that capacity can close. Of the answers of stages 2 and 3, the spread
one is kept unless it needs more than SPREAD_TOLERANCE more in total.

Each part names the requirement it serves. The witness plan shows what the extra capacity is
used for: in a cell, the processes that count for a missed requirement in the witness but not
in the plan that misses it are that requirement's missing members; the cell's extra is split
between the requirements in proportion to their effort (a process closing the gap of several
requirements shares its effort equally between them), so the parts of a requirement add up to
the capacity its missing members use.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import numpy as np
from ortools.linear_solver import pywraplp

from solver.background import Background
from solver.checker import requirement_shortfalls
from solver.constraints import Usage
from solver.plan import ExtraCapacity
from solver.problem import Problem
from solver.reduced import Residual, residual_of

#: Relative slack when a stage's optimum becomes a constraint of the next one.
STAGE_SLACK = 1e-7
#: The spread answer may need this much more in total than the other.
SPREAD_TOLERANCE = 0.02


@dataclasses.dataclass
class CapacityGap:
    """Extra capacity per (bureau, quarter, requirement served), and what it cannot close."""

    extra: list[ExtraCapacity]
    unclosable: list[int]  # per requirement (all_requirements order): members capacity cannot add
    verified: bool  # the witness plan with this capacity meets everything capacity can close


def least_extra_capacity(problem: Problem, quarter: np.ndarray) -> CapacityGap | None:
    """The least extra capacity (spread) with which every requirement that capacity can close
    is met; None if the LP fails. ``quarter`` is the plan that misses them."""
    closing = _closing(problem)
    return None if closing is None else _gap_of(problem, closing, quarter)


class GapInBackground:
    """:func:`least_extra_capacity`'s LP and witness plans, worked out in a thread from
    construction on.

    They depend only on the problem, not on the plan, so a solve that finds the
    requirements out of reach starts them at once and they run beside the later phases
    (GLOP releases the GIL while it solves); the plan is only needed to name what the extra
    capacity serves (:meth:`gap`). Worked out at the end instead, they took 1-3.5 s past the
    time limit (tight 3,000 with 10% less capacity: 1.0-1.2 s; tight 28,000 with 5% less:
    3.5 s, of which the witnesses 0.45 s)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self._closing = Background(lambda: _closing(problem))

    def gap(self, quarter: np.ndarray,
            should_stop: Callable[[], bool] = lambda: False) -> CapacityGap | None:
        """:func:`least_extra_capacity` for plan ``quarter`` once the thread has ended; None
        if the LP failed or ``should_stop`` (a cancel) came first (the thread then ends on
        its own)."""
        if not self._closing.wait(should_stop):
            return None
        closing = self._closing.result()
        return None if closing is None else _gap_of(self.problem, closing, quarter)


@dataclasses.dataclass
class _Closing:
    """What closes the requirements, whatever plan misses them: the extra capacity per
    cell, whether the witness plan is verified, that plan (quarter per problem row) and
    what capacity cannot close per requirement."""

    cells: np.ndarray
    verified: bool
    whole: np.ndarray
    unclosable: list[int]


def _closing(problem: Problem) -> _Closing | None:
    """The LP's answers made whole (the spread one unless it needs SPREAD_TOLERANCE more);
    None if the LP fails."""
    res = residual_of(problem)
    lp = _GapLp(problem, res)
    answers = lp.solve()
    if not answers:
        return None
    unclosable = [0] * len(problem.all_requirements())
    for m, need in enumerate(res.needs):
        unclosable[need.index] = math.floor(lp.short[m].solution_value() + 1e-6)
    witnesses = [_witness(problem, res, lp.classes, x, unclosable) for x in answers]
    cells, ok, whole = witnesses[-1]  # the spread one
    for other, other_ok, other_whole in witnesses[:-1]:
        if (other_ok and not ok) or (other_ok == ok and other.sum()
                                     < cells.sum() / (1 + SPREAD_TOLERANCE)):
            cells, ok, whole = other, other_ok, other_whole
    return _Closing(cells, ok, whole, unclosable)


def _gap_of(problem: Problem, closing: _Closing, quarter: np.ndarray) -> CapacityGap:
    """The extra capacity, each part named by the requirement it serves for plan
    ``quarter``."""
    missing = requirement_shortfalls(problem, quarter)
    return CapacityGap(_attributed(problem, closing.cells, closing.whole, np.asarray(quarter),
                                   missing), closing.unclosable, closing.verified)


def _witness(problem: Problem, res: Residual, classes: list[np.ndarray], x: np.ndarray,
             unclosable: list[int]) -> tuple[np.ndarray, bool, np.ndarray]:
    """A whole plan from the LP's x (floors, then the smallest missing members), and the
    extra capacity it uses: (extra[b, q], whether the checker finds the requirements met as
    far as capacity can close them, the plan's quarter per problem row)."""
    plan = np.full(res.free.size, -1, dtype=np.int64)
    q_n = res.n_quarters
    for k, rows in enumerate(classes):
        start = 0
        for q in range(q_n):
            take = math.floor(x[k, q] + 1e-6)
            plan[rows[start : start + take]] = q
            start += take
    # unlimited capacity for the top-up, then the extra is what the plan actually uses
    use = Usage(res.bureau, res.channel, res.effort, np.full_like(res.capacity, np.inf),
                res.limit, plan)
    for need in sorted(res.needs, key=lambda n: n.quarter):
        short = need.need - unclosable[need.index] - need.count(plan)
        if short <= 0:
            continue
        cand = np.flatnonzero((plan < 0) & need.mask(len(plan)) & (res.earliest <= need.quarter))
        cand = cand[np.argsort(res.effort[cand], kind="stable")].tolist()
        # into room that is left first, then (the smallest) into more capacity
        for fits_only in (True, False):
            for i in cand:
                if short <= 0:
                    break
                if plan[i] >= 0:
                    continue
                home = _roomiest(res, use, i, need.quarter)
                if home is None or (fits_only and res.effort[i] > res.capacity[
                        res.bureau[i], home] - use.eff[res.bureau[i], home] + 1e-9):
                    continue
                plan[i] = home
                use.add(i, home)
                short -= 1
    cells = np.maximum(use.eff - res.capacity, 0.0)
    cells = np.ceil(np.where(cells > 1e-9, cells, 0.0) * 100 - 1e-6) / 100
    more = dataclasses.replace(problem, bureau_capacity=problem.bureau_capacity + cells)
    whole = np.where(problem.locked >= 0, problem.locked, -1).astype(np.int32)
    whole[res.free] = plan
    missing = requirement_shortfalls(more, whole)
    return cells, all(missing[k] <= unclosable[k] for k in range(len(missing))), whole


def _roomiest(res: Residual, use: Usage, i: int, last: int) -> int | None:
    """The quarter in earliest..last where process i leaves most of the bureau's capacity
    (room first, extra capacity second), with channel room; None if the channel is full."""
    b, c = int(res.bureau[i]), int(res.channel[i])
    best, best_room = None, -np.inf
    for q in range(int(res.earliest[i]), last + 1):
        if use.cnt[c, q] + 1 > res.limit[c, q]:
            continue
        room = res.capacity[b, q] - use.eff[b, q] - res.effort[i]
        if room > best_room:
            best, best_room = q, room
    return best


def _attributed(problem: Problem, cells: np.ndarray, witness: np.ndarray, plan: np.ndarray,
                missing: list[int]) -> list[ExtraCapacity]:
    """The extra cells split between the missed requirements they serve (module docstring):
    by the effort of each requirement's new members in the cell (counted in ``witness``, not
    in ``plan``); a cell without any by the effort there counting for a missed requirement
    at all; failing that, in the proportions of all the other cells."""
    reqs = problem.all_requirements()
    missed = [k for k in range(len(reqs)) if missing[k] > 0]
    if not missed:
        return []
    n = problem.n_processes
    counts = np.zeros((len(missed), n), dtype=bool)  # counts for the requirement in the witness
    new = np.zeros_like(counts)  # ... and not in the plan that misses it
    for j, k in enumerate(missed):
        req = reqs[k]
        member = req.member_mask(n)
        counts[j] = member & (witness >= 0) & (witness <= req.quarter)
        new[j] = counts[j] & ~(member & (plan >= 0) & (plan <= req.quarter))
    by_new, by_count = _shares(problem, witness, new), _shares(problem, witness, counts)
    overall = by_new.sum(axis=(1, 2))
    if overall.sum() <= 0:
        overall = by_count.sum(axis=(1, 2))
    out = []
    for b, q in np.argwhere(cells > 0).tolist():
        weights = by_new[:, b, q]
        if weights.sum() <= 0:
            weights = by_count[:, b, q]
        if weights.sum() <= 0:
            weights = overall if overall.sum() > 0 else np.ones(len(missed))
        parts = _split(float(cells[b, q]), weights)
        out += [ExtraCapacity(int(b), int(q), part, missed[j])
                for j, part in enumerate(parts) if part > 0]
    return out


def _shares(problem: Problem, witness: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """float[J, B, Q]: per requirement j, the effort of its processes in ``mask`` by the
    bureau and quarter the witness puts them in, each process's effort shared equally by the
    requirements it is masked for."""
    out = np.zeros((mask.shape[0], *problem.bureau_capacity.shape))
    how_many = mask.sum(axis=0)
    for j in range(mask.shape[0]):
        rows = np.flatnonzero(mask[j])
        np.add.at(out[j], (problem.bureau[rows], witness[rows]),
                  problem.effort[rows] / how_many[rows])
    return out


def _split(total: float, weights: np.ndarray) -> list[float]:
    """``total`` in proportion to ``weights``, rounded to 1e-6, summing to ``total``."""
    parts = np.round(total * weights / weights.sum(), 6)
    largest = int(np.argmax(parts))
    parts[largest] = round(total - (parts.sum() - parts[largest]), 6)
    return [float(v) for v in parts]


class _GapLp:
    """The three-stage LP of the module docstring."""

    def __init__(self, problem: Problem, res: Residual) -> None:
        self.p, self.res = problem, res
        self.solver = pywraplp.Solver.CreateSolver("GLOP")
        s = self.solver
        nb, q_n = res.capacity.shape
        last = max((n.quarter for n in res.needs), default=-1)
        self.extra = [[s.NumVar(0.0, s.infinity(), "") for _ in range(q_n)] for _ in range(nb)]
        self.short = [s.NumVar(0.0, s.infinity(), "") for _ in res.needs]
        self.classes = _classes(res)
        self.x: list[dict[int, pywraplp.Variable]] = []
        load: dict[tuple[int, int], list[tuple[pywraplp.Variable, float]]] = {}
        chan: dict[tuple[int, int], list[pywraplp.Variable]] = {}
        counts: list[list[pywraplp.Variable]] = [[] for _ in res.needs]
        quarters = np.array([n.quarter for n in res.needs], dtype=np.int64)
        for rows in self.classes:
            i, size = int(rows[0]), float(rows.size)
            b, c, e = int(res.bureau[i]), int(res.channel[i]), float(res.effort[i])
            mine: dict[int, pywraplp.Variable] = {}
            for q in range(int(res.earliest[i]), last + 1):
                v = s.NumVar(0.0, size, "")
                mine[q] = v
                load.setdefault((b, q), []).append((v, e))
                chan.setdefault((c, q), []).append(v)
                for m in np.flatnonzero(res.members[i] & (q <= quarters)).tolist():
                    counts[m].append(v)
            if len(mine) > 1:
                s.Add(s.Sum(list(mine.values())) <= size)
            self.x.append(mine)
        for (b, q), items in load.items():
            s.Add(s.Sum([v * e for v, e in items]) <= float(res.capacity[b, q])
                  + self.extra[b][q])
        for (c, q), vs in chan.items():
            if np.isfinite(res.limit[c, q]):
                s.Add(s.Sum(vs) <= float(res.limit[c, q]))
        for m, need in enumerate(res.needs):
            s.Add(s.Sum(counts[m]) + self.short[m] >= float(need.need))
        self.big = 2.0 * float(np.max(res.effort, initial=1.0)) + 1.0

    def solve(self) -> list[np.ndarray]:
        """x[k, q] after stage 2 and after stage 3 ([] if the LP fails)."""
        s = self.solver
        nb, q_n = self.res.capacity.shape
        total = s.Sum([v for row in self.extra for v in row])
        short = s.Sum(self.short) if self.short else 0.0
        if not self._stage(total + self.big * short):
            return []
        s.Add(total + self.big * short <= s.Objective().Value() * (1 + STAGE_SLACK) + 1e-6)
        cap = self.p.bureau_capacity
        over = [[s.NumVar(0.0, s.infinity(), "") for _ in range(q_n)] for _ in range(nb)]
        for b in range(nb):
            for q in range(q_n):
                s.Add(over[b][q] >= self.extra[b][q] - float(cap[b, q]))
        over_sum = s.Sum([v for row in over for v in row])
        if not self._stage(over_sum):
            return []
        answers = [self._x_values()]
        s.Add(over_sum <= s.Objective().Value() * (1 + STAGE_SLACK) + 1e-6)
        t = [s.NumVar(0.0, s.infinity(), "") for _ in range(nb)]
        for b in range(nb):
            ref = np.maximum(cap[b], max(float(cap[b].mean()), 0.25))
            for q in range(q_n):
                s.Add(self.extra[b][q] <= t[b] * float(ref[q]))
        if self._stage(s.Sum(t)):
            answers.append(self._x_values())
        return answers

    def _stage(self, objective: object) -> bool:
        self.solver.Minimize(objective)
        return bool(self.solver.Solve() == pywraplp.Solver.OPTIMAL)

    def _x_values(self) -> np.ndarray:
        out = np.zeros((len(self.x), self.res.n_quarters))
        for k, mine in enumerate(self.x):
            for q, v in mine.items():
                out[k, q] = v.solution_value()
        return out


def _classes(res: Residual) -> list[np.ndarray]:
    """The free processes of each class of processes alike for the LP: bureau, channel,
    earliest quarter, effort and requirements."""
    if not res.free.size:
        return []
    sig = (np.unique(res.members, axis=0, return_inverse=True)[1].ravel()
           if res.needs else np.zeros(res.free.size, dtype=np.int64))
    key = np.stack([res.bureau.astype(np.int64), res.channel.astype(np.int64),
                    res.earliest.astype(np.int64),
                    np.round(res.effort * 1e6).astype(np.int64), sig], axis=1)
    _, inverse = np.unique(key, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    order = np.argsort(inverse, kind="stable")
    cuts = np.flatnonzero(np.diff(inverse[order])) + 1
    return np.split(order, cuts)
