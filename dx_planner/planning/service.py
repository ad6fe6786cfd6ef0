"""Running the optimizer on an inventory and explaining its answer."""

from __future__ import annotations

import numpy as np

from dx_planner.domain.inventory import Inventory
from dx_planner.planning.problem_builder import BuiltProblem, build_problem
from dx_planner.planning.result import CapacityGap, PlanResult, ShortfallInfo
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve
from solver.explain import Explanation, explain, explain_all
from solver.plan import Plan, make_plan
from solver.problem import ProblemError
from solver.progress import Progress
from solver.solve import solve


def prepare(inventory: Inventory, settings: PlanSettings) -> BuiltProblem:
    """Resolve settings and build the problem; input errors (bad locks …) are raised here."""
    built = build_problem(inventory, resolve(settings, inventory))
    try:
        built.problem.validate()
    except ProblemError as error:
        raise PlanningInputError(str(error)) from None
    return built


def to_result(built: BuiltProblem, plan: Plan) -> PlanResult:
    problem, quarters = built.problem, built.settings.quarters
    reasons = explain_all(problem, plan)
    shortfall = None
    if plan.shortfall is not None:
        # Unplanned processes eligible by the deadline: all that more capacity could add.
        pool = int(np.sum((plan.quarter < 0) & (problem.earliest <= problem.deadline)))
        shortfall = ShortfallInfo(plan.shortfall.missing, [
            CapacityGap(problem.bureau_names[gap.bureau], quarters[gap.quarter],
                        gap.person_months)
            for gap in plan.shortfall.extra_capacity
        ], min(plan.shortfall.missing, pool))
    return PlanResult(
        settings=built.settings,
        status=plan.status,
        objective=plan.objective,
        bound=plan.bound,
        gap=plan.gap,
        digitized_by_deadline=plan.digitized_by_deadline,
        already_digitized=problem.already_digitized,
        cumulative=list(zip(quarters, plan.cumulative, strict=True)),
        assignments={problem.process_ids[i]: quarters[int(q)]
                     for i, q in enumerate(plan.quarter) if q >= 0},
        reasons={pid: reasons[i] for i, pid in enumerate(problem.process_ids)},
        shortfall=shortfall,
        solve_seconds=plan.solve_seconds,
        cancelled=plan.cancelled,
    )


def run_plan(inventory: Inventory, settings: PlanSettings,
             progress: Progress | None = None) -> PlanResult:
    """Optimize: the best plan found within the time limit, checked, as a ``PlanResult``."""
    built = prepare(inventory, settings)
    plan = solve(built.problem, time_limit=built.settings.time_limit, progress=progress)
    return to_result(built, plan)


def explain_process(inventory: Inventory, result: PlanResult, process_id: str) -> Explanation:
    """Why a process is in its quarter and not earlier (or not planned at all).

    Rebuilt from the inventory as it is now, so a stored scenario can be explained too.
    """
    settings = result.settings
    built = build_problem(inventory, settings)
    problem = built.problem
    try:
        index = problem.process_ids.index(process_id)
    except ValueError:
        raise KeyError(f"process {process_id} is not part of this plan (already digitized, "
                       "out of scope, or unknown)") from None
    quarter = np.full(problem.n_processes, -1, dtype=np.int32)
    for i, pid in enumerate(problem.process_ids):
        assigned = result.assignments.get(pid)
        if assigned is not None and settings.start <= assigned <= settings.end:
            quarter[i] = assigned - settings.start
    plan = make_plan(problem, quarter, status=result.status, bound=result.bound,
                     seconds=result.solve_seconds)
    return explain(problem, plan, index)
