"""``dx-planner solve``: optimize, store the plan as a scenario, print a summary."""

from __future__ import annotations

import argparse
import json
import math
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from dx_planner.cli.plan_options import add_plan_options, plan_settings, time_limit_argument
from dx_planner.cli.progress import ProgressBar
from dx_planner.cli.usage import Commands
from dx_planner.domain.quarters import Quarter, QuarterError, check_plannable
from dx_planner.domain.validation import InvalidValue, parse_name
from dx_planner.output_files import check_writable, replaced_atomically
from dx_planner.persistence import repository
from dx_planner.persistence.database import write_transaction
from dx_planner.planning.keep import Keep
from dx_planner.planning.result import PlanResult
from dx_planner.planning.settings import PlanSettings


def quarter_argument(text: str) -> Quarter:
    try:
        return check_plannable(Quarter.parse(text))
    except QuarterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def scenario_argument(text: str) -> str:
    """A scenario name the database can hold (on PostgreSQL a longer one was a traceback)."""
    try:
        name = parse_name(text)
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not name:
        raise argparse.ArgumentTypeError("a scenario needs a name")
    return name


def milestone_argument(text: str) -> tuple[Quarter, int]:
    quarter, _, count = text.rpartition(":")
    if not quarter or not count.strip().isdigit():
        raise argparse.ArgumentTypeError(f"milestone '{text}' must be QUARTER:COUNT, "
                                         "e.g. FY2022Q4:18000")
    return quarter_argument(quarter), int(count)


def add_solve_parser(commands: Commands) -> None:
    solve = commands.add_parser("solve", help="optimize the roadmap and store it as a scenario")
    solve.add_argument("--start", type=quarter_argument, metavar="Q")
    solve.add_argument("--deadline", type=quarter_argument, metavar="Q")
    solve.add_argument("--end", type=quarter_argument, metavar="Q")
    target = solve.add_mutually_exclusive_group()
    target.add_argument("--target", type=float, metavar="R",
                        help="share of in-scope processes (default 0.70)")
    target.add_argument("--target-count", type=int, metavar="N")
    solve.add_argument("--milestone", type=milestone_argument, action="append", default=[],
                       metavar="Q:N", help="minimum cumulative count at the end of Q")
    solve.add_argument("--time-limit", type=time_limit_argument, metavar="S",
                       help="seconds for the optimizer (default 10)")
    solve.add_argument("--scenario", metavar="NAME", type=scenario_argument,
                       help="name to store the plan under (default: plan-<timestamp>)")
    solve.add_argument("--json", type=Path, metavar="FILE", help="write the plan file here")
    add_plan_options(solve)


class _CliProgress:
    """The solver's progress protocol on a terminal progress bar."""

    def __init__(self, bar: ProgressBar) -> None:
        self.bar = bar

    def report(self, phase: str, objective: float | None, bound: float | None,
               elapsed: float) -> None:
        figures = ""
        if objective is not None and bound:
            figures = f" best {objective:,.0f} / bound {bound:,.0f}"
        self.bar.phase(f"{phase}{figures}")

    def is_cancelled(self) -> bool:
        return False


def run_solve(engine: Engine, args: argparse.Namespace) -> int:
    # The optimizer (OR-Tools) is slow to import: only commands that solve pay for it.
    from dx_planner.planning.keep import load_reference
    from dx_planner.planning.scenarios import check_scenario_name, save_scenario
    from dx_planner.planning.service import run_plan

    settings = plan_settings(args, PlanSettings())
    if args.json:
        check_writable(args.json)  # before the solve and before storing the scenario
    started = time.perf_counter()
    name = args.scenario or f"plan-{datetime.now():%Y%m%d-%H%M%S}"
    with engine.connect() as connection:
        check_scenario_name(connection, name)  # before a long solve, not after it
        inventory = repository.load_inventory(connection)
        reference = load_reference(connection, settings.keep) if settings.keep else None
    with ProgressBar("solve") as bar:
        result = run_plan(inventory, settings, _CliProgress(bar), reference)
    # Both or neither: the plan file is written in full first, the scenario is stored, and
    # only then does the file take its name (a failure on either side leaves no trace).
    with ExitStack() as outputs:
        if args.json:
            temporary = outputs.enter_context(replaced_atomically(args.json))
            temporary.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1,
                                            allow_nan=False),  # RFC 8259: a NaN is a bug
                                 encoding="utf-8")
        with write_transaction(engine) as connection:
            save_scenario(connection, name, result)
    print(summary(result, name, time.perf_counter() - started))
    return 0


