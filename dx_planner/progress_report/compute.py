"""Computing the report's figures from the inventory, a scenario and a baseline."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from dx_planner.domain.baselines import Baseline
from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.targets import target_count
from dx_planner.planning.result import PlanResult
from dx_planner.planning.settings import DEFAULT_DEADLINE, DEFAULT_TARGET_SHARE
from dx_planner.progress_report.figures import (
    AllFigures,
    BureauFigures,
    ChannelFigures,
    MajorFigures,
    MilestoneStatus,
    Named,
    ReportFigures,
    SubsidyFigures,
)
from dx_planner.tracking.actuals import actual_quarter
from dx_planner.tracking.burnup import Burnup, compute_burnup
from dx_planner.tracking.plan_view import planned_quarters

JGRANTS = "jGrants"
EXAMPLES = 3
HISTORY_QUARTERS = 4  # quarters of actuals the burn-up shows, the report quarter included


@dataclass(frozen=True, slots=True)
class _Target:
    share: float | None
    count: int
    deadline: Quarter
    milestones: tuple[tuple[Quarter, int], ...]


class _View:
    """The inventory seen at the end of the report quarter."""

    def __init__(self, inventory: Inventory, quarter: Quarter,
                 planned: Mapping[str, Quarter], examples: int) -> None:
        self.quarter = quarter
        self.next = quarter + 1
        self.processes = [p for p in inventory.processes if p.in_scope]
        self.planned = planned
        self.examples = examples

    def done_by(self, process: Process) -> bool:
        done = actual_quarter(process)
        return done is not None and done <= self.quarter

    def done_in(self, process: Process) -> bool:
        return actual_quarter(process) == self.quarter

    def next_planned(self, process: Process) -> bool:
        return self.planned.get(process.id) == self.next

    def named(self, processes: Iterable[Process], keep: Callable[[Process], bool]) -> Named:
        chosen = [p for p in processes if keep(p)]
        busiest = sorted(chosen, key=lambda p: (-p.annual_volume, p.id))[:self.examples]
        return Named(len(chosen), tuple(p.name for p in busiest))


def _major(view: _View) -> MajorFigures:
    major = [p for p in view.processes if p.major]
    own = [p for p in major if p.authority is Authority.TOKYO]
    national = [p for p in major if p.authority is Authority.NATIONAL]
    other = [p for p in major if p.authority is Authority.OTHER]
    pending = [p for p in national if not view.done_by(p)]

    def status_is(*statuses: NationalStatus | None) -> Callable[[Process], bool]:
        return lambda p: p.national_status in statuses

    return MajorFigures(
        total=len(major),
        own_total=len(own),
        own_digitized_in_quarter=view.named(own, view.done_in),
        own_digitized_total=sum(map(view.done_by, own)),
        own_planned_next=view.named(own, view.next_planned),
        national_total=len(national),
        national_digitized_in_quarter=view.named(national, view.done_in),
        national_digitized_total=len(national) - len(pending),
        national_planned_next=view.named(national, view.next_planned),
        national_dated=view.named(pending, status_is(NationalStatus.DATE_GIVEN)),
        national_under_review=view.named(pending, status_is(NationalStatus.UNDER_REVIEW)),
        national_not_considered=view.named(pending,
                                           status_is(NationalStatus.NOT_CONSIDERED, None)),
        other_total=len(other),
        other_digitized_in_quarter=view.named(other, view.done_in),
        other_digitized_total=sum(map(view.done_by, other)),
        other_planned_next=view.named(other, view.next_planned),
    )


def _target(inventory: Inventory, in_scope: int, scenario: PlanResult | None,
            baseline: Baseline | None) -> _Target:
    """The scenario's target (re-applied to today's count), else the baseline's, else 70%."""
    if scenario is not None:
        s = scenario.settings
        count = (target_count(s.target_share, in_scope)
                 if s.target_share is not None else s.target_count)
        return _Target(s.target_share, count, s.deadline, s.milestones)
    if baseline is not None:
        return _Target(baseline.target_share, baseline.target_count, baseline.deadline,
                       baseline.milestones)
    return _Target(DEFAULT_TARGET_SHARE, target_count(DEFAULT_TARGET_SHARE, in_scope),
                   DEFAULT_DEADLINE, ())


