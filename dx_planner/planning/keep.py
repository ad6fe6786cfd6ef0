"""Stable re-planning against a reference plan (planning-model.md §6, ``settings.keep``).

Quarters up to ``freeze_until`` take exactly the reference's still-valid assignments and
nothing else; after it every reference process completing in another quarter, or dropped,
costs ``move_cost`` online applications (0: a free re-plan; inf: keep every commitment that
is still valid). The reference is a stored scenario or a published baseline (its planned
items): ``baseline`` is the newest one, ``baseline-FY2021Q3`` (or ``baseline:FY2021Q3``) the
one published as of that quarter; a stored scenario of that very name comes first.

How the problem changes (``apply_keep``, called by the problem builder):

* a reference assignment that is no longer valid is released, with its reason: the process
  is gone (``removed``), now 対象外 (``out_of_scope``) or digitized (``digitized``), its
  quarter is before the start (``past``) or after the end (``outside_horizon``), its lock
  changed (``lock_changed``), it is no longer eligible then (``not_eligible``);
* still-valid assignments in frozen quarters (every one with ``move_cost`` inf) become
  locks. Where they no longer fit a bureau's capacity (or a channel's limit) in a quarter,
  the fewest are released (the largest efforts first), reason ``capacity`` (``channel_limit``);
* every other process may complete only after the freeze (solver reason ``frozen``);
* the remaining reference assignments give the solver its reference quarters and move cost:
  the objective is then the online applications minus ``move_cost`` per moved or dropped
  reference process, and the bound and gap are those of that objective.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection

from dx_planner.domain.baselines import PLANNED
from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter, QuarterError
from dx_planner.persistence.baselines import list_baselines, read_baseline
from dx_planner.persistence.scenarios import ScenarioNotFound
from dx_planner.planning.errors import PlanningInputError

REMOVED = "removed"
OUT_OF_SCOPE = "out_of_scope"
DIGITIZED = "digitized"
PAST = "past"
OUTSIDE_HORIZON = "outside_horizon"
LOCK_CHANGED = "lock_changed"
NOT_ELIGIBLE = "not_eligible"
CAPACITY = "capacity"
CHANNEL_LIMIT = "channel_limit"


@dataclass(frozen=True, slots=True)
class Keep:
    scenario: str
    freeze_until: Quarter | None = None
    move_cost: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"scenario": self.scenario,
                "freeze_until": self.freeze_until.code if self.freeze_until else None,
                "move_cost": "inf" if math.isinf(self.move_cost) else self.move_cost}


@dataclass(frozen=True, slots=True)
class Reference:
    """The plan to keep: what it is, its planned processes with their quarters, and the
    exact name that finds it again (``baseline`` resolves to ``baseline-FY2021Q3``: a plan
    re-run after a newer publication keeps against the same reference). None: as given."""

    name: str
    assignments: dict[str, Quarter]
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Release:
    process_id: str
    quarter: Quarter
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"process_id": self.process_id, "from": self.quarter.code, "reason": self.reason}


@dataclass(slots=True)
class KeepOutcome:
    """What keep did to the problem: the frozen commitments (now locks), the releases, and
    for each problem row its reference quarter index (-1: none)."""

    reference: Reference
    frozen: set[str] = field(default_factory=set)
    released: list[Release] = field(default_factory=list)
    reference_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))


def load_reference(connection: Connection, keep: Keep) -> Reference:
    """The reference plan ``keep.scenario`` names (see the module docstring)."""
    from dx_planner.planning.scenarios import load_scenario

    name = keep.scenario
    try:
        return Reference(f"scenario {name}", dict(load_scenario(connection, name).assignments),
                         name)
    except ScenarioNotFound:
        pass
    if name == "baseline" or name.startswith(("baseline-", "baseline:")):
        as_of = _baseline_quarter(connection, name)
        baseline = read_baseline(connection, as_of) if as_of else None
        if baseline is not None:
            return Reference(f"baseline as of {baseline.as_of.code}",
                             {pid: item.quarter for pid, item in baseline.items.items()
                              if item.source == PLANNED},
                             f"baseline-{baseline.as_of.code}")
    raise PlanningInputError(f"settings.keep.scenario: no stored scenario or published "
                             f"baseline named '{name}'")


def _baseline_quarter(connection: Connection, name: str) -> Quarter | None:
    if name == "baseline":
        published = list_baselines(connection)
        return published[0].as_of if published else None
    try:
        return Quarter.parse(name[len("baseline") + 1:])
    except QuarterError:
        return None


def apply_keep(keep: Keep, reference: Reference, inventory: Inventory, planned: list[Process],
               start: Quarter, end: Quarter, earliest: list[int], reasons: list[int],
               locked: list[int], capacity: np.ndarray, limits: np.ndarray,
               bureau_index: dict[str, int], channel_index: dict[str, int],
               frozen_reason: int) -> KeepOutcome:
    """Release what is no longer valid, lock what is frozen, restrict the rest to after the
    freeze, and mark the reference quarters (``earliest``, ``reasons`` and ``locked`` are
    changed in place; the module docstring says how)."""
    outcome = KeepOutcome(reference)
    horizon = end - start + 1
    freeze = -1 if keep.freeze_until is None else min(keep.freeze_until - start, horizon - 1)
    lock_all = math.isinf(keep.move_cost)
    row_of = {p.id: i for i, p in enumerate(planned)}
    by_id = {p.id: p for p in inventory.processes}
    ref_rows = np.full(len(planned), -1, dtype=np.int32)
    kept: list[int] = []
    for pid, quarter in reference.assignments.items():
        reason = _invalid(by_id.get(pid), quarter, start, end, row_of, earliest, locked)
        if reason is not None:
            outcome.released.append(Release(pid, quarter, reason))
            continue
        i, q = row_of[pid], quarter - start
        if locked[i] >= 0:
            continue  # locked (or done) in that very quarter anyway: nothing to keep
        if q <= freeze or lock_all:
            kept.append(i)
        else:
            ref_rows[i] = q
    for i in _over_limits(kept, planned, locked, capacity, limits, bureau_index,
                          channel_index, outcome, reference, start):
        kept.remove(i)
    for i in kept:
        locked[i] = ref_quarter(reference, planned[i], start)
        outcome.frozen.add(planned[i].id)
    for i in range(len(planned)):
        if locked[i] < 0 and earliest[i] <= freeze:
            earliest[i], reasons[i] = freeze + 1, frozen_reason
    outcome.reference_rows = ref_rows
    return outcome


def ref_quarter(reference: Reference, process: Process, start: Quarter) -> int:
    return reference.assignments[process.id] - start


def _invalid(process: Process | None, quarter: Quarter, start: Quarter, end: Quarter,
             row_of: dict[str, int], earliest: list[int], locked: list[int]) -> str | None:
    """Why the reference's ``quarter`` for ``process`` no longer holds (None: it does)."""
    if process is None:
        return REMOVED
    if not process.in_scope:
        return OUT_OF_SCOPE
    if process.status is Status.DIGITIZED:
        return DIGITIZED
    if quarter < start:
        return PAST
    if quarter > end:
        return OUTSIDE_HORIZON
    if process.locked_quarter is not None and process.locked_quarter != quarter:
        return LOCK_CHANGED
    i = row_of.get(process.id)
    if i is None or earliest[i] > quarter - start:
        return NOT_ELIGIBLE
    return None


