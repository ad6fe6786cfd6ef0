"""The change history as a table: when, who, what (table and key), field, old → new.

Values are stored as the database holds them (English codes, quarter codes, true/false);
this model shows them as the workbook does (届出, 検討中, ○: ``history.cell_text``, the one
conversion the command line uses too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from dx_planner.domain.fields import FIELD_BY_NAME
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence.history import DELETE, INSERT, Change, cell_text, value_text
from ui.models.table_base import AnyIndex

CONTEXT = "History"

HEADERS = (QT_TRANSLATE_NOOP("History", "日時"), QT_TRANSLATE_NOOP("History", "ログイン"),
           QT_TRANSLATE_NOOP("History", "対象"), QT_TRANSLATE_NOOP("History", "キー"),
           QT_TRANSLATE_NOOP("History", "項目"), QT_TRANSLATE_NOOP("History", "変更前"),
           QT_TRANSLATE_NOOP("History", "変更後"))
TABLES = {
    "processes": QT_TRANSLATE_NOOP("History", "手続"),
    "bureau_capacity": QT_TRANSLATE_NOOP("History", "局別処理能力"),
    "bureaus": QT_TRANSLATE_NOOP("History", "局"),
    "channels": QT_TRANSLATE_NOOP("History", "申請基盤"),
    "channel_limits": QT_TRANSLATE_NOOP("History", "申請基盤の上限"),
    "baselines": QT_TRANSLATE_NOOP("History", "ベースライン"),
}
OTHER_FIELDS = {
    "effort": QT_TRANSLATE_NOOP("History", "処理能力（人月）"),
    "max_processes": QT_TRANSLATE_NOOP("History", "上限（件）"),
    "available_from": QT_TRANSLATE_NOOP("History", "利用開始"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(change: Change) -> str:
    if change.action == INSERT:
        return _translate("（追加）")
    if change.action == DELETE:
        return _translate("（削除）")
    name = change.field or ""
    if change.table == "processes" and name in FIELD_BY_NAME:
        return QCoreApplication.translate("Fields", FIELD_BY_NAME[name].header)
    return _translate(OTHER_FIELDS[name]) if name in OTHER_FIELDS else name


def row_summary(change: Change) -> str:
    """An added or deleted row in one line: a process by its name and bureau."""
    row = change.row()
    if change.table == "processes":
        return f"{row.get('name', '')}（{row.get('bureau', '')}）"
    return ", ".join(f"{name}={value_text(value) or ''}" for name, value in row.items())


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Change] = []

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self.changes = list(reversed(changes))  # newest first
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _translate(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        change = self.changes[index.row()]
        column = index.column()
        if column == 0:
            return change.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return change.login
        if column == 2:
            return _translate(TABLES.get(change.table, change.table))
        if column == 3:
            return change.key
        if column == 4:
            return field_label(change)
        if change.action == INSERT:
            return row_summary(change) if column == 6 else ""
        if change.action == DELETE:
            return row_summary(change) if column == 5 else ""
        value = change.old if column == 5 else change.new
        return cell_text(change.table, change.field, value)

    def change_at(self, row: int) -> Change:
        return self.changes[row]
