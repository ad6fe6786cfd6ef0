"""Plan settings as the user gives them, and resolved against an inventory."""

from __future__ import annotations

from dataclasses import dataclass

from dx_planner.domain import targets
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter

DEFAULT_DEADLINE = Quarter(2023, 4)
DEFAULT_TARGET_SHARE = 0.70
DEFAULT_TIME_LIMIT = 10.0


class PlanningInputError(ValueError):
    """The settings or the inventory cannot be planned as they are; the message says why."""


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """planning-model.md §2; None means the default."""

    start: Quarter | None = None
    deadline: Quarter = DEFAULT_DEADLINE
    end: Quarter | None = None
    target_share: float = DEFAULT_TARGET_SHARE
    target_count: int | None = None
    milestones: tuple[tuple[Quarter, int], ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    # Scenario: assume that national processes without a date become ready in this quarter.
    assume_national_ready: Quarter | None = None


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
    assume_national_ready: Quarter | None = None

    @property
    def quarters(self) -> list[Quarter]:
        return [self.start + i for i in range(self.end - self.start + 1)]

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start.code,
            "deadline": self.deadline.code,
            "end": self.end.code,
            "target_count": self.target_count,
            "milestones": [[quarter.code, count] for quarter, count in self.milestones],
        }


def resolve(settings: PlanSettings, inventory: Inventory) -> ResolvedSettings:
    """Fill in defaults (start = the quarter after the latest digitization) and check them."""
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
    in_scope = sum(1 for p in inventory.processes if p.in_scope)
    if settings.target_count is not None:
        if settings.target_count < 0:
            raise PlanningInputError("target count must be 0 or more")
        target_count, share = settings.target_count, None
    else:
        if not 0 <= settings.target_share <= 1:
            raise PlanningInputError(f"target {settings.target_share} must be between 0 and 1")
        target_count = targets.target_count(settings.target_share, in_scope)
        share = settings.target_share
    for quarter, count in settings.milestones:
        if quarter > end:
            raise PlanningInputError(f"milestone {quarter.code} is after the end {end.code}")
        if count < 0:
            raise PlanningInputError(f"milestone {quarter.code}: count must be 0 or more")
    if settings.time_limit <= 0:
        raise PlanningInputError("time limit must be greater than 0 seconds")
    return ResolvedSettings(start, deadline, end, target_count, share,
                            tuple(sorted(settings.milestones)), in_scope, settings.time_limit,
                            settings.assume_national_ready)