def _over_limits(kept: list[int], planned: list[Process], locked: list[int],
                 capacity: np.ndarray, limits: np.ndarray, bureau_index: dict[str, int],
                 channel_index: dict[str, int], outcome: KeepOutcome, reference: Reference,
                 start: Quarter) -> list[int]:
    """The fewest kept commitments to release so that, with the locks of the inventory,
    each bureau-quarter's capacity and each channel-quarter's limit holds (largest efforts
    out first: the fewest processes)."""
    effort_used = np.zeros_like(capacity)
    count_used = np.zeros_like(limits)
    for i, lock in enumerate(locked):
        if lock >= 0:
            p = planned[i]
            effort_used[bureau_index[p.bureau], lock] += p.effort
            count_used[channel_index[p.channel], lock] += 1
    by_cell: dict[tuple[int, int], list[int]] = {}
    by_channel: dict[tuple[int, int], list[int]] = {}
    for i in kept:
        p, q = planned[i], ref_quarter(reference, planned[i], start)
        by_cell.setdefault((bureau_index[p.bureau], q), []).append(i)
        by_channel.setdefault((channel_index[p.channel], q), []).append(i)
        effort_used[bureau_index[p.bureau], q] += p.effort
        count_used[channel_index[p.channel], q] += 1
    out: list[int] = []
    for (b, q), rows in by_cell.items():
        for i in sorted(rows, key=lambda r: -planned[r].effort):
            if effort_used[b, q] <= capacity[b, q] * (1 + 1e-9) + 1e-9:
                break
            effort_used[b, q] -= planned[i].effort
            count_used[channel_index[planned[i].channel], q] -= 1
            out.append(i)
            outcome.released.append(Release(planned[i].id, start + q, CAPACITY))
    for (c, q), rows in by_channel.items():
        for i in sorted((r for r in rows if r not in out), key=lambda r: -planned[r].effort):
            if count_used[c, q] <= limits[c, q]:
                break
            count_used[c, q] -= 1
            out.append(i)
            outcome.released.append(Release(planned[i].id, start + q, CHANNEL_LIMIT))
    return out


