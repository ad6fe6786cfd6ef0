"""Bureau × quarter load of the current plan: used effort against capacity, as colours."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from ui.i18n import quarter_label

AnyIndex = QModelIndex | QPersistentModelIndex


def _colour(ratio: float) -> QColor:
    """White (idle) through yellow to red (full); purple when over capacity."""
    if ratio > 1.0001:
        return QColor("#c39bd3")
    ratio = max(0.0, min(1.0, ratio))
    if ratio < 0.5:
        return QColor.fromRgbF(1.0, 1.0, 1.0 - ratio * 1.2)
    return QColor.fromRgbF(1.0, 1.0 - (ratio - 0.5) * 1.1, 0.4 - (ratio - 0.5) * 0.6)


class LoadHeatmapModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bureaus: list[str] = []
        self.quarters: list[Quarter] = []
        self.used: dict[tuple[str, Quarter], float] = {}
        self.capacity: dict[tuple[str, Quarter], float] = {}

    def set_plan(self, inventory: Inventory, result: PlanResult | None) -> None:
        self.beginResetModel()
        self.bureaus = list(dict.fromkeys(inventory.bureau_names()
                                          + [p.bureau for p in inventory.processes]))
        self.used = defaultdict(float)
        self.capacity = {(b.name, q): e for b in inventory.bureaus for q, e in b.capacity.items()}
        if result is None:
            self.quarters = []
        else:
            self.quarters = result.settings.quarters
            assignments = result.assignments
            for process in inventory.processes:
                quarter = assignments.get(process.id)
                if quarter is not None:
                    self.used[(process.bureau, quarter)] += process.effort
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.bureaus)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.quarters)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return quarter_label(self.quarters[section]).replace(" · ", "\n")
        return self.bureaus[section]

    def ratio(self, row: int, column: int) -> float:
        key = (self.bureaus[row], self.quarters[column])
        capacity = self.capacity.get(key, 0.0)
        used = self.used.get(key, 0.0)
        if capacity <= 0:
            return 0.0 if used <= 0 else 2.0
        return used / capacity

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (self.bureaus[index.row()], self.quarters[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.used.get(key, 0.0):,.0f} / {self.capacity.get(key, 0.0):,.0f}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_colour(self.ratio(index.row(), index.column())))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1b2631"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            ratio = self.ratio(index.row(), index.column())
            return self.tr("%1 %2：使用 %3 人月 ／ 能力 %4 人月（%5）").replace(
                "%1", key[0]).replace("%2", key[1].code).replace(
                "%3", f"{self.used.get(key, 0.0):,.1f}").replace(
                "%4", f"{self.capacity.get(key, 0.0):,.1f}").replace("%5", f"{ratio:.0%}")
        return None
