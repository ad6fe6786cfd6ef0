"""Why is a process in its quarter and not earlier (or not planned at all)?

The answer names the first thing that holds it back, in this order: a lock; eligibility
(channel availability, national date, national status not dated); then, for each earlier
eligible quarter, whether the channel limit was full or the bureau's capacity was taken by
processes of higher value per person-month (how full, and up to three of them).

Codes and numbers only: the sentences users read are the application's (the plan workbook's
texts in ``dx_planner.planning.reasons``, the desktop app's through Qt's translations).
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


#: Every reason code ``explain`` and ``explain_all`` give (texts live in the application).
REASON_CODES: tuple[str, ...] = (
    LOCKED, NEVER_PLANNABLE, NOT_IN_HORIZON, EARLIEST_START, CHANNEL_AVAILABILITY, NATIONAL_DATE,
    BUREAU_CAPACITY, CHANNEL_LIMIT, TOO_BIG, NOT_PLANNED, AFTER_FREEZE, KEPT,
)


@dataclass
class QuarterDetail:
    """One earlier eligible quarter that did not take the process, and why, in numbers."""

    quarter: int
    cause: str  # BUREAU_CAPACITY or CHANNEL_LIMIT
    used: float  # person-months used (bureau) or processes onboarded (channel)
    limit: float  # the bureau's capacity or the channel's limit in that quarter
    outranked_by: list[str] = field(default_factory=list)  # ids of the higher-value ones


@dataclass
class Explanation:
    """Why a process sits where it does: a reason code and the numbers behind it (quarters
    are indices into ``Problem.quarter_labels``). Sentences are the application's."""

    reason: str
    process: str
    quarter: int | None  # the plan's quarter; None when unplanned
    earliest: int | None  # the first quarter it may complete in; None when never
    earliest_reason: int  # REASON_START / _CHANNEL / _NATIONAL_DATE / _NATIONAL_UNDATED / _FROZEN
    locked: int | None
    effort: float
    bureau: str
    channel: str
    quarters: list[QuarterDetail] = field(default_factory=list)


def explain(problem: Problem, plan: Plan, i: int) -> Explanation:
    """The reason process i sits where it does in ``plan``, with the numbers that decide it:
    for every earlier eligible quarter, what it was full of."""
    p, q = problem, plan.quarter
    cur = int(q[i])
    earliest = int(p.earliest[i])
    result = Explanation(
        reason="", process=p.process_ids[i], quarter=cur if cur >= 0 else None,
        earliest=earliest if earliest < p.n_quarters else None,
        earliest_reason=int(p.earliest_reason[i]),
        locked=int(p.locked[i]) if p.locked[i] >= 0 else None, effort=float(p.effort[i]),
        bureau=p.bureau_names[int(p.bureau[i])], channel=p.channel_names[int(p.channel[i])])
    if result.locked is not None:
        result.reason = LOCKED
    elif result.earliest_reason == REASON_NATIONAL_UNDATED:
        result.reason = NEVER_PLANNABLE
    elif result.earliest is None:
        result.reason = NOT_IN_HORIZON
    elif cur == earliest:
        result.reason = _EARLIEST_REASONS.get(result.earliest_reason, EARLIEST_START)
    else:
        last = cur if cur >= 0 else p.n_quarters
        result.quarters = [_blocker(p, q, i, qq) for qq in range(earliest, last)]
        if cur >= 0:
            channel_full = all(d.cause == CHANNEL_LIMIT for d in result.quarters)
            result.reason = CHANNEL_LIMIT if channel_full else BUREAU_CAPACITY
        elif all(p.effort[i] > p.bureau_capacity[int(p.bureau[i]), qq]
                 for qq in range(earliest, p.n_quarters)):
            result.reason = TOO_BIG
        else:
            result.reason = NOT_PLANNED
    return result


_EARLIEST_REASONS = {REASON_CHANNEL: CHANNEL_AVAILABILITY, REASON_NATIONAL_DATE: NATIONAL_DATE,
                     REASON_FROZEN: AFTER_FREEZE}


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
