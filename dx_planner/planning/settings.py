"""Plan settings as the user gives them, and resolved against an inventory.

planning-model.md §2 (start, deadline, end, target, milestones) and §6 (requirements,
bureau_target, keep, assumptions). ``ResolvedSettings.to_json()`` is the plan file's
``settings`` object; ``settings_json.settings_from_json`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter, QuarterError, check_plannable
from dx_planner.domain.targets import target_count as target_count_of
from dx_planner.planning.assumptions import NO_ASSUMPTIONS, Assumptions
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.keep import Keep
from dx_planner.planning.requirements import (
    BUREAU_TARGET,
    MILESTONE,
    REQUIREMENT,
    TARGET,
    RequirementSpec,
    ResolvedRequirement,
    Scope,
)

__all__ = ["DEFAULT_DEADLINE", "DEFAULT_TARGET_SHARE", "DEFAULT_TIME_LIMIT",
           "PlanSettings", "PlanningInputError", "ResolvedSettings", "resolve"]

DEFAULT_DEADLINE = Quarter(2023, 4)
DEFAULT_TARGET_SHARE = 0.70
DEFAULT_TIME_LIMIT = 10.0
MAX_TIME_LIMIT = 86_400.0  # a day: longer is a typo, not a plan
MAX_PLAN_QUARTERS = 40  # ten fiscal years from start to end


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """What the user asks for; None means the default. ``target_count`` wins over
    ``target_share`` when both are given."""

    start: Quarter | None = None
    deadline: Quarter = DEFAULT_DEADLINE
    end: Quarter | None = None
    target_share: float = DEFAULT_TARGET_SHARE
    target_count: int | None = None
    milestones: tuple[tuple[Quarter, int], ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    requirements: tuple[RequirementSpec, ...] = ()
    bureau_target: float | None = None
    keep: Keep | None = None
    assumptions: Assumptions = NO_ASSUMPTIONS
    # Seconds for re-solves that measure what each binding requirement costs (0: estimates
    # from the dual prices only).
    cost_time: float = 0.0


@dataclass(frozen=True, slots=True)
class ResolvedSettings:
    start: Quarter
    deadline: Quarter
    end: Quarter
    target_count: int
    target_share: float | None
    milestones: tuple[tuple[Quarter, int], ...]
    in_scope: int
    time_limit: float
    requirements: tuple[RequirementSpec, ...] = ()  # as given, quarters filled in
    bureau_target: float | None = None
    keep: Keep | None = None
    assumptions: Assumptions = NO_ASSUMPTIONS
    cost_time: float = 0.0
    # the scoped requirements against the inventory: the specs, then one per bureau
    scoped: tuple[ResolvedRequirement, ...] = ()

    @property
    def quarters(self) -> list[Quarter]:
        return [self.start + i for i in range(self.end - self.start + 1)]

    def all_requirements(self) -> list[ResolvedRequirement]:
        """The target, the milestones, then the scoped requirements: the solver's order."""
        everything = Scope()
        whole = [ResolvedRequirement(TARGET, everything, self.deadline, self.target_count,
                                     self.in_scope, self.target_share)]
        whole += [ResolvedRequirement(MILESTONE, everything, quarter, count, self.in_scope)
                  for quarter, count in self.milestones]
        return whole + list(self.scoped)

    def to_json(self) -> dict[str, Any]:
        """The plan file's ``settings`` (planning-model.md §4 and §6): the settings exactly as
        solved, so that ``solve --settings`` re-runs the plan."""
        out: dict[str, Any] = {"start": self.start.code, "deadline": self.deadline.code,
                               "end": self.end.code}
        if self.target_share is not None:
            out["target"] = self.target_share
        out["target_count"] = self.target_count
        if self.target_share is not None:  # what the share came to target_count of
            out["in_scope"] = self.in_scope
        out["milestones"] = [[quarter.code, count] for quarter, count in self.milestones]
        if self.requirements:
            out["requirements"] = [spec.to_json() for spec in self.requirements]
        if self.bureau_target is not None:
            out["bureau_target"] = self.bureau_target
        if self.keep is not None:
            out["keep"] = self.keep.to_json()
        if not self.assumptions.is_empty:
            out["assumptions"] = self.assumptions.to_json()
        out["time_limit"] = self.time_limit
        out["cost_time"] = self.cost_time
        return out


