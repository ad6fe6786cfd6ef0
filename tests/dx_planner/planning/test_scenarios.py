from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.scenarios import ScenarioNotFound, list_scenarios
from dx_planner.planning.result import CapacityGap, PlanResult, ShortfallInfo
from dx_planner.planning.scenarios import load_scenario, save_scenario
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
                                "target": 0.7, "target_count": 3,
                                "milestones": [["FY2022Q1", 2]], "time_limit": 5.0,
                                "cost_time": 0.0}
    assert data["assignments"][0] == {"process_id": "A", "quarter": "FY2022Q1",
                                      "reason": "capacity"}
    assert data["shortfall"] == {
        "missing": 1, "closable_by_capacity": None, "verified": None, "requirements": [],
        "extra_capacity": [{"bureau": "環境局", "quarter": "FY2022Q2", "person_months": 1.5,
                            "serves": None, "serves_index": None}]}
    assert data["unplanned"] == [{"process_id": "C", "reason": "national_undated"}]
