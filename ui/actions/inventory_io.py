"""The inventory in and out: import a workbook, export it, load the demo inventory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence import repository
from dx_planner.workbook.problems import ImportFailed
from ui.actions.base import ActionSpec
from ui.actions.saving import confirm_discard
from ui.tasks import Job, TaskContext
from ui.texts import tr_format
from ui.widgets.dialogs import ProblemListDialog

if TYPE_CHECKING:
    from dx_planner.workbook.apply import ImportSummary
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
DEMO_PROCESSES = 28_000


def load_demo(window: MainWindow, processes: int = DEMO_PROCESSES, seed: int = 0) -> bool:
    engine = window.session.engine
    generating = translate("Inventory", "デモ在庫を生成して書き込んでいます…")

    def work(context: TaskContext) -> Inventory:
        from dx_planner.demo.load import load_demo as write_demo

        context.progress(generating)
        write_demo(engine, processes, seed)
        with engine.connect() as connection:
            return repository.load_inventory(connection)

    return window.runner.start(Job(translate("Inventory", "デモ在庫を読み込む"), work,
                                   lambda inventory: show_inventory(window, inventory)))


def show_inventory(window: MainWindow, inventory: Inventory) -> None:
    """A freshly loaded inventory replaces the one shown (after an import or a demo load)."""
    window.session.replace_inventory(inventory)
    window.session.set_plan(None, None)
    window.rebuild()
    window.show_message(tr_format(translate("Inventory", "%1件の手続を読み込みました"),
                                  f"{len(inventory.processes):,}"))


def choose_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, translate("Inventory", "手続一覧ワークブックを取り込む"), str(Path.home()),
        translate("Inventory", "Excel / CSV (*.xlsx *.csv)"))
    if path:
        import_inventory(window, Path(path))


def import_inventory(window: MainWindow, path: Path, replace: bool = False) -> bool:
    """Import a workbook, all or nothing; its problems are listed in a dialog."""
    if not confirm_discard(window):
        return False
    engine = window.session.engine
    phases = {"reading": translate("Inventory", "読み込み中…"),
              "writing": translate("Inventory", "書き込み中…")}

    def work(context: TaskContext) -> Any:
        from dx_planner.workbook.apply import import_workbook

        summary = import_workbook(engine, path, replace=replace,
                                  progress=lambda p: context.progress(phases.get(p, p)))
        with engine.connect() as connection:
            return summary, repository.load_inventory(connection)

    def done(outcome: Any) -> None:
        summary, inventory = outcome
        show_inventory(window, inventory)
        window.show_message(imported_message(summary))
        if summary.warnings:
            QMessageBox.information(window, translate("Inventory", "取り込みの警告"),
                                    "\n".join(str(w) for w in summary.warnings[:50]))

    def failed(error: BaseException) -> None:
        window.last_error = str(error)
        title = tr_format(translate("Inventory", "取り込みに失敗しました：%1"), path.name)
        if isinstance(error, ImportFailed):
            dialog = ProblemListDialog(title, error.errors, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        else:
            QMessageBox.warning(window, title, str(error))

    return window.runner.start(Job(translate("Inventory", "取り込み"), work, done, failed))


def imported_message(summary: ImportSummary) -> str:
    """What an import changed: the processes, then the capacity and channel sheets when the
    file had them (a capacity-only change is not 'nothing')."""
    parts = [tr_format(
        translate("Inventory", "取り込みました：追加 %1、更新 %2、削除 %3、変更なし %4"),
        f"{summary.added:,}", f"{summary.updated:,}", f"{summary.deleted:,}",
        f"{summary.unchanged:,}")]
    cells = summary.capacity_cells_changed
    if cells is not None:
        parts.append(tr_format(translate("Inventory", "局別処理能力 %1セル変更"), f"{cells:,}")
                     if cells else translate("Inventory", "局別処理能力 変更なし"))
    if summary.channels_added is not None and summary.channels_changed is not None:
        counts = [tr_format(text, f"{count:,}") for text, count in (
            (translate("Inventory", "追加 %1"), summary.channels_added),
            (translate("Inventory", "変更 %1"), summary.channels_changed)) if count]
        parts.append(tr_format(translate("Inventory", "申請基盤 %1"),
                               translate("Inventory", "、").join(counts)) if counts
                     else translate("Inventory", "申請基盤 変更なし"))
    return translate("Inventory", "；").join(parts)


def choose_export(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Inventory", "手続一覧ワークブックを書き出す"),
        str(Path.home() / "inventory.xlsx"), translate("Inventory", "Excel (*.xlsx)"))
    if path:
        export_inventory(window, Path(path))


def export_inventory(window: MainWindow, path: Path) -> bool:
    """Write the stored inventory in the import template (unsaved edits: save first)."""
    if not confirm_discard(window):
        return False
    engine = window.session.engine

    def work(context: TaskContext) -> int:
        from dx_planner.workbook.apply import export_workbook

        return export_workbook(engine, path,
                               progress=lambda done, total: context.progress("", done, total))

    def done(count: int) -> None:
        window.show_message(tr_format(translate("Inventory", "%1件を書き出しました：%2"),
                                      f"{count:,}", path))

    return window.runner.start(Job(translate("Inventory", "書き出し"), work, done))


ACTIONS = (
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "手続一覧ワークブックを取り込む…"),
               choose_import),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "手続一覧ワークブックを書き出す…"),
               choose_export),
    ActionSpec("demo", QT_TRANSLATE_NOOP("Actions", "デモ在庫を読み込む"), load_demo),
)
