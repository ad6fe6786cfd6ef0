"""A baseline: a plan published as the plan of record as of a quarter (a snapshot)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from dx_planner.domain.quarters import Quarter

ACTUAL = "actual"
PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class BaselineItem:
    quarter: Quarter
    bureau: str
    source: str  # ACTUAL or PLANNED


@dataclass(frozen=True, slots=True)
class Baseline:
    as_of: Quarter
    scenario_name: str
    published_at: datetime
    in_scope: int
    target_count: int
    target_share: float | None
    deadline: Quarter
    milestones: tuple[tuple[Quarter, int], ...]
    items: dict[str, BaselineItem] = field(default_factory=dict)
    note: str = ""

    def cumulative(self, quarter: Quarter, bureau: str | None = None) -> int:
        """Processes digitized or planned by the end of ``quarter`` (in ``bureau``)."""
        return sum(1 for item in self.items.values()
                   if item.quarter <= quarter and (bureau is None or item.bureau == bureau))

    def planned_in(self, quarter: Quarter) -> Counter[str]:
        """Planned completions in ``quarter``, by bureau."""
        return Counter(item.bureau for item in self.items.values() if item.quarter == quarter)


@dataclass(frozen=True, slots=True)
class BaselineSummary:
    as_of: Quarter
    scenario_name: str
    published_at: datetime
    items: int
