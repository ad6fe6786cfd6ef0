"""Every figure the report states, as plain data (computed in ``compute.py``).

Counts are of in-scope processes (状況 not 対象外). "In the quarter" means digitized in it;
"total" means digitized by its end; "next" means planned for the following quarter
(locked to it, or assigned to it by the scenario).
"""

from __future__ import annotations

from dataclasses import dataclass

from dx_planner.domain.quarters import Quarter
from dx_planner.tracking.burnup import Burnup


@dataclass(frozen=True, slots=True)
class Named:
    """A count with a few example process names (the busiest first)."""

    count: int
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MajorFigures:
    """Phase 1: the major procedures (主要手続)."""

    total: int
    own_total: int  # authority 都
    own_digitized_in_quarter: Named
    own_digitized_total: int
    own_planned_next: Named
    national_total: int  # authority 国
    national_digitized_in_quarter: Named
    national_digitized_total: int
    national_planned_next: Named
    national_dated: Named  # 時期提示, not yet digitized
    national_under_review: Named  # 検討中
    national_not_considered: Named  # 未検討 (or blank)
    other_total: int  # authority その他
    other_digitized_in_quarter: Named
    other_digitized_total: int
    other_planned_next: Named

    @property
    def own_remaining(self) -> int:
        return self.own_total - self.own_digitized_total

    @property
    def national_lobbying(self) -> int:
        """Still being lobbied for: under review plus not yet considered."""
        return self.national_under_review.count + self.national_not_considered.count


@dataclass(frozen=True, slots=True)
class MilestoneStatus:
    quarter: Quarter
    required: int
    actual: int | None  # reached, for a milestone up to the report quarter
    forecast: int | None  # expected, for a later one (actual + plan)

    @property
    def met(self) -> bool | None:
        value = self.actual if self.actual is not None else self.forecast
        return None if value is None else value >= self.required


@dataclass(frozen=True, slots=True)
class BureauFigures:
    bureau: str
    in_scope: int
    digitized_total: int
    digitized_in_quarter: int
    baseline_in_quarter: int | None  # planned for the quarter in the baseline
    baseline_total: int | None  # planned by its end in the baseline
    planned_next: int

    @property
    def share(self) -> float:
        return self.digitized_total / self.in_scope if self.in_scope else 0.0


@dataclass(frozen=True, slots=True)
class AllFigures:
    """Phase 2: every in-scope process."""

    in_scope: int
    digitized_total: int
    digitized_in_quarter: int
    target_share: float | None
    target_count: int
    deadline: Quarter
    milestones: tuple[MilestoneStatus, ...]
    baseline_total: int | None  # digitized or planned by the quarter's end, in the baseline
    baseline_in_quarter: int | None
    planned_next: int
    planned_next_priority: int  # of which 重点 (priority) processes
    bureaus: tuple[BureauFigures, ...]

    @property
    def share(self) -> float:
        return self.digitized_total / self.in_scope if self.in_scope else 0.0

    @property
    def remaining_to_target(self) -> int:
        return max(0, self.target_count - self.digitized_total)

    @property
    def variance(self) -> int | None:
        """Actual minus baseline by the quarter's end (negative = behind)."""
        return None if self.baseline_total is None else self.digitized_total - self.baseline_total


@dataclass(frozen=True, slots=True)
class ChannelFigures:
    """One application platform (申請基盤)."""

    channel: str
    available_from: Quarter | None
    onboarded_in_quarter: Named
    live_total: int
    planned_next: Named
    limit_next: int | None  # the most it can onboard next quarter (None = no limit)


@dataclass(frozen=True, slots=True)
class SubsidyFigures:
    """Subsidies (手続類型 補助金) on the jGrants channel."""

    channel: str
    programme_total: int
    live_total: int
    launched_in_quarter: Named
    planned_next: Named

    @property
    def unscheduled(self) -> int:
        return self.programme_total - self.live_total - self.planned_next.count


@dataclass(frozen=True, slots=True)
class ReportFigures:
    quarter: Quarter
    scenario_name: str | None
    baseline_as_of: Quarter | None
    major: MajorFigures
    all: AllFigures
    channels: tuple[ChannelFigures, ...]
    subsidies: SubsidyFigures
    burnup: Burnup

    @property
    def next_quarter(self) -> Quarter:
        return self.quarter + 1
