"""``solve --keep``: stable re-planning against the published baseline, end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from dx_planner.cli.main import main
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.database import open_database
from dx_planner.planning.keep import Keep, load_reference
from dx_planner.planning.scenarios import load_scenario


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keep") / "demo.db"
    assert main(["--db", str(path), "demo", "--processes", "1500", "--seed", "7"]) == 0
    assert main(["--db", str(path), "solve", "--scenario", "base", "--time-limit", "3"]) == 0
    assert main(["--db", str(path), "baseline", "publish", "--quarter", "FY2021Q3",
                 "--scenario", "base"]) == 0
    return path


@pytest.fixture(scope="module")
def kept(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("kept") / "kept.json"
    assert main(["--db", str(demo), "solve", "--scenario", "kept", "--json", str(path),
                 "--time-limit", "3", "--keep", "baseline", "--freeze-until", "FY2022Q1",
                 "--move-cost", "1000"]) == 0
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_plan_file_has_the_changes_of_the_contract(kept: dict[str, Any]) -> None:
    changes = kept["changes"]
    assert set(changes) >= {"moved", "dropped", "added", "released", "price_of_stability"}
    for move in changes["moved"]:
        assert set(move) == {"process_id", "from", "to"}
    for release in changes["released"]:
        assert {"process_id", "reason"} <= set(release)
    assert kept["settings"]["keep"] == {"scenario": "baseline-FY2021Q3", "freeze_until": "FY2022Q1",
                                        "move_cost": 1000.0}
    assert kept["objective"] == pytest.approx(kept["applications"] - kept["move_penalty"])
    assert kept["move_penalty"] == pytest.approx(
        1000.0 * (len(changes["moved"]) + len(changes["dropped"])))
    free = changes["free_re_plan"]["objective"]
    assert changes["price_of_stability"] == pytest.approx(free - kept["objective"], abs=0.01)
    assert changes["price_of_stability"] >= 0
    assert kept["bound"] >= kept["objective"]


def test_a_re_run_keeps_against_the_baseline_it_was_solved_against(
        demo: Path, tmp_path: Path) -> None:
    """Acceptance finding: the plan file said "baseline", so after a newer publication a
    re-run of it silently kept against that one."""
    db = tmp_path / "copy.db"
    shutil.copyfile(demo, db)
    first, again = tmp_path / "keep1.json", tmp_path / "again.json"
    assert main(["--db", str(db), "solve", "--scenario", "k1", "--json", str(first),
                 "--time-limit", "1", "--keep", "baseline", "--move-cost", "1000"]) == 0
    assert main(["--db", str(db), "solve", "--scenario", "ms1", "--time-limit", "1",
                 "--target", "0.5"]) == 0
    assert main(["--db", str(db), "baseline", "publish", "--quarter", "FY2021Q4",
                 "--scenario", "ms1"]) == 0
    assert main(["--db", str(db), "solve", "--scenario", "k2", "--json", str(again),
                 "--time-limit", "1", "--settings", str(first)]) == 0
    for path in (first, again):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["settings"]["keep"]["scenario"] == "baseline-FY2021Q3"
        assert data["changes"]["reference"] == "baseline as of FY2021Q3"
    engine = open_database(db)
    with engine.connect() as connection:
        stored = [load_scenario(connection, name).settings.keep for name in ("k1", "k2")]
    engine.dispose()
    assert [keep.scenario for keep in stored if keep] == ["baseline-FY2021Q3"] * 2


def test_frozen_quarters_hold_exactly_the_baselines_commitments(
        demo: Path, kept: dict[str, Any]) -> None:
    engine = open_database(demo)
    with engine.connect() as connection:
        reference = load_reference(connection, Keep("baseline"))
    engine.dispose()
    freeze = Quarter(2022, 1)
    released = {r["process_id"] for r in kept["changes"]["released"]}
    frozen_now = {a["process_id"] for a in kept["assignments"]
                  if Quarter.parse(a["quarter"]) <= freeze and a["reason"] != "locked"}
    frozen_then = {pid for pid, q in reference.assignments.items()
                   if q <= freeze and pid not in released}
    locked = {a["process_id"] for a in kept["assignments"] if a["reason"] == "locked"}
    assert frozen_now == frozen_then - locked
    assert all(a["reason"] == "kept" for a in kept["assignments"]
               if a["process_id"] in frozen_now)


def test_an_unchanged_inventory_keeps_every_commitment(kept: dict[str, Any]) -> None:
    assert kept["changes"]["released"] == []
    assert len(kept["changes"]["moved"]) + len(kept["changes"]["dropped"]) <= 5


@pytest.mark.parametrize(("argv", "message"), [
    (["--keep", "nothing"], "settings.keep.scenario: no stored scenario or published baseline"),
    (["--move-cost", "5"], "--freeze-until and --move-cost need --keep SCENARIO"),
    (["--keep", "base", "--move-cost", "lots"], "--move-cost 'lots'"),
    (["--keep", "base", "--freeze-until", "FY2999Q4"],
     "dx-planner: settings.keep.freeze_until (--freeze-until): FY2999Q4 is outside the "
     "quarters dx-planner plans (FY2000Q1–FY2060Q4)"),
    # acceptance finding: a freeze after the end was accepted (refused: nothing is planned
    # there, and freezing the whole plan is --freeze-until END)
    (["--keep", "base", "--freeze-until", "FY2030Q1"],
     "dx-planner: settings.keep.freeze_until (--freeze-until): FY2030Q1 is after the end "
     "FY2023Q4; to freeze every planned quarter give FY2023Q4"),
])
def test_bad_keep_options_are_one_line_and_exit_1(
        demo: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), "solve", "--time-limit", "1", *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_freeze_quarter_outside_the_plannable_range_in_a_settings_file_is_one_line(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"keep": {"scenario": "base", "freeze_until": "FY2999Q4"}}),
                    encoding="utf-8")
    assert main(["--db", str(demo), "solve", "--settings", str(path), "--time-limit", "1"]) == 1
    assert capsys.readouterr().err.strip() == (
        "dx-planner: settings.keep.freeze_until (--freeze-until): FY2999Q4 is outside the "
        "quarters dx-planner plans (FY2000Q1–FY2060Q4)")


def test_the_summary_gives_no_price_when_the_plans_miss_different_requirements() -> None:
    """Review finding 7: 'price of stability: -4,134,808 (-25.647% …)' was printed."""
    from dx_planner.cli.solve_command import summary
    from dx_planner.planning.keep import Reference
    from dx_planner.planning.service import run_plan
    from tests.dx_planner.planning.test_keep import _frozen_big_misses_the_milestone

    inventory, reference, settings = _frozen_big_misses_the_milestone()
    kept = run_plan(inventory, settings, reference=Reference("ref", reference))
    text = summary(kept, "kept", 1.0)
    assert ("  price of stability: not comparable: this plan misses 1 required process, the "
            "free re-plan 0 (meeting the requirements comes before online applications); the "
            "free re-plan (") in text


def test_the_summary_counts_kept_commitments_as_what_they_are() -> None:
    """Acceptance finding: with --move-cost inf it said '17,324 frozen commitments kept',
    counting every kept commitment, not only those of frozen quarters."""
    import math

    from dx_planner.cli.solve_command import summary
    from dx_planner.planning.keep import Reference
    from dx_planner.planning.service import run_plan
    from tests.dx_planner.planning.test_keep import Q, _inventory, _p, _settings

    inventory = _inventory(*[_p(f"p{i}") for i in range(6)])
    reference = Reference("ref", {f"p{i}": Q[i % 3 + 1] for i in range(6)})
    every = run_plan(inventory, _settings(Keep("ref", None, math.inf)), reference=reference)
    assert "  6 commitments kept as they were (move cost inf: every still-valid one), 0 moved" \
        in summary(every, "every", 1.0)
    frozen = run_plan(inventory, _settings(Keep("ref", Q[1], 10.0)), reference=reference)
    assert "  2 commitments kept in the frozen quarters, " in summary(frozen, "frozen", 1.0)
