"""The sample inventory workbook imports cleanly, all three sheets."""

from __future__ import annotations

from sqlalchemy import Engine

from dx_planner.persistence import repository
from dx_planner.workbook.apply import import_workbook
from resources import SAMPLE_WORKBOOK


def test_the_sample_imports_cleanly(engine: Engine) -> None:
    summary = import_workbook(engine, SAMPLE_WORKBOOK)
    assert (summary.added, summary.updated, summary.deleted) == (250, 0, 0)
    assert summary.warnings == []
    assert summary.bureaus_with_capacity is not None and summary.bureaus_with_capacity > 0
    assert summary.channels is not None and summary.channels >= 3
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    assert len(inventory.processes) == 250
    assert all(bureau.capacity for bureau in inventory.bureaus)
