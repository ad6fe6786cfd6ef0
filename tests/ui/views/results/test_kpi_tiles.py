"""The KPI tiles speak a planner's language and never show an internal code."""

from __future__ import annotations

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
