"""The inventory and resolved settings as a solver ``Problem`` (planning-model.md §2, §6).

The scenario's what-if assumptions are applied here, to the problem only: the inventory is
never changed. Requirements become solver requirements over the problem's rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumption_locks import check_assumption_locks
from dx_planner.planning.eligibility import earliest_quarter
from dx_planner.planning.keep import KeepOutcome, Reference, apply_keep
from dx_planner.planning.plan_capacity import plan_capacity
from dx_planner.planning.requirements import ResolvedRequirement
from dx_planner.planning.settings import PlanningInputError, ResolvedSettings
from solver.problem import (
    REASON_FROZEN,
    REASON_START,
    Problem,
    Requirement,
)


@dataclass(frozen=True, slots=True)
class BuiltProblem:
    problem: Problem
    settings: ResolvedSettings
    # The processes the problem plans, in problem order (index i ↔ problem row i).
    processes: list[Process]
    already_digitized_ids: list[str]
    # For each of settings.all_requirements(): its members digitized before start.
    already_in_scope: tuple[int, ...] = ()
    # With settings.keep: what keeping the reference did (frozen, released, reference rows)
    keep: KeepOutcome | None = None


def build_problem(inventory: Inventory, settings: ResolvedSettings,
                  reference: Reference | None = None) -> BuiltProblem:
    """The problem; with ``settings.keep``, ``reference`` is the plan to keep (keep.py)."""
    start, end = settings.start, settings.end
    quarters = settings.quarters
    horizon = len(quarters)
    bureau_names = list(dict.fromkeys(
        [b.name for b in inventory.bureaus] + [p.bureau for p in inventory.processes]))
    bureau_index = {name: i for i, name in enumerate(bureau_names)}
    channel_names = list(dict.fromkeys(
        [c.name for c in inventory.channels] + [p.channel for p in inventory.processes]))
    channel_index = {name: i for i, name in enumerate(channel_names)}
    assumptions = settings.assumptions
    channel_from = {c.name: assumptions.channel_start(c.name, c.available_from)
                    for c in inventory.channels}
    channel_from |= dict(assumptions.channel_from)  # channels known only from processes

    planned: list[Process] = []
    done: list[Process] = []
    earliest: list[int] = []
    reasons: list[int] = []
    locked: list[int] = []
    errors: list[str] = []
    for process in inventory.processes:
        if not process.in_scope:
            continue
        if process.digitized_before(start):
            done.append(process)
            continue
        first, reason = earliest_quarter(process, start, channel_from, assumptions)
        # Digitized on or after start: an actual, so it stays where it happened.
        actual = process.status is Status.DIGITIZED
        lock = process.digitized_quarter if actual else process.locked_quarter
        if lock is not None and not start <= lock <= end:
            errors.append(f"process {process.id} is locked to {lock.code}, outside the planned "
                          f"quarters {start.code}–{end.code}")
            continue
        if actual and lock is not None:
            first, reason = lock, REASON_START  # it happened, whatever the rules said
        planned.append(process)
        earliest.append(horizon if first is None else min(first - start, horizon))
        reasons.append(reason)
        locked.append(-1 if lock is None else lock - start)
    if errors:
        raise PlanningInputError("; ".join(errors[:5]) + (
            f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""))

    # Stated capacity with the what-if factors, plus actuals' effort (plan_capacity.py).
    capacity = np.zeros((len(bureau_names), horizon))
    for name, by_quarter in plan_capacity(inventory, settings).items():
        for quarter, effort in by_quarter.items():
            capacity[bureau_index[name], quarter - start] = effort
    limits = np.full((len(channel_names), horizon), np.inf)
    for channel in inventory.channels:
        for quarter, limit in channel.limits.items():
            if start <= quarter <= end:
                limits[channel_index[channel.name], quarter - start] = limit

    # Work already done in a planned quarter (actuals) evidently had the channel's room too.
    for i, process in enumerate(planned):
        if process.status is Status.DIGITIZED and locked[i] >= 0:
            limits[channel_index[process.channel], locked[i]] += 1

    check_assumption_locks(assumptions, inventory, planned, locked, start, channel_from,
                           capacity, bureau_index)
    kept = None
    if settings.keep is not None:
        if reference is None:
            raise PlanningInputError("settings.keep: the reference plan was not loaded")
        kept = apply_keep(settings.keep, reference, inventory, planned, start, end, earliest,
                          reasons, locked, capacity, limits, bureau_index, channel_index,
                          REASON_FROZEN)

    problem = Problem(
        quarter_labels=[q.code for q in quarters],
        deadline=settings.deadline - start,
        process_ids=[p.id for p in planned],
        bureau=np.array([bureau_index[p.bureau] for p in planned], dtype=np.int32),
        channel=np.array([channel_index[p.channel] for p in planned], dtype=np.int32),
        effort=np.array([p.effort for p in planned], dtype=np.float64),
        volume=np.array([p.annual_volume for p in planned], dtype=np.float64),
        earliest=np.array(earliest, dtype=np.int32),
        earliest_reason=np.array(reasons, dtype=np.int8),
        locked=np.array(locked, dtype=np.int32),
        bureau_names=bureau_names,
        bureau_capacity=capacity,
        channel_names=channel_names,
        channel_limit=limits,
        already_digitized=len(done),
        target_count=settings.target_count,
        milestones=tuple((max(q - start, -1), n) for q, n in settings.milestones),
        requirements=tuple(_requirement(k, r, planned, done, start)
                           for k, r in enumerate(settings.scoped)),
        reference=None if kept is None else kept.reference_rows,
        move_cost=(settings.keep.move_cost if settings.keep is not None
                   and math.isfinite(settings.keep.move_cost) else 0.0),
    )
    already = tuple(sum(1 for p in done if r.scope.matches(p))
                    for r in settings.all_requirements())
    return BuiltProblem(problem, settings, planned, [p.id for p in done], already, kept)


def _requirement(k: int, requirement: ResolvedRequirement, planned: list[Process],
                 done: list[Process], start: Quarter) -> Requirement:
    """The solver's form: the problem rows in scope, and how many of them are needed besides
    the members already digitized before start."""
    scope = requirement.scope
    rows = np.array([i for i, p in enumerate(planned) if scope.matches(p)], dtype=np.int64)
    already = sum(1 for p in done if scope.matches(p))
    return Requirement(f"{requirement.kind} {scope.describe()}", requirement.quarter - start,
                       requirement.needed - already, rows)
