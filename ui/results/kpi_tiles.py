"""KPI tiles: digitized by the deadline against the target, share, online applications, gap."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dx_planner.planning.result import PlanResult


class Tile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: #f4f6f7; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        self.title = QLabel(title, self)
        self.title.setStyleSheet("color: #566573;")
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.detail = QLabel("", self)
        self.detail.setStyleSheet("color: #566573;")
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)

    def set(self, value: str, detail: str = "", good: bool | None = None) -> None:
        self.value.setText(value)
        colour = {True: "#1e8449", False: "#b03a2e", None: "#1b2631"}[good]
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.detail.setText(detail)


class KpiTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.by_deadline = Tile(self.tr("期限までのデジタル化"), self)
        self.share = Tile(self.tr("対象に占める割合"), self)
        self.online = Tile(self.tr("オンライン申請件数（計画期間）"), self)
        self.gap = Tile(self.tr("最適性ギャップ"), self)
        for tile in (self.by_deadline, self.share, self.online, self.gap):
            layout.addWidget(tile)

    def show_plan(self, result: PlanResult | None) -> None:
        if result is None:
            for tile in (self.by_deadline, self.share, self.online, self.gap):
                tile.set("—")
            return
        settings = result.settings
        met = result.target_met
        self.by_deadline.set(
            f"{result.digitized_by_deadline:,}",
            self.tr("目標 %1件（%2）").replace("%1", f"{settings.target_count:,}")
            .replace("%2", settings.deadline.code)
            + ("  ✓" if met else self.tr("  ✗ 不足 %1件").replace(
                "%1", f"{settings.target_count - result.digitized_by_deadline:,}")), met)
        target_share = (settings.target_count / settings.in_scope) if settings.in_scope else 0
        self.share.set(f"{result.share_by_deadline:.1%}",
                       self.tr("対象 %1件 ・ 目標 %2").replace("%1", f"{settings.in_scope:,}")
                       .replace("%2", f"{target_share:.1%}"), met)
        self.online.set(f"{result.objective:,.0f}",
                        self.tr("上界 %1").replace("%1", f"{result.bound:,.0f}"))
        status = {"optimal": self.tr("最適"), "feasible": self.tr("実行可能解"),
                  "target_infeasible": self.tr("目標未達")}.get(result.status, result.status)
        self.gap.set(f"{result.gap:.2%}", status + (self.tr("（中断）") if result.cancelled
                                                    else ""))
