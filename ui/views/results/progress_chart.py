"""Cumulative digitized processes by quarter, with the target line and the milestones."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from ui.i18n import quarter_label
from ui.texts import tr_format

#: Width a two-line quarter label needs side by side; narrower charts turn them upright.
LABEL_WIDTH = 96
PLOT_MARGIN = 90  # the value axis and margins, roughly


def quarter_axis_labels(quarters: list[Quarter]) -> list[str]:
    """``FY2022Q1<br>2022年4~6月`` (rich text: the axis draws it on two lines)."""
    return [quarter_label(q).replace(" · ", "<br>") for q in quarters]


def quarter_axis(quarters: list[Quarter]) -> QCategoryAxis:
    """A category axis with one full two-line label per quarter, quarter i centred on x = i."""
    axis = QCategoryAxis()
    axis.setStartValue(-0.5)
    for i, label in enumerate(quarter_axis_labels(quarters)):
        axis.append(label, i + 0.5)
    axis.setRange(-0.5, len(quarters) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    axis.setGridLineVisible(False)
    return axis


def milestone_series(name: str, milestones: Iterable[tuple[Quarter, int]],
                     quarters: list[Quarter], marker_size: int) -> QScatterSeries:
    """The milestones as points over their quarters (those outside the axis left out)."""
    series = QScatterSeries()
    series.setName(name)
    series.setColor(QColor("#d68910"))
    series.setMarkerSize(marker_size)
    for quarter, count in milestones:
        if quarter in quarters:
            series.append(quarters.index(quarter), count)
    return series


class QuarterChartView(QChartView):
    """A chart view whose quarter axis keeps its labels whole: side by side when there is
    room, else turned upright (Qt Charts would cut them to ``FY21…``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.quarter_count = 0

    def _add_axes(self, chart: QChart,
                  quarters: list[Quarter]) -> tuple[QCategoryAxis, QValueAxis]:
        """The quarter axis below and a count axis on the left."""
        axis_x = quarter_axis(quarters)
        self.quarter_count = len(quarters)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        return axis_x, axis_y

    def _show(self, chart: QChart, series: Iterable[QLineSeries | QScatterSeries],
              axes: tuple[QCategoryAxis, QValueAxis], top: float) -> None:
        """Put ``series`` on ``axes`` with room above ``top``, and show the chart."""
        for item in series:
            chart.addSeries(item)
            for axis in axes:
                item.attachAxis(axis)
        axes[1].setRange(0, top * 1.1 or 1)
        axes[1].applyNiceNumbers()
        self.setChart(chart)
        self._fit_labels()

    def _fit_labels(self) -> None:
        chart = self.chart()
        if chart is None or not self.quarter_count:
            return
        upright = (self.width() - PLOT_MARGIN) / self.quarter_count < LABEL_WIDTH
        for axis in chart.axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QCategoryAxis):
                axis.setLabelsAngle(-90 if upright else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()


class ProgressChart(QuarterChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.show_plan(None)

    def show_plan(self, result: PlanResult | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setTitle(self.tr("デジタル化済み手続の累計（計画）"))
        if result is None or not result.cumulative:
            chart.setTitle(self.tr("計画がまだありません — 「計画」タブで最適化を実行してください"))
            self.quarter_count = 0
            self.setChart(chart)
            return
        quarters = [q for q, _ in result.cumulative]
        axes = self._add_axes(chart, quarters)

        cumulative = QLineSeries()
        cumulative.setName(self.tr("累計（計画）"))
        cumulative.setPen(QPen(QColor("#2e86c1"), 3))
        cumulative.setPointsVisible(True)
        for i, (_, count) in enumerate(result.cumulative):
            cumulative.append(i, count)
        target = QLineSeries()
        share = result.settings.target_share
        target.setName(tr_format(self.tr("目標 %1件"), f"{result.settings.target_count:,}")
                       + (f"（{share:.0%}）" if share is not None else ""))
        target.setPen(QPen(QColor("#c0392b"), 2, Qt.PenStyle.DashLine))
        target.append(0, result.settings.target_count)
        target.append(len(quarters) - 1, result.settings.target_count)
        series: list[QLineSeries | QScatterSeries] = [cumulative, target]
        if result.settings.milestones:
            series.append(milestone_series(self.tr("中間目標"), result.settings.milestones,
                                           quarters, marker_size=12))
        top = max([count for _, count in result.cumulative]
                  + [result.settings.target_count]
                  + [count for _, count in result.settings.milestones])
        self._show(chart, series, axes, top)
