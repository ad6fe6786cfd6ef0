"""What-if assumptions entered in the panel: a national date by status and by process, a
capacity factor and a channel start typed and chosen in the real editors; solved, stored
with the scenario, read back into the panel — and the inventory untouched."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit
from sqlalchemy import Engine

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.scenarios import read_scenario
from tests.ui.helpers import choose, close_next_box, solve, type_into
from ui.actions.planning import open_scenario
from ui.i18n import quarter_label
from ui.main_window import MainWindow
from ui.views.plan_panel import PAGE_WHATIF


def test_assumptions_are_stored_with_the_scenario_and_read_back(
        window: MainWindow, demo_engine: Engine, qtbot: Any) -> None:
    panel = window.plan_panel
    editor = panel.whatif
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_WHATIF)
    with demo_engine.connect() as connection:
        before = repository.load_processes(connection)
    national = next(p for p in before if p.authority is Authority.NATIONAL)
    bureau = editor.scale_model.bureaus[0]
    channel = editor.channel_model.channels[0]

    picker = editor.status_dates[NationalStatus.UNDER_REVIEW]
    picker.setCurrentIndex(picker.findText(quarter_label(Quarter(2022, 3))))
    editor.add_process.click()
    type_into(qtbot, editor.process_table, editor.process_model.index(0, 0), QLineEdit,
              national.id)
    choose(qtbot, editor.process_table, editor.process_model.index(0, 2),
           quarter_label(Quarter(2022, 2)))
    type_into(qtbot, editor.scale_table, editor.scale_model.index(0, 2), QDoubleSpinBox, "150")
    choose(qtbot, editor.channel_table, editor.channel_model.index(0, 2), "いつでも（制限なし）")
    assert panel.conditions.tabText(PAGE_WHATIF) == "前提の仮定（4）"

    solve(window, qtbot, "仮定つき")

    with demo_engine.connect() as connection:
        stored = read_scenario(connection, "仮定つき").settings
        after = repository.load_processes(connection)
    assert stored["assumptions"] == {
        "national_ready": {"検討中": "FY2022Q3", national.id: "FY2022Q2"},
        "capacity_scale": {bureau: 1.5}, "channel_from": {channel: None}}
    assert [(p.id, p.national_ready, p.national_status) for p in after] == \
           [(p.id, p.national_ready, p.national_status) for p in before]

    expected = panel.settings().assumptions
    editor.load(type(expected)())  # a blank panel …
    assert panel.settings().assumptions.is_empty
    open_scenario(window, "仮定つき")  # … and the scenario's assumptions are back in it
    assert panel.settings().assumptions == expected
    assert editor.status_dates[NationalStatus.UNDER_REVIEW].quarter() == Quarter(2022, 3)


def test_an_assumption_that_breaks_locks_is_named_in_the_refusal(
        window: MainWindow, qtbot: Any) -> None:
    """Review finding 15: capacity scaled to 0 % for a bureau with locked processes; the box
    names the assumption and the locks, not only a lock the inventory holds rightly."""
    panel = window.plan_panel
    editor = panel.whatif
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_WHATIF)
    row = editor.scale_model.bureaus.index("福祉保健局")
    type_into(qtbot, editor.scale_table, editor.scale_model.index(row, 2), QDoubleSpinBox, "0")
    assert panel.settings().assumptions.capacity_scale == (("福祉保健局", 0.0),)

    shown: list[str] = []
    close_next_box(shown)
    panel.start_optimize()
    qtbot.waitUntil(lambda: bool(shown) and not panel.running, timeout=60_000)
    assert shown == [
        "計画の条件または手続一覧に問題があります：\n"
        "settings.assumptions.capacity_scale.福祉保健局 (--capacity-scale 福祉保健局=0) "
        "collides with 5 locked processes (固定四半期): in FY2021Q4 its locked processes need "
        "29.50 person-months, the scaled capacity is 0.00: P-000040 (FY2021Q4), "
        "P-000050 (FY2021Q4), P-000058 (FY2021Q4) and 2 more; change the assumption or the "
        "locks"]
    assert panel.phase_label.text() == "失敗"
