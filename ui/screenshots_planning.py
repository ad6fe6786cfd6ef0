"""Screenshots of the planning additions (requirements, what-if, re-plan, result pages,
comparison), taken by ``ui.screenshots`` on the same window after its own shots."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dx_planner.domain.enums import NationalStatus
from dx_planner.domain.quarters import Quarter
from ui.models.requirements_model import RequirementRow
from ui.views.compare.compare_view import CompareView
from ui.views.plan.requirements_editor import HIGH_VOLUME
from ui.views.plan_panel import PAGE_KEEP, PAGE_REQUIREMENTS, PAGE_WHATIF

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Shoot = Callable[[str, str], None]
Wait = Callable[[Any, int], None]


def set_requirements(window: MainWindow) -> None:
    """The programme's own words: every bureau 70 %, 都's high-volume processes all."""
    from dx_planner.domain.enums import Authority

    editor = window.plan_panel.requirements
    editor.bureau_target_on.setChecked(True)
    editor.bureau_target.setValue(70.0)
    editor.add(RequirementRow(authority=Authority.TOKYO, min_volume=HIGH_VOLUME))


def shoot_planning(window: MainWindow, shoot: Shoot, wait_for: Wait, time_limit: float) -> None:
    panel = window.plan_panel
    base = window.session.plan_name
    results = window.results_view
    results.show_page("requirements")
    shoot("11-results-requirements", "results")
    results.show_page("capacity_value")
    shoot("12-results-capacity-value", "results")
    panel.conditions.setCurrentIndex(PAGE_REQUIREMENTS)
    shoot("13-plan-requirements", "plan")

    whatif = panel.whatif
    whatif.status_dates[NationalStatus.UNDER_REVIEW].set_quarter(Quarter(2023, 1))
    scale = whatif.scale_model
    scale.setData(scale.index(0, scale.SCALE), 120)
    panel.conditions.setCurrentIndex(PAGE_WHATIF)
    shoot("14-plan-whatif", "plan")
    whatif.load(type(whatif.assumptions())())  # the re-plan below keeps the inventory's facts

    panel.refresh_references()  # the baseline published by the shots before
    keep = panel.keep_editor
    keep.enabled.setChecked(True)
    keep.reference.setCurrentIndex(max(0, keep.reference.findData("baseline")))
    keep.move_cost.setValue(2_000)
    panel.conditions.setCurrentIndex(PAGE_KEEP)
    shoot("15-plan-keep", "plan")
    panel.scenario.setText("再計画（基準を維持）")
    panel.start_optimize()
    wait_for(panel.planReady, int(time_limit * 2000) + 180_000)
    results.show_page("changes")
    shoot("16-results-replan-changes", "results")
    results.side.setCurrentIndex(1)
    shoot("17-results-scenarios", "results")

    view = window.views["compare"]
    assert isinstance(view, CompareView)
    view.refresh()
    if base is not None:
        view.choose(base, "再計画（基準を維持）")
    view.start_compare()
    wait_for(view.compared, 120_000)
    shoot("18-compare-overview", "compare")
    view.pages.setCurrentIndex(1)
    shoot("19-compare-counts", "compare")
    view.pages.setCurrentIndex(2)
    view.bureau_filter.setCurrentIndex(min(1, view.bureau_filter.count() - 1))
    shoot("20-compare-changes", "compare")
    view.pages.setCurrentIndex(0)

    window.inventory_view.filter_bar.min_volume.setValue(HIGH_VOLUME)
    shoot("21-inventory-volume-filter", "inventory")
    window.inventory_view.filter_bar.clear()
