"""A demo database with two stored plans, shared by the tests of a module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dx_planner.demo.load import load_demo
from dx_planner.domain.inventory import Inventory
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import save_scenario
from tests.dx_planner.plan_workbook.plans import greedy_plan


@dataclass
class PlannedDemo:
    engine: Engine
    inventory: Inventory
    base: PlanResult  # stored as "base"
    tight: PlanResult  # stored as "tight", the newest: less capacity, so plans move


@pytest.fixture(scope="module")
def planned_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlannedDemo]:
    engine = open_database(tmp_path_factory.mktemp("plan") / "demo.sqlite3", create=True)
    load_demo(engine, 400, seed=5)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    base = greedy_plan(inventory)
    tight = greedy_plan(inventory, capacity_factor=0.7)
    with engine.begin() as connection:
        save_scenario(connection, "base", base)
        save_scenario(connection, "tight", tight)
    yield PlannedDemo(engine, inventory, base, tight)
    engine.dispose()


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return tmp_path / "plan.xlsx"
