"""Running the optimizer on an inventory and explaining its answer."""

from __future__ import annotations

import time

import numpy as np

from dx_planner.domain.inventory import Inventory
from dx_planner.planning.problem_builder import BuiltProblem, build_problem
from dx_planner.planning.result import (
    CapacityGap,
    CapacityValue,
    PlanResult,
    RequirementCost,
    RequirementOutcome,
    RequirementShortfall,
    ShortfallInfo,
)
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve
from solver.constraints import planned_count
from solver.explain import Explanation, explain, explain_all
from solver.plan import Plan, make_plan
from solver.problem import Problem, ProblemError
from solver.progress import Progress
from solver.requirement_cost import requirement_costs
from solver.solve import solve


def prepare(inventory: Inventory, settings: PlanSettings) -> BuiltProblem:
    """Resolve settings and build the problem; input errors (bad locks …) are raised here."""
    if settings.keep is not None:
        raise PlanningInputError("settings.keep: stable re-planning is not available yet")
    built = build_problem(inventory, resolve(settings, inventory))
    try:
        built.problem.validate()
    except ProblemError as error:
        raise PlanningInputError(str(error)) from None
    return built


def to_result(built: BuiltProblem, plan: Plan) -> PlanResult:
    problem, quarters = built.problem, built.settings.quarters
    reasons = explain_all(problem, plan)
    outcomes = _outcomes(built, plan)
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
        shortfall=_shortfall(built, plan),
        solve_seconds=plan.solve_seconds,
        cancelled=plan.cancelled,
        requirements=outcomes,
        requirement_cost=[RequirementCost(None, None, None, "not measured") for _ in outcomes],
        capacity_value=_capacity_value(built, plan),
    )


def _outcomes(built: BuiltProblem, plan: Plan) -> list[RequirementOutcome]:
    """Each requirement with its members digitized by its quarter: those digitized before
    start and those the plan completes by then."""
    problem, start = built.problem, built.settings.start
    out = []
    for k, req in enumerate(built.settings.all_requirements()):
        mask = None
        if not req.scope.is_everything:
            mask = np.array([req.scope.matches(p) for p in built.processes], dtype=bool)
        reached = planned_count(plan.quarter, req.quarter - start, mask)
        out.append(RequirementOutcome(req, built.already_in_scope[k] + reached))
    assert len(out) == len(problem.all_requirements())
    return out


def _shortfall(built: BuiltProblem, plan: Plan) -> ShortfallInfo | None:
    short = plan.shortfall
    if short is None:
        return None
    problem, quarters = built.problem, built.settings.quarters
    worst = int(np.argmax(short.by_requirement))
    closable = [m - u for m, u in zip(short.by_requirement, short.unclosable, strict=True)]
    return ShortfallInfo(
        short.missing,
        [CapacityGap(problem.bureau_names[gap.bureau], quarters[gap.quarter],
                     gap.person_months, gap.requirement)
         for gap in short.extra_capacity],
        max(0, closable[worst]),
        [RequirementShortfall(k, m, max(0, closable[k]))
         for k, m in enumerate(short.by_requirement) if m > 0],
        short.verified,
    )


def _capacity_value(built: BuiltProblem, plan: Plan) -> list[CapacityValue]:
    if plan.prices is None:
        return []
    problem, quarters = built.problem, built.settings.quarters
    price = plan.prices.capacity
    return [CapacityValue(problem.bureau_names[b], quarters[q], float(price[b, q]))
            for b in range(price.shape[0]) for q in range(price.shape[1])]


def run_plan(inventory: Inventory, settings: PlanSettings,
             progress: Progress | None = None) -> PlanResult:
    """Optimize: the best plan found within the time limit, checked, as a ``PlanResult``;
    then what each requirement costs (re-solves within ``cost_time``)."""
    built = prepare(inventory, settings)
    plan = solve(built.problem, time_limit=built.settings.time_limit, progress=progress)
    result = to_result(built, plan)
    if not plan.cancelled:
        add_requirement_costs(result, built, plan)
    return result


def add_requirement_costs(result: PlanResult, built: BuiltProblem, plan: Plan) -> None:
    """Fill in ``result.requirement_cost`` (solver/requirement_cost.py)."""
    def resolve_without(problem: Problem, seconds: float, hint: Plan) -> Plan:
        return solve(problem, time_limit=seconds, hint=hint.quarter)

    t0 = time.monotonic()
    costs = requirement_costs(built.problem, plan, built.settings.cost_time,
                              built.settings.time_limit, resolve_without)
    result.requirement_cost = [RequirementCost(c.applications, c.at_least, c.at_most, c.method)
                               for c in costs]
    result.cost_seconds = time.monotonic() - t0


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
