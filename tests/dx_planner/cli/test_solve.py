"""``dx-planner solve`` end to end on a small demo: real database, real OR-Tools solve."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.planning.scenarios import load_scenario


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("solve") / "demo.db"
    assert main(["--db", str(path), "demo", "--processes", "1500", "--seed", "5"]) == 0
    return path


def test_solve_writes_the_plan_file_and_stores_the_scenario(
        small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.json"
    code = main(["--db", str(small_demo), "solve", "--scenario", "base", "--json",
                 str(plan_file), "--milestone", "FY2022Q4:500", "--time-limit", "20"])
    out = capsys.readouterr().out
    assert code == 0
    assert "scenario: base" in out
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert plan["status"] in {"optimal", "feasible"}
    assert plan["settings"] == {"start": "FY2021Q4", "deadline": "FY2023Q4", "end": "FY2023Q4",
                                "target": 0.7, "target_count": plan["target_count"],
                                "in_scope": plan["in_scope"],
                                "milestones": [["FY2022Q4", 500]], "time_limit": 20.0,
                                "cost_time": 0.0}
    assert plan["digitized_by_deadline"] >= plan["target_count"]
    assert plan["bound"] >= plan["objective"] > 0
    assert plan["gap"] == pytest.approx((plan["bound"] - plan["objective"]) / plan["bound"])
    assert plan["shortfall"] is None

    engine = open_database(small_demo)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
        stored = load_scenario(connection, "base")
    by_id = {p.id: p for p in inventory.processes}
    assigned = {a["process_id"]: a["quarter"] for a in plan["assignments"]}
    assert {pid: q.code for pid, q in stored.assignments.items()} == assigned
    # Every lock is honoured and nothing already digitized is planned again.
    locked = {p.id: p.locked_quarter.code for p in inventory.processes
              if p.locked_quarter is not None}
    done = {p.id for p in inventory.processes
            if p.digitized_quarter is not None and p.digitized_quarter.code < "FY2021Q4"}
    assert locked and done  # the demo has both
    assert {pid: assigned.get(pid) for pid in locked} == locked
    assert done.isdisjoint(assigned)
    assert all(by_id[pid].in_scope for pid in assigned)
    engine.dispose()


def test_unreachable_target_is_an_answer_not_an_error(
        small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.json"
    code = main(["--db", str(small_demo), "solve", "--target", "0.8", "--json", str(plan_file),
                 "--scenario", "too-much"])
    assert code == 0
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert plan["status"] == "target_infeasible"
    assert plan["shortfall"]["missing"] == plan["target_count"] - plan["digitized_by_deadline"]
    assert plan["shortfall"]["extra_capacity"]
    assert plan["shortfall"]["closable_by_capacity"] == plan["shortfall"]["missing"]
    assert "NOT met" in capsys.readouterr().out


def test_a_target_beyond_the_inventory_says_capacity_cannot_close_it(
        small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.json"
    assert main(["--db", str(small_demo), "solve", "--target-count", "100000", "--json",
                 str(plan_file), "--scenario", "impossible", "--time-limit", "3"]) == 0
    shortfall = json.loads(plan_file.read_text(encoding="utf-8"))["shortfall"]
    assert shortfall["closable_by_capacity"] < shortfall["missing"]
    assert "more capacity can add at most" in capsys.readouterr().out


def test_a_lock_before_eligibility_is_a_user_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lock.db"
    assert main(["--db", str(db), "demo", "--processes", "300"]) == 0
    engine = open_database(db)
    with engine.connect() as connection:
        processes = repository.load_processes(connection)
    dated = next(p for p in processes if p.national_ready is not None
                 and p.national_ready > Quarter(2021, 4))
    with engine.begin() as connection:
        repository.save_edits(connection, [replace(dated, locked_quarter=Quarter(2021, 4))],
                              [], [])
    engine.dispose()
    capsys.readouterr()
    assert main(["--db", str(db), "solve"]) == 1
    err = capsys.readouterr().err
    assert f"process {dated.id} is locked to FY2021Q4 but is not eligible before " \
           f"{dated.national_ready.code}" in err  # type: ignore[union-attr]
    assert "Traceback" not in err


def test_bad_milestone_is_bad_usage(small_demo: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", str(small_demo), "solve", "--milestone", "FY2022Q4"])
    assert raised.value.code == 1
    with pytest.raises(SystemExit):
        main(["--db", str(small_demo), "solve", "--start", "2022Q1"])


def test_an_unreachable_milestone_still_gets_the_most_processes_by_the_deadline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    assert main(["--db", db, "demo", "--processes", "300"]) == 0
    plans = {}
    for name, extra in (("milestone", ["--milestone", "FY2022Q1:100000"]),
                        ("count", ["--target-count", "100000"])):
        path = tmp_path / f"{name}.json"
        assert main(["--db", db, "solve", "--time-limit", "5", "--json", str(path),
                     "--scenario", name, *extra]) == 0
        plans[name] = json.loads(path.read_text(encoding="utf-8"))
    assert plans["milestone"]["status"] == "target_infeasible"
    # The count run maximises processes by the deadline; the milestone must not cost any.
    assert plans["milestone"]["digitized_by_deadline"] == \
        plans["count"]["digitized_by_deadline"]
