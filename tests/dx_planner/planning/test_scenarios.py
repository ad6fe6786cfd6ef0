from collections.abc import Callable

import pytest
from sqlalchemy import Connection, Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.scenarios import ScenarioNotFound, list_scenarios
from dx_planner.planning.result import CapacityGap, PlanResult, ShortfallInfo
from dx_planner.planning.scenarios import (
    ScenarioTaken,
    delete_scenario,
    load_scenario,
    rename_scenario,
    save_scenario,
    set_scenario_note,
)
from dx_planner.planning.settings import ResolvedSettings

Q4 = Quarter(2021, 4)


def _result(status: str = "optimal") -> PlanResult:
    settings = ResolvedSettings(Q4, Q4 + 2, Q4 + 2, 3, 0.7, ((Q4 + 1, 2),), 4, 5.0)
    return PlanResult(
        settings=settings, status=status, objective=150.0, bound=151.0, gap=1 / 151,
        digitized_by_deadline=3, already_digitized=1,
        cumulative=[(Q4, 1), (Q4 + 1, 2), (Q4 + 2, 3)],
        assignments={"A": Q4 + 1, "B": Q4 + 2},
        reasons={"A": "capacity", "B": "start", "C": "national_undated"},
        shortfall=ShortfallInfo(1, [CapacityGap("環境局", Q4 + 2, 1.5)]),
        solve_seconds=0.5,
    )


def test_a_stored_scenario_loads_back_equal(engine: Engine) -> None:
    result = _result()
    with engine.begin() as connection:
        save_scenario(connection, "案1", result)
    with engine.connect() as connection:
        loaded = load_scenario(connection, "案1")
    assert loaded == result


def test_saving_under_the_same_name_replaces_and_newest_is_default(engine: Engine) -> None:
    with engine.begin() as connection:
        save_scenario(connection, "a", _result())
        save_scenario(connection, "b", _result("feasible"))
        save_scenario(connection, "a", _result("target_infeasible"))
    with engine.connect() as connection:
        names = [s.name for s in list_scenarios(connection)]
        assert sorted(names) == ["a", "b"]
        assert load_scenario(connection).status == "target_infeasible"


def test_unknown_scenario(engine: Engine) -> None:
    with engine.connect() as connection:
        try:
            load_scenario(connection, "nope")
        except ScenarioNotFound as error:
            assert "nope" in str(error)
        else:
            raise AssertionError("expected ScenarioNotFound")


def test_plan_file_has_the_contract_fields() -> None:
    data = _result().to_json()
    assert list(data)[:10] == ["status", "settings", "objective", "bound", "gap",
                               "digitized_by_deadline", "assignments", "shortfall",
                               "solve_seconds", "target_count"]
    assert data["settings"] == {"start": "FY2021Q4", "deadline": "FY2022Q2", "end": "FY2022Q2",
                                "target": 0.7, "target_count": 3, "in_scope": 4,
                                "milestones": [["FY2022Q1", 2]], "time_limit": 5.0,
                                "cost_time": 0.0}
    assert data["assignments"][0] == {"process_id": "A", "quarter": "FY2022Q1",
                                      "reason": "capacity"}
    assert data["shortfall"] == {
        "missing": 1, "closable_by_capacity": None, "verified": None, "requirements": [],
        "extra_capacity": [{"bureau": "環境局", "quarter": "FY2022Q2", "person_months": 1.5,
                            "serves": None, "serves_index": None}]}
    assert data["unplanned"] == [{"process_id": "C", "reason": "national_undated"}]


# ---------------------------------------------------------------- scenario management
def test_rename_delete_and_note(engine: Engine) -> None:
    with engine.begin() as connection:
        save_scenario(connection, "a", _result())
        save_scenario(connection, "b", _result("feasible"))
        rename_scenario(connection, "a", "案A")
        set_scenario_note(connection, "案A", "  局長説明用  ")
        delete_scenario(connection, "b")
    with engine.connect() as connection:
        (summary,) = list_scenarios(connection)
        assert (summary.name, summary.note) == ("案A", "局長説明用")
        assert load_scenario(connection, "案A") == _result()
        with pytest.raises(ScenarioNotFound):
            load_scenario(connection, "a")


@pytest.mark.parametrize(("action", "error"), [
    (lambda c: rename_scenario(c, "nope", "x"), ScenarioNotFound),
    (lambda c: rename_scenario(c, "a", "b"), ScenarioTaken),
    (lambda c: rename_scenario(c, "a", "  "), ValueError),
    (lambda c: delete_scenario(c, "nope"), ScenarioNotFound),
    (lambda c: set_scenario_note(c, "nope", "x"), ScenarioNotFound),
])
def test_management_errors(engine: Engine, action: Callable[[Connection], None],
                           error: type[Exception]) -> None:
    with engine.begin() as connection:
        save_scenario(connection, "a", _result())
        save_scenario(connection, "b", _result())
    with engine.begin() as connection, pytest.raises(error):
        action(connection)


def test_the_plan_of_a_cancelled_run_is_kept_and_the_newest_plan_opens(engine: Engine) -> None:
    cancelled = _result("feasible")
    cancelled.cancelled = True
    with engine.begin() as connection:
        save_scenario(connection, "full", _result())
        save_scenario(connection, "stopped", cancelled)
    with engine.connect() as connection:
        newest = list_scenarios(connection)[0]
        assert newest.name == "stopped" and newest.cancelled
        assert load_scenario(connection).cancelled  # no name: the newest
        assert not list_scenarios(connection)[1].cancelled
