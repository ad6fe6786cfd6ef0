"""The scheduling problem of planning-model.md sections 2 and 6 as plain arrays.

The caller (``dx_planner.planning``) turns the inventory into a :class:`Problem`; the solver
never sees bureaus, channels, segments or quarter codes as anything but indices. The
constraints themselves are stated in ``solver.constraints``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Codes of ``Problem.earliest_reason``.
REASON_START = 0
REASON_CHANNEL = 1
REASON_NATIONAL_DATE = 2
REASON_NATIONAL_UNDATED = 3
#: Not before the first quarter after a freeze (stable re-planning).
REASON_FROZEN = 4


class ProblemError(ValueError):
    """Bad solver input: the message says what is wrong, for the user."""


@dataclass(frozen=True, eq=False)
class Requirement:
    """At least ``need`` of the PLANNED processes ``rows`` complete by the end of ``quarter``.

    ``rows`` are the problem rows in the requirement's scope (None: every row); ``need`` is
    the requirement's count minus its members already digitized before start (those are not
    problem rows), so it may be <= 0 (met by any plan). ``quarter`` -1 means before start.
    The target and the milestones are requirements over every row (``Problem.all_requirements``).
    ``key`` names it for messages and for the caller's report.
    """

    key: str
    quarter: int
    need: int
    rows: np.ndarray | None = None

    def member_mask(self, n: int) -> np.ndarray:
        """bool[n]: True for the rows in scope."""
        if self.rows is None:
            return np.ones(n, dtype=bool)
        mask = np.zeros(n, dtype=bool)
        mask[self.rows] = True
        return mask


@dataclass(frozen=True)
class Problem:
    """One planning instance; quarters are indices 0..Q-1 (= start..end)."""

    quarter_labels: list[str]
    deadline: int
    process_ids: list[str]
    bureau: np.ndarray
    channel: np.ndarray
    effort: np.ndarray
    volume: np.ndarray
    earliest: np.ndarray
    earliest_reason: np.ndarray
    locked: np.ndarray
    bureau_names: list[str]
    bureau_capacity: np.ndarray
    channel_names: list[str]
    channel_limit: np.ndarray
    already_digitized: int
    target_count: int
    milestones: tuple[tuple[int, int], ...] = ()
    # Requirements over a scope (bureau, segment, ...) besides the target and milestones.
    requirements: tuple[Requirement, ...] = ()
    # Stable re-planning: the quarter of each row in the reference plan (-1: none), and what
    # completing in any other quarter (or not at all) costs, in online applications.
    reference: np.ndarray | None = None
    move_cost: float = 0.0

    @property
    def n_processes(self) -> int:
        return len(self.process_ids)

    @property
    def n_quarters(self) -> int:
        return len(self.quarter_labels)

    def quarter_value(self) -> np.ndarray:
        """float64[N, Q]: objective value of completing p in q: volume/4 per later quarter,
        plus ``move_cost`` in a reference row's own quarter (the objective is that minus
        ``move_offset``, so a reference process elsewhere or dropped costs ``move_cost``)."""
        q = self.n_quarters
        later = (q - 1 - np.arange(q, dtype=np.float64))[None, :]
        out: np.ndarray = np.asarray(self.volume, dtype=np.float64)[:, None] / 4.0 * later
        ref = self.reference_rows()
        if ref.size and self.move_cost > 0:
            out[ref, self.reference[ref]] += self.move_cost  # type: ignore[index]
        return out

    def reference_rows(self) -> np.ndarray:
        """The rows with a reference quarter (stable re-planning)."""
        if self.reference is None:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self.reference >= 0)

    @property
    def move_offset(self) -> float:
        """What the objective subtracts from the sum of ``quarter_value``: the move cost of
        every reference row (a row kept in its quarter earns it back)."""
        return self.move_cost * self.reference_rows().size

    def all_requirements(self) -> list[Requirement]:
        """Every requirement: the target (at the deadline), the milestones, then the scoped
        ones; the target and milestones count cumulatively over every row, already digitized
        processes included."""
        whole = [Requirement("target", self.deadline, self.target_count - self.already_digitized)]
        whole += [
            Requirement(f"milestone {self.quarter_labels[mq] if mq >= 0 else 'before start'}",
                        mq, count - self.already_digitized)
            for mq, count in self.milestones
        ]
        return whole + list(self.requirements)

    def validate(self) -> None:
        """Raise :class:`ProblemError` unless the arrays are consistent and the locks legal."""
        _check_shapes(self)
        _check_values(self)
        _check_locks(self)


def _check_shapes(p: Problem) -> None:
    n, q = p.n_processes, p.n_quarters
    nb, nc = len(p.bureau_names), len(p.channel_names)
    if q == 0:
        raise ProblemError("the planning horizon has no quarters")
    if len(set(p.process_ids)) != n:
        raise ProblemError("process ids are not unique")
    for name in ("bureau", "channel", "effort", "volume", "earliest", "earliest_reason", "locked"):
        arr = getattr(p, name)
        if not isinstance(arr, np.ndarray) or arr.shape != (n,):
            raise ProblemError(f"{name} must be an array of shape ({n},)")
    for name, rows in (("bureau_capacity", nb), ("channel_limit", nc)):
        arr = getattr(p, name)
        if not isinstance(arr, np.ndarray) or arr.shape != (rows, q):
            raise ProblemError(f"{name} must be an array of shape ({rows}, {q})")


def _check_values(p: Problem) -> None:
    q = p.n_quarters
    if not 0 <= p.deadline < q:
        raise ProblemError(f"deadline index {p.deadline} is outside the horizon 0..{q - 1}")
    if p.n_processes:
        if p.bureau.min() < 0 or p.bureau.max() >= len(p.bureau_names):
            raise ProblemError("bureau index out of range")
        if p.channel.min() < 0 or p.channel.max() >= len(p.channel_names):
            raise ProblemError("channel index out of range")
        bad = np.flatnonzero(~(np.isfinite(p.effort) & (p.effort > 0)))
        if bad.size:
            raise ProblemError(f"process {p.process_ids[bad[0]]}: effort must be > 0")
        bad = np.flatnonzero(~(np.isfinite(p.volume) & (p.volume >= 0)))
        if bad.size:
            raise ProblemError(f"process {p.process_ids[bad[0]]}: volume must be >= 0")
        if p.earliest.min() < 0:
            raise ProblemError("earliest quarter index must be >= 0")
        if p.earliest_reason.min() < 0 or p.earliest_reason.max() > REASON_FROZEN:
            raise ProblemError("earliest_reason must be 0..4")
    if np.any(~np.isfinite(p.bureau_capacity)) or np.any(p.bureau_capacity < 0):
        raise ProblemError("bureau capacity must be finite and >= 0")
    if np.any(np.isnan(p.channel_limit)) or np.any(p.channel_limit < 0):
        raise ProblemError("channel limits must be >= 0 (np.inf = no limit)")
    if p.already_digitized < 0 or p.target_count < 0:
        raise ProblemError("already_digitized and target_count must be >= 0")
    for mq, count in p.milestones:
        if not -1 <= mq < q:
            raise ProblemError(f"milestone quarter index {mq} is outside the horizon")
        if count < 0:
            raise ProblemError("milestone counts must be >= 0")
    if p.reference is not None:
        ref = p.reference
        if not isinstance(ref, np.ndarray) or ref.shape != (p.n_processes,):
            raise ProblemError(f"reference must be an array of shape ({p.n_processes},)")
        if ref.size and (ref.min() < -1 or ref.max() >= q):
            raise ProblemError("reference quarter index out of range")
    if not p.move_cost >= 0 or not np.isfinite(p.move_cost):
        raise ProblemError("move cost must be finite and >= 0 (inf: lock the reference)")
    for req in p.requirements:
        if not -1 <= req.quarter < q:
            raise ProblemError(f"requirement {req.key}: quarter index {req.quarter} is outside "
                               "the horizon")
        if req.rows is not None:
            rows = req.rows
            if not isinstance(rows, np.ndarray) or rows.ndim != 1 or (
                    rows.size and (rows.min() < 0 or rows.max() >= p.n_processes)):
                raise ProblemError(f"requirement {req.key}: rows must be problem row indices")
            if np.unique(rows).size != rows.size:
                raise ProblemError(f"requirement {req.key}: rows are not unique")


def _check_locks(p: Problem) -> None:
    """A lock must lie in [earliest, Q-1]; locks alone must fit capacity and channel limits."""
    q = p.n_quarters
    idx = np.flatnonzero(p.locked >= 0)
    for i in idx:
        lock = int(p.locked[i])
        pid = p.process_ids[i]
        if int(p.earliest_reason[i]) == REASON_NATIONAL_UNDATED:
            raise ProblemError(
                f"process {pid} is locked to {_label(p, lock)} but cannot be planned: "
                "the national government has not given a date"
            )
        if lock >= q:
            raise ProblemError(f"process {pid} is locked outside the planning horizon")
        if lock < int(p.earliest[i]):
            raise ProblemError(
                f"process {pid} is locked to {_label(p, lock)} "
                f"but is not eligible before {_label(p, int(p.earliest[i]))}"
            )
    if idx.size == 0:
        return
    used = np.zeros_like(p.bureau_capacity)
    np.add.at(used, (p.bureau[idx], p.locked[idx]), p.effort[idx])
    over = np.argwhere(used > p.bureau_capacity + 1e-9)
    if over.size:
        b, qq = (int(v) for v in over[0])
        raise ProblemError(
            f"locked processes of {p.bureau_names[b]} need {used[b, qq]:.2f} person-months in "
            f"{_label(p, qq)}, more than its capacity {p.bureau_capacity[b, qq]:.2f}"
        )
    count = np.zeros_like(p.channel_limit)
    np.add.at(count, (p.channel[idx], p.locked[idx]), 1.0)
    over = np.argwhere(count > p.channel_limit)
    if over.size:
        c, qq = (int(v) for v in over[0])
        raise ProblemError(
            f"{int(count[c, qq])} locked processes use channel {p.channel_names[c]} in "
            f"{_label(p, qq)}, more than its limit {p.channel_limit[c, qq]:g}"
        )


def _label(p: Problem, q: int) -> str:
    return p.quarter_labels[q] if 0 <= q < p.n_quarters else f"quarter #{q}"
