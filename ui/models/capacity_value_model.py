"""Where one more person-month helps most: the plan's capacity values (``capacity_value``,
planning-model.md §6), bureau × quarter, as a heat map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from ui.models.heatmap_model import mix_colour
from ui.models.table_base import AnyIndex, BureauQuarterGridModel
from ui.texts import tr_format

ZERO_COLOUR = QColor("#f8f9f9")  # capacity not binding: one more person-month adds nothing
LOW_COLOUR = QColor("#e8f6f3")
HIGH_COLOUR = QColor("#0e6655")


def value_colour(share: float) -> QColor:
    """Pale to deep green with the value's share of the largest one."""
    if share <= 0:
        return ZERO_COLOUR
    t = min(1.0, share) ** 0.6  # more steps among the small values
    return mix_colour(LOW_COLOUR, HIGH_COLOUR, t)


class CapacityValueModel(BureauQuarterGridModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bureaus: list[str] = []
        self.quarters: list[Quarter] = []
        self.values: dict[tuple[str, Quarter], float] = {}
        self.capacity: dict[tuple[str, Quarter], float] = {}
        self.largest = 0.0

    def set_result(self, result: PlanResult | None,
                   capacity: dict[tuple[str, Quarter], float] | None = None) -> None:
        self.beginResetModel()
        values = result.capacity_value if result is not None else []
        self.values = {(v.bureau, v.quarter): v.per_person_month for v in values}
        self.bureaus = list(dict.fromkeys(v.bureau for v in values))
        self.quarters = sorted({v.quarter for v in values})
        self.capacity = capacity or {}
        self.largest = max(self.values.values(), default=0.0)
        self.endResetModel()

    def top(self, n: int) -> list[tuple[str, Quarter, float]]:
        """The ``n`` most valuable cells (value > 0), the largest first."""
        ranked = sorted(((b, q, v) for (b, q), v in self.values.items() if v > 0),
                        key=lambda cell: -cell[2])
        return ranked[:n]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (self.bureaus[index.row()], self.quarters[index.column()])
        value = self.values.get(key, 0.0)
        share = value / self.largest if self.largest > 0 else 0.0
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,.0f}" if value >= 0.5 else "·"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(value_colour(share))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#ffffff" if share > 0.55 else "#1b2631"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            capacity = self.capacity.get(key, 0.0)
            if value < 0.5:
                return tr_format(self.tr("%1 %2：処理能力 %3 人月に余裕があり、1人月増やしても"
                                         "計画は変わりません"), key[0], key[1].code,
                                 f"{capacity:,.1f}")
            return tr_format(self.tr("%1 %2：処理能力を1人月増やすと、計画期間のオンライン申請が"
                                     "約 %3 件増えます（現在の処理能力 %4 人月）"),
                             key[0], key[1].code, f"{value:,.0f}", f"{capacity:,.1f}")
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None
