"""The results' re-plan page: the moves per bureau against the reference, the price of
stability split into applications given up and move penalty, the released commitments."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox
from sqlalchemy import Engine

from tests.ui.helpers import solve, type_into
from ui.main_window import MainWindow
from ui.views.plan_panel import PAGE_KEEP, PAGE_WHATIF


def test_moves_per_bureau_and_the_price_of_stability(planned: MainWindow, demo_engine: Engine,
                                                     qtbot: Any, qtmodeltester: Any) -> None:
    window = planned
    page = window.results_view.pages["changes"]
    assert page.summary.text().startswith("この計画は基準を守る再計画ではありません")
    panel = window.plan_panel
    window.show_plan_panel()
    panel.conditions.setCurrentIndex(PAGE_KEEP)
    panel.keep_editor.enabled.click()
    panel.keep_editor.reference.setCurrentIndex(
        panel.keep_editor.reference.findText("シナリオ：基本計画"))
    panel.keep_editor.move_cost.setValue(300)
    # what if the biggest bureau had 10 % less capacity: frozen commitments no longer fit
    biggest = max(window.session.store.inventory.bureaus, key=lambda b: sum(b.capacity.values()))
    scale = panel.whatif.scale_model
    panel.conditions.setCurrentIndex(PAGE_WHATIF)
    type_into(qtbot, panel.whatif.scale_table,
              scale.index(scale.bureaus.index(biggest.name), scale.SCALE), QDoubleSpinBox, "90")
    assert scale.assumptions() == ((biggest.name, 0.9),)
    panel.conditions.setCurrentIndex(PAGE_KEEP)
    result = solve(window, qtbot, "再計画")
    changes = result.changes
    assert changes is not None and changes.price_of_stability is not None
    assert changes.released and (changes.moved or changes.dropped)

    model = page.by_bureau_model
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(page.released_model, force_py=True)
    total = model.rows[-1][1]
    assert total[0] == len(changes.moved) and total[3] == len(changes.dropped)
    assert total[4] == len(changes.added) and total[5] == len(changes.released)
    by_id = {p.id: p.bureau for p in window.session.store.processes}
    for bureau, counts in model.rows[:-1]:
        assert counts[0] == sum(1 for pid, _, _ in changes.moved if by_id[pid] == bureau)
    given_up = changes.free_objective - changes.applications
    share = changes.price_of_stability / changes.free_objective
    assert (f"安定化の代償：{changes.price_of_stability:,.0f} 件（目的値の {share:.3%}）＝ "
            f"諦めたオンライン申請 {given_up:,.0f} 件 ＋ 変更のペナルティ "
            f"{changes.move_penalty:,.0f} 件") in page.summary.text()
    assert page.released_model.rowCount() == len(changes.released)
    assert page.summary.text().startswith("基準：シナリオ「基本計画」")


def test_no_price_is_shown_when_the_plans_miss_different_requirements(
        window: MainWindow) -> None:
    """Review finding 7: a negative 'price' where the objectives do not compare."""
    from dx_planner.planning.keep import Reference
    from dx_planner.planning.service import run_plan
    from tests.dx_planner.planning.test_keep import _frozen_big_misses_the_milestone

    inventory, reference, settings = _frozen_big_misses_the_milestone()
    window.session.plan = run_plan(inventory, settings, reference=Reference("ref", reference))
    window.session.planChanged.emit()
    text = window.results_view.pages["changes"].summary.text()
    assert ("安定化の代償：比較できません（この計画は必要な手続が 1 件不足、基準なしの再計画は 0 件"
            "不足。条件の達成がオンライン申請件数より優先されます）") in text
    assert "不明" not in text


def test_with_move_cost_inf_the_kept_commitments_are_not_called_frozen(
        window: MainWindow) -> None:
    """Acceptance finding: with move cost ∞ every still-valid commitment is kept, not only
    those of frozen quarters."""
    import math

    from dx_planner.planning.keep import Keep, Reference
    from dx_planner.planning.service import run_plan
    from tests.dx_planner.planning.test_keep import Q, _inventory, _p, _settings

    inventory = _inventory(*[_p(f"p{i}") for i in range(6)])
    reference = Reference("ref", {f"p{i}": Q[i % 3 + 1] for i in range(6)})
    window.session.plan = run_plan(inventory, _settings(Keep("ref", None, math.inf)),
                                   reference=reference)
    window.session.planChanged.emit()
    text = window.results_view.pages["changes"].summary.text()
    assert "そのまま守った約束 6 件（変更の費用∞：有効な約束はすべて）、時期の変更 0 件" in text
    assert "凍結して守った" not in text
