"""Both scenarios' cumulative digitized processes on one chart, with their targets."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QLineSeries, QScatterSeries
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from dx_planner.planning.compare import Comparison
from ui.texts import tr_format
from ui.views.results.progress_chart import QuarterChartView

A_COLOUR, B_COLOUR = QColor("#2e86c1"), QColor("#d35400")


class CompareChart(QuarterChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(240)
        self.series: list[QLineSeries] = []
        self.show_comparison(None)

    def show_comparison(self, comparison: Comparison | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = []
        if comparison is None:
            chart.setTitle(self.tr("比較する2つのシナリオを選んでください"))
            self.quarter_count = 0
            self.setChart(chart)
            return
        chart.setTitle(self.tr("デジタル化済み手続の累計（A と B）"))
        quarters = comparison.quarters
        axes = self._add_axes(chart, quarters)
        lines: list[QLineSeries | QScatterSeries] = []
        top = 0
        for label, name, plan, colour in (("A", comparison.a_name, comparison.a, A_COLOUR),
                                          ("B", comparison.b_name, comparison.b, B_COLOUR)):
            series = QLineSeries()
            series.setName(f"{label}：{name}")
            series.setPen(QPen(colour, 5 if label == "A" else 2))  # A stays visible under B
            series.setPointsVisible(True)
            for quarter, count in plan.cumulative:
                series.append(quarters.index(quarter), count)
                top = max(top, count)
            self.series.append(series)
            lines.append(series)
        targets = {comparison.b.settings.target_count: B_COLOUR,
                   comparison.a.settings.target_count: A_COLOUR}  # one line when equal
        for count, colour in sorted(targets.items()):
            target = QLineSeries()
            target.setName(tr_format(self.tr("目標 %1件"), f"{count:,}"))
            target.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
            target.append(0, count)
            target.append(len(quarters) - 1, count)
            lines.append(target)
            top = max(top, count)
        self._show(chart, lines, axes, top)
