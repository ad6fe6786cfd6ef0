"""A what-if assumption that breaks a lock (固定四半期) is refused naming the assumption and
the locks it breaks (review finding 15: the message spoke of the lock only, so the planner
looked for a bad lock in an inventory that was fine)."""

from __future__ import annotations

import pytest

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.service import prepare, run_plan
from dx_planner.planning.settings import PlanSettings

START = Quarter(2021, 4)


def _locked(pid: str, quarter: Quarter, **fields: object) -> Process:
    return Process(id=pid, name="x", bureau="A", locked_quarter=quarter, annual_volume=10,
                   **fields)  # type: ignore[arg-type]


def _inventory(processes: list[Process]) -> Inventory:
    return Inventory([*processes, Process(id="free", name="x", bureau="A", annual_volume=5)],
                     [Bureau("A", {START + i: 4.0 for i in range(9)})],
                     [Channel("共同電子申請"), Channel("SaaS", Quarter(2021, 4))])


def _refusal(inventory: Inventory, assumptions: Assumptions) -> str:
    with pytest.raises(PlanningInputError) as raised:
        prepare(inventory, PlanSettings(start=START, assumptions=assumptions))
    return str(raised.value)


def test_a_channel_start_after_locks_names_the_assumption_and_the_first_locks() -> None:
    inventory = _inventory([_locked(f"L{k}", START + k % 2, channel="SaaS") for k in range(5)])
    assumptions = Assumptions(channel_from=(("SaaS", Quarter(2022, 2)),))
    assert _refusal(inventory, assumptions) == (
        "settings.assumptions.channel_from.SaaS (--channel-from SaaS=FY2022Q2) collides with "
        "5 locked processes (固定四半期): they are locked before FY2022Q2, when the channel "
        "would start: L0 (FY2021Q4), L1 (FY2022Q1), L2 (FY2021Q4) and 2 more; change the "
        "assumption or the locks")


def test_a_national_date_after_a_lock_names_the_status_or_the_process() -> None:
    dated = _locked("N1", Quarter(2022, 2), authority=Authority.NATIONAL,
                    national_status=NationalStatus.DATE_GIVEN, national_ready=Quarter(2022, 1))
    inventory = _inventory([dated])
    assert _refusal(inventory, Assumptions(national_ready=(("時期提示", Quarter(2022, 4)),))) \
        == ("settings.assumptions.national_ready.時期提示 (--assume-national "
            "時期提示=FY2022Q4) collides with 1 locked process (固定四半期): they are locked "
            "before FY2022Q4, the assumed national date: N1 (FY2022Q2); change the assumption "
            "or the locks")
    assert _refusal(inventory, Assumptions(national_ready=(("N1", Quarter(2023, 1)),))) \
        .startswith("settings.assumptions.national_ready.N1 (--assume-national N1=FY2023Q1) "
                    "collides with 1 locked process")


def test_a_capacity_scaled_below_the_locks_names_the_bureau_quarter_and_the_locks() -> None:
    inventory = _inventory([_locked("L1", START, effort=1.5), _locked("L2", START, effort=1.0),
                            _locked("L3", START + 2, effort=3.0)])
    # 4.0 × 0.5 = 2.0 per quarter: FY2021Q4 needs 2.5, FY2022Q2 needs 3.0
    assert _refusal(inventory, Assumptions(capacity_scale=(("A", 0.5),))) == (
        "settings.assumptions.capacity_scale.A (--capacity-scale A=0.5) collides with 3 locked "
        "processes (固定四半期): in FY2021Q4 its locked processes need 2.50 person-months, the "
        "scaled capacity is 2.00 (and 1 more quarter): L1 (FY2021Q4), L2 (FY2021Q4), "
        "L3 (FY2022Q2); change the assumption or the locks")


def test_every_colliding_assumption_is_mentioned() -> None:
    inventory = _inventory([_locked("L1", START, channel="SaaS", effort=3.0)])
    message = _refusal(inventory, Assumptions(capacity_scale=(("A", 0.5),),
                                              channel_from=(("SaaS", Quarter(2022, 1)),)))
    assert message.startswith("settings.assumptions.channel_from.SaaS (--channel-from "
                              "SaaS=FY2022Q1) collides with 1 locked process")
    assert message.endswith("(also: settings.assumptions.capacity_scale.A)")


def test_a_lock_broken_without_the_assumption_keeps_the_solvers_message() -> None:
    """An over-full bureau-quarter or a lock before a stated date is the inventory's doing,
    not the assumption's."""
    inventory = _inventory([_locked("L1", START, effort=5.0)])
    assert _refusal(inventory, Assumptions(capacity_scale=(("A", 0.5),))) == (
        "locked processes of A need 5.00 person-months in FY2021Q4, more than its capacity 2.00")
    early = _inventory([_locked("L1", START, channel="SaaS")])
    early.channels[1] = Channel("SaaS", Quarter(2022, 1))
    assert _refusal(early, Assumptions(channel_from=(("SaaS", Quarter(2022, 2)),))) == (
        "process L1 is locked to FY2021Q4 but is not eligible before FY2022Q2")


def test_assumptions_that_leave_the_locks_alone_are_planned() -> None:
    inventory = _inventory([_locked("L1", Quarter(2022, 3), channel="SaaS", effort=1.0)])
    assumptions = Assumptions(capacity_scale=(("A", 0.5),),
                              channel_from=(("SaaS", Quarter(2022, 3)),))
    result = run_plan(inventory, PlanSettings(start=START, time_limit=2,
                                              assumptions=assumptions))
    assert result.assignments["L1"] == Quarter(2022, 3)
    assert result.settings.assumptions == assumptions
