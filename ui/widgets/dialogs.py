"""Small dialogs: the first-run choice, and a readable list of import problems."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dx_planner.workbook.problems import MAX_LISTED, Problem
from ui.texts import tr_format

FIRST_RUN_DEMO = "demo"
FIRST_RUN_IMPORT = "import"
FIRST_RUN_OPEN = "open"
FIRST_RUN_EMPTY = "empty"


def ask_first_run(parent: QWidget) -> str:
    """What to do with an empty database; the demo is the default button."""
    # A module function has no QObject.tr; lupdate reads the context from translate().
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("FirstRunDialog", "はじめに"))
    box.setText(translate("FirstRunDialog", "データベースに手続がまだありません。"))
    box.setInformativeText(translate(
        "FirstRunDialog",
        "デモ用の手続一覧（28,000件）を読み込むか、Excelの手続一覧を取り込むか、"
        "別のデータベースを開いてください。"))
    role = QMessageBox.ButtonRole
    demo = box.addButton(translate("FirstRunDialog", "デモ在庫を読み込む"), role.AcceptRole)
    excel = box.addButton(translate("FirstRunDialog", "Excelの手続一覧を取り込む…"),
                          role.ActionRole)
    other = box.addButton(translate("FirstRunDialog", "データベースを開く…"), role.ActionRole)
    box.addButton(translate("FirstRunDialog", "空のまま始める"), role.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    if clicked is demo:
        return FIRST_RUN_DEMO
    if clicked is excel:
        return FIRST_RUN_IMPORT
    if clicked is other:
        return FIRST_RUN_OPEN
    return FIRST_RUN_EMPTY


class ProblemListDialog(QDialog):
    """Every problem of a rejected import as ``sheet / row / column: message``."""

    def __init__(self, title: str, problems: Sequence[Problem | str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        summary = self.tr("%1件の問題が見つかりました。データベースは変更されていません。")
        layout.addWidget(QLabel(tr_format(summary, f"{len(problems):,}"), self))
        self.list = QListWidget(self)
        for problem in problems[:MAX_LISTED]:
            self.list.addItem(str(problem))
        if len(problems) > MAX_LISTED:
            more = tr_format(self.tr("… ほか %1件"), f"{len(problems) - MAX_LISTED:,}")
            self.list.addItem(more)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("コピー"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        lines = [self.list.item(i).text() for i in range(self.list.count())]
        QGuiApplication.clipboard().setText("\n".join(lines))
