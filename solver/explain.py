"""Why is a process in its quarter and not earlier (or not planned at all)?

The answer names the first thing that holds it back, in this order: a lock; eligibility
(channel availability, national date, national status not dated); then, for each earlier
eligible quarter, whether the channel limit was full or the bureau's capacity was taken by
processes of higher value per person-month (with how full and up to three of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from solver.plan import Plan
from solver.problem import (
    REASON_CHANNEL,
    REASON_FROZEN,
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    Problem,
)

LOCKED = "locked"
NEVER_PLANNABLE = "national_not_dated"
NOT_IN_HORIZON = "not_eligible_in_horizon"
EARLIEST_START = "earliest_possible"
CHANNEL_AVAILABILITY = "channel_availability"
NATIONAL_DATE = "national_date"
BUREAU_CAPACITY = "bureau_capacity"
CHANNEL_LIMIT = "channel_limit"
TOO_BIG = "effort_exceeds_capacity"
NOT_PLANNED = "not_planned_capacity"
AFTER_FREEZE = "after_freeze"
#: A frozen commitment of stable re-planning (a lock the application layer sets and names).
KEPT = "kept"


@dataclass
class QuarterDetail:
    """One earlier quarter that was not available to the process."""

    quarter: int
    cause: str  # BUREAU_CAPACITY or CHANNEL_LIMIT
    used: float  # person-months used (bureau) or processes (channel)
    limit: float
    outranked_by: list[str] = field(default_factory=list)


@dataclass
class Explanation:
    reason: str
    message_ja: str
    message_en: str
    quarters: list[QuarterDetail] = field(default_factory=list)


#: Short texts for each reason code (the plan workbook's 計画外の理由 / reason column).
REASON_TEXTS_JA: dict[str, str] = {
    "locked": "固定四半期",
    "earliest_possible": "対応可能な最も早い四半期",
    "channel_availability": "申請基盤の利用開始を待つ",
    "national_date": "国の対応時期を待つ",
    "bureau_capacity": "それ以前の四半期は局の処理能力が埋まっている",
    "channel_limit": "それ以前の四半期は申請基盤の受入上限に達している",
    "national_not_dated": "国の対応時期が未提示のため計画不可",
    "not_eligible_in_horizon": "計画期間内に対応可能とならない",
    "not_planned_capacity": "局の処理能力が不足（より効果の大きい手続を優先）",
    "effort_exceeds_capacity": "工数が局の四半期処理能力を超える",
    "after_freeze": "凍結した四半期の後の最初の四半期",
    "kept": "凍結した四半期の約束（前回計画どおり）",
}
REASON_TEXTS_EN: dict[str, str] = {
    "locked": "locked to this quarter",
    "earliest_possible": "earliest quarter it is eligible for",
    "channel_availability": "waits for its channel to open",
    "national_date": "waits for the national government's date",
    "bureau_capacity": "its bureau's capacity in earlier quarters is taken",
    "channel_limit": "its channel's limit in earlier quarters is reached",
    "national_not_dated": "no national date yet: cannot be planned",
    "not_eligible_in_horizon": "not eligible within the planned quarters",
    "not_planned_capacity": "not enough bureau capacity (higher-value processes first)",
    "effort_exceeds_capacity": "its effort exceeds any quarter's capacity of its bureau",
    "after_freeze": "the first quarter after the frozen ones",
    "kept": "a commitment of a frozen quarter (as in the reference plan)",
}


def explain(problem: Problem, plan: Plan, i: int) -> Explanation:
    """The reason process i sits where it does in ``plan``."""
    p, q = problem, plan.quarter
    pid = p.process_ids[i]
    cur = int(q[i])
    if p.locked[i] >= 0:
        lab = p.quarter_labels[int(p.locked[i])]
        return Explanation(
            LOCKED, f"{pid} は {lab} に固定されています。", f"{pid} is locked to {lab}."
        )
    if int(p.earliest_reason[i]) == REASON_NATIONAL_UNDATED:
        return Explanation(
            NEVER_PLANNABLE,
            f"{pid} は国の対応時期が示されていないため計画できません。",
            f"{pid} cannot be planned: the national government has not given a date.",
        )
    if int(p.earliest[i]) >= p.n_quarters:
        return Explanation(
            NOT_IN_HORIZON,
            f"{pid} は計画期間内に対応可能になりません。",
            f"{pid} does not become eligible within the planning horizon.",
        )
    earliest = int(p.earliest[i])
    last = cur if cur >= 0 else p.n_quarters
    details = [_blocker(p, q, i, qq) for qq in range(earliest, last)]
    if cur == earliest:
        return _eligibility(p, i)
    if cur >= 0:
        return _later(p, i, details)
    return _unplanned(p, i, details)


def _eligibility(p: Problem, i: int) -> Explanation:
    pid, lab = p.process_ids[i], p.quarter_labels[int(p.earliest[i])]
    why = int(p.earliest_reason[i])
    if why == REASON_CHANNEL:
        return Explanation(
            CHANNEL_AVAILABILITY,
            f"{pid} の申請基盤「{p.channel_names[p.channel[i]]}」は {lab} から利用可能です。",
            f"{pid}: channel {p.channel_names[p.channel[i]]} is available from {lab}.",
        )
    if why == REASON_NATIONAL_DATE:
        return Explanation(
            NATIONAL_DATE,
            f"{pid} は国の対応時期 {lab} 以降に対応可能です。",
            f"{pid} is eligible only from the national date {lab}.",
        )
    if why == REASON_FROZEN:
        return Explanation(
            AFTER_FREEZE,
            f"{pid} は凍結した四半期の後、{lab} 以降に計画できます。",
            f"{pid} can be planned only after the frozen quarters, from {lab}.",
        )
    return Explanation(
        EARLIEST_START,
        f"{pid} は最も早い四半期 {lab} に計画されています。",
        f"{pid} is planned in the earliest possible quarter {lab}.",
    )


def _later(p: Problem, i: int, details: list[QuarterDetail]) -> Explanation:
    pid = p.process_ids[i]
    chan = all(d.cause == CHANNEL_LIMIT for d in details)
    code = CHANNEL_LIMIT if chan else BUREAU_CAPACITY
    first = details[0]
    lab = p.quarter_labels[first.quarter]
    if chan:
        ch = p.channel_names[p.channel[i]]
        ja = f"{pid}: それ以前の四半期は申請基盤「{ch}」の上限に達しています。"
        en = f"{pid}: channel {p.channel_names[p.channel[i]]} is full in the earlier quarters."
    else:
        who = "、".join(first.outranked_by)
        ja = (
            f"{pid}: {lab} など以前の四半期は{p.bureau_names[p.bureau[i]]}の処理能力"
            f"（{first.used:.1f}/{first.limit:.1f}人月）が、工数あたり件数の多い手続"
            f"（{who} など）で使われています。"
        )
        en = (
            f"{pid}: in {lab} and other earlier quarters the capacity of "
            f"{p.bureau_names[p.bureau[i]]} ({first.used:.1f}/{first.limit:.1f} "
            "person-months) is used by processes of higher value per person-month "
            f"({', '.join(first.outranked_by)})."
        )
    return Explanation(code, ja, en, details)


def _unplanned(p: Problem, i: int, details: list[QuarterDetail]) -> Explanation:
    pid = p.process_ids[i]
    b = int(p.bureau[i])
    elig = range(int(p.earliest[i]), p.n_quarters)
    if all(p.effort[i] > p.bureau_capacity[b, qq] for qq in elig):
        return Explanation(
            TOO_BIG,
            f"{pid} の工数 {p.effort[i]:g} 人月は"
            f"{p.bureau_names[b]}のどの四半期の処理能力も超えます。",
            f"{pid}: its effort {p.effort[i]:g} person-months exceeds every quarter's capacity "
            f"of {p.bureau_names[b]}.",
            details,
        )
    return Explanation(
        NOT_PLANNED,
        f"{pid} は計画されていません。対応可能な全四半期で処理能力または申請基盤の上限が、"
        "工数あたりの価値が高い手続で埋まっています。",
        f"{pid} is not planned: in every eligible quarter the bureau capacity or the channel "
        "limit is taken by processes of higher value per person-month.",
        details,
    )


def _blocker(p: Problem, q: np.ndarray, i: int, qq: int) -> QuarterDetail:
    c = int(p.channel[i])
    on_c = (q == qq) & (p.channel == c)
    n_c = int(on_c.sum())
    if n_c + 1 > p.channel_limit[c, qq]:
        return QuarterDetail(qq, CHANNEL_LIMIT, float(n_c), float(p.channel_limit[c, qq]))
    b = int(p.bureau[i])
    rows = np.flatnonzero((q == qq) & (p.bureau == b))
    dens = p.volume[rows] / p.effort[rows]
    mine = p.volume[i] / p.effort[i]
    top = rows[np.argsort(-dens, kind="stable")]
    better = [p.process_ids[j] for j in top if p.volume[j] / p.effort[j] >= mine][:3]
    return QuarterDetail(
        qq,
        BUREAU_CAPACITY,
        float(p.effort[rows].sum()),
        float(p.bureau_capacity[b, qq]),
        better,
    )


def explain_all(problem: Problem, plan: Plan) -> list[str]:
    """Reason codes for every process (vectorised; bureau vs channel decided per process by
    whether the channel was full in every earlier eligible quarter)."""
    p, q = problem, plan.quarter
    n, nq = p.n_processes, p.n_quarters
    code = np.full(n, BUREAU_CAPACITY, dtype=object)
    cnt = np.zeros_like(p.channel_limit)
    on = q >= 0
    np.add.at(cnt, (p.channel[on], q[on]), 1.0)
    full_c = cnt + 1 > p.channel_limit  # [C, Q]
    last = np.where(q >= 0, q, nq)
    qs = np.arange(nq)[None, :]
    window = (qs >= p.earliest[:, None]) & (qs < last[:, None])
    chan_full = np.all(~window | full_c[p.channel], axis=1)
    code[chan_full] = CHANNEL_LIMIT
    unplanned = q < 0
    code[unplanned] = NOT_PLANNED
    cap_e = p.bureau_capacity[p.bureau]  # [N, Q]
    too_big = unplanned & np.all(~(qs >= p.earliest[:, None]) | (p.effort[:, None] > cap_e), axis=1)
    code[too_big] = TOO_BIG
    at_earliest = (q >= 0) & (q == p.earliest)
    code[at_earliest] = EARLIEST_START
    code[at_earliest & (p.earliest_reason == REASON_CHANNEL)] = CHANNEL_AVAILABILITY
    code[at_earliest & (p.earliest_reason == REASON_NATIONAL_DATE)] = NATIONAL_DATE
    code[at_earliest & (p.earliest_reason == REASON_FROZEN)] = AFTER_FREEZE
    code[p.earliest >= nq] = NOT_IN_HORIZON
    code[p.earliest_reason == REASON_NATIONAL_UNDATED] = NEVER_PLANNABLE
    code[p.locked >= 0] = LOCKED
    return [str(c) for c in code]
