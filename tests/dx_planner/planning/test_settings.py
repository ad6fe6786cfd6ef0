import math

import pytest

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from dx_planner.planning.keep import Keep
from dx_planner.planning.requirements import RequirementSpec, Scope
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve


def _inventory(n: int = 10) -> Inventory:
    processes = [Process(id=f"P{i}", name="x", bureau="局") for i in range(n)]
    processes[0].status = Status.DIGITIZED
    processes[0].digitized_quarter = Quarter(2021, 3)
    processes[1].status = Status.OUT_OF_SCOPE
    return Inventory(processes)


def test_defaults_follow_the_contract() -> None:
    resolved = resolve(PlanSettings(), _inventory())
    assert resolved.start == Quarter(2021, 4)  # the quarter after the latest digitization
    assert resolved.deadline == resolved.end == Quarter(2023, 4)
    assert resolved.in_scope == 9
    assert resolved.target_count == 7  # ceil(0.7 × 9)
    assert len(resolved.quarters) == 9


def test_target_share_has_no_float_noise() -> None:
    assert resolve(PlanSettings(), _inventory(101)).target_count == 70  # 0.7 × 100 = 70


def test_absolute_target_and_milestones() -> None:
    resolved = resolve(PlanSettings(target_count=5, milestones=((Quarter(2022, 4), 3),)),
                       _inventory())
    assert resolved.target_count == 5
    assert resolved.to_json()["milestones"] == [["FY2022Q4", 3]]


@pytest.mark.parametrize(("settings", "message"), [
    (PlanSettings(start=Quarter(2024, 1)), "before start"),
    (PlanSettings(end=Quarter(2023, 1)), "before deadline"),
    (PlanSettings(target_share=1.5), "between 0 and 1"),
    (PlanSettings(milestones=((Quarter(2025, 1), 3),)), "after the end"),
    (PlanSettings(time_limit=0), "time limit"),
    # acceptance findings: each names its field
    (PlanSettings(assumptions=Assumptions(capacity_scale=(("局", math.inf),))),
     r"^settings\.assumptions\.capacity_scale\.局: inf must be from 0 to 1,000$"),
    (PlanSettings(assumptions=Assumptions(capacity_scale=(("局", 1e308),))),
     r"^settings\.assumptions\.capacity_scale\.局: 1e\+308 must be from 0 to 1,000$"),
    (PlanSettings(requirements=(RequirementSpec(Scope(min_volume=-5), None, 1.0),)),
     r"^settings\.requirements\[0\]\.scope\.min_volume: -5 must be 0 or more"),
    (PlanSettings(keep=Keep("base", Quarter(2030, 1))),
     r"^settings\.keep\.freeze_until \(--freeze-until\): FY2030Q1 is after the end FY2023Q4; "
     r"to freeze every planned quarter give FY2023Q4$"),
])
def test_bad_settings_are_reported(settings: PlanSettings, message: str) -> None:
    with pytest.raises(PlanningInputError, match=message):
        resolve(settings, _inventory())


def test_the_plan_spans_at_most_the_longest_horizon() -> None:
    """--end FY2999Q4 made the solver allocate 89 GiB: the horizon is a domain limit."""
    from dx_planner.planning.settings import MAX_PLAN_QUARTERS

    last = Quarter(2021, 4) + (MAX_PLAN_QUARTERS - 1)
    assert len(resolve(PlanSettings(end=last), _inventory()).quarters) == MAX_PLAN_QUARTERS
    with pytest.raises(PlanningInputError, match=(
            f"the plan would span {MAX_PLAN_QUARTERS + 1} quarters \\(FY2021Q4–"
            f"{(last + 1).code}\\); at most {MAX_PLAN_QUARTERS} \\(10 years\\) are planned")):
        resolve(PlanSettings(end=last + 1), _inventory())


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -1.0, 0.0, 86_401.0])
def test_a_time_limit_must_be_a_finite_number_of_seconds(seconds: float) -> None:
    with pytest.raises(PlanningInputError,
                       match="time limit must be more than 0 and at most 86,400 seconds"):
        resolve(PlanSettings(time_limit=seconds), _inventory())


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -1.0, 86_401.0, 1e308])
def test_the_cost_time_is_checked_like_the_time_limit(seconds: float) -> None:
    """Review finding 8: cost_time inf was accepted and written to the plan file as
    Infinity, which no strict JSON reader (nor solve --settings) accepts."""
    with pytest.raises(PlanningInputError, match=(
            r"settings\.cost_time: must be from 0 to 86,400 seconds")):
        resolve(PlanSettings(cost_time=seconds), _inventory())


@pytest.mark.parametrize("seconds", [0.0, 86_400.0])
def test_the_cost_time_may_be_zero_or_a_day(seconds: float) -> None:
    assert resolve(PlanSettings(cost_time=seconds), _inventory()).cost_time == seconds


_FAR = Quarter(2999, 4)


@pytest.mark.parametrize(("settings", "where"), [
    (PlanSettings(start=_FAR), "settings.start (--start)"),
    (PlanSettings(deadline=_FAR), "settings.deadline (--deadline)"),
    (PlanSettings(end=_FAR), "settings.end (--end)"),
    (PlanSettings(milestones=((Quarter(2022, 4), 2), (_FAR, 3))),
     "settings.milestones[1] (--milestone)"),
    (PlanSettings(requirements=(RequirementSpec(Scope(), _FAR, share=0.5),)),
     "settings.requirements[0].quarter (--require)"),
    (PlanSettings(keep=Keep("base", _FAR, 0.0)),
     "settings.keep.freeze_until (--freeze-until)"),
    (PlanSettings(assumptions=Assumptions(national_ready=(("検討中", _FAR),))),
     "settings.assumptions.national_ready.検討中 (--assume-national)"),
    (PlanSettings(assumptions=Assumptions(channel_from=(("共同電子申請", _FAR),))),
     "settings.assumptions.channel_from.共同電子申請 (--channel-from)"),
])
def test_every_quarter_given_must_be_plannable(settings: PlanSettings, where: str) -> None:
    """Review finding 15: a freeze quarter or an assumed national date of FY2999Q4 (or
    FY9999Q4) was accepted, though no plan reaches it: a typo."""
    with pytest.raises(PlanningInputError) as raised:
        resolve(settings, _inventory())
    assert str(raised.value) == (f"{where}: FY2999Q4 is outside the quarters dx-planner plans "
                                 "(FY2000Q1–FY2060Q4)")


def test_the_first_and_last_plannable_quarters_are_accepted() -> None:
    assumptions = Assumptions(national_ready=(("検討中", Quarter(2060, 4)),),
                              channel_from=(("共同電子申請", Quarter(2000, 1)),))
    resolved = resolve(PlanSettings(assumptions=assumptions), _inventory())
    assert resolved.assumptions == assumptions
