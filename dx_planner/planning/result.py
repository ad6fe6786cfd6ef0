"""A plan as the rest of the application sees it: quarters and names, not indices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.settings import ResolvedSettings


@dataclass(frozen=True, slots=True)
class CapacityGap:
    bureau: str
    quarter: Quarter
    person_months: float


@dataclass(frozen=True, slots=True)
class ShortfallInfo:
    missing: int
    extra_capacity: list[CapacityGap]
    # How many of the missing processes more capacity could add at all: the others are not
    # eligible by the deadline (national dates, channel start) or do not exist.
    closable_by_capacity: int | None = None

    @property
    def capacity_closes_it(self) -> bool:
        return self.closable_by_capacity is None or self.closable_by_capacity >= self.missing

    def to_json(self) -> dict[str, Any]:
        return {
            "missing": self.missing,
            "closable_by_capacity": self.closable_by_capacity,
            "extra_capacity": [
                {"bureau": gap.bureau, "quarter": gap.quarter.code,
                 "person_months": round(gap.person_months, 4)}
                for gap in self.extra_capacity
            ],
        }


@dataclass(slots=True)
class PlanResult:
    settings: ResolvedSettings
    status: str  # optimal | feasible | target_infeasible
    objective: float
    bound: float
    gap: float
    digitized_by_deadline: int
    already_digitized: int
    cumulative: list[tuple[Quarter, int]]  # end of each planned quarter, digitized so far
    assignments: dict[str, Quarter]  # every planned process → its completion quarter
    reasons: dict[str, str] = field(default_factory=dict)  # process id → reason code
    shortfall: ShortfallInfo | None = None
    solve_seconds: float = 0.0
    cancelled: bool = False

    @property
    def target_met(self) -> bool:
        return self.digitized_by_deadline >= self.settings.target_count

    @property
    def share_by_deadline(self) -> float:
        in_scope = self.settings.in_scope
        return self.digitized_by_deadline / in_scope if in_scope else 0.0

    def to_json(self) -> dict[str, Any]:
        """The plan file of planning-model.md §4 (plus reasons and cumulative figures)."""
        return {
            "status": self.status,
            "settings": self.settings.to_json(),
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "digitized_by_deadline": self.digitized_by_deadline,
            "assignments": [
                {"process_id": pid, "quarter": quarter.code,
                 "reason": self.reasons.get(pid, "")}
                for pid, quarter in self.assignments.items()
            ],
            "shortfall": self.shortfall.to_json() if self.shortfall else None,
            "solve_seconds": round(self.solve_seconds, 3),
            "target_count": self.settings.target_count,
            "in_scope": self.settings.in_scope,
            "already_digitized": self.already_digitized,
            "cumulative": [[quarter.code, count] for quarter, count in self.cumulative],
            "unplanned": [
                {"process_id": pid, "reason": reason}
                for pid, reason in self.reasons.items() if pid not in self.assignments
            ],
        }
