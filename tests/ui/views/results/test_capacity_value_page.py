"""The heat map "where one more person-month helps most": one cell per bureau × quarter of
the plan's capacity values, the figure in the tooltip, the most valuable cells named."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def test_capacity_values_as_a_heat_map_with_tooltips(planned: MainWindow,
                                                     qtmodeltester: Any) -> None:
    window = planned
    result = window.session.plan
    page = window.results_view.pages["capacity_value"]
    model = page.model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() * model.columnCount() == len(result.capacity_value)
    best = max(result.capacity_value, key=lambda v: v.per_person_month)
    assert best.per_person_month > 0
    row, column = model.bureaus.index(best.bureau), model.quarters.index(best.quarter)
    index = model.index(row, column)
    assert model.data(index) == f"{best.per_person_month:,.0f}"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(f"{best.bureau} {best.quarter.code}：処理能力を1人月増やすと")
    assert f"約 {best.per_person_month:,.0f} 件増えます" in tooltip
    idle = next(v for v in result.capacity_value if v.per_person_month < 0.5)
    idle_index = model.index(model.bureaus.index(idle.bureau), model.quarters.index(idle.quarter))
    assert model.data(idle_index) == "·"
    assert "余裕があり" in model.data(idle_index, Qt.ItemDataRole.ToolTipRole)
    assert page.top.text().startswith(f"効果が最も大きいのは：{best.bureau} {best.quarter.code}")
    assert "1人月増やしたとき" in page.explanation.text()
