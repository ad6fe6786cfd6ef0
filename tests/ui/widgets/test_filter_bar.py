"""The filter bar's volume threshold: typed into the real spin box, the inventory shows only
processes with at least that many applications a year."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def test_volume_threshold_typed_filters_the_inventory(window: MainWindow, qtbot: Any) -> None:
    bar = window.inventory_view.filter_bar
    model = window.session.model
    processes = window.session.store.processes
    expected = sorted(p.id for p in processes if p.annual_volume >= 10_000)
    assert 0 < len(expected) < len(processes)
    assert bar.min_volume.text() == "年間件数：すべて"

    bar.min_volume.selectAll()
    qtbot.keyClicks(bar.min_volume, "10000")
    qtbot.keyClick(bar.min_volume, Qt.Key.Key_Return)

    assert bar.min_volume.value() == 10_000
    shown = sorted(model.process_at(i).id for i in range(model.rowCount()))
    assert shown == expected
    bar.clear()
    assert bar.min_volume.value() == 0
    assert model.rowCount() == len(processes)


def test_the_planned_quarter_filter_offers_every_plannable_quarter(window: MainWindow) -> None:
    """A lock in FY2026Q1 could not be filtered (the list ended at FY2025Q4)."""
    from dx_planner.domain.quarters import plannable_quarters

    combo = window.inventory_view.filter_bar.planned
    quarters = [combo.itemData(i) for i in range(combo.count())]
    assert [q for q in quarters if q in plannable_quarters()] == plannable_quarters()
