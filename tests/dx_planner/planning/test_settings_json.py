"""The plan file's ``settings`` object read back: a round trip, and bad input named."""

from __future__ import annotations

import math
from typing import Any

import pytest

from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.settings import PlanSettings, resolve
from dx_planner.planning.settings_json import (
    settings_from_json,
    settings_from_stored,
    stored_settings,
)

FULL: dict[str, Any] = {
    "start": "FY2021Q4", "deadline": "FY2023Q4", "end": "FY2024Q1", "target": 0.7,
    "target_count": 4, "in_scope": 5, "milestones": [["FY2022Q4", 2]],
    "requirements": [
        {"scope": {"authority": "都", "min_volume": 10000}, "share": 1.0, "quarter": "FY2023Q4"},
        {"scope": {"bureau": "福祉保健局", "priority": True}, "count": 1, "quarter": "FY2022Q4"},
    ],
    "bureau_target": 0.5,
    "keep": {"scenario": "baseline-FY2021Q3", "freeze_until": "FY2022Q1", "move_cost": 5000.0},
    "assumptions": {"national_ready": {"検討中": "FY2023Q1", "P3": "FY2022Q3"},
                    "capacity_scale": {"福祉保健局": 1.2},
                    "channel_from": {"SaaS電子申請": "FY2022Q2"}},
    "time_limit": 5.0, "cost_time": 0.0,
}


def _inventory() -> Inventory:
    from dx_planner.domain.enums import Authority, NationalStatus
    processes = [Process(id=f"P{i}", name="x", bureau="福祉保健局", annual_volume=20_000 * i)
                 for i in range(3)]
    processes.append(Process(id="P3", name="x", bureau="環境局", authority=Authority.NATIONAL,
                             national_status=NationalStatus.UNDER_REVIEW))
    processes.append(Process(id="P4", name="x", bureau="環境局", channel="SaaS電子申請"))
    return Inventory(processes, [Bureau("福祉保健局"), Bureau("環境局")],
                     [Channel("共同電子申請"), Channel("SaaS電子申請", Quarter(2022, 3))])


def test_settings_survive_the_round_trip_exactly() -> None:
    resolved = resolve(settings_from_json(FULL), _inventory())
    assert resolved.to_json() == FULL
    assert resolve(settings_from_json(resolved.to_json()), _inventory()) == resolved


def test_stored_settings_read_back_with_what_they_resolved_to() -> None:
    resolved = resolve(settings_from_json(FULL), _inventory())
    assert settings_from_stored(stored_settings(resolved)) == resolved


def test_move_cost_inf_and_a_count_target() -> None:
    data = {"target_count": 3, "keep": {"scenario": "s", "move_cost": "inf"}}
    settings = settings_from_json(data)
    assert settings.target_count == 3
    assert settings.keep is not None and math.isinf(settings.keep.move_cost)
    assert settings.keep.to_json()["move_cost"] == "inf"


def test_a_plan_files_share_wins_over_the_count_it_came_to() -> None:
    """A plan file gives both: the share and what it came to of the processes in scope then;
    re-run on an inventory with another in-scope count, the share counts."""
    settings = settings_from_json({"start": "FY2021Q4", "target": 0.8, "target_count": 8,
                                   "in_scope": 10})
    assert resolve(settings, _inventory()).target_count == 4  # ceil(0.8 × 5)


@pytest.mark.parametrize("data", [
    {"target": 0.7, "target_count": 100},  # acceptance finding: the count was ignored
    {"target": 0.7, "target_count": 100, "in_scope": 1000},  # not what 0.7 came to
])
def test_a_share_and_another_count_are_refused_naming_both(data: dict[str, object]) -> None:
    with pytest.raises(PlanningInputError, match=r"^settings\.target \(0\.7\) and "
                       r"settings\.target_count \(100\): give one of them, a share or a count$"):
        settings_from_json(data)


def test_the_plan_files_settings_re_run_as_solved() -> None:
    resolved = resolve(PlanSettings(start=Quarter(2021, 4), target_share=0.8), _inventory())
    written = resolved.to_json()
    assert (written["target"], written["target_count"], written["in_scope"]) == (0.8, 4, 5)
    assert resolve(settings_from_json(written), _inventory()) == resolved


@pytest.mark.parametrize(("data", "message"), [
    ({"deadlin": "FY2023Q4"}, "settings: unknown key 'deadlin'"),
    ({"start": "2022Q1"}, "settings.start: '2022Q1' is ambiguous"),
    ({"milestones": [["FY2022Q4"]]}, r"settings.milestones\[0\]: must be \[QUARTER, COUNT\]"),
    ({"requirements": [{"scope": {"authority": "県"}, "share": 1}]},
     r"settings.requirements\[0\].scope.authority: unknown value '県'"),
    ({"requirements": [{"scope": {"colour": "red"}, "share": 1}]},
     r"settings.requirements\[0\].scope: unknown key 'colour'"),
    ({"requirements": [{"scope": {}, "count": 1.5}]},
     r"settings.requirements\[0\].count: must be a whole number"),
    ({"requirements": [{"scope": {"priority": "yes"}, "count": 1}]},
     r"settings.requirements\[0\].scope.priority: must be true or false"),
    ({"keep": {"freeze_until": "FY2022Q1"}}, "settings.keep.scenario: the reference"),
    ({"keep": {"scenario": "s", "move_cost": -1}}, "settings.keep.move_cost"),
    ({"assumptions": {"capacity_scale": {"A": "x"}}},
     "settings.assumptions.capacity_scale.A: must be a number"),
    ({"bureau_target": "high"}, "settings.bureau_target: must be a number"),
    ([1, 2], "settings: must be an object"),
])
def test_bad_settings_name_the_field(data: object, message: str) -> None:
    with pytest.raises(PlanningInputError, match=message):
        settings_from_json(data)
