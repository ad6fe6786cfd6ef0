"""What-if assumptions change the problem of one scenario, never the inventory."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import Engine

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.planning.assumptions import Assumptions
from dx_planner.planning.problem_builder import build_problem
from dx_planner.planning.scenarios import load_scenario, save_scenario
from dx_planner.planning.service import run_plan
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve
from solver.problem import REASON_NATIONAL_DATE, REASON_NATIONAL_UNDATED

START = Quarter(2021, 4)


def _inventory() -> Inventory:
    def national(pid: str, status: NationalStatus, ready: Quarter | None = None) -> Process:
        return Process(id=pid, name="x", bureau="A", authority=Authority.NATIONAL,
                       national_status=status, national_ready=ready, annual_volume=100)

    return Inventory(
        [Process(id="plain", name="x", bureau="A", annual_volume=10, channel="SaaS"),
         national("review", NationalStatus.UNDER_REVIEW),
         national("review2", NationalStatus.UNDER_REVIEW),
         national("none", NationalStatus.NOT_CONSIDERED),
         national("dated", NationalStatus.DATE_GIVEN, Quarter(2022, 3))],
        [Bureau("A", {START + i: 2.0 for i in range(9)})],
        [Channel("共同電子申請"), Channel("SaaS", Quarter(2022, 2))])


def _built(assumptions: Assumptions, inventory: Inventory | None = None) -> object:
    inventory = inventory or _inventory()
    settings = PlanSettings(start=START, assumptions=assumptions)
    return build_problem(inventory, resolve(settings, inventory))


def test_a_national_date_by_status_and_by_process() -> None:
    built = _built(Assumptions(national_ready=(("検討中", Quarter(2023, 1)),
                                               ("review2", Quarter(2022, 4)))))
    p = built.problem  # type: ignore[attr-defined]
    row = {pid: i for i, pid in enumerate(p.process_ids)}
    assert p.earliest[row["review"]] == Quarter(2023, 1) - START
    assert p.earliest[row["review2"]] == Quarter(2022, 4) - START  # the process wins
    assert p.earliest_reason[row["review"]] == REASON_NATIONAL_DATE
    assert p.earliest_reason[row["none"]] == REASON_NATIONAL_UNDATED  # not assumed
    assert p.earliest[row["dated"]] == Quarter(2022, 3) - START


def test_capacity_scale_and_channel_start() -> None:
    built = _built(Assumptions(capacity_scale=(("A", 1.5),),
                               channel_from=(("SaaS", None),)))
    p = built.problem  # type: ignore[attr-defined]
    assert p.bureau_capacity[0].tolist() == [3.0] * 9
    assert p.earliest[p.process_ids.index("plain")] == 0  # SaaS now from the start


def test_the_inventory_is_not_touched() -> None:
    inventory = _inventory()
    before = copy.deepcopy(inventory)
    _built(Assumptions(national_ready=(("検討中", Quarter(2023, 1)),),
                       capacity_scale=(("A", 2.0),), channel_from=(("SaaS", START),)),
           inventory)
    assert inventory == before


@pytest.mark.parametrize(("assumptions", "message"), [
    (Assumptions(national_ready=(("nobody", START),)), "neither a national status"),
    (Assumptions(national_ready=(("plain", START),)), "plain is not a 国 process"),
    (Assumptions(capacity_scale=(("Z", 1.0),)), "capacity_scale: unknown bureau 'Z'"),
    (Assumptions(capacity_scale=(("A", -1.0),)), "capacity_scale.A: -1 must be from 0 to 1,000"),
    (Assumptions(channel_from=(("Fax", START),)), "channel_from: unknown channel 'Fax'"),
])
def test_bad_assumptions_name_the_field(assumptions: Assumptions, message: str) -> None:
    with pytest.raises(PlanningInputError, match=message):
        _built(assumptions)


def test_assumptions_are_stored_with_the_scenario_and_the_database_keeps_its_inventory(
        engine: Engine) -> None:
    inventory = _inventory()
    with engine.begin() as connection:
        repository.upsert_channels(connection, inventory.channels)
        repository.replace_bureau_capacity(connection, inventory.bureaus)
        repository.merge_processes(connection, inventory.processes)
    with engine.connect() as connection:
        stored = repository.load_inventory(connection)
    assumptions = Assumptions(national_ready=(("検討中", Quarter(2022, 2)),),
                              capacity_scale=(("A", 2.0),))
    result = run_plan(stored, PlanSettings(start=START, time_limit=2, assumptions=assumptions))
    assert "review" in result.assignments  # plannable only under the assumption
    with engine.begin() as connection:
        save_scenario(connection, "what-if", result)
    with engine.connect() as connection:
        again = load_scenario(connection, "what-if")
        after = repository.load_inventory(connection)
    assert again.settings.assumptions == assumptions
    assert again.settings.to_json() == result.settings.to_json()
    assert [p.national_status for p in after.processes] == \
        [p.national_status for p in stored.processes]
    assert after.bureaus[0].capacity == stored.bureaus[0].capacity
