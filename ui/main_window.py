"""The main window: tabs for the inventory, capacities, the plan run and its results;
menus for files, editing and language; background tasks with progress dialogs."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QToolBar,
    QWidget,
)

from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.database import DatabaseError, open_database
from dx_planner.planning.result import PlanResult
from dx_planner.workbook.problems import ImportFailed
from ui import i18n
from ui.capacity_view import CapacityView
from ui.dialogs import (
    FIRST_RUN_DEMO,
    FIRST_RUN_IMPORT,
    FIRST_RUN_OPEN,
    ProblemListDialog,
    ask_first_run,
)
from ui.inventory_view import InventoryView, default_actual_quarter
from ui.plan_panel import PlanPanel
from ui.report_dialogs import (
    ExportPlanDialog,
    PublishBaselineDialog,
    ReportDialog,
    scenario_names,
)
from ui.results.results_view import ResultsView
from ui.session import Session, ValidationFailed
from ui.workers import Task, TaskCancelled, TaskContext

RECENT_KEY = "ui/recent_databases"
GEOMETRY_KEY = "ui/geometry"
STATE_KEY = "ui/window_state"
MAX_RECENT = 8
DEMO_PROCESSES = 28_000
TAB_INVENTORY, TAB_CAPACITY, TAB_PLAN, TAB_RESULTS = range(4)
REPORT_FILTERS = {".md": "Markdown (*.md)", ".html": "HTML (*.html)", ".xlsx": "Excel (*.xlsx)"}


def file_stem(name: str) -> str:
    """A scenario name made safe as part of a file name."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "plan"


def recent_databases() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def remember_database(location: str) -> None:
    recent = [location, *[item for item in recent_databases() if item != location]]
    QSettings().setValue(RECENT_KEY, recent[:MAX_RECENT])


