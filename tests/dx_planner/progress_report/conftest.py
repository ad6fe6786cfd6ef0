"""A small database with two scenarios and a baseline published before the report quarter."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from dx_planner.planning.scenarios import save_scenario
from dx_planner.progress_report.figures import ReportFigures
from dx_planner.progress_report.service import build_figures
from dx_planner.tracking.baselines import publish_baseline
from tests.dx_planner.progress_report.builders import Q, hand_plan, small_inventory, store


@pytest.fixture
def report_engine(engine: Engine) -> Engine:
    inventory = small_inventory()
    store(engine, inventory)
    with engine.begin() as connection:
        save_scenario(connection, "前期計画", hand_plan(inventory, start=Q))
        publish_baseline(connection, Q - 1, "前期計画")
        save_scenario(connection, "今期計画", hand_plan(inventory))
    return engine


@pytest.fixture
def figures(report_engine: Engine) -> ReportFigures:
    with report_engine.connect() as connection:
        return build_figures(connection, Q)
