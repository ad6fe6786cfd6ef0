"""Requirements over a scope and per-bureau targets, resolved against an inventory."""

from __future__ import annotations

import pytest

from dx_planner.domain.enums import Authority, ProcedureType, Status
from dx_planner.domain.inventory import Bureau, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.problem_builder import build_problem
from dx_planner.planning.requirements import (
    BUREAU_TARGET,
    MILESTONE,
    REQUIREMENT,
    TARGET,
    RequirementSpec,
    Scope,
)
from dx_planner.planning.settings import PlanningInputError, PlanSettings, resolve

START = Quarter(2021, 4)


def _process(pid: str, bureau: str, **fields: object) -> Process:
    return Process(id=pid, name="x", bureau=bureau, **fields)  # type: ignore[arg-type]


def _inventory() -> Inventory:
    return Inventory([
        _process("a1", "A", annual_volume=20_000, status=Status.DIGITIZED,
                 digitized_quarter=Quarter(2021, 3)),
        _process("a2", "A", annual_volume=15_000),
        _process("a3", "A", annual_volume=50, type=ProcedureType.PERMIT),
        _process("b1", "B", annual_volume=30_000, authority=Authority.NATIONAL),
        _process("b2", "B", annual_volume=10, priority=True),
        _process("b3", "B", status=Status.OUT_OF_SCOPE, annual_volume=99_000),
    ], [Bureau("A", {START: 5.0}), Bureau("B", {START: 5.0})])


def test_scope_matches_every_given_key() -> None:
    scope = Scope(authority=Authority.TOKYO, min_volume=10_000)
    inventory = _inventory()
    assert [p.id for p in inventory.processes if scope.matches(p)] == ["a1", "a2", "b3"]
    assert Scope().is_everything and not scope.is_everything
    assert scope.to_json() == {"authority": "都", "min_volume": 10_000}
    assert scope.describe() == "authority=都, min_volume=10000"


def test_share_and_count_resolve_against_the_in_scope_processes() -> None:
    specs = (RequirementSpec(Scope(min_volume=10_000), Quarter(2022, 4), share=1.0),
             RequirementSpec(Scope(bureau="B"), None, count=1))
    resolved = resolve(PlanSettings(requirements=specs), _inventory())
    big, bureau_b = resolved.scoped
    assert (big.kind, big.in_scope, big.needed, big.quarter) == (
        REQUIREMENT, 3, 3, Quarter(2022, 4))  # b3 is out of scope
    assert (bureau_b.needed, bureau_b.quarter) == (1, resolved.deadline)  # default: deadline
    kinds = [r.kind for r in resolved.all_requirements()]
    assert kinds == [TARGET, REQUIREMENT, REQUIREMENT]


def test_bureau_target_adds_one_requirement_per_bureau() -> None:
    resolved = resolve(PlanSettings(bureau_target=0.5, milestones=((Quarter(2022, 4), 1),)),
                       _inventory())
    assert [r.kind for r in resolved.all_requirements()] == [TARGET, MILESTONE, BUREAU_TARGET,
                                                             BUREAU_TARGET]
    assert [(r.scope.bureau, r.in_scope, r.needed) for r in resolved.scoped] == [
        ("A", 3, 2), ("B", 2, 1)]


def test_problem_requirements_count_planned_members_besides_those_already_digitized() -> None:
    inventory = _inventory()
    spec = RequirementSpec(Scope(min_volume=10_000), Quarter(2022, 4), share=1.0)
    built = build_problem(inventory, resolve(PlanSettings(requirements=(spec,)), inventory))
    (req,) = built.problem.requirements
    rows = [built.problem.process_ids[i] for i in req.rows.tolist()]  # type: ignore[union-attr]
    assert rows == ["a2", "b1"]
    assert req.need == 3 - 1  # a1 is already digitized
    assert req.quarter == Quarter(2022, 4) - START
    assert built.already_in_scope == (1, 1)  # target (a1), the requirement (a1)


@pytest.mark.parametrize(("settings", "message"), [
    (PlanSettings(requirements=(RequirementSpec(Scope(bureau="Z"), None, count=1),)),
     r"settings.requirements\[0\].scope.bureau: unknown bureau 'Z'"),
    (PlanSettings(requirements=(RequirementSpec(Scope(), None, share=1.5),)),
     r"settings.requirements\[0\].share"),
    (PlanSettings(requirements=(RequirementSpec(Scope(), None),)),
     r"settings.requirements\[0\]: give a share or a count"),
    (PlanSettings(requirements=(RequirementSpec(Scope(), Quarter(2025, 1), count=1),)),
     r"settings.requirements\[0\].quarter: FY2025Q1 is outside"),
    (PlanSettings(bureau_target=2.0), r"settings.bureau_target"),
])
def test_bad_requirements_name_the_field(settings: PlanSettings, message: str) -> None:
    with pytest.raises(PlanningInputError, match=message):
        resolve(settings, _inventory())