@dataclass(frozen=True, slots=True)
class Changes:
    """How a plan made with keep differs from its reference (planning-model.md §6)."""

    reference: str
    moved: list[tuple[str, Quarter, Quarter]]  # (process, from, to)
    dropped: list[tuple[str, Quarter]]
    added: list[tuple[str, Quarter]]
    released: list[Release]
    frozen: int
    # the free re-plan (the same settings without keep), solved too
    free_objective: float | None = None
    free_moved: int | None = None
    free_dropped: int | None = None
    free_solve_seconds: float | None = None
    applications: float = 0.0
    move_penalty: float = 0.0
    free_status: str | None = None
    # required processes missing, summed over the requirements: this plan's, the free one's
    missing: int = 0
    free_missing: int | None = None
    # Both plans miss exactly the same requirements by the same counts (usually none): only
    # then are their objectives comparable, as a plan that meets more requirements ranks
    # first whatever its objective. None: not known (a plan stored before this was kept).
    comparable: bool | None = None

    @property
    def price_of_stability(self) -> float | None:
        """The objective of the free re-plan minus this plan's objective, when both are
        known and comparable (never negative then: the free re-plan is at least this plan,
        see ``service.better_free_plan``); None otherwise (``price_note`` says why)."""
        if self.free_objective is None or self.comparable is False:
            return None
        price = self.free_objective - (self.applications - self.move_penalty)
        if self.comparable is None and price < 0:
            return None  # stored before comparability was recorded: not a price
        return price

    @property
    def price_note(self) -> str | None:
        """Why there is no price of stability although the free re-plan was solved."""
        if self.free_objective is None or self.price_of_stability is not None:
            return None
        if self.comparable is False and self.free_missing is not None:
            process = "process" if self.missing == 1 else "processes"
            return (f"not comparable: this plan misses {self.missing:,} required {process}, "
                    f"the free re-plan {self.free_missing:,} (meeting the requirements comes "
                    "before online applications)")
        return "not comparable: the plans may miss different requirements"

    def to_json(self) -> dict[str, Any]:
        price = self.price_of_stability
        return {
            "reference": self.reference,
            "moved": [{"process_id": pid, "from": a.code, "to": b.code}
                      for pid, a, b in self.moved],
            "dropped": [{"process_id": pid, "from": a.code} for pid, a in self.dropped],
            "added": [{"process_id": pid, "to": b.code} for pid, b in self.added],
            "released": [r.to_json() for r in self.released],
            "frozen": self.frozen,
            "price_of_stability": None if price is None else round(price, 2),
            "price_of_stability_note": self.price_note,
            "price_comparable": self.comparable,
            "applications_given_up": (None if price is None or self.free_objective is None
                                      else round(self.free_objective - self.applications, 2)),
            "applications": round(self.applications, 2),
            "move_penalty": round(self.move_penalty, 2),
            "missing": self.missing,
            "free_re_plan": {"objective": self.free_objective, "moved": self.free_moved,
                             "dropped": self.free_dropped,
                             "solve_seconds": self.free_solve_seconds,
                             "status": self.free_status, "missing": self.free_missing},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Changes:
        free = data.get("free_re_plan") or {}
        return cls(
            reference=data["reference"],
            moved=[(m["process_id"], Quarter.parse(m["from"]), Quarter.parse(m["to"]))
                   for m in data["moved"]],
            dropped=[(d["process_id"], Quarter.parse(d["from"])) for d in data["dropped"]],
            added=[(a["process_id"], Quarter.parse(a["to"])) for a in data["added"]],
            released=[Release(r["process_id"], Quarter.parse(r["from"]), r["reason"])
                      for r in data["released"]],
            frozen=data.get("frozen", 0), free_objective=free.get("objective"),
            free_moved=free.get("moved"), free_dropped=free.get("dropped"),
            free_solve_seconds=free.get("solve_seconds"),
            applications=(data.get("applications") or 0.0),
            move_penalty=data.get("move_penalty", 0.0),
            free_status=free.get("status"), missing=data.get("missing", 0),
            free_missing=free.get("missing"), comparable=data.get("price_comparable"),
        )


def compare_to_reference(outcome: KeepOutcome, assignments: dict[str, Quarter],
                         actuals: set[str]) -> tuple[list[tuple[str, Quarter, Quarter]],
                                                     list[tuple[str, Quarter]],
                                                     list[tuple[str, Quarter]]]:
    """(moved, dropped, added) of ``assignments`` against the still-valid reference;
    ``actuals`` (processes digitized in the planned quarters) are never added."""
    released = {r.process_id for r in outcome.released}
    reference = outcome.reference.assignments
    moved, dropped = [], []
    for pid, quarter in reference.items():
        if pid in released:
            continue
        now = assignments.get(pid)
        if now is None:
            dropped.append((pid, quarter))
        elif now != quarter:
            moved.append((pid, quarter, now))
    added = [(pid, q) for pid, q in assignments.items()
             if pid not in reference and pid not in actuals]
    return moved, dropped, added
