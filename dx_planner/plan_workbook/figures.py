"""Everything the plan workbook shows, computed once from the inventory and a stored plan.

The sheet modules only lay these figures out; none of them recomputes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dx_planner.domain.enums import LabelledEnum, Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook import reasons
from dx_planner.planning.plan_capacity import plan_capacity
from dx_planner.planning.result import PlanResult
from dx_planner.planning.solved_on import InventoryDrift, inventory_drift


class PlanCategory(LabelledEnum):
    """Where a process stands in the plan (the 計画区分 column)."""

    BY_DEADLINE = ("by_deadline", "期限内")
    AFTER_DEADLINE = ("after_deadline", "期限後")
    UNPLANNED = ("unplanned", "計画外")
    ALREADY = ("already", "デジタル化済")
    NOT_IN_SCENARIO = ("not_in_scenario", "シナリオ外")
    OUT_OF_SCOPE = ("out_of_scope", "対象外")


@dataclass(frozen=True, slots=True)
class ProcessPlan:
    process: Process
    quarter: Quarter | None  # the planned completion quarter
    category: PlanCategory
    reason: str | None  # Japanese text, for processes that are not planned


@dataclass(slots=True)
class BureauFigures:
    name: str
    in_scope: int = 0
    already: int = 0
    by_deadline: int = 0
    after_deadline: int = 0
    unplanned: int = 0
    not_in_plan: int = 0  # in scope now, unknown to the stored plan (added since the solve)
    count: dict[Quarter, int] = field(default_factory=dict)
    effort: dict[Quarter, float] = field(default_factory=dict)
    capacity: dict[Quarter, float] = field(default_factory=dict)

    @property
    def digitized_by_deadline(self) -> int:
        return self.already + self.by_deadline

    @property
    def share_by_deadline(self) -> float:
        return self.digitized_by_deadline / self.in_scope if self.in_scope else 0.0


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    quarter: Quarter
    planned: int  # processes completing in this quarter
    cumulative: int  # digitized at the end of the quarter (already digitized included)
    milestone: int | None  # required cumulative count, when a milestone falls here
    online_volume: int  # annual applications of processes online at the end of the quarter
    online_share: float  # … as a share of the annual volume of in-scope processes
    online_applications: float  # applications made online in this quarter thanks to the plan


@dataclass(slots=True)
class PlanFigures:
    name: str
    result: PlanResult
    processes: list[ProcessPlan]  # every process of the inventory, in inventory order
    bureaus: list[BureauFigures]  # bureaus with processes in the plan or added since, in order
    quarters: list[QuarterFigures]
    in_scope_volume: int
    already_volume: int
    missing_from_inventory: list[str]  # planned process ids the inventory no longer has
    # how the inventory differs from the one the plan was solved on (planning/solved_on.py)
    drift: InventoryDrift

    @property
    def planned(self) -> int:
        """The processes the stored plan assigns a quarter (as solved)."""
        return len(self.result.assignments)

    @property
    def unplanned(self) -> int:
        """The processes the stored plan covers and leaves unplanned (as solved)."""
        assignments = self.result.assignments
        return sum(1 for pid in self.result.reasons if pid not in assignments)

    @property
    def online_share_by_deadline(self) -> float:
        deadline = self.result.settings.deadline
        shares = [q.online_share for q in self.quarters if q.quarter <= deadline]
        if shares:
            return shares[-1]
        return self.already_volume / self.in_scope_volume if self.in_scope_volume else 0.0


def _is_already(process: Process, start: Quarter) -> bool:
    return process.status is Status.DIGITIZED and (
        process.digitized_quarter is None or process.digitized_quarter < start)


def _classify(process: Process, result: PlanResult) -> ProcessPlan:
    """The process as the stored plan has it: what the plan planned (or left unplanned)
    stays so even if the process has since become 対象外 or digitized (solved_on.py: the
    plan is read as solved; the workbook says when the inventory changed)."""
    settings = result.settings
    quarter = result.assignments.get(process.id)
    if quarter is not None:
        category = (PlanCategory.BY_DEADLINE if quarter <= settings.deadline
                    else PlanCategory.AFTER_DEADLINE)
        return ProcessPlan(process, quarter, category, None)
    if process.id in result.reasons:
        return ProcessPlan(process, None, PlanCategory.UNPLANNED,
                           reasons.reason_text(result.reasons[process.id]))
    if not process.in_scope:
        return ProcessPlan(process, None, PlanCategory.OUT_OF_SCOPE, reasons.OUT_OF_SCOPE)
    if _is_already(process, settings.start):
        return ProcessPlan(process, None, PlanCategory.ALREADY, reasons.ALREADY_DIGITIZED)
    return ProcessPlan(process, None, PlanCategory.NOT_IN_SCENARIO, reasons.NOT_IN_SCENARIO)


def _bureau_order(inventory: Inventory, result: PlanResult) -> dict[str, BureauFigures]:
    """Every bureau with the capacity its plan was solved with (what-if factors applied)."""
    capacity = plan_capacity(inventory, result.settings)
    names = [b.name for b in inventory.bureaus] + [p.bureau for p in inventory.processes]
    return {name: BureauFigures(name, capacity=capacity.get(name, {}))
            for name in dict.fromkeys(names)}


def compute_figures(inventory: Inventory, result: PlanResult, name: str) -> PlanFigures:
    """Classify every process and total the plan by bureau and by quarter."""
    settings = result.settings
    quarters = settings.quarters
    bureaus = _bureau_order(inventory, result)
    planned_volume = dict.fromkeys(quarters, 0)
    planned_count = dict.fromkeys(quarters, 0)
    in_scope_volume = already_volume = 0
    rows: list[ProcessPlan] = []
    for process in inventory.processes:
        row = _classify(process, result)
        rows.append(row)
        if row.category is PlanCategory.OUT_OF_SCOPE:
            continue
        bureau = bureaus[process.bureau]
        if row.category is PlanCategory.NOT_IN_SCENARIO:
            bureau.not_in_plan += 1  # not the plan's: counted nowhere else
            continue
        bureau.in_scope += 1
        in_scope_volume += process.annual_volume
        category = row.category
        if category is PlanCategory.ALREADY:
            bureau.already += 1
            already_volume += process.annual_volume
        elif row.quarter is not None:
            quarter = row.quarter
            if category is PlanCategory.BY_DEADLINE:
                bureau.by_deadline += 1
            else:
                bureau.after_deadline += 1
            bureau.count[quarter] = bureau.count.get(quarter, 0) + 1
            bureau.effort[quarter] = bureau.effort.get(quarter, 0.0) + process.effort
            planned_count[quarter] = planned_count.get(quarter, 0) + 1
            planned_volume[quarter] = planned_volume.get(quarter, 0) + process.annual_volume
        elif category is PlanCategory.UNPLANNED:
            bureau.unplanned += 1
    known = {process.id for process in inventory.processes}
    missing = sorted(pid for pid in result.assignments if pid not in known)
    return PlanFigures(
        name=name, result=result, processes=rows,
        bureaus=[b for b in bureaus.values() if b.in_scope or b.not_in_plan],
        quarters=_quarter_figures(result, quarters, planned_count, planned_volume,
                                  in_scope_volume, already_volume),
        in_scope_volume=in_scope_volume, already_volume=already_volume,
        missing_from_inventory=missing, drift=inventory_drift(result, inventory),
    )


def _quarter_figures(result: PlanResult, quarters: list[Quarter],
                     planned_count: dict[Quarter, int], planned_volume: dict[Quarter, int],
                     in_scope_volume: int, already_volume: int) -> list[QuarterFigures]:
    solver_cumulative = dict(result.cumulative)
    milestones = dict(result.settings.milestones)
    figures: list[QuarterFigures] = []
    cumulative = result.already_digitized
    online = already_volume
    applications_per_quarter = 0.0  # from processes the plan completed in earlier quarters
    for quarter in quarters:
        cumulative += planned_count.get(quarter, 0)
        figures.append(QuarterFigures(
            quarter=quarter,
            planned=planned_count.get(quarter, 0),
            cumulative=solver_cumulative.get(quarter, cumulative),
            milestone=milestones.get(quarter),
            online_volume=online + planned_volume.get(quarter, 0),
            online_share=((online + planned_volume.get(quarter, 0)) / in_scope_volume
                          if in_scope_volume else 0.0),
            online_applications=applications_per_quarter,
        ))
        online += planned_volume.get(quarter, 0)
        applications_per_quarter += planned_volume.get(quarter, 0) / 4
    return figures
