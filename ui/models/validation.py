"""Validation of edits, with messages shown at the cell (planning-model.md §1 rules).

``check_value`` rejects a value outright (the edit does not happen); ``row_problems`` finds
combinations that are wrong but may be fixed by the next edit (shown in red, block saving).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.inventory import Process


def check_value(field: str, value: Any, process: Process,
                by_id: dict[str, Process]) -> str | None:
    """A message when ``value`` cannot go into ``field`` at all, else None."""
    if field == "id":
        text = str(value).strip()
        if not text:
            return QCoreApplication.translate(
                "Validation", "手続IDは空にできません")
        other = by_id.get(text)
        if other is not None and other is not process:
            return QCoreApplication.translate(
                "Validation", "手続IDが重複しています: %1").replace("%1", text)
    elif field in ("name", "bureau", "channel"):
        if not str(value).strip():
            return QCoreApplication.translate(
                "Validation", "空にできません")
    elif field == "annual_volume":
        if not isinstance(value, int) or value < 0:
            return QCoreApplication.translate(
                "Validation", "年間申請件数は0以上の整数です")
    elif field == "effort" and (not isinstance(value, int | float) or value <= 0):
        return QCoreApplication.translate(
                "Validation", "工数は0より大きい数です（人月）")
    return None


def row_problems(process: Process, channels: set[str]) -> dict[str, str]:
    """Field → message for the cross-field rules a row breaks."""
    problems: dict[str, str] = {}
    if process.status is Status.DIGITIZED and process.digitized_quarter is None:
        problems["digitized_quarter"] = QCoreApplication.translate(
                "Validation", "デジタル化済の手続には完了四半期が必要です")
    if process.status is not Status.DIGITIZED and process.digitized_quarter is not None:
        problems["digitized_quarter"] = QCoreApplication.translate(
                "Validation", "デジタル化済でない手続に完了四半期は入力できません")
    if process.authority is Authority.TOKYO and process.national_status is not None:
        problems["national_status"] = QCoreApplication.translate(
                "Validation", "権限が都の手続に国の対応状況は入力できません")
    if (process.national_status is NationalStatus.DATE_GIVEN
            and process.national_ready is None):
        problems["national_ready"] = QCoreApplication.translate(
                "Validation", "時期提示の手続には国の対応時期が必要です")
    if channels and process.channel not in channels:
        problems["channel"] = QCoreApplication.translate(
                "Validation", "申請基盤が登録されていません")
    return problems
