"""Scenario management from the saved-scenario list: rename and note typed into the real
dialogs, delete after confirming, settings loaded back, the newest plan opened on start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import Engine

from dx_planner.persistence.scenarios import list_scenarios
from tests.ui.helpers import answer_next_input, answer_next_question, solve, visible_box
from ui.main_window import MainWindow


def _stored(engine: Engine) -> dict[str, Any]:
    with engine.connect() as connection:
        return {s.name: s for s in list_scenarios(connection)}


def test_rename_note_and_delete_through_the_dialogs(planned: MainWindow, demo_engine: Engine,
                                                    qtbot: Any) -> None:
    window = planned
    page = window.results_view.scenario_page
    assert not page.rename_button.isEnabled()  # nothing chosen yet
    page.select("基本計画")

    answer_next_input("FY2022 基本計画")
    page.rename_button.click()
    assert set(_stored(demo_engine)) == {"FY2022 基本計画"}
    assert window.session.plan_name == "FY2022 基本計画"
    assert window.results_view.title.text() == "計画：FY2022 基本計画"

    page.select("FY2022 基本計画")
    answer_next_input("財務局と調整済み")
    page.note_button.click()
    assert _stored(demo_engine)["FY2022 基本計画"].note == "財務局と調整済み"
    model = page.model
    assert model.data(model.index(0, 6)) == "財務局と調整済み"

    page.select("FY2022 基本計画")
    answer_next_question(QMessageBox.StandardButton.No)
    page.delete_button.click()
    assert set(_stored(demo_engine)) == {"FY2022 基本計画"}
    text = []
    QTimer.singleShot(10, lambda: text.append(visible_box(window).text()))
    answer_next_question(QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    assert _stored(demo_engine) == {}
    assert text and text[0].startswith("シナリオ「FY2022 基本計画」を削除しますか？")
    assert model.rowCount() == 0
    assert window.session.plan is not None and window.session.plan_name is None


def test_a_taken_name_is_refused_with_a_message(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    solve(window, qtbot, "別案")
    page = window.results_view.scenario_page
    page.select("別案")
    answer_next_input("基本計画")
    page.rename_button.click()
    assert window.last_error is not None and "exists already" in window.last_error
    assert {s.name for s in page.model.rows} == {"基本計画", "別案"}


def test_settings_of_a_stored_plan_load_back_for_a_rerun(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    panel = window.plan_panel
    stored = window.session.plan.settings
    panel.time_limit.setValue(30)
    panel.count_choice.setChecked(True)
    page = window.results_view.scenario_page
    page.select("基本計画")
    page.settings_button.click()
    assert window.tabs.currentWidget() is panel
    assert panel.share_choice.isChecked()
    assert panel.settings().time_limit == stored.time_limit
    assert panel.settings().target_share == stored.target_share


def test_the_newest_plan_opens_with_the_database(planned: MainWindow, db_path: Path,
                                                 qtbot: Any) -> None:
    solve(planned, qtbot, "新しい計画")
    from ui.session import Session

    session = Session.open(planned.session.engine, str(db_path))
    reopened = MainWindow(session)
    session.setParent(reopened)
    reopened.confirm_close = False
    qtbot.addWidget(reopened)
    assert session.plan is not None and session.plan_name == "新しい計画"
    assert reopened.results_view.title.text() == "計画：新しい計画"
    assert reopened.plan_panel.settings().time_limit == session.plan.settings.time_limit
    reopened.stop_work()