def summary(result: PlanResult, name: str, seconds: float) -> str:
    s = result.settings
    lines = [
        f"scenario: {name}",
        f"status: {result.status}",
        f"plan: {s.start.label} – {s.end.label}, deadline {s.deadline.label}",
        f"digitized by deadline: {result.digitized_by_deadline:,} of {s.in_scope:,} in scope "
        f"({result.share_by_deadline:.1%}); target {s.target_count:,}"
        f" {'met' if result.target_met else 'NOT met'}{_cost_text(result, 0)}",
        f"online applications within the plan: {result.objective:,.0f} "
        f"(bound {result.bound:,.0f}, gap {result.gap:.3%})",
    ]
    for k, (quarter, count) in enumerate(s.milestones, start=1):
        reached = dict(result.cumulative).get(quarter, result.already_digitized)
        lines.append(f"milestone {quarter.code}: {reached:,} of {count:,} "
                     f"{'met' if reached >= count else 'NOT met'}{_cost_text(result, k)}")
    if not s.assumptions.is_empty:
        lines.append(f"assumptions: {json.dumps(s.assumptions.to_json(), ensure_ascii=False)}")
    lines += _change_lines(result)
    lines += _requirement_lines(result)
    lines += _capacity_value_lines(result)
    lines += _shortfall_lines(result)
    if result.cancelled:
        lines.append("cancelled: best plan so far")
    lines.append(f"solve time: {result.solve_seconds:.2f} s (total {seconds:.2f} s)")
    return "\n".join(lines)


def _change_lines(result: PlanResult) -> list[str]:
    changes = result.changes
    if changes is None:
        return []
    keep = result.settings.keep
    lines = [f"kept against {changes.reference}"
             + (f", frozen until {keep.freeze_until.code}" if keep and keep.freeze_until else "")
             + (f", move cost {keep.move_cost:,.0f}" if keep else "") + ":",
             f"  {_kept_text(changes.frozen, keep)}, {len(changes.moved):,} moved, "
             f"{len(changes.dropped):,} dropped, {len(changes.added):,} added, "
             f"{len(changes.released):,} released",
             f"  online applications {changes.applications:,.0f} - move penalty "
             f"{changes.move_penalty:,.0f} = objective {result.objective:,.0f}"]
    price = changes.price_of_stability
    if price is not None and changes.free_objective:
        lines.append(f"  price of stability: {price:,.0f} ({price / changes.free_objective:.3%} "
                     f"of the free re-plan's {changes.free_objective:,.0f}: "
                     f"{changes.free_objective - changes.applications:,.0f} applications given "
                     f"up + {changes.move_penalty:,.0f} move penalty); the free re-plan moves "
                     f"{changes.free_moved:,} and drops {changes.free_dropped:,}")
    elif changes.price_note is not None:
        lines.append(f"  price of stability: {changes.price_note}; the free re-plan "
                     f"({changes.free_status or 'solved'}, objective "
                     f"{changes.free_objective or 0:,.0f}) moves {changes.free_moved or 0:,} and "
                     f"drops {changes.free_dropped or 0:,}")
    reasons: dict[str, int] = {}
    for release in changes.released:
        reasons[release.reason] = reasons.get(release.reason, 0) + 1
    if reasons:
        lines.append("  released: " + ", ".join(f"{n:,} {r}" for r, n in sorted(reasons.items())))
    return lines


