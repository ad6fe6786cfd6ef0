"""Japanese wording of requirements, their costs and stable re-planning for the workbooks."""

from __future__ import annotations

from dx_planner.planning.requirements import ResolvedRequirement, Scope

KIND_JA = {"target": "目標", "milestone": "マイルストーン", "requirement": "達成条件",
           "bureau_target": "局別目標"}
COST_METHOD_JA = {"re-solve": "再計算（条件あり・なしの比較）",
                  "dual estimate": "双対価格による推定",
                  "not binding": "制約になっていない", "not met": "未達のため算出せず",
                  "not measured": "未算出"}
RELEASE_JA = {"removed": "手続一覧にない", "out_of_scope": "対象外になった",
              "digitized": "デジタル化済になった", "past": "四半期が計画開始より前",
              "outside_horizon": "四半期が計画期間外", "lock_changed": "固定四半期が変わった",
              "not_eligible": "その四半期には対応できなくなった",
              "capacity": "凍結四半期の処理能力を超える",
              "channel_limit": "申請基盤の受入上限を超える"}


def scope_ja(scope: Scope) -> str:
    """``権限=都, 年間申請件数≥10,000`` (or 全手続)."""
    parts = []
    if scope.bureau is not None:
        parts.append(f"所管局={scope.bureau}")
    if scope.type is not None:
        parts.append(f"手続類型={scope.type.ja}")
    if scope.authority is not None:
        parts.append(f"権限={scope.authority.ja}")
    if scope.priority is not None:
        parts.append("重点" if scope.priority else "重点以外")
    if scope.major is not None:
        parts.append("主要手続" if scope.major else "主要手続以外")
    if scope.channel is not None:
        parts.append(f"申請基盤={scope.channel}")
    if scope.min_volume is not None:
        parts.append(f"年間申請件数≥{scope.min_volume:,}")
    return ", ".join(parts) or "全手続"


def requirement_ja(requirement: ResolvedRequirement) -> str:
    amount = (f"{requirement.share:.0%}" if requirement.share is not None
              else f"{requirement.needed:,}件")
    return (f"{KIND_JA.get(requirement.kind, requirement.kind)}: {scope_ja(requirement.scope)}"
            f" の {amount}（{requirement.quarter.label}まで）")
