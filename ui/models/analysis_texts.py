"""How the app names the parts of a plan's analysis (planning-model.md §6): kinds of
requirement, scopes, how a cost was measured, why a commitment was released."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dx_planner.planning.requirements import ResolvedRequirement, Scope
from ui.i18n import enum_label
from ui.texts import tr_format


def kind_label(kind: str) -> str:
    return {
        "target": QCoreApplication.translate("Analysis", "全体の目標"),
        "milestone": QCoreApplication.translate("Analysis", "中間目標"),
        "requirement": QCoreApplication.translate("Analysis", "局・区分の目標"),
        "bureau_target": QCoreApplication.translate("Analysis", "各局の目標"),
    }.get(kind, kind)


def scope_label(scope: Scope) -> str:
    """``権限=都、年間申請件数 ≥ 10,000`` (or 全手続)."""
    parts = []
    if scope.bureau is not None:
        parts.append(scope.bureau)
    if scope.type is not None:
        parts.append(enum_label(scope.type))
    if scope.authority is not None:
        parts.append(tr_format(QCoreApplication.translate("Analysis", "権限=%1"),
                               enum_label(scope.authority)))
    if scope.priority is not None:
        parts.append(QCoreApplication.translate("Analysis", "重点") if scope.priority
                     else QCoreApplication.translate("Analysis", "重点以外"))
    if scope.major is not None:
        parts.append(QCoreApplication.translate("Analysis", "主要手続") if scope.major
                     else QCoreApplication.translate("Analysis", "主要手続以外"))
    if scope.channel is not None:
        parts.append(scope.channel)
    if scope.min_volume is not None:
        parts.append(tr_format(QCoreApplication.translate("Analysis", "年間申請件数 ≥ %1"),
                               f"{scope.min_volume:,}"))
    return "、".join(parts) or QCoreApplication.translate("Analysis", "全手続")


def requirement_label(requirement: ResolvedRequirement) -> str:
    """``各局の目標：総務局（70%、FY2023Q4まで）``."""
    amount = (f"{requirement.share:.0%}" if requirement.share is not None
              else f"{requirement.needed:,}")
    return tr_format(QCoreApplication.translate("Analysis", "%1：%2（%3、%4まで）"),
                     kind_label(requirement.kind), scope_label(requirement.scope), amount,
                     requirement.quarter.code)


def cost_method_label(method: str) -> str:
    return {
        "re-solve": QCoreApplication.translate("Analysis", "再計算（要件あり・なしの差）"),
        "dual estimate": QCoreApplication.translate("Analysis", "双対価格からの推定"),
        "not binding": QCoreApplication.translate("Analysis", "制約になっていない"),
        "not met": QCoreApplication.translate("Analysis", "未達のため算出せず"),
        "not measured": QCoreApplication.translate("Analysis", "未計測"),
    }.get(method, method)


def release_label(reason: str) -> str:
    return {
        "removed": QCoreApplication.translate("Analysis", "手続一覧にない"),
        "out_of_scope": QCoreApplication.translate("Analysis", "対象外になった"),
        "digitized": QCoreApplication.translate("Analysis", "デジタル化済になった"),
        "past": QCoreApplication.translate("Analysis", "四半期が計画開始より前"),
        "outside_horizon": QCoreApplication.translate("Analysis", "四半期が計画期間の外"),
        "lock_changed": QCoreApplication.translate("Analysis", "固定四半期が変わった"),
        "not_eligible": QCoreApplication.translate("Analysis",
                                                   "その四半期には対応できなくなった"),
        "capacity": QCoreApplication.translate("Analysis",
                                               "凍結した四半期の処理能力を超えた（工数の増加）"),
        "channel_limit": QCoreApplication.translate("Analysis", "申請基盤の受入上限を超えた"),
    }.get(reason, reason)