def _kept_text(kept: int, keep: Keep | None) -> str:
    """The commitments held as they were: with move cost inf every still-valid one, not only
    those of the frozen quarters."""
    if keep is not None and math.isinf(keep.move_cost):
        return f"{kept:,} commitments kept as they were (move cost inf: every still-valid one)"
    return f"{kept:,} commitments kept in the frozen quarters"


def _cost_text(result: PlanResult, k: int) -> str:
    if k >= len(result.requirement_cost):
        return ""
    cost = result.requirement_cost[k]
    if cost.applications is None or cost.method == "not binding":
        return ""
    return f"; costs {cost.applications:,.0f} applications ({cost.method})"


def _requirement_lines(result: PlanResult, most: int = 12) -> list[str]:
    """The scoped requirements (unmet first), each with its cost."""
    scoped = [(k, r) for k, r in enumerate(result.requirements)
              if r.requirement.kind in ("requirement", "bureau_target")]
    if not scoped:
        return []
    met = sum(1 for _, r in scoped if r.met)
    lines = [f"requirements: {met} of {len(scoped)} met"]
    for k, outcome in sorted(scoped, key=lambda item: item[1].met)[:most]:
        req = outcome.requirement
        lines.append(f"  {req.describe()}: {outcome.reached:,} of {req.needed:,} needed "
                     f"({req.in_scope:,} in scope) {'met' if outcome.met else 'NOT met'}"
                     f"{_cost_text(result, k)}")
    if len(scoped) > most:
        lines.append(f"  … {len(scoped) - most} more (in the plan file)")
    return lines


def _capacity_value_lines(result: PlanResult, most: int = 5) -> list[str]:
    top = sorted(result.capacity_value, key=lambda v: -v.per_person_month)[:most]
    top = [v for v in top if v.per_person_month > 0]
    if not top:
        return []
    return ["where one more person-month helps most (online applications):"] + [
        f"  {v.bureau} {v.quarter.code}: {v.per_person_month:,.0f}" for v in top]


def _shortfall_lines(result: PlanResult) -> list[str]:
    shortfall = result.shortfall
    if shortfall is None:
        return []
    lines = [f"shortfall: {shortfall.missing:,} processes missing"]
    for part in shortfall.by_requirement:
        if part.requirement < len(result.requirements):
            req = result.requirements[part.requirement].requirement
            serving = shortfall.serving(part.requirement)
            lines.append(f"  {req.describe()}: {part.missing:,} missing, "
                         f"{part.closable_by_capacity:,} of them closable by capacity"
                         + (f"; {serving:,.2f} person-months of the extra capacity serve it"
                            if serving > 0 else ""))
    if not shortfall.capacity_closes_it:
        lines.append(f"  more capacity can add at most {shortfall.closable_by_capacity:,}"
                     " of them: the rest are not eligible by the deadline (national "
                     "dates, channel start) or not in the inventory")
    if shortfall.extra_capacity:
        total = sum(gap.person_months for gap in shortfall.extra_capacity)
        what = "it" if shortfall.capacity_closes_it else "what capacity can"
        lines.append(f"  extra capacity that would close {what}: {total:,.2f} person-months in "
                     "all" + ("" if shortfall.verified else " (not verified)"))
        for gap in shortfall.extra_capacity[:15]:
            serves = ""
            if gap.serves is not None and gap.serves < len(result.requirements):
                serves = f" for {result.requirements[gap.serves].requirement.describe()}"
            lines.append(f"    {gap.bureau} {gap.quarter.code}: +{gap.person_months:.2f} "
                         f"person-months{serves}")
        if len(shortfall.extra_capacity) > 15:
            lines.append(f"    … {len(shortfall.extra_capacity) - 15} more")
    return lines
