"""Plan settings and the optimize run: off the GUI thread, with live progress and Cancel."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.settings import (
    DEFAULT_DEADLINE,
    DEFAULT_TARGET_SHARE,
    DEFAULT_TIME_LIMIT,
    PlanningInputError,
    PlanSettings,
    ResolvedSettings,
)
from ui.session import Session
from ui.solver_progress import SolverProgress, SolverUpdate
from ui.tasks import Job, TaskContext, TaskRunner
from ui.texts import tr_format
from ui.views.plan.keep_editor import KeepEditor
from ui.views.plan.requirements_editor import RequirementsEditor
from ui.views.plan.whatif_editor import WhatIfEditor
from ui.widgets.quarter_picker import QuarterPicker

if TYPE_CHECKING:  # the solver loads with the first run, not at start
    from dx_planner.planning.outlook import OutlookStart

SLOT = "optimize"
FREE_STAGE = "free"  # the free re-plan that prices stability (with keep)
COST_STAGE = "cost"  # the re-solves that measure each requirement's cost
(PAGE_BASIC, PAGE_REQUIREMENTS, PAGE_WHATIF, PAGE_KEEP) = range(4)


class StageProgress:
    """The solver's progress of a later stage of a run, its phases named ``stage:phase``."""

    def __init__(self, progress: SolverProgress, stage: str) -> None:
        self.progress, self.stage = progress, stage

    def report(self, phase: str, objective: float | None = None, bound: float | None = None,
               elapsed: float = 0.0) -> None:
        self.progress.report(f"{self.stage}:{phase}", objective, bound, elapsed)

    def is_cancelled(self) -> bool:
        return self.progress.is_cancelled()


def optimize(inventory: Inventory, settings: PlanSettings, name: str | None,
             progress: SolverProgress, context: TaskContext,
             engine: Engine | None = None) -> tuple[Any, str | None, OutlookStart | None]:
    """The worker's job: solve (with keep: read the reference plan first, then also the
    free re-plan that prices stability); the GUI thread stores the plan. Also where the
    live outlook will re-solve from after edits (None with keep)."""
    from dx_planner.planning.keep import load_reference
    from dx_planner.planning.outlook import start_from  # the solver loads with the first run
    from dx_planner.planning.service import run_plan

    reference = None
    if settings.keep is not None:
        assert engine is not None
        context.progress(QCoreApplication.translate("SolverPhase", "基準の計画を読み込み中"))
        with engine.connect() as connection:
            reference = load_reference(connection, settings.keep)
    starts: list[OutlookStart | None] = []
    result = run_plan(inventory, settings, progress, reference,
                      cost_progress=StageProgress(progress, COST_STAGE),
                      free_progress=StageProgress(progress, FREE_STAGE),
                      on_solved=lambda built, plan: starts.append(
                          start_from(settings, built, plan)))
    return result, name, starts[0] if starts else None


def phase_label(phase: str) -> str:
    """The solver's phase name (``solver.solve`` reports ``start``, ``bound``, ``plan``,
    ``done``) as users read it; an unknown name is shown as it is. A later stage of a run
    (``free:plan``, ``cost:plan``) is named before its phase."""
    stage, _, rest = phase.partition(":")
    if rest and stage == FREE_STAGE:
        return tr_format(QCoreApplication.translate(
            "SolverPhase", "基準なしの再計画（安定化の代償を計算）：%1"), phase_label(rest))
    if rest and stage == COST_STAGE:
        return tr_format(QCoreApplication.translate(
            "SolverPhase", "要件の費用を再計算中：%1"), phase_label(rest))
    labels = {
        "start": QCoreApplication.translate("SolverPhase", "開始"),
        "bound": QCoreApplication.translate("SolverPhase", "上界を計算中"),
        "plan": QCoreApplication.translate("SolverPhase", "計画を改善中"),
        "count": QCoreApplication.translate("SolverPhase", "件数を増やす計画を探索中"),
        "repair": QCoreApplication.translate("SolverPhase", "計画を修復中"),
        "cpsat": QCoreApplication.translate("SolverPhase", "厳密解法（CP-SAT）で最適化中"),
        "done": QCoreApplication.translate("SolverPhase", "完了"),
    }
    return labels.get(phase, phase)


def snapshot(inventory: Inventory) -> Inventory:
    """A copy the worker can read while the planner keeps editing."""
    return Inventory([copy.copy(p) for p in inventory.processes],
                     copy.deepcopy(inventory.bureaus), copy.deepcopy(inventory.channels))


