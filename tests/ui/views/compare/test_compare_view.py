"""The シナリオ比較 tab: two real plans side by side, computed through the task runner;
counts and changes cross-checked against the plans; the changes filtered by bureau; the
comparison workbook written from there; a cancel stops the comparison."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from dx_planner.domain.quarters import Quarter
from tests.helpers.workbooks import sheet_names
from tests.ui.helpers import run_job, solve
from ui.actions.compare import export_comparison
from ui.main_window import MainWindow
from ui.views.compare.compare_view import SLOT, CompareView


def _compare(window: MainWindow, qtbot: Any, a: str, b: str) -> Any:
    view = window.views["compare"]
    assert isinstance(view, CompareView)
    window.show_tab("compare")
    view.refresh()
    view.choose(a, b)
    with qtbot.waitSignal(view.compared, timeout=60_000) as shown:
        view.compare_button.click()
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    return view, shown.args[0]


def test_two_plans_side_by_side(planned: MainWindow, qtbot: Any, qtmodeltester: Any,
                                tmp_path: Path) -> None:
    window = planned
    first = window.session.plan
    window.plan_panel.add_milestone(Quarter(2022, 4), 150)
    second = solve(window, qtbot, "中間目標つき", count=300)
    view, comparison = _compare(window, qtbot, "基本計画", "中間目標つき")

    for model in (view.settings_model, view.figures_model, view.counts_model,
                  view.changes_model):
        qtmodeltester.check(model, force_py=True)
    differing = [view.settings_model.data(view.settings_model.index(r, 0))
                 for r, (_, a, b) in enumerate(view.settings_model.rows) if a != b]
    assert "目標（件数）" in differing and "中間目標" in differing
    figures = {f.key: f for f in view.figures_model.rows}
    assert figures["digitized_by_deadline"].a == first.digitized_by_deadline
    assert figures["digitized_by_deadline"].b == second.digitized_by_deadline

    bureau_of = {p.id: p.bureau for p in window.session.store.processes}
    counts_a = Counter(bureau_of[pid] for pid in first.assignments)
    counts_b = Counter(bureau_of[pid] for pid in second.assignments)
    model = view.counts_model
    totals = len(comparison.quarters)
    for row, bureau in enumerate(model.rows):
        assert model.data(model.index(row, totals)) == f"{counts_a[bureau]:,}"
        assert model.data(model.index(row, totals + 1)) == f"{counts_b[bureau]:,}"

    differ = {pid for pid in first.assignments.keys() | second.assignments.keys()
              if first.assignments.get(pid) != second.assignments.get(pid)}
    assert len(view.changes_model.changes) == len(differ) > 0
    bureau = view.bureau_filter.itemText(1)
    view.bureau_filter.setCurrentIndex(1)
    shown = view.changes_model.rows
    assert shown and all(change.bureau == bureau for change in shown)
    assert len(shown) == sum(1 for pid in differ if bureau_of[pid] == bureau)
    assert view.change_count.text() == f"{len(shown):,} 件を表示（全 {len(differ):,} 件）"
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("追加"))
    assert all(change.kind.value == "added" and change.bureau == bureau
               for change in view.changes_model.rows)

    assert [s.name() for s in view.chart.series] == ["A：基本計画", "B：中間目標つき"]
    assert [p.y() for p in view.chart.series[1].points()] == [n for _, n in second.cumulative]

    path = tmp_path / "比較.xlsx"
    assert view.export_button.isEnabled()
    run_job(window, qtbot, lambda: export_comparison(window, comparison, path))
    sheets = sheet_names(path)
    assert sheets[:3] == ["比較概要", "局別四半期", "変更"]


def test_a_comparison_can_be_cancelled(planned: MainWindow, qtbot: Any) -> None:
    window = planned
    solve(window, qtbot, "もう一つ")
    view = window.views["compare"]
    assert isinstance(view, CompareView)
    view.refresh()
    view.choose("基本計画", "もう一つ")
    with qtbot.waitSignal(window.runner.finished, timeout=60_000,
                          check_params_cb=lambda job: job.slot == SLOT):
        assert view.start_compare()
        view.cancel_button.click()
    assert view.status.text() == "比較をキャンセルしました"
    assert view.comparison is None and not view.export_button.isEnabled()
    assert view.compare_button.isEnabled()
