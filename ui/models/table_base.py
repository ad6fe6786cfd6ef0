"""The tables of the planning views share this: rows in ``self.rows``, column titles in
``self.headers`` (flat tables, no children), rows the planner adds and removes in a
``RowListModel``; bureau × quarter grids (heat maps) in ``self.bureaus`` × ``self.quarters``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from dx_planner.domain.quarters import Quarter
from ui.i18n import quarter_header

AnyIndex = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    headers: list[str]
    rows: Sequence[Any]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class RowListModel(ListTableModel):
    """A flat table whose rows the planner adds and removes (requirements, assumed dates)."""

    rows: list[Any]

    def append_row(self, row: Any) -> int:
        """Add ``row`` at the end; returns its position."""
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(row)
        self.endInsertRows()
        return position

    def remove_rows(self, rows: list[int]) -> None:
        """Remove these rows (in any order; repeats and rows out of range are ignored)."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()


class BureauQuarterGridModel(QAbstractTableModel):
    """A bureau per row, a quarter per column, the quarter headed on two lines."""

    bureaus: list[str]
    quarters: list[Quarter]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.bureaus)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.quarters)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return quarter_header(self.quarters[section])
        return self.bureaus[section]
