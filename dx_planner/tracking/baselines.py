"""Baselines: a scenario published as the plan of record as of a quarter.

Publishing copies the plan: every in-scope process that is digitized at that moment (with
its actual quarter) and every process the scenario plans (with its planned quarter), each
with its bureau. Re-solving, renaming or deleting the scenario later changes nothing here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.history import recorded
from dx_planner.persistence.repository import load_processes
from dx_planner.persistence.rights import load_rights
from dx_planner.persistence.schema import baseline_items, baselines
from dx_planner.planning.scenarios import ScenarioNotFound, latest_scenario_name, load_scenario
from dx_planner.tracking.actuals import TrackingError, actual_quarter

ACTUAL = "actual"
PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class BaselineItem:
    quarter: Quarter
    bureau: str
    source: str  # ACTUAL or PLANNED


@dataclass(frozen=True, slots=True)
class Baseline:
    as_of: Quarter
    scenario_name: str
    published_at: datetime
    in_scope: int
    target_count: int
    target_share: float | None
    deadline: Quarter
    milestones: tuple[tuple[Quarter, int], ...]
    items: dict[str, BaselineItem] = field(default_factory=dict)
    note: str = ""

    def cumulative(self, quarter: Quarter, bureau: str | None = None) -> int:
        """Processes digitized or planned by the end of ``quarter`` (in ``bureau``)."""
        return sum(1 for item in self.items.values()
                   if item.quarter <= quarter and (bureau is None or item.bureau == bureau))

    def planned_in(self, quarter: Quarter) -> Counter[str]:
        """Planned completions in ``quarter``, by bureau."""
        return Counter(item.bureau for item in self.items.values() if item.quarter == quarter)


@dataclass(frozen=True, slots=True)
class BaselineSummary:
    as_of: Quarter
    scenario_name: str
    published_at: datetime
    items: int


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
    _store(connection, baseline)
    return baseline


def _delete(connection: Connection, as_of: Quarter) -> bool:
    # Items first: SQLite enforces ON DELETE CASCADE only with its foreign-key pragma on.
    ids = select(baselines.c.id).where(baselines.c.as_of == as_of.code).scalar_subquery()
    connection.execute(delete(baseline_items).where(baseline_items.c.baseline_id.in_(ids)))
    return connection.execute(delete(baselines).where(baselines.c.as_of == as_of.code)
                              ).rowcount > 0


def _require_admin(connection: Connection, verb: str) -> None:
    rights = load_rights(connection)
    if not rights.is_admin:
        raise TrackingError(f"only an admin may {verb} baselines ({rights.login} is a "
                            f"{rights.role})")


def _store(connection: Connection, baseline: Baseline) -> None:
    with recorded(connection, {"baselines": None}):
        _delete(connection, baseline.as_of)
        baseline_id = _insert(connection, baseline)
    rows = [{"baseline_id": baseline_id, "process_id": pid, "quarter": item.quarter.code,
             "bureau": item.bureau, "source": item.source}
            for pid, item in baseline.items.items()]
    if rows:
        connection.execute(insert(baseline_items), rows)


def _insert(connection: Connection, baseline: Baseline) -> int:
    inserted = connection.execute(insert(baselines).values(
        as_of=baseline.as_of.code, scenario_name=baseline.scenario_name,
        published_at=baseline.published_at, in_scope=baseline.in_scope,
        target_count=baseline.target_count, target_share=baseline.target_share,
        deadline=baseline.deadline.code,
        milestones=[[q.code, n] for q, n in baseline.milestones], note=baseline.note,
    ))
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def list_baselines(connection: Connection) -> list[BaselineSummary]:
    """Every published baseline, the newest ``as_of`` first."""
    counts: dict[int, int] = {baseline_id: count for baseline_id, count in connection.execute(
        select(baseline_items.c.baseline_id, func.count()).group_by(baseline_items.c.baseline_id)
    )}
    query = select(baselines.c.id, baselines.c.as_of, baselines.c.scenario_name,
                   baselines.c.published_at).order_by(baselines.c.as_of.desc())
    return [BaselineSummary(Quarter.parse(as_of), name, published, counts.get(bid, 0))
            for bid, as_of, name, published in connection.execute(query)]


def load_baseline(connection: Connection, as_of: Quarter) -> Baseline:
    row = connection.execute(
        select(baselines).where(baselines.c.as_of == as_of.code)
    ).mappings().first()
    if row is None:
        raise TrackingError(f"no baseline published as of {as_of.label}")
    quarters: dict[str, Quarter] = {}
    items = {
        pid: BaselineItem(quarters.setdefault(quarter, Quarter.parse(quarter)), bureau, source)
        for pid, quarter, bureau, source in connection.execute(
            select(baseline_items.c.process_id, baseline_items.c.quarter,
                   baseline_items.c.bureau, baseline_items.c.source)
            .where(baseline_items.c.baseline_id == row["id"])
        )
    }
    return Baseline(
        as_of=Quarter.parse(row["as_of"]), scenario_name=row["scenario_name"],
        published_at=row["published_at"], in_scope=row["in_scope"],
        target_count=row["target_count"], target_share=row["target_share"],
        deadline=Quarter.parse(row["deadline"]),
        milestones=tuple((Quarter.parse(q), int(n)) for q, n in row["milestones"]),
        items=items, note=row["note"],
    )


def baseline_in_force(connection: Connection, quarter: Quarter) -> Baseline | None:
    """The plan of record during ``quarter``: the newest baseline published before it."""
    as_of = connection.execute(
        select(baselines.c.as_of).where(baselines.c.as_of < quarter.code)
        .order_by(baselines.c.as_of.desc()).limit(1)
    ).scalar()
    return load_baseline(connection, Quarter.parse(as_of)) if as_of else None


def delete_baseline(connection: Connection, as_of: Quarter) -> bool:
    """Withdraw the baseline published as of ``as_of``; False if there was none."""
    _require_admin(connection, "delete")
    with recorded(connection, {"baselines": None}):
        return _delete(connection, as_of)