class MainWindow(QMainWindow):
    taskFinished = Signal(str)  # the task's title; lets scripts and tests wait for it

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self._progress_dialog: QProgressDialog | None = None
        self.last_error: str | None = None
        # Off only in tests and scripts: closing then discards unsaved edits silently.
        self.confirm_close = True
        self.resize(1400, 860)
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._build()
        remember_database(session.location)

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        session = self.session
        self.tabs = QTabWidget(self)
        self.inventory_view = InventoryView(session, self.tabs)
        self.capacity_view = CapacityView(session.bureau_model, session.channel_model, self.tabs)
        self.plan_panel = PlanPanel(session, self.tabs)
        self.results_view = ResultsView(session, self.tabs)
        self.tabs.addTab(self.inventory_view, self.tr("手続一覧"))
        self.tabs.addTab(self.capacity_view, self.tr("処理能力"))
        self.tabs.addTab(self.plan_panel, self.tr("計画の条件と実行"))
        self.tabs.addTab(self.results_view, self.tr("結果"))
        self.setCentralWidget(self.tabs)
        for source in (self.inventory_view, self.plan_panel, self.results_view):
            source.message.connect(self.show_message)
        self.inventory_view.explainRequested.connect(self.explain)
        self.plan_panel.planReady.connect(self._plan_ready)
        self.results_view.openScenario.connect(self.open_scenario)
        session.dirtyChanged.connect(self._update_title)
        self._build_menus()
        self._update_title()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        session = self.session

        self.save_action = QAction(self.tr("保存"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        undo = session.undo_stack.createUndoAction(self, self.tr("元に戻す"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = session.undo_stack.createRedoAction(self, self.tr("やり直し"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo

        file_menu = bar.addMenu(self.tr("ファイル(&F)"))
        file_menu.addAction(self.tr("データベースを開く…"), self.choose_database)
        recent_menu = file_menu.addMenu(self.tr("最近使ったデータベース"))
        for location in recent_databases():
            recent_menu.addAction(location, partial(self.open_location, location))
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("手続一覧ワークブックを取り込む…"), self.choose_import)
        file_menu.addAction(self.tr("手続一覧ワークブックを書き出す…"), self.choose_export)
        file_menu.addAction(self.tr("デモ在庫を読み込む"), self.load_demo)
        file_menu.addSeparator()
        self.export_plan_action = QAction(self.tr("計画ワークブックを出力…"), self)
        self.export_plan_action.triggered.connect(self.choose_export_plan)
        self.report_action = QAction(self.tr("進捗報告書を作成…"), self)
        self.report_action.triggered.connect(self.choose_report)
        file_menu.addAction(self.export_plan_action)
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("終了"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("編集(&E)"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        view = self.inventory_view
        edit_menu.addAction(view.add_action)
        edit_menu.addAction(view.delete_action)
        edit_menu.addSeparator()
        edit_menu.addMenu(view.status_menu)
        for action in view.bulk_menu_actions():
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(view.explain_action)

        plan_menu = bar.addMenu(self.tr("計画(&P)"))
        optimize = plan_menu.addAction(self.tr("最適化を実行"), self.optimize)
        optimize.setShortcut(QKeySequence("F5"))
        plan_menu.addSeparator()
        plan_menu.addAction(self.export_plan_action)
        plan_menu.addAction(self.report_action)
        plan_menu.addSeparator()
        self.baseline_action = QAction(self.tr("この計画をベースラインとして公表…"), self)
        self.baseline_action.triggered.connect(self.choose_publish_baseline)
        plan_menu.addAction(self.baseline_action)
        plan_menu.addAction(self.tr("計画と実績を表示"), self.show_plan_vs_actual)

        language_menu = bar.addMenu(self.tr("言語 / Language"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)

        toolbar = self.addToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (self.save_action, undo, redo):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(view.add_action)
        toolbar.addAction(view.delete_action)
        toolbar.addSeparator()
        toolbar.addAction(optimize)

    def rebuild(self) -> None:
        """Build the widgets again over the same session (language or database switch)."""
        self.results_view.plan_vs_actual.stop()
        old = self.centralWidget()
        self._build()
        if old is not None:
            old.deleteLater()

    def _update_title(self, *_: Any) -> None:
        self.setWindowTitle(f"dx-planner — {self.session.location}[*]")
        self.setWindowModified(self.session.dirty)
        self.save_action.setEnabled(True)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- saving and closing --------------------------------------------------------------
    def save(self) -> bool:
        try:
            count = self.session.save()
        except ValidationFailed as error:
            self.last_error = str(error)
            ProblemListDialog(self.tr("保存できません：入力に問題があります"), error.problems,
                              self).exec()
            return False
        except repository.ConflictError as error:
            self.last_error = str(error)
            self._conflict(error.process_ids)
            return False
        self.show_message(self.tr("保存しました（%1件）").replace("%1", f"{count:,}"))
        return True

    def _conflict(self, process_ids: list[str]) -> None:
        """Rows changed by someone else: never overwritten; the planner decides."""
        self.session.model.set_conflicts(set(process_ids))
        shown = ", ".join(process_ids[:20]) + (" …" if len(process_ids) > 20 else "")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("競合"),
                          self.tr("%1件の手続が、読み込んだ後に他の利用者によって変更または"
                                  "削除されています。何も保存していません。")
                          .replace("%1", f"{len(process_ids):,}"), parent=self)
        box.setInformativeText(shown)
        take = box.addButton(self.tr("これらの行をデータベースの内容で置き換える"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("このまま編集を続ける"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is take:
            self.session.take_database_rows(process_ids)
            self.show_message(self.tr("競合した行をデータベースの内容に置き換えました"))

    def confirm_discard(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("未保存の変更"), self.tr("変更が保存されていません。保存しますか？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not self.confirm_discard():
            event.ignore()
            return
        self.stop_work()
        self.statusBar().clearMessage()  # stops the message's timeout timer
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        event.accept()

    def stop_work(self) -> None:
        """Cancel and wait for background work, so no thread outlives the window."""
        self.plan_panel.stop()
        self.results_view.plan_vs_actual.stop()
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
            self._task_done(self.task, "")

    # -- background tasks ----------------------------------------------------------------
    def run_task(self, title: str, work: Callable[[TaskContext], Any],
                 on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None = None,
                 cancellable: bool = False) -> bool:
        """Run ``work`` on a worker thread behind a progress dialog. With ``cancellable`` the
        dialog has a Cancel button; the work then stops at its next ``check_cancelled`` and
        a ``TaskCancelled`` failure is reported in the status bar, not as an error."""
        if self.task is not None:
            self.show_message(self.tr("他の処理が実行中です"))
            return False
        dialog = QProgressDialog(title, "", 0, 0, self)
        dialog.setWindowTitle(title)
        task = Task(work)
        if cancellable:
            dialog.setCancelButtonText(self.tr("キャンセル"))
            dialog.canceled.connect(lambda: self._cancel_task(task))
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progressed(message: str, done: int, total: int) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(done)
            if message:
                dialog.setLabelText(f"{title}\n{message}")

        def failed(error: BaseException) -> None:
            if isinstance(error, TaskCancelled):
                self.show_message(self.tr("%1をキャンセルしました").replace("%1", title))
                return
            self.last_error = str(error)
            if on_failure is not None:
                on_failure(error)
            else:
                QMessageBox.warning(self, title, str(error))

        task.progressed.connect(progressed)
        task.succeeded.connect(on_success)
        task.failed.connect(failed)
        task.finished.connect(lambda: self._task_done(task, title))
        self.task, self._progress_dialog = task, dialog
        task.start_work()
        return True

    def _cancel_task(self, task: Task) -> None:
        if task is self.task:
            task.cancel()
            if self._progress_dialog is not None:
                self._progress_dialog.setLabelText(self.tr("キャンセルしています…"))

    def _task_done(self, task: Task, title: str) -> None:
        if task is not self.task:
            return
        self.task = None
        dialog, self._progress_dialog = self._progress_dialog, None
        if dialog is not None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
        task.deleteLater()
        self.taskFinished.emit(title)

    # -- database, demo, import, export --------------------------------------------------
    def choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("データベースを開く"), str(Path.home()),
            self.tr("SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.open_location(path)

    def open_location(self, location: str) -> None:
        if not self.confirm_discard():
            return
        try:
            engine = open_database(location)
            session = Session.open(engine, location, self)
        except (DatabaseError, Exception) as error:
            QMessageBox.warning(self, self.tr("データベースを開く"), str(error))
            return
        self.stop_work()
        old, self.session = self.session, session
        self.rebuild()
        old.close()
        old.deleteLater()
        remember_database(location)
        self._build_menus()
        self.offer_first_run()

    def offer_first_run(self, automatic: bool = False) -> None:
        """An empty database: load the demo (default), import a workbook, or open another."""
        if self.session.store.processes:
            return
        choice = FIRST_RUN_DEMO if automatic else ask_first_run(self)
        if choice == FIRST_RUN_DEMO:
            self.load_demo()
        elif choice == FIRST_RUN_IMPORT:
            self.choose_import()
        elif choice == FIRST_RUN_OPEN:
            self.choose_database()

    def load_demo(self, processes: int = DEMO_PROCESSES, seed: int = 0) -> None:
        engine = self.session.engine

        def work(context: TaskContext) -> Any:
            from dx_planner.demo.load import load_demo

            context.progress(self.tr("デモ在庫を生成して書き込んでいます…"))
            load_demo(engine, processes, seed)
            with engine.connect() as connection:
                return repository.load_inventory(connection)

        self.run_task(self.tr("デモ在庫を読み込む"), work, self._inventory_loaded)

    def _inventory_loaded(self, inventory: Any) -> None:
        self.session.replace_inventory(inventory)
        self.session.set_plan(None, None)
        self.rebuild()
        self.show_message(self.tr("%1件の手続を読み込みました").replace(
            "%1", f"{len(inventory.processes):,}"))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("手続一覧ワークブックを取り込む"), str(Path.home()),
            self.tr("Excel / CSV (*.xlsx *.csv)"))
        if path:
            self.import_inventory(Path(path))

    def import_inventory(self, path: Path, replace: bool = False) -> None:
        if not self.confirm_discard():
            return
        engine = self.session.engine

        def work(context: TaskContext) -> Any:
            from dx_planner.workbook.apply import import_workbook

            phases = {"reading": self.tr("読み込み中…"), "writing": self.tr("書き込み中…")}
            summary = import_workbook(engine, path, replace=replace,
                                      progress=lambda p: context.progress(phases.get(p, p)))
            with engine.connect() as connection:
                return summary, repository.load_inventory(connection)

        def done(outcome: Any) -> None:
            summary, inventory = outcome
            self._inventory_loaded(inventory)
            text = self.tr("取り込みました：追加 %1、更新 %2、削除 %3、変更なし %4").replace(
                "%1", f"{summary.added:,}").replace("%2", f"{summary.updated:,}").replace(
                "%3", f"{summary.deleted:,}").replace("%4", f"{summary.unchanged:,}")
            self.show_message(text)
            if summary.warnings:
                QMessageBox.information(self, self.tr("取り込みの警告"),
                                        "\n".join(str(w) for w in summary.warnings[:50]))

        def failed(error: BaseException) -> None:
            title = self.tr("取り込みに失敗しました：%1").replace("%1", path.name)
            if isinstance(error, ImportFailed):
                self.import_errors = ProblemListDialog(title, error.errors, self)
                self.import_errors.open()
            else:
                QMessageBox.warning(self, title, str(error))

        self.run_task(self.tr("取り込み"), work, done, failed)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("手続一覧ワークブックを書き出す"), str(Path.home() / "inventory.xlsx"),
            self.tr("Excel (*.xlsx)"))
        if path:
            self.export_inventory(Path(path))

    def export_inventory(self, path: Path) -> None:
        if self.session.dirty and not self.confirm_discard():
            return
        engine = self.session.engine

        def work(context: TaskContext) -> Any:
            from dx_planner.workbook.apply import export_workbook

            return export_workbook(engine, path,
                                   progress=lambda done, total: context.progress("", done, total))

        def done(count: Any) -> None:
            self.show_message(self.tr("%1件を書き出しました：%2").replace(
                "%1", f"{count:,}").replace("%2", str(path)))

        self.run_task(self.tr("書き出し"), work, done)

    # -- plan workbook, progress report, baseline -----------------------------------------
    def _no_scenario(self) -> bool:
        names = scenario_names(self.session.engine)
        if names:
            return False
        QMessageBox.information(self, self.tr("保存済みのシナリオがありません"), self.tr(
            "保存済みのシナリオがありません。先に最適化を実行してください。"))
        return True

    def choose_export_plan(self) -> None:
        names = scenario_names(self.session.engine)
        if self._no_scenario():
            return
        dialog = ExportPlanDialog(names, self.results_view.current_scenario(), self)
        if dialog.exec() != ExportPlanDialog.DialogCode.Accepted:
            return
        scenario, compare = dialog.chosen()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("計画ワークブックを出力"),
            str(Path.home() / f"計画-{file_stem(scenario or 'plan')}.xlsx"),
            self.tr("Excel (*.xlsx)"))
        if path:
            target = Path(path)
            if target.suffix.lower() != ".xlsx":
                target = target.with_name(target.name + ".xlsx")
            self.export_plan(target, scenario, compare)

    def export_plan(self, path: Path, scenario: str | None = None, compare: str | None = None,
                    offer_open: bool = True) -> bool:
        """Write the plan workbook of ``scenario`` (the newest when None) off the GUI thread;
        cancellable (the file is then left as it was)."""
        if self.session.dirty and not self.confirm_discard():
            return False
        engine = self.session.engine
        loading, writing = self.tr("計画を読み込んでいます…"), self.tr("シートを書き込んでいます…")
        title = self.tr("計画ワークブックを出力")

        def work(context: TaskContext) -> Any:
            from dx_planner.plan_workbook.export import export_plan_workbook

            context.progress(loading)
            return export_plan_workbook(engine, path, scenario=scenario, compare=compare,
                                        progress=context.fraction_reporter(writing))

        def done(summary: Any) -> None:
            self.last_export = summary
            self.show_message(self.tr("計画ワークブックを出力しました：%1（シナリオ「%2」、%3件）")
                              .replace("%1", str(path)).replace("%2", summary.scenario)
                              .replace("%3", f"{summary.processes:,}"))
            if offer_open:
                self.offer_to_open(path)

        def failed(error: BaseException) -> None:
            from dx_planner.plan_workbook import PlanExportError

            text = str(error) if isinstance(error, PlanExportError) else self.tr(
                "計画ワークブックを出力できませんでした：%1").replace("%1", str(error))
            QMessageBox.warning(self, title, text)

        return self.run_task(title, work, done, failed, cancellable=True)

    def choose_report(self) -> None:
        names = scenario_names(self.session.engine)
        dialog = ReportDialog(names, self.results_view.current_scenario(),
                              default_actual_quarter(self.session.store.inventory), self)
        if dialog.exec() != ReportDialog.DialogCode.Accepted:
            return
        quarter, scenario = dialog.chosen()
        filters = ";;".join(REPORT_FILTERS.values())
        path, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("進捗報告書を作成"),
            str(Path.home() / f"進捗報告-{quarter.code}.md"), filters)
        if path:
            target = Path(path)
            if target.suffix.lower() not in (*REPORT_FILTERS, ".htm"):
                suffix = next((s for s, f in REPORT_FILTERS.items() if f == chosen_filter), ".md")
                target = target.with_name(target.name + suffix)
            self.write_report(target, quarter, scenario)

    def write_report(self, path: Path, quarter: Quarter, scenario: str | None = None,
                     offer_open: bool = True) -> bool:
        """Write the quarterly progress report (format by extension) off the GUI thread."""
        if self.session.dirty and not self.confirm_discard():
            return False
        engine = self.session.engine
        computing = self.tr("集計しています…")
        title = self.tr("進捗報告書を作成")

        def work(context: TaskContext) -> Any:
            from dx_planner.progress_report.service import write_report

            context.progress(computing)
            return write_report(engine, quarter, path, scenario_name=scenario)

        def done(_figures: Any) -> None:
            self.show_message(self.tr("進捗報告書を作成しました：%1").replace("%1", str(path)))
            if offer_open:
                self.offer_to_open(path)

        def failed(error: BaseException) -> None:
            from dx_planner.progress_report.errors import ReportError

            text = str(error) if isinstance(error, ReportError) else self.tr(
                "進捗報告書を作成できませんでした：%1").replace("%1", str(error))
            QMessageBox.warning(self, title, text)

        return self.run_task(title, work, done, failed)

    def offer_to_open(self, path: Path) -> None:
        """Ask (without blocking) whether to open a file just written."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("作成しました"),
                          self.tr("%1 を作成しました。開きますか？").replace("%1", path.name),
                          parent=self)
        box.setInformativeText(str(path))
        open_button = box.addButton(self.tr("開く"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("閉じる"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        box.finished.connect(answered)
        self.open_file_box = box
        box.open()

    def choose_publish_baseline(self) -> None:
        name = self.results_view.current_scenario()
        if name is None:
            if self._no_scenario():
                return
            QMessageBox.information(self, self.tr("ベースラインとして公表"), self.tr(
                "表示中の計画はシナリオとして保存されていません。「保存済みシナリオ」から"
                "シナリオを開いてから公表してください。"))
            return
        from dx_planner.persistence.baselines import list_baselines

        with self.session.engine.connect() as connection:
            existing = [b.as_of for b in list_baselines(connection)]
        dialog = PublishBaselineDialog(
            name, default_actual_quarter(self.session.store.inventory), existing, self)
        if dialog.exec() != PublishBaselineDialog.DialogCode.Accepted:
            return
        quarter, note = dialog.chosen()
        self.publish_baseline(quarter, name, note)

    def publish_baseline(self, as_of: Quarter, scenario: str | None = None,
                         note: str = "") -> bool:
        """Publish ``scenario`` (the newest when None) as the baseline as of ``as_of``."""
        if self.session.dirty and not self.confirm_discard():
            return False
        engine = self.session.engine

        def work(context: TaskContext) -> Any:
            from dx_planner.tracking.baselines import publish_baseline

            with engine.begin() as connection:
                return publish_baseline(connection, as_of, scenario_name=scenario, note=note)

        def done(baseline: Any) -> None:
            self.show_message(self.tr("ベースラインを公表しました：%1 時点（シナリオ「%2」、%3件）")
                              .replace("%1", baseline.as_of.code)
                              .replace("%2", baseline.scenario_name)
                              .replace("%3", f"{len(baseline.items):,}"))
            self.results_view.plan_vs_actual.invalidate()

        return self.run_task(self.tr("ベースラインとして公表"), work, done)

    def show_plan_vs_actual(self) -> None:
        self.tabs.setCurrentIndex(TAB_RESULTS)
        self.results_view.show_plan_vs_actual()

    # -- plan ----------------------------------------------------------------------------
    def optimize(self) -> None:
        self.tabs.setCurrentIndex(TAB_PLAN)
        self.plan_panel.start_optimize()

    def _plan_ready(self, result: PlanResult, name: str | None) -> None:
        self.session.set_plan(result, name)
        self.tabs.setCurrentIndex(TAB_RESULTS)

    def open_scenario(self, name: str) -> None:
        from dx_planner.planning.scenarios import load_scenario

        with self.session.engine.connect() as connection:
            result = load_scenario(connection, name)
        self.session.set_plan(result, name)
        self.plan_panel.show_settings(result.settings)
        self.show_message(self.tr("シナリオ「%1」を開きました").replace("%1", name))

    def explain(self, process: Process) -> None:
        plan = self.session.plan
        if plan is None:
            self.show_message(self.tr("計画がまだありません。先に最適化を実行してください"))
            return
        try:
            from dx_planner.planning.service import explain_process

            explanation = explain_process(self.session.store.inventory, plan, process.id)
        except KeyError as error:
            text = str(error.args[0]) if error.args else str(error)
        except Exception as error:  # the solver's explain module may be missing
            text = str(error)
        else:
            text = explanation.message_ja if i18n.language() == "ja" else explanation.message_en
        self.results_view.show_explanation(process.id, text)
        self.tabs.setCurrentIndex(TAB_RESULTS)

    # -- language ------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code == i18n.language():
            return
        if self.plan_panel.running or self.task is not None:
            self.show_message(self.tr("処理の実行中は言語を切り替えられません"))
            return
        i18n.save_language(code)
        i18n.install_language(code)
        current = self.tabs.currentIndex()
        self.rebuild()
        self.tabs.setCurrentIndex(current)
        self.session.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.session.model.columnCount() - 1)
