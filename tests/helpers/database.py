"""Helpers for checking that a database was left exactly as it was."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from dx_planner.persistence.schema import Base


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: equal snapshots mean an untouched database."""
    with engine.connect() as connection:
        return {
            name: sorted(tuple(row) for row in connection.execute(select(table)))
            for name, table in Base.metadata.tables.items()
            if name != "scenarios"  # JSON columns don't sort; scenarios are compared by tests
        } | {
            "scenarios": [tuple(row) for row in connection.execute(
                select(Base.metadata.tables["scenarios"].c.id,
                       Base.metadata.tables["scenarios"].c.name))]
        }
