"""「なぜもっと早くないのか？」: why a process sits in its quarter (or is not planned), with
the numbers that decide it — its name, the dates that bound it, and for every earlier
quarter what it was full of and which processes came first."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from dx_planner.domain.inventory import Channel, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.reason_texts import CONTEXT as REASONS
from dx_planner.planning.reason_texts import reason_text
from solver.explain import BUREAU_CAPACITY, Explanation
from solver.problem import REASON_CHANNEL, REASON_FROZEN, REASON_NATIONAL_DATE
from ui.i18n import quarter_label
from ui.texts import tr_format


class ExplanationView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr(
            "手続一覧で手続を選び、右クリックメニューの「なぜもっと早くないのか？」を"
            "選ぶと、ここに理由が表示されます。"))

    def show_explanation(self, explanation: Explanation, process: Process,
                         quarters: Sequence[Quarter], names: Mapping[str, str],
                         channels: Mapping[str, Channel]) -> None:
        """``quarters`` maps the explanation's quarter indices to quarters (the plan's);
        ``names`` gives the competing processes' names."""
        e = explanation
        esc = html.escape
        parts = [f"<h3>{esc(process.id)} {esc(process.name)}</h3>",
                 f"<p><b>{esc(QCoreApplication.translate(REASONS, reason_text(e.reason)))}"
                 "</b></p><table cellspacing='0' cellpadding='2'>"]

        def row(label: str, value: str) -> None:
            parts.append(f"<tr><td>{esc(label)}</td><td>{esc(value)}</td></tr>")

        planned = (quarter_label(quarters[e.quarter]) if e.quarter is not None
                   else self.tr("計画期間内に入らない"))
        row(self.tr("計画四半期"), planned)
        if e.locked is not None:
            row(self.tr("固定四半期"), quarter_label(quarters[e.locked]))
        if e.earliest is not None:
            row(self.tr("対応可能になる四半期"),
                tr_format(self.tr("%1（%2）"), quarter_label(quarters[e.earliest]),
                          self._bound_by(e.earliest_reason)))
        if process.national_ready is not None:
            row(self.tr("国の対応時期"), quarter_label(process.national_ready))
        channel = channels.get(process.channel)
        opens = channel.available_from if channel is not None else None
        row(self.tr("申請基盤"), tr_format(self.tr("%1（利用開始 %2）"), process.channel,
                                        quarter_label(opens) if opens else self.tr("常時")))
        row(self.tr("所管局・工数"), tr_format(self.tr("%1・%2人月"), e.bureau, f"{e.effort:g}"))
        parts.append("</table>")
        if e.quarters:
            parts.append(f"<p>{esc(self.tr('それ以前の四半期（対応可能だったが入らなかった）'))}"
                         "</p><table border='1' cellspacing='0' cellpadding='3'><tr>")
            for header in (self.tr("四半期"), self.tr("埋まっていたもの"), self.tr("使用／上限"),
                           self.tr("優先された手続（工数あたり件数が多い）")):
                parts.append(f"<th>{esc(header)}</th>")
            parts.append("</tr>")
            for detail in e.quarters:
                bureau = detail.cause == BUREAU_CAPACITY
                what = (tr_format(self.tr("%1の処理能力"), e.bureau) if bureau
                        else tr_format(self.tr("申請基盤「%1」の受入上限"), e.channel))
                amount = (tr_format(self.tr("%1 / %2 人月"), f"{detail.used:,.1f}",
                                    f"{detail.limit:,.1f}") if bureau
                          else tr_format(self.tr("%1 / %2 件"), f"{detail.used:,.0f}",
                                         f"{detail.limit:,.0f}"))
                others = "、".join(f"{pid} {names.get(pid, '')}".strip()
                                  for pid in detail.outranked_by)
                cells = (quarter_label(quarters[detail.quarter]), what, amount, others)
                parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
            parts.append("</table>")
        self.setHtml("".join(parts))

    def _bound_by(self, reason: int) -> str:
        if reason == REASON_CHANNEL:
            return self.tr("申請基盤の利用開始による")
        if reason == REASON_NATIONAL_DATE:
            return self.tr("国の対応時期による")
        if reason == REASON_FROZEN:
            return self.tr("凍結した四半期の後")
        return self.tr("計画の開始四半期")

    def show_message(self, text: str) -> None:
        self.setPlainText(text)
