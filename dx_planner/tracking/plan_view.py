"""What is planned for the processes not yet digitized: locks first, then the scenario."""

from __future__ import annotations

from collections.abc import Iterable

from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from dx_planner.tracking.actuals import is_digitized_by


def planned_quarters(processes: Iterable[Process], scenario: PlanResult | None,
                     as_of: Quarter) -> dict[str, Quarter]:
    """Planned completion quarter of every in-scope process not digitized by ``as_of``.

    A locked quarter (固定四半期) is the plan whatever the scenario says; otherwise the
    scenario's assignment, if any. Without a scenario only the locks count.
    """
    assignments = scenario.assignments if scenario is not None else {}
    result: dict[str, Quarter] = {}
    for process in processes:
        if not process.in_scope or is_digitized_by(process, as_of):
            continue
        quarter = process.locked_quarter or assignments.get(process.id)
        if quarter is not None:
            result[process.id] = quarter
    return result
