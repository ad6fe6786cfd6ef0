"""One call for the GUI: the burn-up (all processes or one bureau) straight from the database."""

from __future__ import annotations

from sqlalchemy import Connection

from dx_planner.domain.quarters import Quarter
from dx_planner.domain.targets import target_count
from dx_planner.persistence.repository import load_processes
from dx_planner.persistence.scenarios import latest_scenario_name
from dx_planner.planning.scenarios import load_scenario
from dx_planner.planning.settings import DEFAULT_DEADLINE, DEFAULT_TARGET_SHARE
from dx_planner.tracking.baselines import baseline_in_force
from dx_planner.tracking.burnup import Burnup, compute_burnup
from dx_planner.tracking.plan_view import planned_quarters


def load_burnup(connection: Connection, as_of: Quarter, *, scenario_name: str | None = None,
                bureau: str | None = None, first: Quarter | None = None) -> Burnup:
    """Plan vs actual as seen at the end of ``as_of``: the baseline in force during it, the
    scenario (the newest when None) for the forecast, the scenario's target and deadline."""
    processes = load_processes(connection)
    name = scenario_name or latest_scenario_name(connection)
    scenario = load_scenario(connection, name) if name else None
    baseline = baseline_in_force(connection, as_of)
    in_scope = sum(1 for p in processes if p.in_scope)
    if scenario is not None:
        s = scenario.settings
        target = (target_count(s.target_share, in_scope) if s.target_share is not None
                  else s.target_count)
        deadline, milestones = s.deadline, s.milestones
    else:
        target = target_count(DEFAULT_TARGET_SHARE, in_scope)
        deadline, milestones = DEFAULT_DEADLINE, ()
    return compute_burnup(
        processes, as_of, first or min(as_of - 3, baseline.as_of if baseline else as_of),
        max(deadline, as_of + 1), planned=planned_quarters(processes, scenario, as_of),
        baseline=baseline, target_count=target, deadline=deadline, milestones=milestones,
        bureau=bureau,
    )
