"""The plan workbook and the progress report from the app (off the GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton

from dx_planner.domain.quarters import Quarter
from dx_planner.tracking.actuals import default_actual_quarter
from tests.helpers.workbooks import sheet_names
from tests.ui.helpers import answer_next_box, run_job, visible_box
from ui.actions import outputs
from ui.main_window import MainWindow

AS_OF = Quarter(2021, 3)  # the demo's quarter


def test_export_plan_workbook_from_the_gui(planned: MainWindow, qtbot: Any,
                                           tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    run_job(planned, qtbot, lambda: outputs.export_plan(planned, path, "基本計画", "基本計画"))
    assert "シナリオ「基本計画」" in planned.statusBar().currentMessage()
    names = sheet_names(path)
    assert names[0] == "概要"
    assert "前回比較" in names
    box = visible_box(planned)
    assert "plan.xlsx" in box.text()
    box.buttons()[-1].click()  # 閉じる: nothing is opened


def test_cancelled_export_leaves_the_file_as_it_was(planned: MainWindow, qtbot: Any,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"previous version")

    def start_and_cancel() -> bool:
        started = outputs.export_plan(planned, path)
        dialog = planned.progress_dialogs.dialog
        assert dialog is not None
        dialog.findChild(QPushButton).click()  # Cancel
        return started

    run_job(planned, qtbot, start_and_cancel)
    assert path.read_bytes() == b"previous version"
    assert "キャンセル" in planned.statusBar().currentMessage()
    assert not list(tmp_path.glob(".plan-*"))  # no temporary files left behind


def test_export_without_a_scenario_shows_the_error(window: MainWindow, qtbot: Any,
                                                   tmp_path: Path) -> None:
    answer_next_box()
    run_job(window, qtbot, lambda: outputs.export_plan(window, tmp_path / "plan.xlsx"))
    assert window.last_error is not None and "no stored plan" in window.last_error
    assert not (tmp_path / "plan.xlsx").exists()


def test_report_from_the_gui_writes_markdown(window: MainWindow, qtbot: Any,
                                             tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    assert default_actual_quarter(window.session.store.inventory) == AS_OF
    run_job(window, qtbot, lambda: outputs.write_report(window, path, AS_OF))
    text = path.read_text(encoding="utf-8")
    assert "進捗状況" in text and "今後の取組" in text
    visible_box(window).buttons()[-1].click()


def test_report_error_is_shown(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    answer_next_box()
    run_job(window, qtbot, lambda: outputs.write_report(window, tmp_path / "report.pdf",
                                                        AS_OF, offer_open=False))
    assert window.last_error is not None and ".md" in window.last_error


def test_file_stem_makes_a_scenario_name_safe() -> None:
    assert outputs.file_stem('計画 A/B:"最終"') == "計画_A_B_最終"
    assert outputs.file_stem("  ") == "plan"
