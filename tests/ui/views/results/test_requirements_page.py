"""The results' requirements page on a plan that misses its target: every requirement with
needed / reached / met, and the extra capacity per bureau × quarter for the gap, per
requirement it serves."""

from __future__ import annotations

from typing import Any

from dx_planner.domain.quarters import Quarter
from tests.ui.helpers import solve
from ui.main_window import MainWindow
from ui.models.outcome_models import MET, NEEDED, REACHED


def test_requirements_and_the_capacity_that_closes_each_gap(
        window: MainWindow, qtbot: Any, qtmodeltester: Any) -> None:
    window.plan_panel.add_milestone(Quarter(2022, 4), 1)
    result = solve(window, qtbot, "届かない目標", count=380)
    assert result.status == "target_infeasible" and result.shortfall is not None
    page = window.results_view.pages["requirements"]
    window.results_view.show_page("requirements")
    model = page.model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(result.requirements) == 2
    for row, outcome in enumerate(result.requirements):
        assert model.data(model.index(row, NEEDED)) == f"{outcome.requirement.needed:,}"
        assert model.data(model.index(row, REACHED)) == f"{outcome.reached:,}"
        assert model.data(model.index(row, MET)) == ("達成" if outcome.met else "未達")
    assert page.summary.text().startswith("要件 2 件中 1 件を達成")

    assert page.shortfall_box.isVisibleTo(page)
    shortfall_model = page.shortfall_model
    qtmodeltester.check(shortfall_model, force_py=True)
    total = sum(gap.person_months for gap in result.shortfall.extra_capacity)
    assert abs(shortfall_model.total - total) < 1e-6
    assert f"{total:,.1f} 人月" in page.shortfall_summary.text()
    # the target (row 0) is the missed requirement: choosing it shows the part serving it
    assert page.serves.count() == 2
    page.serves.setCurrentIndex(1)
    serving = sum(g.person_months for g in result.shortfall.extra_capacity if g.serves == 0)
    assert abs(shortfall_model.total - serving) < 1e-6
    bureau = shortfall_model.bureaus[0]
    quarter_total = shortfall_model.data(
        shortfall_model.index(0, len(shortfall_model.quarters)))
    expected = sum(g.person_months for g in result.shortfall.extra_capacity
                   if g.bureau == bureau and g.serves == 0)
    assert quarter_total == f"{expected:,.1f}"
