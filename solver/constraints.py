"""The planning constraints (planning-model.md §2 and §6), stated once.

A plan gives each process row p a completion quarter x[p] in 0..Q-1, or -1 (not planned).
It is valid when

1. eligibility   x[p] = -1 or x[p] >= earliest[p]                               eligible()
2. locks         x[p] = locked[p] wherever locked[p] >= 0
3. capacity      for every bureau b and quarter q: the effort of b's processes with
                 x[p] = q is at most capacity[b, q]                            bureau_load()
4. channels      for every channel c and quarter q: the number of c's processes with
                 x[p] = q is at most limit[c, q] (inf: no limit)              channel_load()
5. requirements  for every requirement m (the target and milestones included): at least
                 need[m] of its rows have 0 <= x[p] <= quarter[m]            planned_count()

Three forms use this statement, each for a reason:

* the checker (checker.py) evaluates 1-5 on a whole plan at once and says what is wrong;
* the greedy phases keep 3 and 4 incrementally (:class:`Usage`) and count 5: they try
  thousands of single-process moves, where re-evaluating a whole plan would cost O(N) each;
* the CP-SAT models (cpsat_model.py, block_model.py, bureau_bound.py) state 1 by creating
  only eligible variables, 2 by fixing variables, and 3-5 as linear rows
  (:func:`add_capacity_rows`, :func:`add_channel_rows`, :func:`add_requirement_rows`) in
  integers.

They differ only in how they treat floats, and that is decided here as well:

* ``CHECK_SLACK``: the checker's relative slack on a capacity (float sums in any order);
* ``PLAN_SLACK``: the optimizer's, far stricter, so that its plans always pass the checker;
* ``EFFORT_UNITS``: CP-SAT counts person-months in 1/100. For plans, efforts are rounded up
  and capacities down (every CP-SAT plan is feasible for the real figures); for relaxations
  whose objective bound must stay valid, the other way round (``relaxed=True``).

tests/solver/test_constraints.py checks that the three forms agree on random plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from ortools.sat.python import cp_model

#: Relative slack of the checker on bureau capacity.
CHECK_SLACK = 1e-6
#: Relative slack of the optimizer on bureau capacity (stricter than the checker's).
PLAN_SLACK = 1e-12
#: Absolute slack on capacity for both (capacities of 0 stay 0 for any positive effort).
ABS_SLACK = 1e-9
#: CP-SAT's unit of effort: 1/EFFORT_UNITS person-month.
EFFORT_UNITS = 100

Pair = tuple[int, int, cp_model.IntVar]  # (row, quarter, chosen?) of a CP-SAT model


# ----------------------------------------------------------------- 1. eligibility
def eligible(earliest: np.ndarray, n_quarters: int) -> np.ndarray:
    """bool[N, Q]: quarter q is allowed for row p (q >= earliest[p])."""
    return np.arange(n_quarters)[None, :] >= np.asarray(earliest)[:, None]


# ----------------------------------------------------------------- 3. capacity, 4. channels
def capacity_limit(capacity: np.ndarray | float, slack: float = PLAN_SLACK) -> np.ndarray:
    """The most effort a bureau-quarter may take, float noise allowed for."""
    out: np.ndarray = np.asarray(capacity, dtype=np.float64) * (1 + slack) + ABS_SLACK
    return out


def bureau_load(bureau: np.ndarray, effort: np.ndarray, x: np.ndarray,
                shape: tuple[int, int]) -> np.ndarray:
    """float[B, Q]: the effort each bureau completes in each quarter under plan x."""
    out = np.zeros(shape)
    on = np.flatnonzero(x >= 0)
    np.add.at(out, (bureau[on], x[on]), effort[on])
    return out


def channel_load(channel: np.ndarray, x: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """float[C, Q]: the processes each channel onboards in each quarter under plan x."""
    out = np.zeros(shape)
    on = np.flatnonzero(x >= 0)
    np.add.at(out, (channel[on], x[on]), 1.0)
    return out


class Usage:
    """Bureau effort and channel counts of a plan (constraints 3 and 4), kept incrementally."""

    def __init__(self, bureau: np.ndarray, channel: np.ndarray, effort: np.ndarray,
                 capacity: np.ndarray, limit: np.ndarray, x: np.ndarray) -> None:
        self.bureau, self.channel, self.effort = bureau, channel, effort
        self.capacity, self.limit = capacity, limit
        self.room = capacity_limit(capacity)
        self.eff = bureau_load(bureau, effort, x, capacity.shape)
        self.cnt = channel_load(channel, x, limit.shape)

    def fits(self, i: int, q: int) -> bool:
        """Row i can be added in quarter q without breaking 3 or 4."""
        b, c = self.bureau[i], self.channel[i]
        return bool(self.eff[b, q] + self.effort[i] <= self.room[b, q]
                    and self.cnt[c, q] + 1 <= self.limit[c, q])

    def add(self, i: int, q: int, sign: float = 1.0) -> None:
        """Account row i in quarter q (sign -1: take it out again)."""
        self.eff[self.bureau[i], q] += sign * self.effort[i]
        self.cnt[self.channel[i], q] += sign

    def copy(self) -> Usage:
        """The same loads, to try moves on without changing these."""
        out = Usage.__new__(Usage)
        out.bureau, out.channel, out.effort = self.bureau, self.channel, self.effort
        out.capacity, out.limit, out.room = self.capacity, self.limit, self.room
        out.eff, out.cnt = self.eff.copy(), self.cnt.copy()
        return out

    def valid(self) -> bool:
        """Constraints 3 and 4 hold for the plan as it is now."""
        return bool(np.all(self.eff <= self.room) and np.all(self.cnt <= self.limit))


# ----------------------------------------------------------------- 5. requirements
def planned_count(x: np.ndarray, quarter: int, member: np.ndarray | None = None) -> int:
    """Rows (of ``member``, or all) that plan x completes by the end of ``quarter``."""
    if quarter < 0:
        return 0
    on = (x >= 0) & (x <= quarter)
    return int(np.count_nonzero(on if member is None else on & member))


# ----------------------------------------------------------------- CP-SAT's integer form
def scaled_effort(effort: float, *, relaxed: bool = False) -> int:
    """An effort in CP-SAT units: rounded up, or down for a relaxation."""
    if relaxed:
        return int(np.floor(effort * EFFORT_UNITS))
    return int(np.ceil(effort * EFFORT_UNITS - 1e-6))


def scaled_capacity(capacity: float, *, relaxed: bool = False) -> int:
    """A capacity (or room left) in CP-SAT units, rounded down, never below 0. A relaxation
    allows more float noise; it stays a relaxation because its efforts are rounded down too
    (a sum of floors is at most the floor of the sum)."""
    if relaxed:
        return max(int(np.floor(capacity * EFFORT_UNITS + 1e-5)), 0)
    return max(int(np.floor(capacity * EFFORT_UNITS + 1e-6)), 0)


def add_capacity_rows(model: cp_model.CpModel, pairs: Sequence[Pair], bureau: np.ndarray,
                      effort: np.ndarray, room: np.ndarray, *, relaxed: bool = False) -> None:
    """Constraint 3 over the model's pairs; ``room[b, q]`` is the capacity left to them."""
    groups: dict[tuple[int, int], list[tuple[cp_model.IntVar, int]]] = {}
    for i, q, v in pairs:
        groups.setdefault((int(bureau[i]), q), []).append(
            (v, scaled_effort(float(effort[i]), relaxed=relaxed)))
    for (b, q), items in groups.items():
        model.add(cp_model.LinearExpr.weighted_sum([v for v, _ in items], [e for _, e in items])
                  <= scaled_capacity(float(room[b, q]), relaxed=relaxed))


def add_channel_rows(model: cp_model.CpModel, pairs: Sequence[Pair], channel: np.ndarray,
                     room: np.ndarray) -> None:
    """Constraint 4 over the model's pairs; ``room[c, q]`` is the limit left to them."""
    groups: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for i, q, v in pairs:
        groups.setdefault((int(channel[i]), q), []).append(v)
    for (c, q), vs in groups.items():
        if np.isfinite(room[c, q]):
            model.add(sum(vs) <= max(int(room[c, q]), 0))


def requirement_terms(pairs: Sequence[Pair], quarter: int,
                      member: np.ndarray | None) -> list[cp_model.IntVar]:
    """The variables that count toward a requirement: members completing by ``quarter``."""
    return [v for i, q, v in pairs if q <= quarter and (member is None or member[i])]


def add_requirement_rows(model: cp_model.CpModel, pairs: Sequence[Pair],
                         needs: Iterable[tuple[int, np.ndarray | None, int]]) -> None:
    """Constraint 5: for each (quarter, member mask or None, count), at least count of the
    members complete by quarter."""
    for quarter, member, count in needs:
        if count <= 0:
            continue
        model.add(sum(requirement_terms(pairs, quarter, member)) >= count)
