"""Capacity grids: bureau × quarter effort and channel × quarter onboarding limits,
each with a totals row and column. Edits go through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from dx_planner.domain.inventory import Bureau, Channel
from dx_planner.domain.quarters import Quarter, quarter_range
from ui.i18n import quarter_header, quarter_label
from ui.models.edits import EditRecorder
from ui.models.table_base import AnyIndex

DEFAULT_QUARTERS = quarter_range(Quarter(2021, 4), Quarter(2023, 4))
_TOTAL_BRUSH = QBrush(QColor("#eaeef3"))
_READ_ONLY_BRUSH = QBrush(QColor("#eceff1"))  # rows the login may not change
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def horizon(keys: list[Quarter]) -> list[Quarter]:
    """The quarters a grid shows: the planning default plus any quarter with data."""
    quarters = [*DEFAULT_QUARTERS, *keys]
    return quarter_range(min(quarters), max(quarters))


class _GridModel(QAbstractTableModel):
    """Rows of items plus a totals row; subclasses say what a cell holds."""

    def __init__(self, recorder: EditRecorder, on_change: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self._on_change = on_change
        self.quarters: list[Quarter] = list(DEFAULT_QUARTERS)
        # Whether the login may change a row's cells (team database: admins every row,
        # bureau editors their own bureaus' capacity, nobody else).
        self.may_edit_row: Callable[[int], bool] = lambda _row: True

    def _items(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._items() + 1

    def _is_total(self, index: AnyIndex) -> bool:
        return index.row() == self._items() or index.column() == self.columnCount() - 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self._is_total(index) or not self.may_edit_row(index.row()):
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def _style(self, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if self._is_total(index):
            if role == Qt.ItemDataRole.BackgroundRole:
                return _TOTAL_BRUSH
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        elif role == Qt.ItemDataRole.BackgroundRole and not self.may_edit_row(index.row()):
            return _READ_ONLY_BRUSH
        return None

    def _push(self, apply: Callable[[Any], None], old: Any, new: Any) -> None:
        text = QCoreApplication.translate("Capacity", "処理能力を変更")
        self.recorder.record_cell(apply, old, new, text)

    def _changed(self, row: int, column: int) -> None:
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        self.dataChanged.emit(self.index(row, column), self.index(row, last_column))
        self.dataChanged.emit(self.index(last_row, column), self.index(last_row, column))
        self.dataChanged.emit(self.index(last_row, last_column),
                              self.index(last_row, last_column))
        self._on_change()


class BureauCapacityModel(_GridModel):
    """Person-months each bureau can complete per quarter."""

    def __init__(self, bureaus: list[Bureau], recorder: EditRecorder,
                 on_change: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(recorder, on_change, parent)
        self.set_bureaus(bureaus)

    def set_bureaus(self, bureaus: list[Bureau]) -> None:
        self.beginResetModel()
        self.bureaus = bureaus
        self.quarters = horizon([q for b in bureaus for q in b.capacity])
        self.endResetModel()

    def _items(self) -> int:
        return len(self.bureaus)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.quarters) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        total = QCoreApplication.translate("Capacity", "合計")
        if orientation == Qt.Orientation.Horizontal:
            if section < len(self.quarters):
                return quarter_header(self.quarters[section])
            return total
        return self.bureaus[section].name if section < len(self.bureaus) else total

    def value(self, row: int, column: int) -> float:
        bureaus = self.bureaus if row == len(self.bureaus) else [self.bureaus[row]]
        quarters = self.quarters if column == len(self.quarters) else [self.quarters[column]]
        return sum(b.capacity.get(q, 0.0) for b in bureaus for q in quarters)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.value(index.row(), index.column())
            return value if role == Qt.ItemDataRole.EditRole else f"{value:,.1f}"
        return self._style(index, role)

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._is_total(index)
                or not isinstance(value, int | float) or value < 0
                or not self.may_edit_row(index.row())):
            return False
        bureau, quarter = self.bureaus[index.row()], self.quarters[index.column()]
        old = bureau.capacity.get(quarter, 0.0)
        if old == value:
            return False
        row, column = index.row(), index.column()

        def apply(amount: float) -> None:
            if amount:
                bureau.capacity[quarter] = float(amount)
            else:
                bureau.capacity.pop(quarter, None)  # blank means 0 in the template
            self._changed(row, column)

        self._push(apply, old, float(value))
        return True


class ChannelCapacityModel(_GridModel):
    """Per channel: the quarter it opens (利用開始) and how many processes it can onboard."""

    def __init__(self, channels: list[Channel], recorder: EditRecorder,
                 on_change: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(recorder, on_change, parent)
        self.set_channels(channels)

    def set_channels(self, channels: list[Channel]) -> None:
        self.beginResetModel()
        self.channels = channels
        self.quarters = horizon([q for c in channels for q in c.limits])
        self.endResetModel()

    def _items(self) -> int:
        return len(self.channels)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.quarters) + 2

    def is_available_column(self, column: int) -> bool:
        return column == 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        total = QCoreApplication.translate("Capacity", "合計")
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return QCoreApplication.translate("Capacity", "利用開始")
            if section <= len(self.quarters):
                return quarter_header(self.quarters[section - 1])
            return total
        return self.channels[section].name if section < len(self.channels) else total

    def _limit_sum(self, row: int, column: int) -> int | None:
        """Sum of limits; None when any of them is unlimited."""
        channels = self.channels if row == len(self.channels) else [self.channels[row]]
        quarters = (self.quarters if column == len(self.quarters) + 1
                    else [self.quarters[column - 1]])
        total = 0
        for channel in channels:
            for quarter in quarters:
                limit = channel.limits.get(quarter)
                if limit is None:
                    return None
                total += limit
        return total

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                if row == len(self.channels):
                    return None
                available = self.channels[row].available_from
                return available if role == Qt.ItemDataRole.EditRole else (
                    quarter_label(available) if available else
                    QCoreApplication.translate("Capacity", "常時"))
            limit = self._limit_sum(row, column)
            if role == Qt.ItemDataRole.EditRole:
                return limit
            return f"{limit:,}" if limit is not None else "∞"
        if column == 0 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return self._style(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and index.column() == 0 and index.row() == len(self.channels):
            return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def _is_total(self, index: AnyIndex) -> bool:
        return index.row() == len(self.channels) or index.column() == len(self.quarters) + 1

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._is_total(index)
                or not self.may_edit_row(index.row())):
            return False
        channel, row, column = self.channels[index.row()], index.row(), index.column()
        if column == 0:
            if value is not None and not isinstance(value, Quarter):
                return False
            if value == channel.available_from:
                return False

            def set_available(quarter: Quarter | None) -> None:
                channel.available_from = quarter
                self._changed(row, 0)

            self._push(set_available, channel.available_from, value)
            return True
        if value is not None and (not isinstance(value, int) or value < 0):
            return False
        quarter = self.quarters[column - 1]
        old = channel.limits.get(quarter)
        if old == value:
            return False

        def set_limit(limit: int | None) -> None:
            if limit is None:
                channel.limits.pop(quarter, None)  # blank: no limit
            else:
                channel.limits[quarter] = limit
            self._changed(row, column)

        self._push(set_limit, old, value)
        return True
