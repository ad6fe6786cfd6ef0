"""Two scenarios side by side (``dx_planner.planning.compare``): their settings, key figures,
planned completions by bureau × quarter with differences, and the processes that moved,
were added or dropped (filterable by bureau and kind)."""

from __future__ import annotations

import json
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.planning.compare import ChangeKind, Comparison, PlanChange
from ui.i18n import enum_label, quarter_header, quarter_label
from ui.models.table_base import AnyIndex, ListTableModel
from ui.texts import plan_status_text

DIFFERS_COLOUR = QColor("#fdebd0")
MORE_COLOUR = QColor("#d4efdf")  # B plans more than A in that cell
FEWER_COLOUR = QColor("#fadbd8")


def setting_labels() -> dict[str, str]:
    """Settings keys as planners read them (built when asked: the language may change)."""
    return {
        "start": QCoreApplication.translate("Compare", "開始四半期"),
        "deadline": QCoreApplication.translate("Compare", "目標期限"),
        "end": QCoreApplication.translate("Compare", "計画の最終四半期"),
        "target": QCoreApplication.translate("Compare", "目標（割合）"),
        "target_count": QCoreApplication.translate("Compare", "目標（件数）"),
        "milestones": QCoreApplication.translate("Compare", "中間目標"),
        "requirements": QCoreApplication.translate("Compare", "局・区分の目標"),
        "bureau_target": QCoreApplication.translate("Compare", "各局の目標"),
        "keep": QCoreApplication.translate("Compare", "基準を守る再計画"),
        "assumptions": QCoreApplication.translate("Compare", "前提の仮定"),
        "time_limit": QCoreApplication.translate("Compare", "計算時間の上限（秒）"),
        "cost_time": QCoreApplication.translate("Compare", "費用の再計算時間（秒）"),
    }


def figure_labels() -> dict[str, str]:
    return {
        "status": QCoreApplication.translate("Compare", "状態"),
        "objective": QCoreApplication.translate("Compare", "目的値（オンライン申請件数）"),
        "bound": QCoreApplication.translate("Compare", "理論上の最大"),
        "gap": QCoreApplication.translate("Compare", "最大までの余地"),
        "digitized_by_deadline": QCoreApplication.translate("Compare", "期限までのデジタル化"),
        "share_by_deadline": QCoreApplication.translate("Compare", "対象に占める割合"),
        "target_count": QCoreApplication.translate("Compare", "目標件数"),
        "in_scope": QCoreApplication.translate("Compare", "対象の手続"),
        "planned": QCoreApplication.translate("Compare", "計画した手続"),
        "requirements_met": QCoreApplication.translate("Compare", "達成した要件"),
        "solve_seconds": QCoreApplication.translate("Compare", "計算時間（秒）"),
        "applications": QCoreApplication.translate("Compare", "オンライン申請件数"),
        "move_penalty": QCoreApplication.translate("Compare", "変更のペナルティ"),
        "price_of_stability": QCoreApplication.translate("Compare", "安定化の代償"),
    }


PERCENT = ("gap", "share_by_deadline")


def value_text(value: object, key: str = "") -> str:
    if value is None:
        return "—"
    if key == "status" and isinstance(value, str):
        return plan_status_text(value)
    if isinstance(value, float) and key in PERCENT:
        return f"{value:.2%}"
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    if isinstance(value, float) and key in ("solve_seconds", "time_limit", "cost_time"):
        return f"{value:,.1f}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1 or value == 0 else f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def difference_text(value: float, key: str) -> str:
    if key in PERCENT:
        return f"{value:+.2%}"
    if key == "solve_seconds":
        return f"{value:+,.1f}"
    return f"{value:+,.0f}"



class SettingsCompareModel(ListTableModel):
    """Every settings key with A's and B's value; rows that differ are highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("条件"), "A", "B"]
        self.rows: list[tuple[str, Any, Any]] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.rows = list(comparison.settings) if comparison is not None else []
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, a, b = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [setting_labels().get(key, key), value_text(a, key), value_text(b, key)][
                index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and a != b:
            return QBrush(DIFFERS_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() > 0:
            return value_text(a if index.column() == 1 else b, key)
        return None


class FiguresCompareModel(ListTableModel):
    """Key figures of both plans and B − A."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("数値"), "A", "B", "B − A"]
        self.rows = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.rows = list(comparison.figures) if comparison is not None else []
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        figure = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return figure_labels().get(figure.key, figure.key)
            if column == 3:
                diff = figure.difference
                return "" if diff is None else difference_text(diff, figure.key)
            return value_text(figure.a if column == 1 else figure.b, figure.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class CountsCompareModel(ListTableModel):
    """Planned completions per bureau × quarter: ``B（±d）`` where they differ, coloured by
    the sign; the last columns are the totals of A and B."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = []
        self.rows = []
        self.comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.rows = list(comparison.bureaus) if comparison is not None else []
        quarters = comparison.quarters if comparison is not None else []
        self.headers = [quarter_header(q) for q in quarters]
        if comparison is not None:
            self.headers += [self.tr("合計 A"), self.tr("合計 B"), "B − A"]
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return self.rows[section]
        return super().headerData(section, orientation, role)

    def cell(self, row: int, column: int) -> tuple[int, int]:
        """(A, B) of a cell (a quarter, or the totals)."""
        c = self.comparison
        assert c is not None
        bureau = self.rows[row]
        quarters = c.quarters if column >= len(c.quarters) else [c.quarters[column]]
        return (sum(c.counts_a[bureau, q] for q in quarters),
                sum(c.counts_b[bureau, q] for q in quarters))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.comparison is None:
            return None
        quarters = len(self.comparison.quarters)
        column = index.column()
        a, b = self.cell(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == quarters:
                return f"{a:,}"
            if column == quarters + 1:
                return f"{b:,}"
            if column == quarters + 2:
                return f"{b - a:+,}" if b != a else "0"
            return f"{b:,}" if a == b else f"{b:,}（{b - a:+,}）"
        if role == Qt.ItemDataRole.BackgroundRole and column != quarters and a != b:
            return QBrush(MORE_COLOUR if b > a else FEWER_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column < quarters:
            return f"A {a:,} / B {b:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ChangeListModel(ListTableModel):
    """The processes B plans differently from A, filtered by bureau and kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("手続ID"), self.tr("手続名"), self.tr("所管局"),
                        self.tr("変更"), self.tr("A の四半期"), self.tr("B の四半期"),
                        self.tr("ずれ（四半期）")]
        self.changes: list[PlanChange] = []
        self.rows = []
        self.bureau: str | None = None
        self.kind: ChangeKind | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.changes = list(comparison.changes) if comparison is not None else []
        self._apply()

    def set_filter(self, bureau: str | None, kind: ChangeKind | None) -> None:
        self.bureau, self.kind = bureau, kind
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self.rows = [c for c in self.changes
                     if (self.bureau is None or c.bureau == self.bureau)
                     and (self.kind is None or c.kind is self.kind)]
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        change: PlanChange = self.rows[index.row()]
        shift = change.shift
        return [change.process_id, change.process.name if change.process else "",
                change.bureau, enum_label(change.kind),
                quarter_label(change.before) if change.before else "—",
                quarter_label(change.after) if change.after else "—",
                "" if shift is None else f"{shift:+d}"][index.column()]
