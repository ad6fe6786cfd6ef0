"""The シナリオ比較 tab: two stored scenarios side by side — settings, key figures, both
cumulative curves on one chart, completions by bureau × quarter with differences, and the
processes moved / added / dropped, filterable by bureau. The comparison is computed off the
GUI thread (its own slot, with Cancel); the comparison workbook is written from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from dx_planner.persistence.scenarios import list_scenarios
from dx_planner.planning.compare import ChangeKind, Comparison
from ui.i18n import enum_label
from ui.models.compare_models import (
    ChangeListModel,
    CountsCompareModel,
    FiguresCompareModel,
    SettingsCompareModel,
)
from ui.session import Session
from ui.tasks import Job, TaskContext, TaskRunner
from ui.texts import tr_format
from ui.views.compare.compare_chart import CompareChart
from ui.views.results.analysis_tables import read_only_table

SLOT = "compare"


def compare(engine: Engine, a_name: str, b_name: str, context: TaskContext) -> Comparison:
    """The job: read both scenarios and the inventory, then compare (as ``dx-planner
    compare`` does)."""
    from dx_planner.persistence import repository
    from dx_planner.planning.compare import compare_scenarios
    from dx_planner.planning.scenarios import load_scenario

    translate = QCoreApplication.translate
    with engine.connect() as connection:
        context.progress(tr_format(translate("CompareView", "%1 を読み込み中"), a_name), 0, 4)
        a = load_scenario(connection, a_name)
        context.check_cancelled()
        context.progress(tr_format(translate("CompareView", "%1 を読み込み中"), b_name), 1, 4)
        b = load_scenario(connection, b_name)
        context.check_cancelled()
        context.progress(translate("CompareView", "手続一覧を読み込み中"), 2, 4)
        processes = repository.load_processes(connection)
    context.check_cancelled()
    context.progress(translate("CompareView", "比較中"), 3, 4)
    return compare_scenarios(a_name, a, b_name, b, processes)


class CompareView(QWidget):
    exportRequested = Signal(object)  # the Comparison shown
    message = Signal(str)
    compared = Signal(object)  # Comparison, once shown

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.comparison: Comparison | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.a = QComboBox(self)
        self.b = QComboBox(self)
        for combo in (self.a, self.b):
            combo.setMinimumContentsLength(22)
        top.addWidget(QLabel(self.tr("A（基準）"), self))
        top.addWidget(self.a)
        top.addWidget(QLabel(self.tr("B（比較）"), self))
        top.addWidget(self.b)
        self.compare_button = QPushButton(self.tr("比較する"), self)
        self.compare_button.clicked.connect(self.start_compare)
        self.cancel_button = QPushButton(self.tr("キャンセル"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.runner.cancel(SLOT))
        self.export_button = QPushButton(self.tr("比較ワークブックを出力…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.comparison))
        self.refresh_button = QPushButton(self.tr("一覧を更新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        for widget in (self.compare_button, self.cancel_button, self.export_button,
                       self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.pages = QTabWidget(self)
        overview = QSplitter(self.pages)
        overview.setOrientation(overview.orientation().Vertical)
        tables = QSplitter(overview)
        self.settings_model = SettingsCompareModel(self)
        self.settings_table = read_only_table(self.settings_model, tables)
        self.settings_table.setColumnWidth(0, 170)
        self.settings_table.setColumnWidth(1, 260)
        self.figures_model = FiguresCompareModel(self)
        self.figures_table = read_only_table(self.figures_model, tables)
        self.figures_table.setColumnWidth(0, 220)
        for column in (1, 2):
            self.figures_table.setColumnWidth(column, 130)
        tables.addWidget(self.settings_table)
        tables.addWidget(self.figures_table)
        self.chart = CompareChart(overview)
        overview.addWidget(tables)
        overview.addWidget(self.chart)
        self.pages.addTab(overview, self.tr("条件・主要な数値・累計"))

        self.counts_model = CountsCompareModel(self)
        self.counts_table = read_only_table(self.counts_model, self.pages)
        self.counts_table.horizontalHeader().setDefaultSectionSize(100)
        self.counts_table.horizontalHeader().setStretchLastSection(False)
        self.pages.addTab(self.counts_table, self.tr("局 × 四半期の完了件数（B と差）"))

        changes_page = QWidget(self.pages)
        changes_layout = QVBoxLayout(changes_page)
        filters = QHBoxLayout()
        self.bureau_filter = QComboBox(changes_page)
        self.kind_filter = QComboBox(changes_page)
        self.kind_filter.addItem(self.tr("変更：すべて"), None)
        for kind in ChangeKind:
            self.kind_filter.addItem(enum_label(kind), kind.value)
        self.change_count = QLabel(changes_page)
        filters.addWidget(self.bureau_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.change_count, 1)
        changes_layout.addLayout(filters)
        self.changes_model = ChangeListModel(self)
        self.changes_table = read_only_table(self.changes_model, changes_page)
        self.changes_table.setColumnWidth(1, 260)
        self.changes_table.setColumnWidth(2, 140)
        self.changes_table.setColumnWidth(4, 170)
        self.changes_table.setColumnWidth(5, 170)
        changes_layout.addWidget(self.changes_table)
        self.pages.addTab(changes_page, self.tr("変更された手続"))
        self.bureau_filter.currentIndexChanged.connect(self._filter_changes)
        self.kind_filter.currentIndexChanged.connect(self._filter_changes)
        layout.addWidget(self.pages, 1)
        self.refresh()
        session.planChanged.connect(self._plan_changed)

    # -- scenarios -----------------------------------------------------------------------
    def refresh(self) -> None:
        """List the stored scenarios (keeping the choices); B defaults to the newest, A to
        the one before it."""
        try:
            with self.session.engine.connect() as connection:
                names = [s.name for s in list_scenarios(connection)]
        except Exception as error:  # an old database without scenarios
            self.message.emit(str(error))
            names = []
        chosen = (self.a.currentText(), self.b.currentText())
        for combo, keep, default in ((self.a, chosen[0], 1), (self.b, chosen[1], 0)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            position = combo.findText(keep) if keep else -1
            if position < 0 and names:
                position = min(default, len(names) - 1)
            combo.setCurrentIndex(position)
            combo.blockSignals(False)
        self.compare_button.setEnabled(len(names) >= 1 and not self.running)

    def _plan_changed(self) -> None:
        if not self.running:
            self.refresh()

    def choose(self, a: str, b: str) -> None:
        self.a.setCurrentIndex(self.a.findText(a))
        self.b.setCurrentIndex(self.b.findText(b))

    # -- comparing -----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.runner.busy(SLOT)

    def start_compare(self) -> bool:
        a_name, b_name = self.a.currentText(), self.b.currentText()
        if not a_name or not b_name:
            self.status.setText(self.tr("比較するシナリオを2つ選んでください"))
            return False
        engine = self.session.engine
        job = Job(self.tr("シナリオ比較"), lambda context: compare(engine, a_name, b_name, context),
                  self._show, self._failed, cancellable=True, slot=SLOT)
        if not self.runner.start(job):
            return False
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)
        self.runner.cancelled.connect(self._cancelled)
        self.compare_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(tr_format(self.tr("A「%1」と B「%2」を比較しています…"), a_name,
                                      b_name))
        return True

    def _progressed(self, job: Job, message: str, done: int, total: int) -> None:
        if job.slot == SLOT:
            self.status.setText(message)
            if total > 0:
                self.bar.setRange(0, total)
                self.bar.setValue(done)

    def _cancelled(self, job: Job) -> None:
        if job.slot == SLOT:
            self.status.setText(self.tr("比較をキャンセルしました"))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(tr_format(self.tr("比較できませんでした：%1"), str(error)))

    def _finished(self, job: Job) -> None:
        if job.slot != SLOT:
            return
        self.runner.progressed.disconnect(self._progressed)
        self.runner.finished.disconnect(self._finished)
        self.runner.cancelled.disconnect(self._cancelled)
        self.bar.hide()
        self.compare_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _show(self, comparison: Any) -> None:
        self.comparison = comparison
        for model in (self.settings_model, self.figures_model, self.counts_model,
                      self.changes_model):
            model.set_comparison(comparison)
        self.chart.show_comparison(comparison)
        self.bureau_filter.blockSignals(True)
        self.bureau_filter.clear()
        self.bureau_filter.addItem(self.tr("所管局：すべて"), None)
        for bureau in dict.fromkeys(change.bureau for change in comparison.changes):
            self.bureau_filter.addItem(bureau, bureau)
        self.bureau_filter.blockSignals(False)
        self._filter_changes()
        counts = comparison.change_counts()
        differ = len(comparison.settings_differ)
        self.status.setText(tr_format(self.tr(
            "A「%1」と B「%2」：条件の違い %3 項目、前倒し %4 件、後ろ倒し %5 件、追加 %6 件、"
            "削除 %7 件"), comparison.a_name, comparison.b_name, differ,
            f"{counts[ChangeKind.EARLIER]:,}", f"{counts[ChangeKind.LATER]:,}",
            f"{counts[ChangeKind.ADDED]:,}", f"{counts[ChangeKind.DROPPED]:,}"))
        self.export_button.setEnabled(True)
        self.compared.emit(comparison)

    def _filter_changes(self) -> None:
        kind = self.kind_filter.currentData()
        self.changes_model.set_filter(self.bureau_filter.currentData(),
                                      {k.value: k for k in ChangeKind}.get(kind))
        self.change_count.setText(tr_format(self.tr("%1 件を表示（全 %2 件）"),
                                            f"{self.changes_model.rowCount():,}",
                                            f"{len(self.changes_model.changes):,}"))
