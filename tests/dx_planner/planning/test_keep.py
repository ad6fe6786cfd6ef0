"""Stable re-planning: frozen quarters, move costs, releases, changes, price of stability."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Engine

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.keep import Keep, Reference, load_reference
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import load_scenario, save_scenario
from dx_planner.planning.service import prepare, run_plan
from dx_planner.planning.settings import PlanSettings
from dx_planner.tracking.baselines import publish_baseline
from solver.checker import check_plan

Q = [Quarter(2021, 4) + i for i in range(4)]  # FY2021Q4 .. FY2022Q3


def _p(pid: str, **fields: object) -> Process:
    values: dict[str, object] = {"name": pid, "bureau": "A", "annual_volume": 40,
                                 "effort": 1.0} | fields
    return Process(id=pid, **values)  # type: ignore[arg-type]


def _inventory(*processes: Process, capacity: float = 2.0) -> Inventory:
    done = _p("done", status=Status.DIGITIZED, digitized_quarter=Quarter(2021, 3))
    return Inventory([done, *processes], [Bureau("A", {q: capacity for q in Q})],
                     [Channel("共同電子申請")])


def _settings(keep: Keep | None, target_count: int = 0) -> PlanSettings:
    return PlanSettings(deadline=Q[-1], target_count=target_count, time_limit=2, keep=keep)


def _run(inventory: Inventory, reference: dict[str, Quarter], keep: Keep) -> PlanResult:
    return run_plan(inventory, _settings(keep), reference=Reference("ref", reference))


def test_invalid_reference_assignments_are_released_with_their_reason() -> None:
    inventory = _inventory(
        _p("ok"), _p("out", status=Status.OUT_OF_SCOPE),
        _p("now-done", status=Status.DIGITIZED, digitized_quarter=Quarter(2021, 3)),
        _p("relocked", locked_quarter=Q[2]),
        _p("late", authority=Authority.NATIONAL, national_status=NationalStatus.DATE_GIVEN,
           national_ready=Q[3]),
        _p("old"), _p("far"))
    reference = {"ok": Q[1], "gone": Q[1], "out": Q[1], "now-done": Q[1], "relocked": Q[1],
                 "late": Q[1], "old": Quarter(2021, 3), "far": Quarter(2024, 1)}
    built = prepare(inventory, _settings(Keep("ref", Q[0], 100.0)),
                    Reference("ref", reference))
    assert built.keep is not None
    assert {(r.process_id, r.reason) for r in built.keep.released} == {
        ("gone", "removed"), ("out", "out_of_scope"), ("now-done", "digitized"),
        ("relocked", "lock_changed"), ("late", "not_eligible"), ("old", "past"),
        ("far", "outside_horizon")}
    problem = built.problem
    assert problem.reference is not None
    assert problem.reference[problem.process_ids.index("ok")] == 1


def test_frozen_quarters_take_exactly_the_still_valid_commitments() -> None:
    inventory = _inventory(*[_p(f"p{i}", annual_volume=100 * (i + 1)) for i in range(6)],
                           capacity=3.0)
    reference = {"p0": Q[0], "p1": Q[1], "p2": Q[2]}
    result = _run(inventory, reference, Keep("ref", Q[1], 0.0))
    frozen = {pid for pid, q in result.assignments.items() if q <= Q[1]}
    assert frozen == {"p0", "p1"}  # room was left, but nothing else may enter
    assert result.assignments["p0"] == Q[0] and result.assignments["p1"] == Q[1]
    assert result.reasons["p0"] == "kept"
    assert result.changes is not None and result.changes.frozen == 2


def test_frozen_commitments_that_no_longer_fit_are_released_the_fewest() -> None:
    # capacity 2 in Q0; efforts grew to 1.5 + 0.5 + 0.5 (2.5): releasing the 1.5 suffices
    inventory = _inventory(_p("big", effort=1.5), _p("s1", effort=0.5), _p("s2", effort=0.5))
    reference = {"big": Q[0], "s1": Q[0], "s2": Q[0]}
    result = _run(inventory, reference, Keep("ref", Q[0], 0.0))
    assert result.changes is not None
    assert [(r.process_id, r.reason) for r in result.changes.released] == [("big", "capacity")]
    assert result.assignments["s1"] == Q[0] and result.assignments["s2"] == Q[0]


# "hot": its volume grew so Q0 would now be worth more than Q2 by 4000/4 × 2 = 2000
def _hot() -> tuple[Inventory, dict[str, Quarter]]:
    return _inventory(_p("hot", annual_volume=4000)), {"hot": Q[2]}


@pytest.mark.parametrize(("move_cost", "quarter"), [(2500.0, Q[2]), (1500.0, Q[0]),
                                                    (math.inf, Q[2])])
def test_a_commitment_moves_only_when_the_gain_beats_the_move_cost(
        move_cost: float, quarter: Quarter) -> None:
    inventory, reference = _hot()
    result = _run(inventory, reference, Keep("ref", None, move_cost))
    assert result.assignments["hot"] == quarter
    assert result.changes is not None
    assert len(result.changes.moved) == (quarter != Q[2])


def test_the_objective_is_applications_minus_move_penalty_and_the_price_is_measured() -> None:
    inventory, reference = _hot()
    result = _run(inventory, reference, Keep("ref", None, 1500.0))
    changes = result.changes
    assert changes is not None
    assert changes.move_penalty == pytest.approx(1500.0)
    assert result.objective == pytest.approx(changes.applications - 1500.0)
    assert result.bound >= result.objective
    # the free re-plan moves it too and pays nothing: the price is the penalty
    assert changes.free_objective == pytest.approx(changes.applications)
    assert changes.price_of_stability == pytest.approx(1500.0)
    data = result.to_json()["changes"]
    assert set(data) >= {"moved", "dropped", "added", "released", "price_of_stability"}
    assert data["moved"] == [{"process_id": "hot", "from": "FY2022Q2", "to": "FY2021Q4"}]


def test_a_drop_costs_the_move_cost_too() -> None:
    # "old" is committed to Q0 but "new" (ten times the volume) wants the only slot
    inventory = _inventory(_p("old", annual_volume=400), _p("new", annual_volume=4000),
                           capacity=1.0)
    inventory.bureaus[0].capacity = {Q[0]: 1.0}
    kept = _run(inventory, {"old": Q[0]}, Keep("ref", None, 5000.0))
    assert kept.assignments.get("old") == Q[0] and "new" not in kept.assignments
    cheap = _run(inventory, {"old": Q[0]}, Keep("ref", None, 100.0))
    assert cheap.assignments.get("new") == Q[0]
    assert cheap.changes is not None and [d[0] for d in cheap.changes.dropped] == ["old"]


def test_every_plan_made_with_keep_passes_the_checker() -> None:
    inventory = _inventory(*[_p(f"p{i}", annual_volume=37 * i, effort=0.25 * (i % 5 + 1))
                             for i in range(25)], capacity=3.0)
    reference = {f"p{i}": Q[i % 4] for i in range(0, 25, 2)}
    settings = _settings(Keep("ref", Q[1], 300.0))
    built = prepare(inventory, settings, Reference("ref", reference))
    result = run_plan(inventory, settings, reference=Reference("ref", reference))
    quarter = [(result.assignments[pid] - Q[0]) if pid in result.assignments else -1
               for pid in built.problem.process_ids]
    assert check_plan(built.problem, np.array(quarter, dtype=np.int32)) == []


def test_the_reference_may_be_a_scenario_or_the_published_baseline(engine: Engine) -> None:
    inventory = _inventory(_p("a"), _p("b"))
    with engine.begin() as connection:
        repository.upsert_channels(connection, inventory.channels)
        repository.replace_bureau_capacity(connection, inventory.bureaus)
        repository.merge_processes(connection, inventory.processes)
    with engine.connect() as connection:
        stored = repository.load_inventory(connection)
    plan = run_plan(stored, _settings(None, target_count=2))
    with engine.begin() as connection:
        save_scenario(connection, "base", plan)
        publish_baseline(connection, Quarter(2021, 3), "base")
    with engine.connect() as connection:
        by_name = load_reference(connection, Keep("base"))
        newest = load_reference(connection, Keep("baseline"))
        as_of = load_reference(connection, Keep("baseline-FY2021Q3"))
        with pytest.raises(PlanningInputError, match=r"settings\.keep\.scenario: no stored"):
            load_reference(connection, Keep("nothing"))
    assert by_name.assignments == newest.assignments == as_of.assignments == plan.assignments
    kept = run_plan(stored, _settings(Keep("baseline", Q[0], 10.0), target_count=2),
                    reference=newest)
    with engine.begin() as connection:
        save_scenario(connection, "kept", kept)
    with engine.connect() as connection:
        again = load_scenario(connection, "kept")
    assert again.changes == kept.changes
    assert again.settings.keep == Keep("baseline-FY2021Q3", Q[0], 10.0)  # exactly which one


def test_move_cost_zero_is_a_free_re_plan() -> None:
    inventory = _inventory(*[_p(f"p{i}", annual_volume=50 * i) for i in range(8)])
    reference = {f"p{i}": Q[3] for i in range(8)}
    kept = _run(inventory, reference, Keep("ref", None, 0.0))
    free = run_plan(inventory, _settings(None))
    assert kept.objective == pytest.approx(free.objective)
    assert replace(kept.settings, keep=None) == free.settings


# -- the price of stability when requirements are missed (review finding 7) -------------------
def _frozen_big_misses_the_milestone() -> tuple[Inventory, dict[str, Quarter], PlanSettings]:
    """Q0 is frozen with "big" (the whole capacity); the milestone wants 2 processes by Q0.
    Kept: "big" stays, the milestone misses 1, many applications. Free: "s1" and "s2" in Q0
    meet it, "big" waits: fewer applications."""
    inventory = _inventory(_p("big", annual_volume=4000, effort=2.0), _p("s1"), _p("s2"))
    settings = replace(_settings(Keep("ref", Q[0], 100.0)), milestones=((Q[0], 3),))
    return inventory, {"big": Q[0]}, settings


def test_no_price_of_stability_when_the_plans_miss_different_requirements() -> None:
    """Before: price of stability -980 (the free re-plan meets the milestone, the kept plan
    does not: meeting requirements ranks first, so their objectives are not comparable)."""
    inventory, reference, settings = _frozen_big_misses_the_milestone()
    result = run_plan(inventory, settings, reference=Reference("ref", reference))
    assert result.status == "target_infeasible"
    changes = result.changes
    assert changes is not None and changes.free_objective is not None
    assert changes.free_objective < result.objective  # what used to make the price negative
    assert changes.free_status in ("optimal", "feasible")
    assert (changes.missing, changes.free_missing) == (1, 0)
    assert changes.comparable is False
    assert changes.price_of_stability is None
    data = result.to_json()["changes"]
    assert data["price_of_stability"] is None and data["applications_given_up"] is None
    assert data["price_of_stability_note"] == (
        "not comparable: this plan misses 1 required process, the free re-plan 0 (meeting "
        "the requirements comes before online applications)")
    assert data["free_re_plan"] | {"solve_seconds": None} == {
        "objective": changes.free_objective, "moved": 1, "dropped": 0,
        "solve_seconds": None, "status": changes.free_status, "missing": 0}


def test_the_note_survives_storing_and_an_old_negative_price_is_not_shown(
        engine: Engine) -> None:
    from dx_planner.planning.keep import Changes

    inventory, reference, settings = _frozen_big_misses_the_milestone()
    result = run_plan(inventory, settings, reference=Reference("ref", reference))
    assert result.changes is not None
    again = Changes.from_json(result.changes.to_json())
    assert again == result.changes and again.price_of_stability is None
    # a plan file written before the comparison was recorded: a negative "price" is not one
    old = result.changes.to_json()
    for key in ("price_comparable", "price_of_stability_note"):
        old.pop(key)
    for key in ("status", "missing"):
        old["free_re_plan"].pop(key)
    assert Changes.from_json(old).price_of_stability is None


def test_the_free_re_plan_is_never_worse_than_the_kept_plan_it_could_have_been() -> None:
    """When both plans meet the same requirements, the free re-plan is the better of its own
    solve and the kept plan (feasible for it), so the price is never below the penalty."""
    from dx_planner.planning.service import better_free_plan
    from solver.plan import make_plan

    inventory, reference = _hot()
    settings = _settings(Keep("ref", None, 1500.0))
    kept = prepare(inventory, settings, Reference("ref", reference))
    free = prepare(inventory, replace(settings, keep=None))

    def plan(built: Any, quarter: int) -> Any:
        return make_plan(built.problem, np.array([quarter], dtype=np.int32),
                         status="feasible", bound=3000.0, seconds=0.0)

    moved = plan(kept, 0)  # "hot" moved to Q0: 3,000 applications (objective 1,500)
    poor = plan(free, 2)  # a free solve cut short that found only 1,000
    chosen = better_free_plan(free.problem, poor, moved)
    assert (chosen.objective, chosen.quarter.tolist()) == (pytest.approx(3000.0), [0])
    best = plan(free, 0)
    assert better_free_plan(free.problem, best, plan(kept, 2)) is best


def test_capacity_value_counts_online_applications_not_spared_move_penalties() -> None:
    """Acceptance finding: with keep, a bureau-quarter whose extra person-month would only
    spare a move penalty was worth move_cost / effort "online applications" (交通局
    FY2023Q4: 2,500 = 5,000 / 2 at the end quarter, where a completion adds 0)."""
    pairs = [_p(f"{q}{k}", annual_volume=400, effort=2.0) for q in ("early", "end")
             for k in (1, 2)]
    inventory = _inventory(*pairs)
    inventory.bureaus[0].capacity = {Q[1]: 2.0, Q[3]: 2.0}  # room for one of each pair
    reference = {"early1": Q[1], "early2": Q[1], "end1": Q[3], "end2": Q[3]}
    kept = _run(inventory, reference, Keep("ref", None, 5000.0))
    value = {v.quarter: v.per_person_month for v in kept.capacity_value}
    # one more person-month lets half of the second process in: Q1 completes 400/4 a quarter
    # for 2 quarters up to the end = 200 applications, 100 per person-month; at the end, 0
    assert value[Q[1]] == pytest.approx(100.0)
    assert value[Q[3]] == 0.0
    # the prices mean what they say: 2 more person-months there add 2 x the price
    wider = _inventory(*pairs)
    wider.bureaus[0].capacity = {Q[1]: 4.0, Q[3]: 4.0}
    more = _run(wider, reference, Keep("ref", None, 5000.0))
    assert more.changes is not None and kept.changes is not None
    assert more.changes.applications - kept.changes.applications == pytest.approx(
        2 * value[Q[1]] + 2 * value[Q[3]])


def test_capacity_value_with_keep_is_0_where_the_plan_would_not_use_more_room() -> None:
    """A commitment the objective keeps in its quarter (moving it earlier gains 200
    applications, less than the move cost) gives the earlier cell no price, although its
    applications alone would."""
    pair = [_p(name, annual_volume=400, effort=2.0) for name in ("a", "b")]
    inventory = _inventory(*pair)
    inventory.bureaus[0].capacity = {Q[1]: 2.0, Q[3]: 2.0}
    reference = {"a": Q[3], "b": Q[3]}
    kept = _run(inventory, reference, Keep("ref", None, 5000.0))
    value = {v.quarter: v.per_person_month for v in kept.capacity_value}
    assert value[Q[1]] == 0.0
    wider = _inventory(*pair)
    wider.bureaus[0].capacity = {Q[1]: 4.0, Q[3]: 2.0}
    more = _run(wider, reference, Keep("ref", None, 5000.0))
    assert more.changes is not None and kept.changes is not None
    assert more.changes.applications == pytest.approx(kept.changes.applications)
