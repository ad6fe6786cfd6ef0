"""The live outlook: what the optimized plan looks like right after an edit, in about a second.

A full solve leaves an :class:`OutlookStart`: the settings as the planner gave them and the
solver's warm start (the problem, the plan and its multipliers). After an edit, the edited
inventory is built into a problem again and re-solved warm (``solver.warm.resolve``: the
previous plan carried over and repaired, the previous prices give a proven bound, a short
search where the edit changed things). The plan is checked like every plan and the bound is
proven, but it had a second, not the time limit: an estimate until the next full solve.
"""

from __future__ import annotations

from dataclasses import dataclass

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.problem_builder import BuiltProblem
from dx_planner.planning.service import prepare
from dx_planner.planning.settings import PlanSettings
from solver.plan import Plan
from solver.progress import Progress
from solver.warm import WarmStart, resolve

#: Seconds the warm re-solve may take.
TIME_LIMIT = 1.0


@dataclass(frozen=True)
class OutlookStart:
    """What the last solve (full or warm) leaves for the next outlook."""

    settings: PlanSettings
    warm: WarmStart


@dataclass(frozen=True)
class Outlook:
    """The figures of the re-solved plan (planning-model.md §2 and §4), an estimate."""

    deadline: Quarter
    target_count: int
    in_scope: int
    digitized_by_deadline: int
    milestones: tuple[tuple[Quarter, int, int], ...]  # quarter, required, reached
    applications: float  # the objective: online applications within the plan
    bound: float
    gap: float
    status: str  # as a plan's: feasible | optimal | target_infeasible
    seconds: float

    @property
    def target_met(self) -> bool:
        return self.digitized_by_deadline >= self.target_count

    @property
    def margin(self) -> int:
        """Processes above the target by the deadline (negative: missing)."""
        return self.digitized_by_deadline - self.target_count


def start_from(settings: PlanSettings, built: BuiltProblem, plan: Plan) -> OutlookStart | None:
    """The outlook's start after a full solve; None where the outlook cannot follow (stable
    re-planning needs its reference plan from the database)."""
    if settings.keep is not None or plan.multipliers is None:
        return None
    return OutlookStart(settings, WarmStart(built.problem, plan))


def outlook(inventory: Inventory, start: OutlookStart, *, time_limit: float = TIME_LIMIT,
            progress: Progress | None = None) -> tuple[Outlook, OutlookStart]:
    """The outlook for ``inventory`` (edited since ``start``) and the start for the next one.
    Raises ``PlanningInputError`` when the edited inventory cannot be planned (a bad lock)."""
    built = prepare(inventory, start.settings)
    plan = resolve(start.warm, built.problem, time_limit=time_limit, progress=progress)
    settings = built.settings
    cumulative = dict(zip(settings.quarters, plan.cumulative, strict=True))
    milestones = tuple(
        (quarter, required,
         cumulative.get(quarter, built.problem.already_digitized if quarter < settings.start
                        else plan.cumulative[-1]))
        for quarter, required in settings.milestones)
    figures = Outlook(
        deadline=settings.deadline,
        target_count=settings.target_count,
        in_scope=settings.in_scope,
        digitized_by_deadline=plan.digitized_by_deadline,
        milestones=milestones,
        applications=plan.objective,
        bound=plan.bound,
        gap=plan.gap,
        status=plan.status,
        seconds=plan.solve_seconds,
    )
    return figures, OutlookStart(start.settings, WarmStart(built.problem, plan))
