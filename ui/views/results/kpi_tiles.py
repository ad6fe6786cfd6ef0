"""KPI tiles: digitized by the deadline against the target, milestones, share, online
applications, gap; and the shortfall when the target cannot be met. After an edit they show
the live outlook (a warm re-solve) under a banner that says it is an estimate."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from ui.texts import plan_status_text, tr_format

if TYPE_CHECKING:  # the solver loads with the first run, not at start
    from dx_planner.planning.outlook import Outlook

MAX_GAPS_SHOWN = 5


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


def milestone_status(result: PlanResult) -> list[tuple[Quarter, int, int]]:
    """(quarter, required, planned cumulative count) for each milestone of the plan."""
    cumulative = dict(result.cumulative)
    quarters = sorted(cumulative)
    status = []
    for quarter, required in result.settings.milestones:
        if quarter in cumulative:
            reached = cumulative[quarter]
        elif not quarters or quarter < quarters[0]:
            reached = result.already_digitized
        else:
            reached = cumulative[max(q for q in quarters if q <= quarter)]
        status.append((quarter, required, reached))
    return status


class KpiTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        self.by_deadline = Tile(self.tr("期限までのデジタル化"), self)
        self.by_deadline.setToolTip(self.tr(
            "目標期限の四半期末までにデジタル化済となる手続の件数（計画開始前に済のものを含む）"))
        self.milestones = Tile(self.tr("中間目標"), self)
        self.milestones.setToolTip(self.tr("各中間目標の四半期末までの累計件数が、求める件数に"
                                           "届いているか"))
        self.share = Tile(self.tr("対象に占める割合"), self)
        self.share.setToolTip(self.tr("期限までにデジタル化済となる手続が、対象（対象外を除く）"
                                      "全体に占める割合"))
        self.online = Tile(self.tr("オンライン申請件数（計画期間）"), self)
        self.online.setToolTip(self.tr(
            "計画期間中にオンラインで受け付けられる申請の見込み件数（年間申請件数÷4 × 完了後の"
            "四半期数）。計画はこれを最大にします。「理論上の最大」はどの計画でも超えられない"
            "上限です。"))
        self.gap = Tile(self.tr("最大までの余地"), self)
        self.gap.setToolTip(self.tr(
            "この計画のオンライン申請件数が理論上の最大にどれだけ届いていないか。"
            "0%なら、これ以上よい計画はありません。計算時間を延ばすと小さくなることがあります。"))
        for tile in self.tiles():
            layout.addWidget(tile)
        outer.addLayout(layout)
        self.shortfall = QLabel(self)
        self.shortfall.setWordWrap(True)
        self.shortfall.setTextFormat(Qt.TextFormat.RichText)
        self.shortfall.setStyleSheet(
            "background: #fdedec; color: #78281f; border: 1px solid #e6b0aa;"
            " border-radius: 4px; padding: 4px 8px;")
        self.shortfall.hide()
        outer.addWidget(self.shortfall)
        self.estimate = QLabel(self)
        self.estimate.setObjectName("estimate")
        self.estimate.setWordWrap(True)
        self.estimate.setStyleSheet(
            "#estimate { background: #fef5e7; color: #7e5109; border: 1px dashed #f0b27a;"
            " border-radius: 4px; padding: 4px 8px; }")
        self.estimate.hide()
        outer.insertWidget(0, self.estimate)

    def tiles(self) -> list[Tile]:
        return [self.by_deadline, self.milestones, self.share, self.online, self.gap]

    def show_plan(self, result: PlanResult | None) -> None:
        self.estimate.hide()
        self.estimate.clear()
        self.shortfall.hide()
        self.shortfall.clear()
        if result is None:
            for tile in self.tiles():
                tile.set("—")
            return
        settings = result.settings
        met = result.target_met
        self.by_deadline.set(
            f"{result.digitized_by_deadline:,}",
            tr_format(self.tr("目標 %1件（%2）"),
                      f"{settings.target_count:,}", settings.deadline.code)
            + ("  ✓" if met else tr_format(
                self.tr("  ✗ 不足 %1件"),
                f"{settings.target_count - result.digitized_by_deadline:,}")), met)
        self._show_milestones(result)
        target_share = (settings.target_count / settings.in_scope) if settings.in_scope else 0
        self.share.set(f"{result.share_by_deadline:.1%}",
                       tr_format(self.tr("対象 %1件 ・ 目標 %2"),
                                 f"{settings.in_scope:,}", f"{target_share:.1%}"), met)
        self.online.set(f"{result.objective:,.0f}",
                        tr_format(self.tr("理論上の最大 %1件"), f"{result.bound:,.0f}"))
        status = plan_status_text(result.status)
        self.gap.set(f"{result.gap:.2%}", status + (self.tr("（中断）") if result.cancelled
                                                    else ""))
        if result.status == "target_infeasible":
            self._show_shortfall(result)

    def show_outlook(self, outlook: Outlook) -> None:
        """The live outlook after edits: the figures of a warm re-solve, marked as an
        estimate until the next full solve (``show_plan`` removes the mark)."""
        self.shortfall.hide()
        margin = outlook.margin
        detail = tr_format(self.tr("目標 %1件（%2）"), f"{outlook.target_count:,}",
                           outlook.deadline.code)
        detail += (tr_format(self.tr("  ✓ 余裕 %1件"), f"{margin:,}") if margin >= 0
                   else tr_format(self.tr("  ✗ 不足 %1件"), f"{-margin:,}"))
        self.by_deadline.set(f"{outlook.digitized_by_deadline:,}", detail, outlook.target_met)
        self._show_milestone_status(list(outlook.milestones))
        share = outlook.digitized_by_deadline / outlook.in_scope if outlook.in_scope else 0.0
        target_share = outlook.target_count / outlook.in_scope if outlook.in_scope else 0.0
        self.share.set(f"{share:.1%}", tr_format(self.tr("対象 %1件 ・ 目標 %2"),
                                                  f"{outlook.in_scope:,}", f"{target_share:.1%}"),
                       outlook.target_met)
        self.online.set(f"{outlook.applications:,.0f}",
                        tr_format(self.tr("理論上の最大 %1件"), f"{outlook.bound:,.0f}"))
        self.gap.set(f"{outlook.gap:.2%}", self.tr("見込み"))
        self.estimate.setText(tr_format(
            self.tr("見込み（推定）：編集を反映した計画の見通しです（%1 秒の再計算）。"
                    "「最適化を実行」で確定します。"), f"{outlook.seconds:.1f}"))
        self.estimate.show()

    def show_outlook_message(self, text: str) -> None:
        """The outlook is being updated, or could not be computed: said in the banner."""
        self.estimate.setText(text)
        self.estimate.show()

    @property
    def showing_estimate(self) -> bool:
        return not self.estimate.isHidden()

    def _show_milestones(self, result: PlanResult) -> None:
        self._show_milestone_status(milestone_status(result))

    def _show_milestone_status(self, status: list[tuple[Quarter, int, int]]) -> None:
        if not status:
            self.milestones.set(self.tr("なし"), self.tr("中間目標は設定されていません"))
            return
        missed = [(q, n, reached) for q, n, reached in status if reached < n]
        lines = []
        for quarter, required, reached in status:
            mark = "✓" if reached >= required else tr_format(self.tr("✗ 不足 %1件"),
                                                             f"{required - reached:,}")
            lines.append(tr_format(self.tr("%1：%2件以上 ／ 計画 %3件 %4"),
                                   quarter.code, f"{required:,}", f"{reached:,}", mark))
        self.milestones.set(tr_format(self.tr("%1 / %2 達成"),
                                      str(len(status) - len(missed)), str(len(status))),
            "\n".join(lines), not missed)

    def _show_shortfall(self, result: PlanResult) -> None:
        shortfall = result.shortfall
        settings = result.settings
        missing = (shortfall.missing if shortfall is not None
                   else max(0, settings.target_count - result.digitized_by_deadline))
        text = tr_format(
            self.tr("<b>目標は達成できません</b>：期限 %1 までに %2件不足しています。"),
            settings.deadline.code, f"{missing:,}")
        if shortfall is not None and not shortfall.capacity_closes_it:
            text += tr_format(
                self.tr("処理能力を増やして加えられるのは最大%1件です（残りは期限までに対応可能"
                        "になりません）。"),
                f"{shortfall.closable_by_capacity or 0:,}")
        # A bureau-quarter may serve several requirements (one part each): shown once.
        cells: dict[tuple[str, Quarter], float] = {}
        for gap in shortfall.extra_capacity if shortfall is not None else []:
            cells[gap.bureau, gap.quarter] = cells.get((gap.bureau, gap.quarter), 0.0) \
                + gap.person_months
        gaps = sorted(cells.items(), key=lambda cell: -cell[1])
        if gaps:
            # Bureau names are data: escaped, since the banner is rich text.
            shown = [tr_format(self.tr("%1 %2 +%3人月"), html.escape(bureau), quarter.code,
                               f"{person_months:,.1f}")
                     for (bureau, quarter), person_months in gaps[:MAX_GAPS_SHOWN]]
            total = sum(cells.values())
            text += tr_format(self.tr(" 不足を埋めるのに必要な追加の処理能力（上位）：%1"),
                              "、".join(shown))
            if len(gaps) > MAX_GAPS_SHOWN:
                text += tr_format(self.tr(" ほか %1件"), f"{len(gaps) - MAX_GAPS_SHOWN:,}")
            text += tr_format(self.tr("（合計 %1人月）"), f"{total:,.1f}")
        self.shortfall.setText(text)
        self.shortfall.show()
