from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from dx_planner.domain.enums import Status
from dx_planner.domain.quarters import Quarter
from ui.actions.language import set_language
from ui.main_window import MainWindow


def test_language_switch_rebuilds_in_english(window: MainWindow) -> None:
    set_language(window, "en")
    assert window.tabs.tabText(0) == "Processes"
    header = window.session.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Process ID"
    assert QSettings().value("ui/language") == "en"
    set_language(window, "ja")
    assert window.tabs.tabText(0) == "手続一覧"


def test_switching_language_keeps_plan_conditions_and_filter(window: MainWindow) -> None:
    """Issue 14: a language switch wiped the milestones, time limit and scenario name, and
    left the table filtered with an empty search box."""
    panel = window.plan_panel
    panel.add_milestone(Quarter(2022, 4), 9_000)
    panel.time_limit.setValue(42)
    panel.scenario.setText("基本案")
    panel.count_choice.setChecked(True)
    panel.count.setValue(12_345)
    bar = window.inventory_view.filter_bar
    bar.search.setText("申請")
    bar.status.setCurrentIndex(bar.status.findText("未着手"))
    shown = window.session.model.rowCount()
    set_language(window, "en")
    panel, bar = window.plan_panel, window.inventory_view.filter_bar
    settings = panel.settings()
    assert settings.milestones == ((Quarter(2022, 4), 9_000),)
    assert settings.time_limit == 42 and settings.target_count == 12_345
    assert panel.scenario.text() == "基本案"
    assert bar.search.text() == "申請"
    assert bar.criteria().status is Status.NOT_STARTED
    assert bar.criteria() == window.session.model.filter
    assert window.session.model.rowCount() == shown


def test_switching_language_keeps_requirements_assumptions_and_keep(planned: MainWindow,
                                                                    qtbot: object) -> None:
    from dx_planner.domain.enums import NationalStatus
    from ui.models.requirements_model import RequirementRow

    window = planned
    panel = window.plan_panel
    panel.requirements.add(RequirementRow(min_volume=10_000))
    panel.requirements.bureau_target_on.setChecked(True)
    panel.requirements.cost_time.setValue(30)
    panel.whatif.status_dates[NationalStatus.UNDER_REVIEW].set_quarter(Quarter(2022, 3))
    panel.keep_editor.enabled.setChecked(True)
    panel.keep_editor.move_cost.setValue(700)
    before = panel.settings()
    assert before.keep is not None and before.requirements and before.assumptions.national_ready
    set_language(window, "en")
    assert window.plan_panel.settings() == before
    set_language(window, "ja")
    assert window.plan_panel.settings() == before


def test_the_planning_additions_speak_english(planned: MainWindow) -> None:
    window = planned
    set_language(window, "en")
    assert window.tabs.tabText(4) == "Compare scenarios"
    panel = window.plan_panel
    assert [panel.conditions.tabText(i) for i in range(4)] == [
        "Target and horizon", "Bureau and segment targets", "What-if assumptions",
        "Re-plan keeping a reference"]
    side = window.results_view.side
    assert [side.tabText(i) for i in range(4, 7)] == [
        "Requirements and cost", "Value of a person-month", "Re-plan changes"]
    assert window.inventory_view.filter_bar.min_volume.text() == "Applications a year: all"
    page = window.results_view.pages["requirements"]
    assert page.model.data(page.model.index(0, 0)) == "Overall target"
    # the widgets of before the switch are gone: a new plan reaches only the new ones
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.session.set_plan(window.session.plan, "基本計画")
