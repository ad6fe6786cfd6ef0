"""Random single edits of a problem, as a planner makes them in the app: one process's fields,
one capacity cell or one lock (for the warm re-solve's tests and benchmark)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from solver.problem import (
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    Problem,
    ProblemError,
)

Edit = Callable[[Problem, np.random.Generator], Problem]


def _with(p: Problem, i: int, **fields: object) -> Problem:
    """``p`` with process row i's fields changed."""
    arrays = {}
    for name, value in fields.items():
        arr = getattr(p, name).copy()
        arr[i] = value
        arrays[name] = arr
    return replace(p, **arrays)  # type: ignore[arg-type]


def _free_row(p: Problem, rng: np.random.Generator) -> int:
    rows = np.flatnonzero(p.locked < 0)
    return int(rng.choice(rows))


def effort(p: Problem, rng: np.random.Generator) -> Problem:
    i = _free_row(p, rng)
    new = max(0.25, round(float(p.effort[i]) * rng.uniform(0.5, 2.0) * 4) / 4)
    return _with(p, i, effort=new)


def volume(p: Problem, rng: np.random.Generator) -> Problem:
    i = int(rng.integers(p.n_processes))
    return _with(p, i, volume=float(np.floor(p.volume[i] * rng.uniform(0.3, 3.0) + 1)))


def national_date(p: Problem, rng: np.random.Generator) -> Problem:
    i = _free_row(p, rng)
    q = int(rng.integers(0, p.n_quarters + 1))
    reason = REASON_NATIONAL_UNDATED if q == p.n_quarters else REASON_NATIONAL_DATE
    return _with(p, i, earliest=q, earliest_reason=reason)


def channel(p: Problem, rng: np.random.Generator) -> Problem:
    i = _free_row(p, rng)
    return _with(p, i, channel=int(rng.integers(len(p.channel_names))))


def bureau(p: Problem, rng: np.random.Generator) -> Problem:
    i = _free_row(p, rng)
    return _with(p, i, bureau=int(rng.integers(len(p.bureau_names))))


def out_of_scope(p: Problem, rng: np.random.Generator, digitized: bool = False) -> Problem:
    """Status 対象外 (or デジタル化済 before the start): the row leaves the problem."""
    assert not p.requirements, "scoped requirements would need their rows renumbered"
    i = _free_row(p, rng)
    keep = np.arange(p.n_processes) != i
    arrays = {name: getattr(p, name)[keep] for name in
              ("bureau", "channel", "effort", "volume", "earliest", "earliest_reason", "locked")}
    ids = [pid for k, pid in enumerate(p.process_ids) if k != i]
    if digitized:
        return replace(p, process_ids=ids, already_digitized=p.already_digitized + 1, **arrays)
    return replace(p, process_ids=ids, **arrays)


def digitized(p: Problem, rng: np.random.Generator) -> Problem:
    return out_of_scope(p, rng, digitized=True)


def capacity(p: Problem, rng: np.random.Generator) -> Problem:
    cap = p.bureau_capacity.copy()
    b, q = int(rng.integers(cap.shape[0])), int(rng.integers(cap.shape[1]))
    cap[b, q] = round(cap[b, q] * rng.uniform(0.8, 1.2) * 4) / 4
    return replace(p, bureau_capacity=cap)


def lock(p: Problem, rng: np.random.Generator) -> Problem:
    """Lock a plannable process to a quarter it may use, or unlock a locked one."""
    locked = np.flatnonzero(p.locked >= 0)
    if locked.size and rng.random() < 0.3:
        return _with(p, int(rng.choice(locked)), locked=-1)
    rows = np.flatnonzero((p.locked < 0) & (p.earliest < p.n_quarters))
    i = int(rng.choice(rows))
    return _with(p, i, locked=int(rng.integers(int(p.earliest[i]), p.n_quarters)))


EDITS: dict[str, Edit] = {
    "effort": effort,
    "volume": volume,
    "national_date": national_date,
    "channel": channel,
    "bureau": bureau,
    "out_of_scope": out_of_scope,
    "digitized": digitized,
    "capacity": capacity,
    "lock": lock,
}


def random_edit(p: Problem, rng: np.random.Generator) -> tuple[str, Problem]:
    """One random edit that leaves a valid problem (an illegal lock is drawn again)."""
    names = list(EDITS)
    while True:
        name = names[int(rng.integers(len(names)))]
        edited = EDITS[name](p, rng)
        try:
            edited.validate()
        except ProblemError:
            continue
        return name, edited
