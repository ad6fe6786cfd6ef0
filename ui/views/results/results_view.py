"""The results tab: KPI tiles, the progress chart, the load heat map, the stored scenarios,
"why not earlier?" for the selected process, and plan vs actual (the burn-up)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.heatmap_model import LoadHeatmapModel, legend_html
from ui.models.scenario_model import ScenarioListModel
from ui.session import Session
from ui.tasks import TaskRunner
from ui.texts import tr_format
from ui.views.results.burnup import PlanVsActualView
from ui.views.results.explanation_view import ExplanationView
from ui.views.results.kpi_tiles import KpiTiles
from ui.views.results.progress_chart import ProgressChart

SIDE_HEATMAP, SIDE_SCENARIOS, SIDE_EXPLAIN, SIDE_PLAN_VS_ACTUAL = range(4)


class ResultsView(QWidget):
    openScenario = Signal(str)
    message = Signal(str)

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
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

        scenario_page = QWidget(side)
        scenario_layout = QVBoxLayout(scenario_page)
        self.scenario_model = ScenarioListModel(session.engine, self)
        self.scenarios = QTableView(scenario_page)
        self.scenarios.setModel(self.scenario_model)
        self.scenarios.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scenarios.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scenarios.horizontalHeader().setStretchLastSection(True)
        self.scenarios.setColumnWidth(0, 200)
        self.scenarios.doubleClicked.connect(lambda index: self._open(index.row()))
        scenario_layout.addWidget(self.scenarios)
        buttons = QHBoxLayout()
        open_button = QPushButton(self.tr("選択したシナリオを開く"), scenario_page)
        open_button.clicked.connect(self._open_selected)
        refresh = QPushButton(self.tr("再読み込み"), scenario_page)
        refresh.clicked.connect(self.scenario_model.refresh)
        buttons.addWidget(open_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        scenario_layout.addLayout(buttons)
        side.addTab(scenario_page, self.tr("保存済みシナリオ"))

        explain_page = QWidget(side)
        explain_layout = QVBoxLayout(explain_page)
        self.explanation = ExplanationView(explain_page)
        explain_layout.addWidget(self.explanation)
        side.addTab(explain_page, self.tr("なぜもっと早くないのか？"))
        self.plan_vs_actual = PlanVsActualView(session, runner, side)
        self.plan_vs_actual.message.connect(self.message)
        side.addTab(self.plan_vs_actual, self.tr("計画と実績"))
        self.side = side
        splitter.addWidget(self.chart)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([660, 860])
        layout.addWidget(splitter, 1)
        self.show_plan()
        session.planChanged.connect(self.show_plan)
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

    def _open_selected(self) -> None:
        rows = self.scenarios.selectionModel().selectedRows()
        if rows:
            self._open(rows[0].row())

    def _open(self, row: int) -> None:
        self.openScenario.emit(self.scenario_model.name_at(row))
