"""Baselines: a scenario published as the plan of record as of a quarter.

Publishing copies the plan: every in-scope process that is digitized at that moment (with
its actual quarter) and every process the scenario plans (with its planned quarter), each
with its bureau. Re-solving, renaming or deleting the scenario later changes nothing here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection

from dx_planner.domain.baselines import ACTUAL, PLANNED, Baseline, BaselineItem
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.baselines import (
    latest_baseline_before,
    read_baseline,
    remove_baseline,
    store_baseline,
)
from dx_planner.persistence.repository import load_processes
from dx_planner.persistence.rights import load_rights
from dx_planner.persistence.scenarios import ScenarioNotFound, latest_scenario_name
from dx_planner.planning.scenarios import load_scenario
from dx_planner.tracking.actuals import TrackingError, actual_quarter


def publish_baseline(connection: Connection, as_of: Quarter, scenario_name: str | None = None,
                     note: str = "") -> Baseline:
    """Publish a scenario (the newest when None) as the baseline as of ``as_of``.

    A baseline already published for ``as_of`` is replaced.
    """
    _require_admin(connection, "publish")
    name = scenario_name or latest_scenario_name(connection)
    if name is None:
        raise TrackingError("no stored scenario to publish: run solve first")
    try:
        plan = load_scenario(connection, name)
    except ScenarioNotFound as error:
        raise TrackingError(str(error)) from None
    items: dict[str, BaselineItem] = {}
    in_scope = 0
    for process in load_processes(connection):
        if not process.in_scope:
            continue
        in_scope += 1
        done = actual_quarter(process)
        if done is not None:
            items[process.id] = BaselineItem(done, process.bureau, ACTUAL)
        elif process.id in plan.assignments:
            items[process.id] = BaselineItem(plan.assignments[process.id], process.bureau,
                                             PLANNED)
    settings = plan.settings
    baseline = Baseline(
        as_of=as_of, scenario_name=name,
        published_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
        in_scope=in_scope, target_count=settings.target_count,
        target_share=settings.target_share, deadline=settings.deadline,
        milestones=settings.milestones, items=items, note=note,
    )
    store_baseline(connection, baseline)
    return baseline


def delete_baseline(connection: Connection, as_of: Quarter) -> bool:
    """Withdraw the baseline published as of ``as_of``; False if there was none."""
    _require_admin(connection, "delete")
    return remove_baseline(connection, as_of)


def _require_admin(connection: Connection, verb: str) -> None:
    rights = load_rights(connection)
    if not rights.is_admin:
        raise TrackingError(f"only an admin may {verb} baselines ({rights.described})")


def load_baseline(connection: Connection, as_of: Quarter) -> Baseline:
    baseline = read_baseline(connection, as_of)
    if baseline is None:
        raise TrackingError(f"no baseline published as of {as_of.label}")
    return baseline


def baseline_in_force(connection: Connection, quarter: Quarter) -> Baseline | None:
    """The plan of record during ``quarter``: the newest baseline published before it."""
    as_of = latest_baseline_before(connection, quarter)
    return load_baseline(connection, as_of) if as_of is not None else None
