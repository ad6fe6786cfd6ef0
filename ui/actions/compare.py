"""Writing the comparison workbook of two scenarios from the シナリオ比較 tab (the same
workbook as ``dx-planner compare A B --xlsx``), off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from dx_planner.planning.compare import Comparison
from ui.actions.outputs import file_stem
from ui.tasks import Job, TaskContext
from ui.texts import tr_format

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
ACTIONS = ()  # reached from the comparison tab's button


def choose_export(window: MainWindow, comparison: Comparison | None) -> None:
    if comparison is None:
        return
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Compare", "比較ワークブックを出力"),
        str(Path.home() / f"比較-{file_stem(comparison.a_name)}-{file_stem(comparison.b_name)}"
                          ".xlsx"),
        translate("Compare", "Excel (*.xlsx)"))
    if path:
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        export_comparison(window, comparison, target)


def export_comparison(window: MainWindow, comparison: Comparison, path: Path) -> bool:
    """Write the comparison workbook (the main slot's progress dialog shows it)."""
    writing = translate("Compare", "比較ワークブックを書き込んでいます…")

    def work(context: TaskContext) -> Any:
        from dx_planner.plan_workbook.compare_workbook import write_compare_workbook

        context.progress(writing)
        write_compare_workbook(comparison, path)
        return path

    def done(written: Any) -> None:
        window.show_message(tr_format(translate("Compare", "比較ワークブックを書き出しました：%1"),
                                      str(written)))

    return window.runner.start(Job(translate("Compare", "比較ワークブックを出力"), work, done))
