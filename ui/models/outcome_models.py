"""The results of a plan against its requirements (planning-model.md §6): each requirement
with what it needs, what the plan reaches and what it costs; and, when some cannot be met,
the extra capacity that would close the gap by bureau × quarter, for the requirement it
serves."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from ui.i18n import quarter_header
from ui.models.analysis_texts import cost_method_label, kind_label, scope_label
from ui.models.table_base import AnyIndex, ListTableModel
from ui.texts import tr_format

MET_COLOUR = QColor("#d5f5e3")
MISSED_COLOUR = QColor("#f5b7b1")
(KIND, SCOPE, QUARTER, IN_SCOPE, NEEDED, REACHED, MET, MISSING, COST, METHOD) = range(10)
ALL = -1  # the shortfall of every requirement



class RequirementOutcomesModel(ListTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("種類"), self.tr("対象"), self.tr("期限"), self.tr("対象の手続"),
                        self.tr("必要"), self.tr("計画の達成"), self.tr("判定"), self.tr("不足"),
                        self.tr("費用（申請件数）"), self.tr("費用の算出方法")]
        self.result: PlanResult | None = None
        self.rows = []
        self.missing: dict[int, int] = {}

    def set_result(self, result: PlanResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.rows = result.requirements if result is not None else []
        shortfall = result.shortfall if result is not None else None
        self.missing = ({s.requirement: s.missing for s in shortfall.by_requirement}
                        if shortfall is not None else {})
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.result is None:
            return None
        k, column = index.row(), index.column()
        outcome = self.result.requirements[k]
        costs = self.result.requirement_cost
        cost = costs[k] if k < len(costs) else None
        requirement = outcome.requirement
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND:
                return kind_label(requirement.kind)
            if column == SCOPE:
                share = requirement.share
                amount = f"{share:.0%}" if share is not None else f"{requirement.needed:,}"
                return f"{scope_label(requirement.scope)}（{amount}）"
            if column == QUARTER:
                return requirement.quarter.code
            if column == IN_SCOPE:
                return f"{requirement.in_scope:,}"
            if column == NEEDED:
                return f"{requirement.needed:,}"
            if column == REACHED:
                return f"{outcome.reached:,}"
            if column == MET:
                return self.tr("達成") if outcome.met else self.tr("未達")
            if column == MISSING:
                missing = self.missing.get(k, max(0, requirement.needed - outcome.reached))
                return f"{missing:,}" if missing else "—"
            if cost is None:
                return "—"
            if column == COST:
                return "—" if cost.applications is None else f"{cost.applications:,.0f}"
            return cost_method_label(cost.method)
        if role == Qt.ItemDataRole.BackgroundRole and column == MET:
            return QBrush(MET_COLOUR if outcome.met else MISSED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and IN_SCOPE <= column <= COST \
                and column != MET:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == COST and cost is not None:
            if cost.at_least is None and cost.at_most is None:
                return cost_method_label(cost.method)
            low = "—" if cost.at_least is None else f"{max(cost.at_least, 0):,.0f}"
            high = "—" if cost.at_most is None else f"{cost.at_most:,.0f}"
            return tr_format(self.tr("この要件を満たすために諦めたオンライン申請件数。"
                                     "証明された範囲：%1 〜 %2 件（%3）"), low, high,
                             cost_method_label(cost.method))
        return None

    def missed_rows(self) -> list[int]:
        """The requirements the plan misses (those the shortfall speaks of)."""
        if self.result is None:
            return []
        return [k for k, o in enumerate(self.result.requirements) if not o.met]


class ShortfallCapacityModel(ListTableModel):
    """Extra capacity (person-months) by bureau × quarter that closes the shortfall, for one
    requirement or all; the last column is the bureau's total."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = []
        self.bureaus: list[str] = []
        self.rows = self.bureaus
        self.quarters: list[Quarter] = []
        self.extra: dict[tuple[str, Quarter], float] = {}
        self.capacity: dict[tuple[str, Quarter], float] = {}

    def set_result(self, result: PlanResult | None, requirement: int = ALL,
                   capacity: dict[tuple[str, Quarter], float] | None = None) -> None:
        self.beginResetModel()
        self.capacity = capacity or {}
        self.extra = defaultdict(float)
        gaps = result.shortfall.extra_capacity if result and result.shortfall else []
        for gap in gaps:
            if requirement == ALL or gap.serves == requirement:
                self.extra[gap.bureau, gap.quarter] += gap.person_months
        self.quarters = sorted({q for _, q in self.extra})
        self.bureaus = list(dict.fromkeys(b for b, _ in self.extra))
        self.rows = self.bureaus
        self.headers = [quarter_header(q) for q in self.quarters]
        self.headers.append(self.tr("合計"))
        self.endResetModel()

    @property
    def total(self) -> float:
        return sum(self.extra.values())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return self.bureaus[section]
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        bureau, column = self.bureaus[index.row()], index.column()
        if column == len(self.quarters):
            value = sum(v for (b, _), v in self.extra.items() if b == bureau)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{value:,.1f}"
        else:
            quarter = self.quarters[column]
            value = self.extra.get((bureau, quarter), 0.0)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"+{value:,.1f}" if value > 0.05 else ""
            if role == Qt.ItemDataRole.ToolTipRole and value > 0:
                has = self.capacity.get((bureau, quarter), 0.0)
                return tr_format(self.tr("%1 %2：追加 %3 人月（現在の処理能力 %4 人月）"),
                                 bureau, quarter.code, f"{value:,.1f}", f"{has:,.1f}")
            if role == Qt.ItemDataRole.BackgroundRole and value > 0.05:
                return QBrush(QColor("#fdebd0"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
