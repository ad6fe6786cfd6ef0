"""Running the optimizer on an inventory and explaining its answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory
from dx_planner.planning.keep import Changes, Reference, compare_to_reference
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
from dx_planner.planning.solved_on import SolvedOn
from solver.checker import check_plan, requirement_shortfalls, requirement_violations
from solver.constraints import planned_count
from solver.explain import KEPT, Explanation, explain, explain_all
from solver.plan import Plan, make_plan, objective_of
from solver.problem import Problem, ProblemError
from solver.progress import Progress
from solver.requirement_cost import requirement_costs
from solver.solve import solve


def prepare(inventory: Inventory, settings: PlanSettings,
            reference: Reference | None = None) -> BuiltProblem:
    """Resolve settings and build the problem; input errors (bad locks …) are raised here.
    With ``settings.keep``, ``reference`` is the plan to keep (``keep.load_reference``); the
    settings then name it exactly (``baseline`` becomes ``baseline-FY2021Q3``), so that the
    plan file and the stored scenario re-run against the same reference."""
    if settings.keep is not None and reference is not None and reference.key is not None:
        settings = replace(settings, keep=replace(settings.keep, scenario=reference.key))
    built = build_problem(inventory, resolve(settings, inventory), reference)
    try:
        built.problem.validate()
    except ProblemError as error:
        raise PlanningInputError(str(error)) from None
    return built


def to_result(built: BuiltProblem, plan: Plan) -> PlanResult:
    problem, quarters = built.problem, built.settings.quarters
    reasons = explain_all(problem, plan)
    if built.keep is not None:
        for i, pid in enumerate(problem.process_ids):
            if pid in built.keep.frozen:
                reasons[i] = KEPT
    outcomes = _outcomes(built, plan)
    result = PlanResult(
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
    if built.keep is not None:
        result.changes = _changes(built, result, plan)
    return result


def _changes(built: BuiltProblem, result: PlanResult, plan: Plan) -> Changes:
    assert built.keep is not None
    actuals = {p.id for p in built.processes if p.status is Status.DIGITIZED}
    moved, dropped, added = compare_to_reference(built.keep, result.assignments, actuals)
    return Changes(built.keep.reference.name, moved, dropped, added,
                   list(built.keep.released), len(built.keep.frozen),
                   applications=plan.applications, move_penalty=plan.move_penalty)


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
             progress: Progress | None = None, reference: Reference | None = None, *,
             cost_progress: Progress | None = None, free_progress: Progress | None = None,
             on_solved: Callable[[BuiltProblem, Plan], None] | None = None) -> PlanResult:
    """Optimize: the best plan found within the time limit, checked, as a ``PlanResult``;
    then what each requirement costs (re-solves within ``cost_time``, reported to
    ``cost_progress``) and, with keep, the free re-plan that measures the price of stability
    (reported to ``free_progress``). A cancel there keeps the plan and leaves the rest
    unmeasured. ``on_solved`` is given the problem and the solver's plan as soon as they
    exist (the live outlook starts from them)."""
    built = prepare(inventory, settings, reference)
    plan = solve(built.problem, time_limit=built.settings.time_limit, progress=progress)
    if on_solved is not None:
        on_solved(built, plan)
    result = to_result(built, plan)
    result.solved_on = SolvedOn.of(inventory)
    if not plan.cancelled:
        add_requirement_costs(result, built, plan, cost_progress)
        if built.keep is not None:
            add_free_re_plan(result, inventory, settings, built, plan, free_progress)
    return result


def add_free_re_plan(result: PlanResult, inventory: Inventory, settings: PlanSettings,
                     built: BuiltProblem, plan: Plan, progress: Progress | None = None) -> None:
    """Solve the same settings without keep (hinted with this plan) for the price of
    stability: the free objective minus this plan's objective, when both plans miss the same
    requirements (a plan meeting more requirements ranks first whatever its objective, so
    otherwise the objectives are not comparable and there is no price). Cancelled (through
    ``progress``): the price stays unknown, a cut-short solve would understate it."""
    assert built.keep is not None and result.changes is not None
    free_built = prepare(inventory, replace(settings, keep=None))
    same_rows = free_built.problem.process_ids == built.problem.process_ids
    free = solve(free_built.problem, time_limit=free_built.settings.time_limit,
                 hint=plan.quarter if same_rows else None, progress=progress)
    if free.cancelled:
        return
    if same_rows:
        free = better_free_plan(free_built.problem, free, plan)
    quarters = free_built.settings.quarters
    assignments = {free_built.problem.process_ids[i]: quarters[int(q)]
                   for i, q in enumerate(free.quarter) if q >= 0}
    moved, dropped, _ = compare_to_reference(built.keep, assignments, set())
    mine, theirs = _missing(plan), _missing(free)
    result.changes = replace(result.changes, free_objective=free.objective,
                             free_moved=len(moved), free_dropped=len(dropped),
                             free_solve_seconds=free.solve_seconds, free_status=free.status,
                             missing=sum(mine), free_missing=sum(theirs),
                             comparable=mine == theirs)


def _missing(plan: Plan) -> list[int]:
    """Processes missing per requirement ([] when every requirement is met)."""
    counts = [max(0, m) for m in plan.shortfall.by_requirement] if plan.shortfall else []
    return counts if any(counts) else []


def better_free_plan(problem: Problem, free: Plan, kept: Plan) -> Plan:
    """The free re-plan: its own solve, or the kept plan (same rows) when that is feasible
    for the free problem, misses the same requirements and earns more — a solve cut short
    by its time limit may end below the plan it was hinted with, and the free re-plan is
    never worse than a plan it could have been."""
    quarter = kept.quarter
    soft = set(requirement_violations(problem, quarter))
    if [m for m in check_plan(problem, quarter) if m not in soft]:
        return free
    if requirement_shortfalls(problem, quarter) != requirement_shortfalls(problem, free.quarter):
        return free
    value = objective_of(problem, quarter)
    if value <= free.objective:
        return free
    return make_plan(problem, quarter, status=free.status, bound=max(free.bound, value),
                     seconds=free.solve_seconds, shortfall=free.shortfall)


def add_requirement_costs(result: PlanResult, built: BuiltProblem, plan: Plan,
                          progress: Progress | None = None) -> None:
    """Fill in ``result.requirement_cost`` (solver/requirement_cost.py); a cancel through
    ``progress`` leaves the requirements not yet re-solved with their estimates."""
    def resolve_without(problem: Problem, seconds: float, hint: Plan) -> Plan:
        return solve(problem, time_limit=seconds, hint=hint.quarter, progress=progress)

    def cancelled() -> bool:
        return progress is not None and progress.is_cancelled()

    t0 = time.monotonic()
    costs = requirement_costs(built.problem, plan, built.settings.cost_time,
                              built.settings.time_limit, resolve_without, cancelled)
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
