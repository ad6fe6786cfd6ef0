"""The capacity a plan is solved with: the one statement of it, for the solver's problem and
for everything that shows a plan's load (plan workbook, desktop heat map, capacity values).

Each bureau's stated capacity (局別処理能力) in the planned quarters, scaled by the scenario's
what-if ``capacity_scale``, plus the effort of work already done in a planned quarter (a
process digitized on or after ``start``): that work evidently had the capacity, so only the
rest of the plan competes for the stated capacity.
"""

from __future__ import annotations

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.settings import ResolvedSettings

#: bureau → quarter → person-months
PlanCapacity = dict[str, dict[Quarter, float]]


def actual_quarter(process: Process, settings: ResolvedSettings) -> Quarter | None:
    """The planned quarter in which an in-scope process was actually digitized, if any."""
    quarter = process.digitized_quarter
    if (not process.in_scope or process.status is not Status.DIGITIZED or quarter is None
            or not settings.start <= quarter <= settings.end):
        return None
    return quarter


def stated_capacity(inventory: Inventory, settings: ResolvedSettings) -> PlanCapacity:
    """Each bureau's stated capacity in the planned quarters, what-if factors applied."""
    start, end = settings.start, settings.end
    assumptions = settings.assumptions
    return {bureau.name: {quarter: effort * assumptions.scale(bureau.name)
                          for quarter, effort in bureau.capacity.items()
                          if start <= quarter <= end}
            for bureau in inventory.bureaus}


def plan_capacity(inventory: Inventory, settings: ResolvedSettings) -> PlanCapacity:
    """The capacity the plan of ``settings`` is solved with (module docstring)."""
    capacity = stated_capacity(inventory, settings)
    for process in inventory.processes:
        quarter = actual_quarter(process, settings)
        if quarter is not None:
            by_quarter = capacity.setdefault(process.bureau, {})
            by_quarter[quarter] = by_quarter.get(quarter, 0.0) + process.effort
    return capacity
