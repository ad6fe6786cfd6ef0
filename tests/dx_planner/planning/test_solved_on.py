"""Which inventory a stored plan is read against: fingerprints taken at the solve, stored
with the scenario, and the drift of today's inventory from them."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine

from dx_planner.demo.generator import generate_demo_inventory
from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import load_scenario, save_scenario
from dx_planner.planning.service import run_plan
from dx_planner.planning.settings import PlanSettings
from dx_planner.planning.solved_on import inventory_drift


def _solved(inventory: Inventory) -> PlanResult:
    return run_plan(inventory, PlanSettings(time_limit=2))


def _copy(inventory: Inventory) -> Inventory:
    return replace(inventory, processes=list(inventory.processes),
                   bureaus=[replace(b, capacity=dict(b.capacity)) for b in inventory.bureaus])


def test_no_drift_for_the_inventory_solved_on_nor_for_names_and_notes() -> None:
    inventory = generate_demo_inventory(300, seed=2)
    result = _solved(inventory)
    assert result.solved_on is not None
    assert not inventory_drift(result, inventory).any
    renamed = _copy(inventory)
    renamed.processes[0] = replace(renamed.processes[0], name="別の名前", notes="メモ",
                                   version=99)
    assert not inventory_drift(result, renamed).any


def test_changed_removed_added_and_capacity_are_told() -> None:
    inventory = generate_demo_inventory(300, seed=2)
    result = _solved(inventory)
    today = _copy(inventory)
    first, second, gone = today.processes[:3]
    today.processes[0] = replace(first, effort=first.effort + 1)
    today.processes[1] = replace(second, status=Status.OUT_OF_SCOPE)
    today.processes.remove(gone)
    today.processes.append(replace(gone, id="P-NEW"))
    bureau = today.bureaus[0]
    quarter = next(iter(bureau.capacity))
    bureau.capacity[quarter] += 1
    drift = inventory_drift(result, today)
    assert drift.changed == (first.id, second.id)
    assert drift.removed == (gone.id,)
    assert drift.added == ("P-NEW",)
    assert drift.capacity_changed and not drift.channels_changed and drift.exact
    assert drift.summary() == ("4 processes differ (2 changed, 1 removed, 1 added); "
                               "bureau capacity changed")
    assert ("手続 4件が異なります（変更 2件、削除 1件、追加 1件）、局別処理能力が変わりました"
            in drift.note())


def test_fingerprints_are_stored_with_the_scenario(engine: Engine) -> None:
    inventory = generate_demo_inventory(300, seed=2)
    result = _solved(inventory)
    with engine.begin() as connection:
        save_scenario(connection, "案", result)
    with engine.connect() as connection:
        loaded = load_scenario(connection, "案")
    assert loaded.solved_on == result.solved_on
    today = _copy(inventory)
    today.processes[5] = replace(today.processes[5], annual_volume=10**6)
    assert inventory_drift(loaded, today).changed == (today.processes[5].id,)


def test_a_plan_stored_without_fingerprints_tells_what_its_assignments_show() -> None:
    inventory = generate_demo_inventory(300, seed=2)
    result = _solved(inventory)
    result.solved_on = None
    today = _copy(inventory)
    planned = next(i for i, p in enumerate(today.processes) if p.id in result.assignments)
    today.processes[planned] = replace(today.processes[planned], status=Status.OUT_OF_SCOPE)
    effort_only = next(i for i, p in enumerate(today.processes) if p.id in result.reasons
                       and i != planned)
    today.processes[effort_only] = replace(today.processes[effort_only], effort=50.0)
    drift = inventory_drift(result, today)
    assert drift.changed == (today.processes[planned].id,) and not drift.exact
    assert drift.summary().startswith("at least 1 process differs (1 changed)")
