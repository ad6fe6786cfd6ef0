"""Cumulative digitized processes by quarter, with the target line and the milestones."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from dx_planner.planning.result import PlanResult
from ui.i18n import quarter_label


class ProgressChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.show_plan(None)

    def show_plan(self, result: PlanResult | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setTitle(self.tr("デジタル化済み手続の累計（計画）"))
        if result is None or not result.cumulative:
            chart.setTitle(self.tr("計画がまだありません — 「計画」タブで最適化を実行してください"))
            self.setChart(chart)
            return
        quarters = [q for q, _ in result.cumulative]
        # Short codes fit under each point; the axis title gives code and months in full.
        axis_x = QBarCategoryAxis()
        axis_x.append([f"FY{q.fiscal_year % 100:02d}Q{q.number}" for q in quarters])
        axis_x.setLabelsAngle(-30)
        axis_x.setTitleText(f"{quarter_label(quarters[0])} – {quarter_label(quarters[-1])}")
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

        cumulative = QLineSeries()
        cumulative.setName(self.tr("累計（計画）"))
        cumulative.setPen(QPen(QColor("#2e86c1"), 3))
        cumulative.setPointsVisible(True)
        for i, (_, count) in enumerate(result.cumulative):
            cumulative.append(i, count)
        target = QLineSeries()
        share = result.settings.target_share
        target.setName(self.tr("目標 %1件").replace("%1", f"{result.settings.target_count:,}")
                       + (f"（{share:.0%}）" if share is not None else ""))
        target.setPen(QPen(QColor("#c0392b"), 2, Qt.PenStyle.DashLine))
        target.append(0, result.settings.target_count)
        target.append(len(quarters) - 1, result.settings.target_count)
        series: list[QLineSeries | QScatterSeries] = [cumulative, target]
        if result.settings.milestones:
            milestones = QScatterSeries()
            milestones.setName(self.tr("中間目標"))
            milestones.setColor(QColor("#d68910"))
            milestones.setMarkerSize(12)
            for quarter, count in result.settings.milestones:
                if quarter in quarters:
                    milestones.append(quarters.index(quarter), count)
            series.append(milestones)
        top = max([count for _, count in result.cumulative]
                  + [result.settings.target_count]
                  + [count for _, count in result.settings.milestones])
        for item in series:
            chart.addSeries(item)
            item.attachAxis(axis_x)
            item.attachAxis(axis_y)
        axis_y.setRange(0, top * 1.1 or 1)
        axis_y.applyNiceNumbers()
        self.setChart(chart)
