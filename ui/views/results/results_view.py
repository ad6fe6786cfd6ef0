"""The results tab: KPI tiles (with the live outlook after edits), the progress chart, the
load heat map, the stored scenarios, "why not earlier?" for the selected process, and plan
vs actual (the burn-up)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.heatmap_model import LoadHeatmapModel, legend_html
from ui.session import Session
from ui.tasks import TaskRunner
from ui.texts import tr_format
from ui.views.results.burnup import PlanVsActualView
from ui.views.results.explanation_view import ExplanationView
from ui.views.results.kpi_tiles import KpiTiles
from ui.views.results.outlook import LiveOutlook
from ui.views.results.progress_chart import ProgressChart
from ui.views.results.scenarios_page import ScenariosPage

SIDE_HEATMAP, SIDE_SCENARIOS, SIDE_EXPLAIN, SIDE_PLAN_VS_ACTUAL = range(4)


@dataclass(frozen=True, slots=True)
class ResultPage:
    """A further page beside the results' chart (requirements, capacity value, …)."""

    key: str
    title: str  # source text, marked with QT_TRANSLATE_NOOP("ResultPages", …)
    build: Callable[[Session, TaskRunner, QWidget], QWidget]


class ResultsView(QWidget):
    openScenario = Signal(str)
    message = Signal(str)

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None, pages: Sequence[ResultPage] = ()) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(self.title)
        self.tiles = KpiTiles(self)
        layout.addWidget(self.tiles)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart = ProgressChart(splitter)
        side = QTabWidget(splitter)
        self.heatmap_model = LoadHeatmapModel(self)
        self.heatmap = QTableView(side)
        self.heatmap.setModel(self.heatmap_model)
        self.heatmap.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.heatmap.verticalHeader().setDefaultSectionSize(22)
        self.heatmap.horizontalHeader().setDefaultSectionSize(104)
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        heatmap_page = QWidget(side)
        heatmap_layout = QVBoxLayout(heatmap_page)
        heatmap_layout.setContentsMargins(0, 0, 0, 0)
        heatmap_layout.addWidget(self.heatmap, 1)
        self.heatmap_legend = QLabel(legend_html(), heatmap_page)
        self.heatmap_legend.setTextFormat(Qt.TextFormat.RichText)
        heatmap_layout.addWidget(self.heatmap_legend)
        side.addTab(heatmap_page, self.tr("局 × 四半期の負荷（使用／能力）"))

        self.scenario_page = ScenariosPage(session.engine, side)
        self.scenario_model = self.scenario_page.model
        self.scenarios = self.scenario_page.table
        self.scenario_page.openRequested.connect(self.openScenario)
        side.addTab(self.scenario_page, self.tr("保存済みシナリオ"))

        explain_page = QWidget(side)
        explain_layout = QVBoxLayout(explain_page)
        self.explanation = ExplanationView(explain_page)
        explain_layout.addWidget(self.explanation)
        side.addTab(explain_page, self.tr("なぜもっと早くないのか？"))
        self.plan_vs_actual = PlanVsActualView(session, runner, side)
        self.plan_vs_actual.message.connect(self.message)
        side.addTab(self.plan_vs_actual, self.tr("計画と実績"))
        self.pages: dict[str, QWidget] = {}
        for page in pages:  # listed in ui/registry.py
            widget = page.build(session, runner, side)
            self.pages[page.key] = widget
            side.addTab(widget, QCoreApplication.translate("ResultPages", page.title))
        self.side = side
        splitter.addWidget(self.chart)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([660, 860])
        layout.addWidget(splitter, 1)
        self.show_plan()
        session.planChanged.connect(self.show_plan)
        self.outlook = LiveOutlook(session, runner, self)
        self.outlook.ready.connect(self.tiles.show_outlook)
        self.outlook.failed.connect(self.tiles.show_outlook_message)
        self.outlook.running.connect(lambda: self.tiles.show_outlook_message(
            self.tr("見込み（推定）を更新中…　編集を反映した計画の見通しを計算しています。")))
        try:
            self.scenario_model.refresh()
        except Exception as error:  # an old database without the scenarios table
            self.message.emit(str(error))

    def show_plan(self) -> None:
        result, name = self.session.plan, self.session.plan_name
        if result is None:
            self.title.setText(self.tr("計画：まだありません"))
        else:
            label = name or self.tr("（未保存の計画）")
            self.title.setText(tr_format(self.tr("計画：%1"), label))
        self.tiles.show_plan(result)
        self.chart.show_plan(result)
        self.heatmap_model.set_plan(self.session.store.inventory, result)
        for column in range(self.heatmap_model.columnCount()):
            self.heatmap.setColumnWidth(column, 104)
        if name is not None:
            self.scenario_model.refresh()

    def save_state(self) -> int:
        return self.side.currentIndex()

    def restore_state(self, state: int) -> None:
        self.side.setCurrentIndex(state)

    def show_explanation_page(self) -> None:
        self.side.setCurrentIndex(SIDE_EXPLAIN)

    def show_plan_vs_actual(self) -> None:
        self.side.setCurrentIndex(SIDE_PLAN_VS_ACTUAL)

    def current_scenario(self) -> str | None:
        """The scenario shown here: the default for exports, reports and baselines."""
        return self.session.plan_name

    def show_page(self, key: str) -> None:
        """Bring one of the registered result pages (``ui.registry.RESULT_PAGES``) up."""
        self.side.setCurrentWidget(self.pages[key])
