"""The requirements of a plan (planning-model.md §6) as an editable table: a scope (bureau,
type, authority, priority, major, channel, min_volume), a share or a count, a quarter; and,
once a plan was solved with them, what each needs, what the plan reaches and what it costs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.enums import Authority, ProcedureType
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter, plannable_quarters
from dx_planner.domain.targets import target_count
from dx_planner.planning.requirements import REQUIREMENT, RequirementSpec, Scope
from dx_planner.planning.result import PlanResult, RequirementCost, RequirementOutcome
from ui.i18n import enum_label, quarter_label
from ui.models.editor_spec import CHOICE, NUMBER, EditorSpec
from ui.models.table_base import AnyIndex, RowListModel
from ui.texts import tr_format

(BUREAU, TYPE, AUTHORITY, PRIORITY, MAJOR, CHANNEL, MIN_VOLUME, UNIT, AMOUNT, QUARTER,
 IN_SCOPE, NEEDED, REACHED, MET, COST) = range(15)
EDITABLE = range(BUREAU, QUARTER + 1)
PROBLEM_COLOUR = QColor("#fadbd8")
MET_COLOUR = QColor("#d5f5e3")
MISSED_COLOUR = QColor("#f5b7b1")


@dataclass(slots=True)
class RequirementRow:
    """One row as the planner edits it; ``amount`` is a percentage or a count."""

    bureau: str | None = None
    type: ProcedureType | None = None
    authority: Authority | None = None
    priority: bool | None = None
    major: bool | None = None
    channel: str | None = None
    min_volume: int = 0
    by_count: bool = False
    amount: float = 100.0
    quarter: Quarter | None = None  # None: the target's deadline

    def scope(self) -> Scope:
        return Scope(self.bureau, self.type, self.authority, self.priority, self.major,
                     self.channel, self.min_volume or None)

    def spec(self) -> RequirementSpec:
        if self.by_count:
            return RequirementSpec(self.scope(), self.quarter, count=int(self.amount))
        return RequirementSpec(self.scope(), self.quarter, share=round(self.amount / 100, 6))

    @classmethod
    def from_spec(cls, spec: RequirementSpec) -> RequirementRow:
        s = spec.scope
        by_count = spec.count is not None
        amount = float(spec.count) if spec.count is not None else (spec.share or 0.0) * 100
        return cls(s.bureau, s.type, s.authority, s.priority, s.major, s.channel,
                   s.min_volume or 0, by_count, amount, spec.quarter)


class RequirementsModel(RowListModel):
    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inventory = inventory
        self.rows: list[RequirementRow] = []
        self._in_scope: dict[Scope, int] = {}
        self._outcomes: dict[RequirementSpec, tuple[RequirementOutcome, RequirementCost]] = {}
        self._deadline: Quarter | None = None  # of the plan the outcomes belong to
        self.headers = [self.tr("所管局"), self.tr("手続類型"), self.tr("権限"), self.tr("重点"),
                        self.tr("主要手続"), self.tr("申請基盤"), self.tr("年間申請件数以上"),
                        self.tr("単位"), self.tr("目標"), self.tr("期限"),
                        self.tr("対象の手続"), self.tr("必要"), self.tr("計画の達成"),
                        self.tr("判定"), self.tr("費用（申請件数）")]

    # -- contents ------------------------------------------------------------------------
    def set_inventory(self, inventory: Inventory) -> None:
        self.beginResetModel()
        self.inventory = inventory
        self._in_scope.clear()
        self.endResetModel()

    def specs(self) -> tuple[RequirementSpec, ...]:
        return tuple(row.spec() for row in self.rows)

    def set_specs(self, specs: tuple[RequirementSpec, ...]) -> None:
        self.beginResetModel()
        self.rows = [RequirementRow.from_spec(spec) for spec in specs]
        self.endResetModel()

    def add_row(self, row: RequirementRow | None = None) -> int:
        return self.append_row(row or RequirementRow())

    def set_result(self, result: PlanResult | None) -> None:
        """Remember what ``result`` says of each of its requirements; a row shows it while
        it states exactly a requirement that plan was solved with."""
        self._outcomes.clear()
        self._deadline = None
        if result is not None:
            self._deadline = result.settings.deadline
            pairs = [(o, c) for o, c in zip(result.requirements, result.requirement_cost,
                                            strict=False)
                     if o.requirement.kind == REQUIREMENT]
            for spec, pair in zip(result.settings.requirements, pairs, strict=False):
                self._outcomes[spec] = pair
        if self.rows:
            self.dataChanged.emit(self.index(0, IN_SCOPE),
                                  self.index(len(self.rows) - 1, COST))

    def outcome(self, row: int) -> tuple[RequirementOutcome, RequirementCost] | None:
        spec = self.rows[row].spec()
        if spec.quarter is None and self._deadline is not None:
            spec = replace(spec, quarter=self._deadline)
        return self._outcomes.get(spec)

    def in_scope(self, row: int) -> int:
        """In-scope processes matching the row's scope (cached per scope)."""
        scope = self.rows[row].scope()
        if scope not in self._in_scope:
            self._in_scope[scope] = sum(1 for p in self.inventory.processes
                                        if p.in_scope and scope.matches(p))
        return self._in_scope[scope]

    def needed(self, row: int) -> int:
        r = self.rows[row]
        return int(r.amount) if r.by_count else target_count(r.amount / 100, self.in_scope(row))

    # -- checks --------------------------------------------------------------------------
    def problems(self, start: Quarter | None, end: Quarter) -> list[str]:
        """What is wrong with the rows, one sentence each (empty: all can be solved)."""
        found = []
        seen: dict[RequirementSpec, int] = {}
        for k, row in enumerate(self.rows):
            n = k + 1
            in_scope = self.in_scope(k)
            if in_scope == 0:
                found.append(tr_format(self.tr(
                    "要件 %1：条件に当てはまる対象の手続がありません（条件を緩めてください）"), n))
            elif row.by_count and row.amount > in_scope:
                found.append(tr_format(self.tr(
                    "要件 %1：件数 %2 が条件に当てはまる対象の手続 %3 件を超えています"),
                    n, f"{int(row.amount):,}", f"{in_scope:,}"))
            quarter = row.quarter
            if quarter is not None and ((start is not None and quarter < start)
                                        or quarter > end):
                found.append(tr_format(self.tr(
                    "要件 %1：期限 %2 が計画の期間（%3〜%4）の外です"), n, quarter.code,
                    start.code if start is not None else self.tr("開始"), end.code))
            spec = row.spec()
            if spec in seen:
                found.append(tr_format(self.tr("要件 %1：要件 %2 と同じです"), n, seen[spec]))
            else:
                seen[spec] = n
        return found

    def row_problem(self, row: int) -> str | None:
        r = self.rows[row]
        in_scope = self.in_scope(row)
        if in_scope == 0:
            return self.tr("条件に当てはまる対象の手続がありません")
        if r.by_count and r.amount > in_scope:
            return tr_format(self.tr("件数が対象の手続 %1 件を超えています"), f"{in_scope:,}")
        return None

    # -- Qt model ------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the rows are numbered
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _choices(self, column: int) -> list[tuple[str, Any]]:
        anything = self.tr("すべて")
        if column == BUREAU:
            names = dict.fromkeys(self.inventory.bureau_names()
                                  + sorted({p.bureau for p in self.inventory.processes}))
            return [(anything, None), *[(name, name) for name in names]]
        if column == TYPE:
            return [(anything, None), *[(enum_label(m), m) for m in ProcedureType]]
        if column == AUTHORITY:
            return [(anything, None), *[(enum_label(m), m) for m in Authority]]
        if column in (PRIORITY, MAJOR):
            return [(anything, None), (self.tr("該当"), True), (self.tr("非該当"), False)]
        if column == CHANNEL:
            names = dict.fromkeys([c.name for c in self.inventory.channels]
                                  + sorted({p.channel for p in self.inventory.processes}))
            return [(anything, None), *[(name, name) for name in names]]
        if column == UNIT:
            return [(self.tr("割合"), False), (self.tr("件数"), True)]
        if column == QUARTER:
            return [(self.tr("目標期限"), None),
                    *[(quarter_label(q), q) for q in plannable_quarters()]]
        return []

    def editor_spec(self, index: AnyIndex) -> EditorSpec | None:
        column = index.column()
        if column == MIN_VOLUME:
            return EditorSpec(NUMBER, maximum=1e12, step=1000)
        if column == AMOUNT:
            if self.rows[index.row()].by_count:
                return EditorSpec(NUMBER, maximum=10_000_000)
            return EditorSpec(NUMBER, maximum=100.0, decimals=1, suffix=" %", step=5)
        if column in EDITABLE:
            return EditorSpec(CHOICE, self._choices(column))
        return None

    def _label(self, column: int, value: Any) -> str:
        if column == QUARTER and isinstance(value, Quarter):
            return quarter_label(value)  # without building the 244 choices per paint
        for label, choice in self._choices(column):
            if choice == value:
                return label
        return str(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole:
            return self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= MIN_VOLUME and \
                column not in (UNIT, QUARTER, MET):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == MET:
                outcome = self.outcome(index.row())
                if outcome is not None:
                    return QBrush(MET_COLOUR if outcome[0].met else MISSED_COLOUR)
            if column in (IN_SCOPE, AMOUNT) and self.row_problem(index.row()) is not None:
                return QBrush(PROBLEM_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), column)
        return None

    def _value(self, row: RequirementRow, column: int) -> Any:
        return {BUREAU: row.bureau, TYPE: row.type, AUTHORITY: row.authority,
                PRIORITY: row.priority, MAJOR: row.major, CHANNEL: row.channel,
                MIN_VOLUME: row.min_volume, UNIT: row.by_count, AMOUNT: row.amount,
                QUARTER: row.quarter}.get(column)

    def _display(self, k: int, column: int) -> str:
        row = self.rows[k]
        if column == MIN_VOLUME:
            return f"{row.min_volume:,}" if row.min_volume else "—"
        if column == AMOUNT:
            return f"{int(row.amount):,}" if row.by_count else f"{row.amount:g} %"
        if column in EDITABLE:
            return self._label(column, self._value(row, column))
        if column == IN_SCOPE:
            return f"{self.in_scope(k):,}"
        outcome = self.outcome(k)
        if column == NEEDED:
            return f"{(outcome[0].requirement.needed if outcome else self.needed(k)):,}"
        if outcome is None:
            return "—"
        result, cost = outcome
        if column == REACHED:
            return f"{result.reached:,}"
        if column == MET:
            return self.tr("達成") if result.met else self.tr("未達")
        return cost_text(cost)

    def _tooltip(self, k: int, column: int) -> str | None:
        if column in (IN_SCOPE, AMOUNT):
            return self.row_problem(k) or self.tr(
                "条件に当てはまる対象（対象外を除く）の手続の数")
        if column == COST:
            outcome = self.outcome(k)
            if outcome is None:
                return self.tr("最適化を実行すると、この要件を満たすために"
                               "諦めたオンライン申請件数を表示します")
            return cost_tooltip(outcome[1])
        if column == NEEDED:
            return self.tr("期限までにデジタル化が必要な手続の数（計画開始前の完了を含む）")
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or \
                index.column() not in EDITABLE:
            return False
        k, column = index.row(), index.column()
        row = self.rows[k]
        name = {BUREAU: "bureau", TYPE: "type", AUTHORITY: "authority", PRIORITY: "priority",
                MAJOR: "major", CHANNEL: "channel", QUARTER: "quarter"}.get(column)
        if name is not None:
            setattr(row, name, value)
        elif column == MIN_VOLUME:
            row.min_volume = max(0, int(value or 0))
        elif column == AMOUNT:
            row.amount = max(0.0, float(value or 0))
            if not row.by_count:
                row.amount = min(row.amount, 100.0)
        elif column == UNIT:
            by_count = bool(value)
            if by_count != row.by_count:  # keep what the row asks for, in the other unit
                needed = self.needed(k)
                row.by_count = by_count
                in_scope = self.in_scope(k)
                row.amount = float(needed) if by_count else \
                    round(100.0 * needed / in_scope, 1) if in_scope else 100.0
        self.dataChanged.emit(self.index(k, 0), self.index(k, COST))
        return True


def cost_text(cost: RequirementCost) -> str:
    translate = QCoreApplication.translate
    if cost.method == "not met":
        return translate("RequirementCost", "未達")
    if cost.applications is None:
        return "—"
    return f"{cost.applications:,.0f}"


def cost_tooltip(cost: RequirementCost) -> str:
    translate = QCoreApplication.translate
    method = {
        "re-solve": translate("RequirementCost", "要件あり・なしの2回の再計算の差"),
        "dual estimate": translate("RequirementCost", "双対価格からの推定（上振れしやすい）"),
        "not binding": translate("RequirementCost", "制約になっていない（費用 0）"),
        "not met": translate("RequirementCost", "計画が要件を満たしていません"),
        "not measured": translate("RequirementCost", "未計測"),
    }.get(cost.method, cost.method)
    lines = [tr_format(translate("RequirementCost", "算出方法：%1"), method)]
    if cost.at_least is not None or cost.at_most is not None:
        low = "—" if cost.at_least is None else f"{max(cost.at_least, 0):,.0f}"
        high = "—" if cost.at_most is None else f"{cost.at_most:,.0f}"
        lines.append(tr_format(translate("RequirementCost", "証明された範囲：%1 〜 %2 件"),
                               low, high))
    return "\n".join(lines)
