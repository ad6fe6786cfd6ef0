"""When a process can first be digitized: the plan's start, its channel's start, and for a 国
process the national date (stated or assumed), whichever is latest (planning-model.md §2)."""

from __future__ import annotations

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from solver.problem import (
    REASON_CHANNEL,
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    REASON_START,
)


def earliest_quarter(process: Process, start: Quarter, channel_from: dict[str, Quarter | None],
                     assumptions: Assumptions) -> tuple[Quarter | None, int]:
    """Earliest completion quarter and why (a solver REASON_*); None when it can never be
    planned. ``channel_from``: each channel's start, with the assumptions applied."""
    earliest, reason = start, REASON_START
    available = channel_from.get(process.channel)
    if available is not None and available > earliest:
        earliest, reason = available, REASON_CHANNEL
    if process.authority is Authority.NATIONAL:
        assumed = assumptions.national_date(process)
        if assumed is not None:
            ready = assumed
        elif process.national_status is NationalStatus.DATE_GIVEN and process.national_ready:
            ready = process.national_ready
        else:
            return None, REASON_NATIONAL_UNDATED
        if ready > earliest:
            earliest, reason = ready, REASON_NATIONAL_DATE
    return earliest, reason
