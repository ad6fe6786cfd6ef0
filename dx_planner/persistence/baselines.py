"""Published baselines in the database: one row per baseline, one per process in it."""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select

from dx_planner.domain.baselines import Baseline, BaselineItem, BaselineSummary
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.history import recorded
from dx_planner.persistence.schema import baseline_items, baselines


def remove_baseline(connection: Connection, as_of: Quarter) -> bool:
    """Delete the baseline published as of ``as_of`` (recorded in the history); False if
    there was none. Who may do it is the caller's check (``tracking.baselines``)."""
    with recorded(connection, {"baselines": None}):
        return _delete(connection, as_of)


def _delete(connection: Connection, as_of: Quarter) -> bool:
    # Items first: SQLite enforces ON DELETE CASCADE only with its foreign-key pragma on.
    ids = select(baselines.c.id).where(baselines.c.as_of == as_of.code).scalar_subquery()
    connection.execute(delete(baseline_items).where(baseline_items.c.baseline_id.in_(ids)))
    return connection.execute(delete(baselines).where(baselines.c.as_of == as_of.code)
                              ).rowcount > 0


def store_baseline(connection: Connection, baseline: Baseline) -> None:
    """Store ``baseline``, replacing one published for the same quarter (the publication is
    recorded in the history)."""
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


def read_baseline(connection: Connection, as_of: Quarter) -> Baseline | None:
    """The baseline published as of ``as_of``, or None."""
    row = connection.execute(
        select(baselines).where(baselines.c.as_of == as_of.code)
    ).mappings().first()
    if row is None:
        return None
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


def latest_baseline_before(connection: Connection, quarter: Quarter) -> Quarter | None:
    """The ``as_of`` of the newest baseline published before ``quarter``, or None."""
    as_of = connection.execute(
        select(baselines.c.as_of).where(baselines.c.as_of < quarter.code)
        .order_by(baselines.c.as_of.desc()).limit(1)
    ).scalar()
    return Quarter.parse(as_of) if as_of else None