class PlanPanel(QWidget):
    planReady = Signal(object, object)  # PlanResult, scenario name or None
    message = Signal(str)

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        # the live outlook's start from the last completed run (see actions.planning)
        self.outlook_start: OutlookStart | None = None
        self._progress: SolverProgress | None = None
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(200)
        self._ticker.timeout.connect(self._tick)
        self._unsaved: tuple[Any, str] | None = None  # a cancelled run's plan, not stored
        layout = QHBoxLayout(self)
        inventory = session.store.inventory
        self.conditions = QTabWidget(self)
        self.conditions.addTab(self._settings_box(), self.tr("目標と期間"))
        self.requirements = RequirementsEditor(inventory, self.conditions)
        self.conditions.addTab(self.requirements, self.tr("局・区分の目標"))
        self.whatif = WhatIfEditor(inventory, self.conditions)
        self.conditions.addTab(self.whatif, self.whatif.summary())
        self.whatif.changed.connect(lambda: self.conditions.setTabText(
            PAGE_WHATIF, self.whatif.summary()))
        self.keep_editor = KeepEditor(self.conditions)
        self.conditions.addTab(self.keep_editor, self.tr("基準を守る再計画"))
        layout.addWidget(self.conditions, 3)
        run_box = self._run_box()
        run_box.setMaximumWidth(460)
        layout.addWidget(run_box, 1)
        self.keep_editor.enabled.toggled.connect(self._keep_toggled)
        self.requirements.show_result(session.plan)
        session.planChanged.connect(self._plan_changed)  # a bound slot: gone with the panel
        session.inventoryReplaced.connect(self._inventory_replaced)
        self.refresh_references()

    # -- settings ------------------------------------------------------------------------
    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("計画の条件"), self)
        form = QFormLayout(box)
        self.start = QuarterPicker(box, blank_text=self.tr("自動（最新の完了の翌四半期）"))
        self.deadline = QuarterPicker(box, allow_blank=False)
        self.deadline.set_quarter(DEFAULT_DEADLINE)
        self.end = QuarterPicker(box, blank_text=self.tr("期限と同じ"))
        form.addRow(self.tr("開始四半期"), self.start)
        form.addRow(self.tr("目標期限"), self.deadline)
        form.addRow(self.tr("計画の最終四半期"), self.end)

        target_row = QHBoxLayout()
        self.share_choice = QRadioButton(self.tr("対象の割合"), box)
        self.share_choice.setChecked(True)
        self.share = QDoubleSpinBox(box)
        self.share.setRange(0.0, 100.0)
        self.share.setSuffix(" %")
        self.share.setValue(DEFAULT_TARGET_SHARE * 100)
        self.count_choice = QRadioButton(self.tr("件数"), box)
        self.count = QSpinBox(box)
        self.count.setRange(0, 10_000_000)
        self.count.setGroupSeparatorShown(True)
        self.count.setValue(22_000)
        for widget in (self.share_choice, self.share, self.count_choice, self.count):
            target_row.addWidget(widget)
        form.addRow(self.tr("目標"), target_row)

        self.milestones = QTableWidget(0, 2, box)
        self.milestones.setHorizontalHeaderLabels([self.tr("四半期"), self.tr("累計件数以上")])
        self.milestones.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.milestones.setMinimumHeight(110)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("中間目標を追加"), box)
        add.clicked.connect(lambda: self.add_milestone(Quarter(2022, 4), 18_000))
        remove = QPushButton(self.tr("選択を削除"), box)
        remove.clicked.connect(self._remove_milestone)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        milestone_box = QVBoxLayout()
        milestone_box.addWidget(self.milestones)
        milestone_box.addLayout(buttons)
        form.addRow(self.tr("中間目標"), milestone_box)

        self.time_limit = QDoubleSpinBox(box)
        self.time_limit.setRange(1.0, 3600.0)
        self.time_limit.setSuffix(self.tr(" 秒"))
        self.time_limit.setValue(DEFAULT_TIME_LIMIT)
        form.addRow(self.tr("計算時間の上限"), self.time_limit)
        self.scenario = QLineEdit(box)
        self.scenario.setPlaceholderText(self.tr("空欄なら日時から自動で命名"))
        form.addRow(self.tr("シナリオ名"), self.scenario)
        return box

    def add_milestone(self, quarter: Quarter, count: int) -> None:
        row = self.milestones.rowCount()
        self.milestones.insertRow(row)
        picker = QuarterPicker(self.milestones, allow_blank=False)
        picker.set_quarter(quarter)
        spin = QSpinBox(self.milestones)
        spin.setRange(0, 10_000_000)
        spin.setGroupSeparatorShown(True)
        spin.setValue(count)
        self.milestones.setCellWidget(row, 0, picker)
        self.milestones.setCellWidget(row, 1, spin)

    def _remove_milestone(self) -> None:
        rows = sorted({i.row() for i in self.milestones.selectedIndexes()}, reverse=True)
        for row in rows or [self.milestones.rowCount() - 1]:
            if row >= 0:
                self.milestones.removeRow(row)

    def _plan_changed(self) -> None:
        self.requirements.show_result(self.session.plan)

    def _inventory_replaced(self) -> None:
        inventory = self.session.store.inventory
        self.requirements.set_inventory(inventory)
        self.whatif.set_inventory(inventory)

    def _keep_toggled(self, on: bool) -> None:
        """A re-plan freezes its first quarter unless the planner says otherwise."""
        if on:
            latest = self.session.store.inventory.latest_digitized_quarter()
            self.keep_editor.default_freeze(
                self.start.quarter() or (latest + 1 if latest is not None else None))

    def refresh_references(self) -> None:
        """The plans a re-plan can keep: published baselines and stored scenarios."""
        try:
            self.keep_editor.refresh(self.session.engine)
        except Exception as error:  # an old database: re-planning is then unavailable
            self.message.emit(str(error))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_references()

    def settings(self) -> PlanSettings:
        milestones = []
        for row in range(self.milestones.rowCount()):
            picker, spin = self.milestones.cellWidget(row, 0), self.milestones.cellWidget(row, 1)
            if isinstance(picker, QuarterPicker) and isinstance(spin, QSpinBox):
                quarter = picker.quarter()
                if quarter is not None:
                    milestones.append((quarter, spin.value()))
        deadline = self.deadline.quarter() or DEFAULT_DEADLINE
        # Only what the planner chose: a share, or a count (the stored settings say which).
        by_count = self.count_choice.isChecked()
        return PlanSettings(
            start=self.start.quarter(), deadline=deadline, end=self.end.quarter(),
            target_share=DEFAULT_TARGET_SHARE if by_count else round(self.share.value() / 100, 6),
            target_count=self.count.value() if by_count else None,
            milestones=tuple(sorted(milestones)), time_limit=self.time_limit.value(),
            requirements=self.requirements.model.specs(),
            bureau_target=self.requirements.bureau_target_share(),
            keep=self.keep_editor.keep(), assumptions=self.whatif.assumptions(),
            cost_time=self.requirements.cost_time.value())

    def problems(self) -> list[str]:
        """What stops these settings from being solved, in the planner's words (each
        editor also shows its own under its table)."""
        deadline = self.deadline.quarter() or DEFAULT_DEADLINE
        latest = self.session.store.inventory.latest_digitized_quarter()
        start = self.start.quarter() or (latest + 1 if latest is not None else None)
        end = self.end.quarter() or deadline
        found = []
        if start is not None and deadline < start:
            found.append(tr_format(self.tr("目標期限 %1 が開始四半期 %2 より前です"),
                                   deadline.code, start.code))
        if end < deadline:
            found.append(tr_format(self.tr("計画の最終四半期 %1 が目標期限 %2 より前です"),
                                   end.code, deadline.code))
        found += self.requirements.check(start, end)
        found += self.whatif.check()
        found += self.keep_editor.problems()
        return found

    # -- running -------------------------------------------------------------------------
    def _run_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("最適化"), self)
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("最適化を実行"), box)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start_optimize)
        self.cancel_button = QPushButton(self.tr("キャンセル"), box)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.bar = QProgressBar(box)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        form = QFormLayout()
        self.phase_label = QLabel("—", box)
        self.objective_label = QLabel("—", box)
        self.bound_label = QLabel("—", box)
        self.gap_label = QLabel("—", box)
        self.elapsed_label = QLabel("—", box)
        form.addRow(self.tr("段階"), self.phase_label)
        form.addRow(self.tr("これまでの最良の計画（オンライン申請件数）"), self.objective_label)
        self.objective_label.setToolTip(self.tr(
            "見つかった計画のうち最もよいものの、計画期間中のオンライン申請件数の見込み"))
        form.addRow(self.tr("理論上の最大（オンライン申請件数）"), self.bound_label)
        self.bound_label.setToolTip(self.tr("どの計画でもこれを超えることはできない、という"
                                            "証明済みの上限"))
        form.addRow(self.tr("最大までの余地"), self.gap_label)
        self.gap_label.setToolTip(self.tr("最良の計画が理論上の最大にどれだけ届いていないか。"
                                          "0%なら最適です。"))
        form.addRow(self.tr("経過時間"), self.elapsed_label)
        self.figures = form
        layout.addLayout(form)
        self.problem_label = QLabel(box)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c0392b")
        layout.addWidget(self.problem_label)
        self.unsaved_label = QLabel(box)
        self.unsaved_label.setWordWrap(True)
        self.save_unsaved_button = QPushButton(self.tr("この計画をシナリオとして保存"), box)
        self.save_unsaved_button.clicked.connect(self.store_unsaved)
        for widget in (self.unsaved_label, self.save_unsaved_button):
            widget.setVisible(False)
            layout.addWidget(widget)
        note = QLabel(self.tr("計算中も手続一覧の編集を続けられます。計算には実行時点の"
                              "手続一覧（未保存の変更を含む）が使われます。"), box)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5d6d7e")
        layout.addWidget(note)
        layout.addStretch(1)
        return box

    @property
    def running(self) -> bool:
        return self.runner.busy(SLOT)

    def start_optimize(self) -> None:
        if self.running:
            return  # one run at a time
        problems = self.problems()
        self.problem_label.setText(
            self.tr("計画の条件に問題があります：") + "\n" + "\n".join(problems)
            if problems else "")
        if problems:
            self.message.emit(problems[0])
            return
        settings = self.settings()
        name = self.scenario.text().strip() or datetime.now().strftime("GUI %Y-%m-%d %H:%M:%S")
        inventory = snapshot(self.session.store.inventory)
        engine = self.session.engine
        job = Job(self.tr("最適化"),
                  lambda context: optimize(inventory, settings, name, progress, context, engine),
                  self._on_done, self._on_failed, cancellable=True, slot=SLOT)
        progress = SolverProgress(lambda: job.context.cancelled)
        progress.updated.connect(self._on_update)
        self._progress = progress
        # A re-plan solves twice (the free re-plan prices stability); costs re-solve too.
        self._limit = settings.time_limit * (2 if settings.keep else 1) + settings.cost_time
        self._set_unsaved(None)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        for label in (self.objective_label, self.bound_label, self.gap_label):
            label.setText("—")
        self.phase_label.setText(self.tr("準備中"))
        self.bar.setValue(0)
        self._clock.start()
        self._ticker.start()
        self.runner.finished.connect(self._on_finished)
        self.runner.start(job)

    def cancel(self) -> None:
        if self.running:
            self.runner.cancel(SLOT)
            self.cancel_button.setEnabled(False)
            self.phase_label.setText(self.tr("キャンセル中…（ここまでの最良の計画を返します）"))

    def _tick(self) -> None:
        seconds = self._clock.elapsed() / 1000
        self.elapsed_label.setText(tr_format(self.tr("%1 秒"), f"{seconds:.1f}"))
        self.bar.setValue(min(999, int(1000 * seconds / max(self._limit, 0.1))))

    def _on_update(self, update: SolverUpdate) -> None:
        self.last_update = update
        self.phase_label.setText(phase_label(update.phase))
        if ":" in update.phase:
            return  # a later stage's figures are not this plan's
        if update.objective is not None:
            self.objective_label.setText(f"{update.objective:,.0f}")
        if update.bound is not None:
            self.bound_label.setText(f"{update.bound:,.0f}")
        gap = update.gap
        if gap is not None:
            self.gap_label.setText(f"{gap:.2%}")

    def _on_done(self, outcome: tuple[Any, str | None, OutlookStart | None]) -> None:
        result, name, self.outlook_start = outcome
        self.bar.setValue(1000)
        self.objective_label.setText(f"{result.objective:,.0f}")
        self.bound_label.setText(f"{result.bound:,.0f}")
        self.gap_label.setText(f"{result.gap:.2%}")
        if result.cancelled:
            self.phase_label.setText(self.tr("キャンセルしました（途中の最良の計画を表示）"))
            self._set_unsaved((result, name) if name is not None else None)
            name = None
        else:
            changes = result.changes
            if changes is not None and changes.free_objective is None:
                self.phase_label.setText(self.tr("完了（安定化の代償は計算を中断したため不明）"))
            else:
                self.phase_label.setText(self.tr("完了"))
            name = self._store(result, name)
        self.planReady.emit(result, name)

    def _set_unsaved(self, unsaved: tuple[Any, str] | None) -> None:
        self._unsaved = unsaved
        if unsaved is not None:
            self.unsaved_label.setText(tr_format(self.tr(
                "キャンセルした実行の途中の計画を表示しています（検証済み・未保存）。"
                "残すにはシナリオ「%1」として保存してください。"), unsaved[1]))
        self.unsaved_label.setVisible(unsaved is not None)
        self.save_unsaved_button.setVisible(unsaved is not None)

    def store_unsaved(self) -> None:
        """Keep the plan of a cancelled run: store it (marked cancelled) under its name."""
        if self._unsaved is None:
            return
        result, name = self._unsaved
        stored = self._store(result, name)
        if stored is None:
            return
        self._set_unsaved(None)
        self.message.emit(tr_format(self.tr("途中の計画をシナリオ「%1」として保存しました"),
                                    stored))
        self.planReady.emit(result, stored)

    def _store(self, result: Any, name: str | None) -> str | None:
        """Store the plan as a scenario; a quick write, so on the GUI thread."""
        if name is None:
            return None
        from dx_planner.persistence.database import write_transaction
        from dx_planner.planning.scenarios import save_scenario

        try:
            with write_transaction(self.session.engine) as connection:  # queues behind others
                save_scenario(connection, name, result)
        except Exception as error:  # the plan is still shown; only storing failed
            self.message.emit(tr_format(self.tr("シナリオを保存できませんでした: %1"), str(error)))
            return None
        self.refresh_references()
        return name

    def _on_failed(self, error: BaseException) -> None:
        self.phase_label.setText(self.tr("失敗"))
        if isinstance(error, PlanningInputError):
            text = self.tr("計画の条件または手続一覧に問題があります：\n%1")
        elif isinstance(error, ImportError):
            text = self.tr("最適化エンジンを読み込めません：\n%1")
        else:
            text = self.tr("最適化に失敗しました：\n%1")
        QMessageBox.warning(self, self.tr("最適化"), tr_format(text, str(error)))

    def _on_finished(self, job: Job) -> None:
        if job.slot != SLOT:
            return
        self.runner.finished.disconnect(self._on_finished)
        self._ticker.stop()
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self._progress = None

    def save_state(self) -> tuple[PlanSettings, str]:
        """The conditions as entered (kept when the window is rebuilt, e.g. a language
        switch)."""
        return self.settings(), self.scenario.text()

    def restore_state(self, state: tuple[PlanSettings, str]) -> None:
        settings, scenario = state
        self.start.set_quarter(settings.start)
        self.deadline.set_quarter(settings.deadline)
        self.end.set_quarter(settings.end)
        self.share.setValue(settings.target_share * 100)
        if settings.target_count is not None:
            self.count.setValue(settings.target_count)
        (self.count_choice if settings.target_count is not None
         else self.share_choice).setChecked(True)
        self.milestones.setRowCount(0)
        for quarter, count in settings.milestones:
            self.add_milestone(quarter, count)
        self.time_limit.setValue(settings.time_limit)
        self.scenario.setText(scenario)
        self._load_conditions(settings)

    def show_settings(self, settings: Any) -> None:
        """Show a stored scenario's settings (ResolvedSettings) in the form, every page, so
        that running again re-runs them."""
        self.start.set_quarter(settings.start)
        self.deadline.set_quarter(settings.deadline)
        self.end.set_quarter(settings.end)
        if settings.target_share is not None:
            self.share_choice.setChecked(True)
            self.share.setValue(settings.target_share * 100)
        else:
            self.count_choice.setChecked(True)
            self.count.setValue(settings.target_count)
        self.milestones.setRowCount(0)
        for quarter, count in settings.milestones:
            self.add_milestone(quarter, count)
        self.time_limit.setValue(settings.time_limit)
        self._load_conditions(settings)

    def _load_conditions(self, settings: PlanSettings | ResolvedSettings) -> None:
        """The requirements, what-if and keep pages from ``settings``."""
        self.requirements.load(settings)
        self.whatif.load(settings.assumptions)
        self.refresh_references()
        self.keep_editor.load(settings.keep)
