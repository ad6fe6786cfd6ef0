"""The live outlook: edit a cell through its real editor after a solve, and the KPI tiles show
the warm re-solve's figures, marked as an estimate until the next full solve."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from dx_planner.domain.enums import Status
from dx_planner.planning.outlook import Outlook
from tests.ui.helpers import commit, open_editor, solve
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX
from ui.views.results.outlook import SLOT


def _set_status(window: MainWindow, qtbot: Any, row: int, label: str) -> None:
    window.show_tab("inventory")
    table = window.inventory_view.table
    model = window.session.model
    index = model.index(row, COLUMN_INDEX["status"])
    combo = open_editor(table, index, QComboBox)
    combo.setCurrentIndex(combo.findText(label))
    commit(qtbot, table, combo)


def _planned_row(window: MainWindow) -> int:
    model = window.session.model
    plan = window.session.plan
    assert plan is not None
    return next(row for row in range(model.rowCount())
                if model.process_at(row).id in plan.assignments
                and model.process_at(row).status is Status.NOT_STARTED)


def test_an_edit_updates_the_tiles_with_an_estimate(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    tiles = window.results_view.tiles
    plan = window.session.plan
    assert plan is not None and window.session.outlook_start is not None
    assert not tiles.showing_estimate
    in_scope = plan.settings.in_scope

    # a planned process goes out of scope, chosen in the status editor
    with qtbot.waitSignal(window.results_view.outlook.ready, timeout=30_000) as ready:
        _set_status(window, qtbot, _planned_row(window), "対象外")
    outlook: Outlook = ready.args[0]

    assert outlook.in_scope == in_scope - 1
    assert outlook.bound >= outlook.applications
    assert tiles.showing_estimate
    assert "見込み" in tiles.estimate.text()
    assert tiles.by_deadline.value.text() == f"{outlook.digitized_by_deadline:,}"
    assert f"{outlook.in_scope:,}" in tiles.share.detail.text()
    assert tiles.online.value.text() == f"{outlook.applications:,.0f}"
    met = "余裕" if outlook.target_met else "不足"
    assert met in tiles.by_deadline.detail.text()
    assert window.session.plan is plan  # the stored plan is not replaced by an estimate

    # a full solve replaces the estimate
    solve(window, qtbot, "再計画")
    assert not tiles.showing_estimate
    qtbot.waitUntil(lambda: not window.runner.busy(SLOT), timeout=10_000)


def test_quick_edits_make_one_re_solve(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    started: list[str] = []
    window.runner.started.connect(lambda job: started.append(job.slot))
    model = window.session.model
    rows = [row for row in range(model.rowCount())
            if model.process_at(row).status is Status.NOT_STARTED][:3]
    with qtbot.waitSignal(window.results_view.outlook.ready, timeout=30_000):
        for row in rows:
            _set_status(window, qtbot, row, "対応中")
    qtbot.waitUntil(lambda: not window.runner.busy(SLOT), timeout=10_000)
    assert started.count(SLOT) == 1


def test_undo_is_an_edit_too(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    row = _planned_row(window)
    with qtbot.waitSignal(window.results_view.outlook.ready, timeout=30_000) as first:
        _set_status(window, qtbot, row, "対象外")
    with qtbot.waitSignal(window.results_view.outlook.ready, timeout=30_000) as undone:
        window.session.undo_stack.undo()
    before: Outlook = first.args[0]
    after: Outlook = undone.args[0]
    assert after.in_scope == before.in_scope + 1
    qtbot.waitUntil(lambda: not window.runner.busy(SLOT), timeout=10_000)


def test_no_outlook_before_the_first_solve(window: MainWindow, qtbot: Any) -> None:
    started: list[str] = []
    window.runner.started.connect(lambda job: started.append(job.slot))
    _set_status(window, qtbot, 0, "対応中")
    qtbot.wait(1500)  # well past the debounce interval
    assert SLOT not in started
    assert not window.results_view.tiles.showing_estimate
