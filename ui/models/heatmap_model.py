"""Bureau × quarter load of the current plan: used effort against capacity, as colours."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.plan_capacity import plan_capacity
from dx_planner.planning.result import PlanResult
from ui.models.table_base import AnyIndex, BureauQuarterGridModel
from ui.texts import tr_format

#: Load thresholds: up to WARN the scale runs green to yellow; from FULL a cell is "full";
#: above OVER it is over capacity (the only red).
WARN, FULL, OVER = 0.95, 0.995, 1.0001
IDLE_COLOUR = QColor("#f2f3f4")  # no capacity and nothing planned
LOW_COLOUR = QColor("#abebc6")  # 0 %
HIGH_COLOUR = QColor("#f9e79f")  # 95 %
NEAR_FULL_COLOUR = QColor("#f5cba7")  # 95 – 99.5 %
FULL_COLOUR = QColor("#85c1e9")  # ≥ 99.5 %: capacity used up, as planned
OVER_COLOUR = QColor("#e74c3c")  # > 100 %: more work than capacity


def mix_colour(low: QColor, high: QColor, t: float) -> QColor:
    """The colour a share ``t`` (0..1) of the way from ``low`` to ``high``."""
    return QColor.fromRgbF(low.redF() + (high.redF() - low.redF()) * t,
                           low.greenF() + (high.greenF() - low.greenF()) * t,
                           low.blueF() + (high.blueF() - low.blueF()) * t)


def load_colour(ratio: float | None) -> QColor:
    """Green (idle) to yellow up to 95 %, amber up to 99.5 %, blue when full, red only when
    over capacity; grey for a bureau-quarter with neither capacity nor work."""
    if ratio is None:
        return IDLE_COLOUR
    if ratio > OVER:
        return OVER_COLOUR
    if ratio >= FULL:
        return FULL_COLOUR
    if ratio > WARN:
        return NEAR_FULL_COLOUR
    return mix_colour(LOW_COLOUR, HIGH_COLOUR, max(0.0, ratio) / WARN)


def legend_html() -> str:
    """One line explaining the colours (shown under the heat map)."""
    def swatch(colour: QColor) -> str:
        return f"<span style='color:{colour.name()}'>■</span>"

    translate = QCoreApplication.translate
    return "&nbsp;&nbsp;".join([
        f"{swatch(LOW_COLOUR)}{swatch(mix_colour(LOW_COLOUR, HIGH_COLOUR, 0.5))}"
        f"{swatch(HIGH_COLOUR)} " + translate("LoadHeatmapModel", "0〜95%"),
        f"{swatch(NEAR_FULL_COLOUR)} " + translate("LoadHeatmapModel", "95〜99.5%"),
        f"{swatch(FULL_COLOUR)} " + translate("LoadHeatmapModel", "満杯（99.5%以上）"),
        f"{swatch(OVER_COLOUR)} " + translate("LoadHeatmapModel", "超過（100%超）"),
        f"{swatch(IDLE_COLOUR)} " + translate("LoadHeatmapModel", "能力なし"),
    ])


class LoadHeatmapModel(BureauQuarterGridModel):
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
            # the capacity the plan was solved with (what-if factors, actuals)
            self.capacity = {(name, q): e for name, by_quarter in
                             plan_capacity(inventory, result.settings).items()
                             for q, e in by_quarter.items()}
            self.quarters = result.settings.quarters
            assignments = result.assignments
            for process in inventory.processes:
                quarter = assignments.get(process.id)
                if quarter is not None:
                    self.used[(process.bureau, quarter)] += process.effort
        self.endResetModel()

    def ratio(self, row: int, column: int) -> float | None:
        """Used over capacity; None when there is neither (2.0 for work without capacity)."""
        key = (self.bureaus[row], self.quarters[column])
        capacity = self.capacity.get(key, 0.0)
        used = self.used.get(key, 0.0)
        if capacity <= 0:
            return None if used <= 0 else 2.0
        return used / capacity

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (self.bureaus[index.row()], self.quarters[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            # One decimal: whole person-months could read "14 / 14" for a cell 94% full.
            return f"{self.used.get(key, 0.0):,.1f} / {self.capacity.get(key, 0.0):,.1f}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(load_colour(self.ratio(index.row(), index.column())))
        if role == Qt.ItemDataRole.ForegroundRole:
            ratio = self.ratio(index.row(), index.column())
            over = ratio is not None and ratio > OVER
            return QBrush(QColor("#ffffff" if over else "#1b2631"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            ratio = self.ratio(index.row(), index.column()) or 0.0
            return tr_format(self.tr("%1 %2：使用 %3 人月 ／ 能力 %4 人月（%5）"),
                             key[0], key[1].code, f"{self.used.get(key, 0.0):,.1f}",
                             f"{self.capacity.get(key, 0.0):,.1f}", f"{ratio:.0%}")
        return None
