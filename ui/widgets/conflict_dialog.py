"""A save refused because others changed the same rows: what they changed (from the history)
beside what was changed here, and the choice — keep mine, take theirs, or keep editing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dx_planner.persistence.history import DELETE, INSERT, cell_text
from ui.models.history_model import field_label, row_summary
from ui.session import ConflictLine
from ui.texts import tr_format

KEEP_MINE, TAKE_THEIRS, KEEP_EDITING = "keep_mine", "take_theirs", "keep_editing"


class ConflictDialog(QDialog):
    def __init__(self, lines: list[ConflictLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("競合：他の利用者が同じ手続を変更しました"))
        self.choice = KEEP_EDITING
        rows = sorted({line.process_id for line in lines})
        intro = QLabel(tr_format(self.tr(
            "%1件の手続が、読み込んだ後に他の利用者によって変更または削除されています。"
            "何も保存していません。相手の変更は次のとおりです。"), f"{len(rows):,}"), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(lines), 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("手続ID"), self.tr("変更した人・日時"), self.tr("項目"),
            self.tr("変更前"), self.tr("相手の値"), self.tr("自分の値")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, line in enumerate(lines):
            for column, text in enumerate(self._cells(line)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("自分の変更を残す（上書きして保存）"), self)
        self.take_button = QPushButton(self.tr("相手の変更を取り込む（自分の変更を破棄）"), self)
        self.cancel_button = QPushButton(self.tr("このまま編集を続ける"), self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        self.cancel_button.clicked.connect(lambda: self._choose(KEEP_EDITING))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def _cells(self, line: ConflictLine) -> list[str]:
        change = line.theirs
        if change is None:
            return [line.process_id, self.tr("（履歴なし）"), "", "", "", ""]
        who = f"{change.login} {change.changed_at.astimezone():%Y-%m-%d %H:%M}"
        mine = self.tr("（削除）") if line.deleted_here else cell_text(
            change.table, change.field, line.mine) if line.mine is not None else ""
        if change.action == DELETE:
            return [line.process_id, who, field_label(change), row_summary(change),
                    self.tr("（削除）"), mine]
        if change.action == INSERT:
            return [line.process_id, who, field_label(change), "", row_summary(change), mine]
        return [line.process_id, who, field_label(change),
                cell_text(change.table, change.field, change.old),
                cell_text(change.table, change.field, change.new), mine]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == KEEP_EDITING:
            self.reject()
        else:
            self.accept()
