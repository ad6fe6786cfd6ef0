"""The outputs that go to the bureaus: the plan workbook and the quarterly progress report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dx_planner.domain.quarters import Quarter
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.tracking.actuals import default_actual_quarter
from ui.actions.base import ActionSpec
from ui.actions.saving import confirm_discard
from ui.tasks import Job, TaskContext
from ui.texts import tr_format
from ui.widgets.report_dialogs import ExportPlanDialog, ReportDialog, scenario_names

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
REPORT_FILTERS = {".md": "Markdown (*.md)", ".html": "HTML (*.html)", ".xlsx": "Excel (*.xlsx)"}


def file_stem(name: str) -> str:
    """A scenario name made safe as part of a file name."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "plan"


def no_scenario(window: MainWindow) -> bool:
    """True (after saying so) when no plan has been stored yet."""
    if scenario_names(window.session.engine):
        return False
    QMessageBox.information(window, translate("Outputs", "保存済みのシナリオがありません"),
                            translate("Outputs", "保存済みのシナリオがありません。"
                                                 "先に最適化を実行してください。"))
    return True


def choose_export_plan(window: MainWindow) -> None:
    if no_scenario(window):
        return
    names = scenario_names(window.session.engine)
    dialog = ExportPlanDialog(names, window.session.plan_name, window)
    if dialog.exec() != ExportPlanDialog.DialogCode.Accepted:
        return
    scenario, compare = dialog.chosen()
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Outputs", "計画ワークブックを出力"),
        str(Path.home() / f"計画-{file_stem(scenario or 'plan')}.xlsx"),
        translate("Outputs", "Excel (*.xlsx)"))
    if path:
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        export_plan(window, target, scenario, compare)


def export_plan(window: MainWindow, path: Path, scenario: str | None = None,
                compare: str | None = None, offer_open: bool = True) -> bool:
    """Write the plan workbook of ``scenario`` (the newest when None) off the GUI thread;
    cancellable (the file is then left as it was)."""
    if not confirm_discard(window):
        return False
    engine = window.session.engine
    loading = translate("Outputs", "計画を読み込んでいます…")
    writing = translate("Outputs", "シートを書き込んでいます…")
    title = translate("Outputs", "計画ワークブックを出力")

    def work(context: TaskContext) -> Any:
        from dx_planner.plan_workbook.export import export_plan_workbook

        context.progress(loading)
        return export_plan_workbook(engine, path, scenario=scenario, compare=compare,
                                    progress=context.fraction_reporter(writing))

    def done(summary: Any) -> None:
        window.show_message(tr_format(
            translate("Outputs", "計画ワークブックを出力しました：%1（シナリオ「%2」、%3件）"),
            path, summary.scenario, f"{summary.processes:,}"))
        if offer_open:
            offer_to_open(window, path)

    def failed(error: BaseException) -> None:
        from dx_planner.plan_workbook import PlanExportError

        window.last_error = str(error)
        text = str(error) if isinstance(error, PlanExportError) else tr_format(
            translate("Outputs", "計画ワークブックを出力できませんでした：%1"), error)
        QMessageBox.warning(window, title, text)

    return window.runner.start(Job(title, work, done, failed, cancellable=True))


def choose_report(window: MainWindow) -> None:
    names = scenario_names(window.session.engine)
    dialog = ReportDialog(names, window.session.plan_name,
                          default_actual_quarter(window.session.store.inventory), window)
    if dialog.exec() != ReportDialog.DialogCode.Accepted:
        return
    quarter, scenario = dialog.chosen()
    path, chosen_filter = QFileDialog.getSaveFileName(
        window, translate("Outputs", "進捗報告書を作成"),
        str(Path.home() / f"進捗報告-{quarter.code}.md"), ";;".join(REPORT_FILTERS.values()))
    if path:
        target = Path(path)
        if target.suffix.lower() not in (*REPORT_FILTERS, ".htm"):
            suffix = next((s for s, f in REPORT_FILTERS.items() if f == chosen_filter), ".md")
            target = target.with_name(target.name + suffix)
        write_report(window, target, quarter, scenario)


def write_report(window: MainWindow, path: Path, quarter: Quarter, scenario: str | None = None,
                 offer_open: bool = True) -> bool:
    """Write the quarterly progress report (format by extension) off the GUI thread."""
    if not confirm_discard(window):
        return False
    engine = window.session.engine
    computing = translate("Outputs", "集計しています…")
    title = translate("Outputs", "進捗報告書を作成")

    def work(context: TaskContext) -> Any:
        from dx_planner.progress_report.service import write_report as write

        context.progress(computing)
        return write(engine, quarter, path, scenario_name=scenario)

    def done(_figures: Any) -> None:
        window.show_message(tr_format(translate("Outputs", "進捗報告書を作成しました：%1"),
                                      path))
        if offer_open:
            offer_to_open(window, path)

    def failed(error: BaseException) -> None:
        from dx_planner.progress_report.errors import ReportError

        window.last_error = str(error)
        text = str(error) if isinstance(error, ReportError) else tr_format(
            translate("Outputs", "進捗報告書を作成できませんでした：%1"), error)
        QMessageBox.warning(window, title, text)

    return window.runner.start(Job(title, work, done, failed))


def offer_to_open(window: MainWindow, path: Path) -> None:
    """Ask (without blocking) whether to open a file just written."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("Outputs", "作成しました"),
                      tr_format(translate("Outputs", "%1 を作成しました。開きますか？"),
                                path.name), parent=window)
    box.setInformativeText(str(path))
    open_button = box.addButton(translate("Outputs", "開く"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Outputs", "閉じる"), QMessageBox.ButtonRole.RejectRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    box.finished.connect(answered)
    box.open()


ACTIONS = (
    ActionSpec("export_plan", QT_TRANSLATE_NOOP("Actions", "計画ワークブックを出力…"),
               choose_export_plan),
    ActionSpec("report", QT_TRANSLATE_NOOP("Actions", "進捗報告書を作成…"), choose_report),
)
