"""Writing the demo inventory into an empty database."""

from __future__ import annotations

from sqlalchemy import Engine

from dx_planner.demo.generator import generate_demo_inventory
from dx_planner.persistence import repository
from dx_planner.persistence.database import write_transaction
from dx_planner.persistence.history import INVENTORY_TABLES, recorded


class DatabaseNotEmpty(Exception):
    pass


def load_demo(engine: Engine, processes: int = 28_000, seed: int = 0) -> int:
    """Fill an empty database with the demo inventory; returns the number of processes."""
    with engine.connect() as connection:
        existing = repository.count_processes(connection)
    if existing:
        raise DatabaseNotEmpty(
            f"the database already holds {existing} processes; the demo needs an empty one "
            "(choose another with --db)"
        )
    inventory = generate_demo_inventory(processes, seed)
    with write_transaction(engine) as connection, recorded(connection, INVENTORY_TABLES):
        repository.upsert_channels(connection, inventory.channels)
        repository.replace_bureau_capacity(connection, inventory.bureaus)
        repository.merge_processes(connection, inventory.processes)
    return len(inventory.processes)