def resolve(settings: PlanSettings, inventory: Inventory) -> ResolvedSettings:
    """Fill in defaults (start = the quarter after the latest digitization) and check them."""
    _check_plannable(settings)
    latest = inventory.latest_digitized_quarter()
    start = settings.start or (latest + 1 if latest is not None else None)
    if start is None:
        raise PlanningInputError("no start quarter: give --start (nothing is digitized yet)")
    deadline = settings.deadline
    end = settings.end or deadline
    if deadline < start:
        raise PlanningInputError(f"deadline {deadline.code} is before start {start.code}")
    if end < deadline:
        raise PlanningInputError(f"end {end.code} is before deadline {deadline.code}")
    if end - start + 1 > MAX_PLAN_QUARTERS:
        raise PlanningInputError(
            f"the plan would span {end - start + 1} quarters ({start.code}–{end.code}); at "
            f"most {MAX_PLAN_QUARTERS} ({MAX_PLAN_QUARTERS // 4} years) are planned")
    in_scope = sum(1 for p in inventory.processes if p.in_scope)
    if settings.target_count is not None:
        if settings.target_count < 0:
            raise PlanningInputError("target count must be 0 or more")
        target_count, share = settings.target_count, None
    else:
        if not 0 <= settings.target_share <= 1:
            raise PlanningInputError(f"target {settings.target_share} must be between 0 and 1")
        target_count = target_count_of(settings.target_share, in_scope)
        share = settings.target_share
    for quarter, count in settings.milestones:
        if quarter > end:
            raise PlanningInputError(f"milestone {quarter.code} is after the end {end.code}")
        if count < 0:
            raise PlanningInputError(f"milestone {quarter.code}: count must be 0 or more")
    keep = settings.keep
    if keep is not None and keep.freeze_until is not None and keep.freeze_until > end:
        raise PlanningInputError(
            f"settings.keep.freeze_until (--freeze-until): {keep.freeze_until.code} is after "
            f"the end {end.code}; to freeze every planned quarter give {end.code}")
    if not 0 < settings.time_limit <= MAX_TIME_LIMIT:  # also refuses NaN
        raise PlanningInputError(
            f"time limit must be more than 0 and at most {MAX_TIME_LIMIT:,.0f} seconds")
    if not 0 <= settings.cost_time <= MAX_TIME_LIMIT:  # also refuses NaN
        raise PlanningInputError(
            f"settings.cost_time: must be from 0 to {MAX_TIME_LIMIT:,.0f} seconds")
    if settings.bureau_target is not None and not 0 <= settings.bureau_target <= 1:
        raise PlanningInputError(
            f"settings.bureau_target: {settings.bureau_target} must be between 0 and 1")
    settings.assumptions.check(inventory)
    specs = tuple(_filled(spec, deadline) for spec in settings.requirements)
    scoped = tuple(_resolved(k, spec, inventory, start, end) for k, spec in enumerate(specs))
    scoped += _bureau_targets(settings.bureau_target, inventory, deadline)
    return ResolvedSettings(start, deadline, end, target_count, share,
                            tuple(sorted(settings.milestones)), in_scope, settings.time_limit,
                            specs, settings.bureau_target, settings.keep, settings.assumptions,
                            settings.cost_time, scoped)