def _bureaus(inventory: Inventory, view: _View, baseline: Baseline | None
             ) -> tuple[BureauFigures, ...]:
    in_scope = Counter(p.bureau for p in view.processes)
    total = Counter(p.bureau for p in view.processes if view.done_by(p))
    in_quarter = Counter(p.bureau for p in view.processes if view.done_in(p))
    planned_next = Counter(p.bureau for p in view.processes if view.next_planned(p))
    base_in_quarter = baseline.planned_in(view.quarter) if baseline else Counter[str]()
    base_total = Counter(item.bureau for item in baseline.items.values()
                         if item.quarter <= view.quarter) if baseline else Counter[str]()
    names = [*inventory.bureau_names(), *sorted(set(in_scope) - set(inventory.bureau_names()))]
    return tuple(
        BureauFigures(
            bureau=name, in_scope=in_scope[name], digitized_total=total[name],
            digitized_in_quarter=in_quarter[name],
            baseline_in_quarter=base_in_quarter[name] if baseline else None,
            baseline_total=base_total[name] if baseline else None,
            planned_next=planned_next[name],
        )
        for name in names if in_scope[name]
    )


def _all(inventory: Inventory, view: _View, target: _Target, baseline: Baseline | None,
         burnup: Burnup) -> AllFigures:
    milestones = []
    for quarter, required in target.milestones:
        point = burnup.point(quarter)
        actual = point.actual if point is not None and quarter <= view.quarter else None
        forecast = point.forecast if point is not None and quarter > view.quarter else None
        milestones.append(MilestoneStatus(quarter, required, actual, forecast))
    return AllFigures(
        in_scope=len(view.processes),
        digitized_total=sum(map(view.done_by, view.processes)),
        digitized_in_quarter=sum(map(view.done_in, view.processes)),
        target_share=target.share, target_count=target.count, deadline=target.deadline,
        milestones=tuple(milestones),
        baseline_total=baseline.cumulative(view.quarter) if baseline else None,
        baseline_in_quarter=sum(baseline.planned_in(view.quarter).values()) if baseline
        else None,
        planned_next=sum(map(view.next_planned, view.processes)),
        planned_next_priority=sum(1 for p in view.processes
                                  if p.priority and view.next_planned(p)),
        bureaus=_bureaus(inventory, view, baseline),
    )


def _channels(inventory: Inventory, view: _View) -> tuple[ChannelFigures, ...]:
    known = inventory.channel_by_name()
    names = [*known, *sorted({p.channel for p in view.processes} - set(known))]
    result = []
    for name in names:
        mine = [p for p in view.processes if p.channel == name]
        channel = known.get(name)
        result.append(ChannelFigures(
            channel=name,
            available_from=channel.available_from if channel else None,
            onboarded_in_quarter=view.named(mine, view.done_in),
            live_total=sum(map(view.done_by, mine)),
            planned_next=view.named(mine, view.next_planned),
            limit_next=channel.limits.get(view.next) if channel else None,
        ))
    return tuple(result)


def is_jgrants(channel: str) -> bool:
    return JGRANTS.lower() in unicodedata.normalize("NFKC", channel).lower()


def _subsidies(view: _View) -> SubsidyFigures:
    programme = [p for p in view.processes
                 if p.type is ProcedureType.SUBSIDY and is_jgrants(p.channel)]
    channel = programme[0].channel if programme else JGRANTS
    return SubsidyFigures(
        channel=channel,
        programme_total=len(programme),
        live_total=sum(map(view.done_by, programme)),
        launched_in_quarter=view.named(programme, view.done_in),
        planned_next=view.named(programme, view.next_planned),
    )


def compute_figures(inventory: Inventory, quarter: Quarter, *,
                    scenario: PlanResult | None = None, scenario_name: str | None = None,
                    baseline: Baseline | None = None, examples: int = EXAMPLES
                    ) -> ReportFigures:
    """All the figures of the report for ``quarter`` (progress) and the quarter after it."""
    planned = planned_quarters(inventory.processes, scenario, quarter)
    view = _View(inventory, quarter, planned, examples)
    target = _target(inventory, len(view.processes), scenario, baseline)
    first = quarter - (HISTORY_QUARTERS - 1)
    if baseline is not None:
        first = min(first, baseline.as_of)
    last = max(target.deadline, quarter + 1,
               *(q for q, _ in target.milestones))
    burnup = compute_burnup(
        view.processes, quarter, first, last, planned=planned, baseline=baseline,
        target_count=target.count, deadline=target.deadline, milestones=target.milestones,
    )
    return ReportFigures(
        quarter=quarter, scenario_name=scenario_name if scenario is not None else None,
        baseline_as_of=baseline.as_of if baseline else None,
        major=_major(view), all=_all(inventory, view, target, baseline, burnup),
        channels=_channels(inventory, view), subsidies=_subsidies(view), burnup=burnup,
    )


