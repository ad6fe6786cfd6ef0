"""Plan vs actual (計画と実績): the burn-up of digitized processes by quarter, for all
processes or one bureau — actual, the published baseline, and the forecast — as a chart and
a table, loaded from the database off the GUI thread."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QLineSeries, QScatterSeries
from PySide6.QtCore import (
    QMargins,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dx_planner.tracking.actuals import default_actual_quarter
from dx_planner.tracking.burnup import Burnup
from ui.models.burnup_model import BurnupData, BurnupModel, load_burnup_data
from ui.session import Session
from ui.tasks import Job, TaskRunner
from ui.texts import tr_format
from ui.views.results.progress_chart import QuarterChartView, milestone_series
from ui.widgets.quarter_picker import QuarterPicker

SLOT = "plan-vs-actual"

ACTUAL_COLOUR = QColor("#1e8449")
BASELINE_COLOUR = QColor("#7f8c8d")
FORECAST_COLOUR = QColor("#2e86c1")
TARGET_COLOUR = QColor("#c0392b")


class BurnupChart(QuarterChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.series: dict[str, QLineSeries] = {}
        self.show_burnup(None)

    def show_burnup(self, burnup: Burnup | None, message: str = "") -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = {}
        if burnup is None or not burnup.points:
            chart.setTitle(message or self.tr("計画と実績を読み込んでいます…"))
            self.quarter_count = 0
            self.setChart(chart)
            return
        scope = burnup.bureau or self.tr("全局")
        chart.setTitle(tr_format(self.tr("計画と実績（%1・%2 時点）"), scope, burnup.as_of.code))
        quarters = [p.quarter for p in burnup.points]
        axes = self._add_axes(chart, quarters)

        def line(key: str, name: str, colour: QColor, width: int,
                 style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QLineSeries:
            series = QLineSeries()
            series.setName(name)
            series.setPen(QPen(colour, width, style))
            series.setPointsVisible(True)
            self.series[key] = series
            return series

        actual = line("actual", self.tr("実績"), ACTUAL_COLOUR, 3)
        baseline = line("baseline", self.tr("ベースライン"), BASELINE_COLOUR, 2,
                        Qt.PenStyle.DashLine)
        forecast = line("forecast", self.tr("見通し（計画）"), FORECAST_COLOUR, 2,
                        Qt.PenStyle.DotLine)
        for i, point in enumerate(burnup.points):
            for series, value in ((actual, point.actual), (baseline, point.baseline),
                                  (forecast, point.forecast)):
                if value is not None:
                    series.append(i, value)
        shown: list[QLineSeries | QScatterSeries] = [
            s for s in (actual, baseline, forecast) if s.count()]
        if burnup.bureau is None:  # the target is for all processes, not per bureau
            target = line("target", tr_format(self.tr("目標 %1件（%2）"),
                                              f"{burnup.target_count:,}", burnup.deadline.code),
                TARGET_COLOUR, 1, Qt.PenStyle.DashLine)
            target.setPointsVisible(False)
            target.append(0, burnup.target_count)
            target.append(len(quarters) - 1, burnup.target_count)
            shown.append(target)
            if burnup.milestones:
                shown.append(milestone_series(self.tr("中間目標"), burnup.milestones,
                                              quarters, marker_size=11))
            top = burnup.maximum
        else:
            top = max((v for p in burnup.points for v in (p.actual, p.baseline, p.forecast)
                       if v is not None), default=0)
        self._show(chart, shown, axes, top)


class PlanVsActualView(QWidget):
    """The 計画と実績 page of the results tab. Loads lazily: only while it is shown."""

    loaded = Signal()  # a burn-up (or an error) is shown
    message = Signal(str)

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._stale = True
        self._again = False
        self.data: BurnupData | None = None
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.as_of = QuarterPicker(self, allow_blank=False)
        self.as_of.set_quarter(default_actual_quarter(session.store.inventory))
        self.bureau = QComboBox(self)
        self.bureau.addItem(self.tr("全局"), None)
        for name in session.store.inventory.bureau_names():
            self.bureau.addItem(name, name)
        self.bureau.setMaxVisibleItems(20)
        reload_button = QPushButton(self.tr("再読み込み"), self)
        reload_button.clicked.connect(self.refresh)
        controls.addWidget(QLabel(self.tr("時点"), self))
        controls.addWidget(self.as_of)
        controls.addWidget(QLabel(self.tr("局"), self))
        controls.addWidget(self.bureau, 1)
        controls.addWidget(reload_button)
        layout.addLayout(controls)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5d6d7e")
        layout.addWidget(self.info)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.chart = BurnupChart(splitter)
        self.model = BurnupModel(self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.as_of.currentIndexChanged.connect(self.refresh)
        self.bureau.currentIndexChanged.connect(self.refresh)
        session.planChanged.connect(self.invalidate)
        session.saved.connect(self.invalidate)
        session.inventoryReplaced.connect(self.invalidate)

    # -- loading -------------------------------------------------------------------------
    def invalidate(self) -> None:
        """The database or the plan changed: load again now if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @property
    def loading(self) -> bool:
        return self.runner.busy(SLOT)

    def refresh(self) -> None:
        if self.loading:
            self._again = True  # the settings changed while loading: load once more
            return
        self._stale = False
        as_of = self.as_of.quarter()
        if as_of is None:
            return
        engine, scenario = self.session.engine, self.session.plan_name
        bureau = self.bureau.currentData()
        self.info.setText(self.tr("読み込み中…"))
        self.runner.finished.connect(self._finished)
        self.runner.start(Job(self.tr("計画と実績"),
                              lambda _context: load_burnup_data(engine, as_of, scenario, bureau),
                              self._show, self._failed, slot=SLOT))

    def _show(self, data: BurnupData) -> None:
        self.data = data
        self.model.set_burnup(data.burnup)
        self.chart.show_burnup(data.burnup)
        baseline = data.baseline
        if baseline is None and data.published:
            text = tr_format(
                self.tr("この時点で有効なベースラインはありません（ベースラインは公表した"
                        "四半期の翌四半期から比較に使われます。公表済み：%1）。"),
                "、".join(q.code for q in data.published))
        elif baseline is None:
            text = self.tr("ベースラインはまだ公表されていません（「計画」メニューの"
                           "「この計画をベースラインとして公表…」）。")
        else:
            text = tr_format(self.tr("ベースライン：%1 時点で公表（シナリオ「%2」、%3）"),
                             baseline.as_of.code, baseline.scenario_name,
                             baseline.published_at.strftime("%Y-%m-%d %H:%M"))
        point = data.burnup.point(data.burnup.as_of)
        if point is not None and point.variance is not None:
            text += tr_format(self.tr(" ・ %1 の実績はベースラインより %2件"),
                              data.burnup.as_of.code, f"{point.variance:+,}")
        if data.scenario:
            text += tr_format(self.tr(" ・ 見通しのシナリオ：%1"), data.scenario)
        self.info.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.data = None
        self.model.set_burnup(None)
        text = tr_format(self.tr("計画と実績を読み込めません：%1"), str(error))
        self.chart.show_burnup(None, text)
        self.info.setText(text)

    def _finished(self, job: Job) -> None:
        if job.slot != SLOT:
            return
        self.runner.finished.disconnect(self._finished)
        if self._again and not job.dropped:
            self._again = False
            self.refresh()
        else:
            self._again = False
            self.loaded.emit()
