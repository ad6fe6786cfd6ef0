import numpy as np
import pytest

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from dx_planner.planning.problem_builder import build_problem
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve
from solver.problem import (
    REASON_CHANNEL,
    REASON_NATIONAL_DATE,
    REASON_NATIONAL_UNDATED,
    REASON_START,
)

START = Quarter(2021, 4)


def _inventory() -> Inventory:
    processes = [
        Process(id="done", name="x", bureau="A", status=Status.DIGITIZED,
                digitized_quarter=Quarter(2021, 3)),
        Process(id="plain", name="x", bureau="A", effort=2.0, annual_volume=400),
        Process(id="saas", name="x", bureau="B", channel="SaaS"),
        Process(id="dated", name="x", bureau="B", authority=Authority.NATIONAL,
                national_status=NationalStatus.DATE_GIVEN, national_ready=Quarter(2022, 3)),
        Process(id="undated", name="x", bureau="B", authority=Authority.NATIONAL,
                national_status=NationalStatus.UNDER_REVIEW),
        Process(id="locked", name="x", bureau="A", locked_quarter=Quarter(2022, 1)),
        Process(id="out", name="x", bureau="A", status=Status.OUT_OF_SCOPE),
        Process(id="actual", name="x", bureau="A", status=Status.DIGITIZED,
                digitized_quarter=Quarter(2022, 1)),
    ]
    bureaus = [Bureau("A", {START: 3.0, Quarter(2022, 1): 4.0, Quarter(2019, 1): 99.0})]
    channels = [Channel("共同電子申請"), Channel("SaaS", Quarter(2022, 2), {Quarter(2022, 2): 5})]
    return Inventory(processes, bureaus, channels)


def test_problem_arrays_follow_the_contract() -> None:
    inventory = _inventory()
    built = build_problem(inventory, resolve(PlanSettings(start=START), inventory))
    p = built.problem
    assert built.already_digitized_ids == ["done"]
    assert p.already_digitized == 1
    assert p.process_ids == ["plain", "saas", "dated", "undated", "locked", "actual"]
    assert p.deadline == 8 and p.n_quarters == 9
    assert list(p.earliest[:3]) == [0, 2, 3]
    assert list(p.earliest_reason[:4]) == [REASON_START, REASON_CHANNEL, REASON_NATIONAL_DATE,
                                           REASON_NATIONAL_UNDATED]
    assert p.earliest[3] >= p.n_quarters
    assert list(p.locked) == [-1, -1, -1, -1, 1, 1]
    assert p.bureau_names[:2] == ["A", "B"]
    # 4.0 stated for FY2022Q1, plus the 1.0 of the process actually digitized then
    assert p.bureau_capacity[0, :2].tolist() == [3.0, 5.0]
    assert p.bureau_capacity[1].sum() == 0.0  # a bureau without capacity rows has none
    assert p.channel_limit[1, 2] == 5 and np.isinf(p.channel_limit[1, 3])
    assert p.target_count == 5  # ceil(0.7 × 7 in scope)
    p.validate()


def test_assumed_national_date_makes_undated_processes_plannable() -> None:
    inventory = _inventory()
    settings = PlanSettings(start=START, assumptions=Assumptions(
        national_ready=(("検討中", Quarter(2023, 1)),)))
    problem = build_problem(inventory, resolve(settings, inventory)).problem
    assert problem.earliest[3] == Quarter(2023, 1) - START


def test_lock_outside_the_horizon_is_an_input_error() -> None:
    inventory = _inventory()
    inventory.processes[1].locked_quarter = Quarter(2024, 2)
    with pytest.raises(PlanningInputError, match="plain is locked to FY2024Q2, outside"):
        build_problem(inventory, resolve(PlanSettings(start=START), inventory))