def _given_quarters(settings: PlanSettings) -> list[tuple[str, Quarter | None]]:
    """Every quarter the user gave, as (the field, with its command-line option; quarter)."""
    given: list[tuple[str, Quarter | None]] = [
        ("settings.start (--start)", settings.start),
        ("settings.deadline (--deadline)", settings.deadline),
        ("settings.end (--end)", settings.end)]
    given += [(f"settings.milestones[{k}] (--milestone)", quarter)
              for k, (quarter, _) in enumerate(settings.milestones)]
    given += [(f"settings.requirements[{k}].quarter (--require)", spec.quarter)
              for k, spec in enumerate(settings.requirements)]
    if settings.keep is not None:
        given.append(("settings.keep.freeze_until (--freeze-until)", settings.keep.freeze_until))
    assumptions = settings.assumptions
    given += [(f"settings.assumptions.national_ready.{key} (--assume-national)", quarter)
              for key, quarter in assumptions.national_ready]
    given += [(f"settings.assumptions.channel_from.{name} (--channel-from)", quarter)
              for name, quarter in assumptions.channel_from]
    return given


def _check_plannable(settings: PlanSettings) -> None:
    """Every quarter given lies in the domain's plannable range (a FY2999Q4 is a typo)."""
    for where, quarter in _given_quarters(settings):
        if quarter is None:
            continue
        try:
            check_plannable(quarter)
        except QuarterError as error:
            raise PlanningInputError(f"{where}: {error}") from None


def _filled(spec: RequirementSpec, deadline: Quarter) -> RequirementSpec:
    if spec.quarter is not None:
        return spec
    return RequirementSpec(spec.scope, deadline, spec.share, spec.count)


def _resolved(k: int, spec: RequirementSpec, inventory: Inventory, start: Quarter,
              end: Quarter) -> ResolvedRequirement:
    where = f"settings.requirements[{k}]"
    assert spec.quarter is not None  # filled in
    if (spec.share is None) == (spec.count is None):
        raise PlanningInputError(f"{where}: give a share or a count (one of them)")
    if spec.share is not None and not 0 <= spec.share <= 1:
        raise PlanningInputError(f"{where}.share: {spec.share} must be between 0 and 1")
    if spec.count is not None and spec.count < 0:
        raise PlanningInputError(f"{where}.count: must be 0 or more")
    if not start <= spec.quarter <= end:
        raise PlanningInputError(f"{where}.quarter: {spec.quarter.code} is outside the planned "
                                 f"quarters {start.code}–{end.code}")
    scope = spec.scope
    if scope.min_volume is not None and scope.min_volume < 0:
        raise PlanningInputError(f"{where}.scope.min_volume: {scope.min_volume} must be 0 or "
                                 "more (applications a year)")
    if scope.bureau is not None and scope.bureau not in _bureaus(inventory):
        raise PlanningInputError(f"{where}.scope.bureau: unknown bureau '{scope.bureau}'")
    if scope.channel is not None and scope.channel not in _channels(inventory):
        raise PlanningInputError(f"{where}.scope.channel: unknown channel '{scope.channel}'")
    in_scope = sum(1 for p in inventory.processes if p.in_scope and scope.matches(p))
    needed = spec.count if spec.count is not None else target_count_of(spec.share or 0.0, in_scope)
    return ResolvedRequirement(REQUIREMENT, scope, spec.quarter, needed, in_scope, spec.share)


def _bureau_targets(share: float | None, inventory: Inventory,
                    deadline: Quarter) -> tuple[ResolvedRequirement, ...]:
    """Share R of each bureau's in-scope processes by the deadline (bureaus with none skip)."""
    if share is None:
        return ()
    counts: dict[str, int] = {}
    for p in inventory.processes:
        if p.in_scope:
            counts[p.bureau] = counts.get(p.bureau, 0) + 1
    order = list(dict.fromkeys(inventory.bureau_names() + list(counts)))
    return tuple(ResolvedRequirement(BUREAU_TARGET, Scope(bureau=name), deadline,
                                     target_count_of(share, counts[name]), counts[name], share)
                 for name in order if counts.get(name))


def _bureaus(inventory: Inventory) -> set[str]:
    return set(inventory.bureau_names()) | {p.bureau for p in inventory.processes}


def _channels(inventory: Inventory) -> set[str]:
    return {c.name for c in inventory.channels} | {p.channel for p in inventory.processes}
