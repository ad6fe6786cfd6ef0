"""A plan as the rest of the application sees it: quarters and names, not indices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.keep import Changes
from dx_planner.planning.requirements import ResolvedRequirement
from dx_planner.planning.settings import ResolvedSettings
from dx_planner.planning.settings_json import resolved_requirement
from dx_planner.planning.solved_on import SolvedOn


@dataclass(frozen=True, slots=True)
class CapacityGap:
    bureau: str
    quarter: Quarter
    person_months: float
    # the requirement it serves (index into PlanResult.requirements), when known
    serves: int | None = None


@dataclass(frozen=True, slots=True)
class RequirementShortfall:
    requirement: int  # index into PlanResult.requirements
    missing: int
    closable_by_capacity: int


@dataclass(frozen=True, slots=True)
class ShortfallInfo:
    missing: int
    extra_capacity: list[CapacityGap]
    # How many of the missing processes more capacity could add at all: the others are not
    # eligible by the deadline (national dates, channel start) or do not exist.
    closable_by_capacity: int | None = None
    by_requirement: list[RequirementShortfall] = field(default_factory=list)
    # a plan meeting what capacity can close with this extra capacity was found and checked
    verified: bool | None = None

    @property
    def capacity_closes_it(self) -> bool:
        return self.closable_by_capacity is None or self.closable_by_capacity >= self.missing

    def serving(self, requirement: int) -> float:
        """The extra person-months that serve requirement ``requirement`` (by index)."""
        return sum(gap.person_months for gap in self.extra_capacity
                   if gap.serves == requirement)

    def to_json(self, requirements: list[RequirementOutcome] | None = None) -> dict[str, Any]:
        def named(index: int | None) -> dict[str, Any] | None:
            if index is None or requirements is None or index >= len(requirements):
                return None
            return requirements[index].requirement.key_json()

        return {
            "missing": self.missing,
            "closable_by_capacity": self.closable_by_capacity,
            "verified": self.verified,
            "requirements": [
                (named(r.requirement) or {}) | {"index": r.requirement, "missing": r.missing,
                                                "closable_by_capacity": r.closable_by_capacity,
                                                "person_months": round(
                                                    self.serving(r.requirement), 4)}
                for r in self.by_requirement
            ],
            "extra_capacity": [
                {"bureau": gap.bureau, "quarter": gap.quarter.code,
                 "person_months": round(gap.person_months, 4),
                 "serves": named(gap.serves), "serves_index": gap.serves}
                for gap in self.extra_capacity
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShortfallInfo:
        return cls(
            data["missing"],
            [CapacityGap(g["bureau"], Quarter.parse(g["quarter"]), g["person_months"],
                         g.get("serves_index")) for g in data["extra_capacity"]],
            data.get("closable_by_capacity"),
            [RequirementShortfall(r["index"], r["missing"], r["closable_by_capacity"])
             for r in data.get("requirements", [])],
            data.get("verified"),
        )


@dataclass(frozen=True, slots=True)
class RequirementOutcome:
    """A requirement and how far the plan reaches it."""

    requirement: ResolvedRequirement
    reached: int

    @property
    def met(self) -> bool:
        return self.reached >= self.requirement.needed

    def to_json(self) -> dict[str, Any]:
        return self.requirement.to_json() | {"reached": self.reached, "met": self.met}


@dataclass(frozen=True, slots=True)
class RequirementCost:
    """The online applications given up to meet a requirement (solver/requirement_cost.py):
    ``applications`` (None when the plan does not meet it), proven limits, and how it was
    measured: ``re-solve``, ``dual estimate``, ``not binding`` or ``not met``."""

    applications: float | None
    at_least: float | None
    at_most: float | None
    method: str

    def to_json(self) -> dict[str, Any]:
        def rounded(v: float | None) -> float | None:
            return None if v is None else round(v, 1)

        return {"applications": rounded(self.applications), "at_least": rounded(self.at_least),
                "at_most": rounded(self.at_most), "method": self.method}


@dataclass(frozen=True, slots=True)
class CapacityValue:
    """What one more person-month of a bureau in a quarter is worth (online applications)."""

    bureau: str
    quarter: Quarter
    per_person_month: float

    def to_json(self) -> dict[str, Any]:
        return {"bureau": self.bureau, "quarter": self.quarter.code,
                "per_person_month": round(self.per_person_month, 3)}


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
    # settings.all_requirements() with what the plan reaches, and what each costs
    requirements: list[RequirementOutcome] = field(default_factory=list)
    requirement_cost: list[RequirementCost] = field(default_factory=list)
    capacity_value: list[CapacityValue] = field(default_factory=list)
    cost_seconds: float = 0.0
    # with settings.keep: how the plan differs from its reference, and what stability costs
    changes: Changes | None = None
    # the inventory it was solved on (solved_on.py); None for plans stored before
    solved_on: SolvedOn | None = None

    @property
    def target_met(self) -> bool:
        return self.digitized_by_deadline >= self.settings.target_count

    @property
    def share_by_deadline(self) -> float:
        in_scope = self.settings.in_scope
        return self.digitized_by_deadline / in_scope if in_scope else 0.0

    def to_json(self) -> dict[str, Any]:
        """The plan file of planning-model.md §4 and §6 (plus reasons and cumulative figures)."""
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
            "shortfall": self.shortfall.to_json(self.requirements) if self.shortfall else None,
            "solve_seconds": round(self.solve_seconds, 3),
            "target_count": self.settings.target_count,
            "in_scope": self.settings.in_scope,
            "already_digitized": self.already_digitized,
            "cumulative": [[quarter.code, count] for quarter, count in self.cumulative],
            "unplanned": [
                {"process_id": pid, "reason": reason}
                for pid, reason in self.reasons.items() if pid not in self.assignments
            ],
        } | self.analysis_json()

    def analysis_json(self) -> dict[str, Any]:
        """The §6 figures: requirements, their cost, the capacity values and, with keep, the
        changes against the reference (with the objective split into online applications
        and the move penalty)."""
        keep: dict[str, Any] = {}
        if self.changes is not None:
            keep = {"applications": self.changes.applications,
                    "move_penalty": self.changes.move_penalty,
                    "changes": self.changes.to_json()}
        return keep | {
            "requirements": [r.to_json() for r in self.requirements],
            "requirement_cost": [
                r.requirement.key_json() | c.to_json()
                for r, c in zip(self.requirements, self.requirement_cost, strict=True)
            ],
            "capacity_value": [v.to_json() for v in self.capacity_value],
            "cost_seconds": round(self.cost_seconds, 3),
        }

    def load_analysis(self, data: dict[str, Any]) -> None:
        """Read back what ``analysis_json`` wrote (a stored scenario's figures)."""
        self.requirements = [RequirementOutcome(resolved_requirement(r), r["reached"])
                             for r in data.get("requirements", [])]
        self.requirement_cost = [RequirementCost(c["applications"], c["at_least"], c["at_most"],
                                                 c["method"])
                                 for c in data.get("requirement_cost", [])]
        self.capacity_value = [CapacityValue(v["bureau"], Quarter.parse(v["quarter"]),
                                             v["per_person_month"])
                               for v in data.get("capacity_value", [])]
        self.cost_seconds = data.get("cost_seconds", 0.0)
        self.changes = Changes.from_json(data["changes"]) if data.get("changes") else None
