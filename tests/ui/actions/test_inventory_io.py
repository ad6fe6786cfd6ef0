"""Importing, exporting and the demo inventory from the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import Engine

from tests.ui.helpers import run_job
from ui.actions import inventory_io
from ui.main_window import MainWindow
from ui.session import Session
from ui.widgets.dialogs import ProblemListDialog


def test_demo_fills_an_empty_database(engine: Engine, db_path: Path, qtbot: Any) -> None:
    main = MainWindow(Session.open(engine, str(db_path)))
    main.confirm_close = False
    qtbot.addWidget(main)
    run_job(main, qtbot, lambda: inventory_io.load_demo(main, processes=300, seed=3))
    assert len(main.session.store.processes) == 300
    assert main.session.model.rowCount() == 300
    assert main.inventory_view.filter_bar.bureau.count() > 1  # rebuilt over the new data


def test_import_errors_are_listed(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "手続一覧"
    sheet.append(["手続ID", "手続名", "所管局", "工数"])
    sheet.append(["X-1", "", "総務局", -1])
    sheet.append(["X-2", "名前", "総務局", "abc"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    run_job(window, qtbot, lambda: inventory_io.import_inventory(window, path))
    dialog = window.findChild(ProblemListDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() >= 2
    assert "手続一覧" in dialog.list.item(0).text()
    dialog.reject()


def test_export_then_import_changes_nothing(window: MainWindow, tmp_path: Path,
                                            qtbot: Any) -> None:
    path = tmp_path / "out.xlsx"
    run_job(window, qtbot, lambda: inventory_io.export_inventory(window, path))
    assert path.exists()
    run_job(window, qtbot, lambda: inventory_io.import_inventory(window, path))
    count = len(window.session.store.processes)
    assert window.statusBar().currentMessage() == (
        f"取り込みました：追加 0、更新 0、削除 0、変更なし {count:,}；"
        "局別処理能力 変更なし；申請基盤 変更なし")


def test_the_import_message_names_capacity_and_channel_changes(
        window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    """A workbook that changes only capacity cells and a channel does not read as nothing."""
    path = tmp_path / "out.xlsx"
    run_job(window, qtbot, lambda: inventory_io.export_inventory(window, path))
    book = load_workbook(path)
    book["局別処理能力"]["B2"].value = 500
    book["局別処理能力"]["C2"].value = 501
    book["申請基盤"]["C2"].value = 31
    book.save(path)
    run_job(window, qtbot, lambda: inventory_io.import_inventory(window, path))
    count = len(window.session.store.processes)
    assert window.statusBar().currentMessage() == (
        f"取り込みました：追加 0、更新 0、削除 0、変更なし {count:,}；"
        "局別処理能力 2セル変更；申請基盤 変更 1")
