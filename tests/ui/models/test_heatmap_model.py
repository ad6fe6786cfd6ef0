"""The bureau × quarter load heat map: colours by the real load, and the model contract."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from ui.main_window import MainWindow
from ui.models.heatmap_model import FULL_COLOUR, OVER_COLOUR, LoadHeatmapModel, load_colour


def test_empty_heatmap_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(LoadHeatmapModel(), force_py=True)


def test_load_colours() -> None:
    assert load_colour(1.0) == FULL_COLOUR
    assert load_colour(0.996) == FULL_COLOUR
    assert load_colour(1.2) == OVER_COLOUR
    assert load_colour(0.99) not in (FULL_COLOUR, OVER_COLOUR)
    assert load_colour(0.5) not in (FULL_COLOUR, OVER_COLOUR)


def test_heatmap_colours_full_and_over(planned: MainWindow, qtmodeltester: Any) -> None:
    inventory = planned.session.store.inventory
    plan = planned.session.plan
    used_cells = LoadHeatmapModel()
    used_cells.set_plan(inventory, plan)
    busy = [(b, q) for (b, q), used in used_cells.used.items() if used > 0]
    assert len(busy) >= 2
    (full_bureau, full_q), (over_bureau, over_q) = busy[:2]
    by_name = {b.name: b for b in inventory.bureaus}
    by_name[full_bureau].capacity[full_q] = used_cells.used[(full_bureau, full_q)]
    by_name[over_bureau].capacity[over_q] = used_cells.used[(over_bureau, over_q)] / 2
    model = planned.results_view.heatmap_model
    model.set_plan(inventory, plan)
    qtmodeltester.check(model, force_py=True)

    def colour(bureau: str, quarter: Quarter) -> Any:
        index = model.index(model.bureaus.index(bureau), model.quarters.index(quarter))
        return model.data(index, Qt.ItemDataRole.BackgroundRole).color()

    assert colour(full_bureau, full_q) == FULL_COLOUR
    assert colour(over_bureau, over_q) == OVER_COLOUR


def test_cell_text_tells_the_load_its_colour_shows(planned: MainWindow) -> None:
    """Issue 14: a cell read "14 / 14" (whole person-months) but was coloured 0–95%."""
    inventory = planned.session.store.inventory
    plan = planned.session.plan
    model = LoadHeatmapModel()
    model.set_plan(inventory, plan)
    busy = next(key for key, used in model.used.items() if used > 0)
    row, column = model.bureaus.index(busy[0]), model.quarters.index(busy[1])
    bureau = next(b for b in inventory.bureaus if b.name == busy[0])
    bureau.capacity[busy[1]] = model.used[busy] / 0.94 + 0.01  # 94% full: not "full"
    model.set_plan(inventory, plan)
    index = model.index(row, column)
    used_text, capacity_text = model.data(index).split(" / ")
    assert used_text != capacity_text
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() != FULL_COLOUR
    assert "94%" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_capacity_is_the_one_the_plan_was_solved_with(planned: MainWindow) -> None:
    """Acceptance finding: a plan solved with 福祉保健局 ×1.2 showed the unscaled capacity."""
    inventory = planned.session.store.inventory
    plan = planned.session.plan
    assert plan is not None
    model = LoadHeatmapModel()
    model.set_plan(inventory, plan)
    bureau, quarter = next(key for key, used in model.used.items() if used > 0)
    stated = model.capacity[(bureau, quarter)]
    assert stated > 0
    scaled = replace(plan, settings=replace(plan.settings, assumptions=Assumptions(
        capacity_scale=((bureau, 1.5),))))
    model.set_plan(inventory, scaled)
    assert model.capacity[(bureau, quarter)] == pytest.approx(stated * 1.5)
    text = model.data(model.index(model.bureaus.index(bureau), model.quarters.index(quarter)))
    assert text.endswith(f" / {stated * 1.5:,.1f}")
