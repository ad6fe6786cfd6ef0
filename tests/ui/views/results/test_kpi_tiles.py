"""The KPI tiles speak a planner's language and never show an internal code."""

from __future__ import annotations

from typing import Any

from ui.main_window import MainWindow

JARGON = ("上界", "ギャップ", "目的値", "feasible", "optimal", "target_infeasible")


def test_tiles_use_plain_words_and_explain_themselves(planned: MainWindow) -> None:
    tiles = planned.results_view.tiles
    for tile in tiles.tiles():
        shown = " ".join((tile.title.text(), tile.value.text(), tile.detail.text()))
        assert not [word for word in JARGON if word in shown], shown
        assert tile.toolTip(), tile.title.text()


def test_plan_panel_figures_use_plain_words(planned: MainWindow) -> None:
    panel = planned.plan_panel
    labels = [panel.figures.labelForField(widget).text() for widget in
              (panel.objective_label, panel.bound_label, panel.gap_label)]
    assert not [word for label in labels for word in JARGON if word in label], labels
    assert all(widget.toolTip() for widget in
               (panel.objective_label, panel.bound_label, panel.gap_label))


def test_a_cell_split_between_requirements_is_shown_once(qtbot: Any) -> None:
    """The shortfall may split one bureau-quarter between requirements (review finding 6):
    the banner shows the cell once, with all its extra person-months."""
    from dx_planner.domain.enums import Status
    from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
    from dx_planner.domain.quarters import Quarter
    from dx_planner.planning.requirements import RequirementSpec, Scope
    from dx_planner.planning.service import run_plan
    from dx_planner.planning.settings import PlanSettings
    from ui.views.results.kpi_tiles import KpiTiles

    q = Quarter(2021, 4)
    inventory = Inventory(
        [Process(id="done", name="済", bureau="A", status=Status.DIGITIZED,
                 digitized_quarter=Quarter(2021, 3)),
         Process(id="A1", name="一般", bureau="A", effort=1.0),
         Process(id="S1", name="重点", bureau="A", effort=1.0, priority=True)],
        [Bureau("A", {q: 0.0})], [Channel("共同電子申請")])
    result = run_plan(inventory, PlanSettings(start=q, deadline=q, target_count=3, time_limit=2,
                                              requirements=(RequirementSpec(
                                                  Scope(priority=True), q, count=1),)))
    assert result.shortfall is not None
    assert len(result.shortfall.extra_capacity) == 2  # one cell, two requirements
    tiles = KpiTiles()
    qtbot.addWidget(tiles)
    tiles.show_plan(result)
    text = tiles.shortfall.text()
    assert text.count("A FY2021Q4 +") == 1 and "A FY2021Q4 +2.0人月" in text
