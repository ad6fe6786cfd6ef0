"""The earliest quarter a process can be digitized in, and why."""

from __future__ import annotations

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import NO_ASSUMPTIONS, Assumptions
from dx_planner.planning.eligibility import earliest_quarter
from solver.problem import (
    REASON_CHANNEL,
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    REASON_START,
)

START = Quarter(2021, 4)
CHANNELS: dict[str, Quarter | None] = {"共同電子申請": None, "SaaS": Quarter(2022, 2)}


def _national(status: NationalStatus, ready: Quarter | None = None, **fields: object) -> Process:
    return Process(id="N", name="x", bureau="A", authority=Authority.NATIONAL,
                   national_status=status, national_ready=ready, **fields)  # type: ignore[arg-type]


def test_the_latest_of_start_channel_and_national_date_wins() -> None:
    plain = Process(id="P", name="x", bureau="A")
    assert earliest_quarter(plain, START, CHANNELS, NO_ASSUMPTIONS) == (START, REASON_START)
    saas = Process(id="S", name="x", bureau="A", channel="SaaS")
    assert earliest_quarter(saas, START, CHANNELS, NO_ASSUMPTIONS) == (
        Quarter(2022, 2), REASON_CHANNEL)
    dated = _national(NationalStatus.DATE_GIVEN, Quarter(2022, 3), channel="SaaS")
    assert earliest_quarter(dated, START, CHANNELS, NO_ASSUMPTIONS) == (
        Quarter(2022, 3), REASON_NATIONAL_DATE)


def test_an_undated_national_process_is_never_eligible_unless_a_date_is_assumed() -> None:
    review = _national(NationalStatus.UNDER_REVIEW)
    assert earliest_quarter(review, START, CHANNELS, NO_ASSUMPTIONS) == (
        None, REASON_NATIONAL_UNDATED)
    assumed = Assumptions(national_ready=(("検討中", Quarter(2023, 1)),))
    assert earliest_quarter(review, START, CHANNELS, assumed) == (
        Quarter(2023, 1), REASON_NATIONAL_DATE)
