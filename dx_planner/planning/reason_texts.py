"""What each reason code of the solver (``solver.explain``) means, in a planner's words.

Japanese, as the plan workbook prints them; the desktop app shows the same texts through
Qt's translations (context ``Reasons``; English in ``dx_planner_en.ts``).
"""

from __future__ import annotations

from dx_planner.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Reasons"
REASON_TEXTS: dict[str, str] = {
    "locked": QT_TRANSLATE_NOOP("Reasons", "固定四半期"),
    "earliest_possible": QT_TRANSLATE_NOOP("Reasons", "対応可能な最も早い四半期"),
    "channel_availability": QT_TRANSLATE_NOOP("Reasons", "申請基盤の利用開始を待つ"),
    "national_date": QT_TRANSLATE_NOOP("Reasons", "国の対応時期を待つ"),
    "bureau_capacity": QT_TRANSLATE_NOOP(
        "Reasons", "それ以前の四半期は局の処理能力が埋まっている"),
    "channel_limit": QT_TRANSLATE_NOOP(
        "Reasons", "それ以前の四半期は申請基盤の受入上限に達している"),
    "national_not_dated": QT_TRANSLATE_NOOP("Reasons", "国の対応時期が未提示のため計画不可"),
    "not_eligible_in_horizon": QT_TRANSLATE_NOOP("Reasons", "計画期間内に対応可能とならない"),
    "not_planned_capacity": QT_TRANSLATE_NOOP(
        "Reasons", "局の処理能力が不足（より効果の大きい手続を優先）"),
    "effort_exceeds_capacity": QT_TRANSLATE_NOOP(
        "Reasons", "工数が局の四半期処理能力を超える"),
    "after_freeze": QT_TRANSLATE_NOOP("Reasons", "凍結した四半期の後の最初の四半期"),
    "kept": QT_TRANSLATE_NOOP(
        "Reasons", "前回計画どおりに守った約束（凍結した四半期、または変更の費用∞）"),
}


def reason_text(code: str) -> str:
    """The text for ``code``; the code itself when none is known (a newer solver)."""
    return REASON_TEXTS.get(code, code)
