"""The plan workbook's §6 parts: requirements and costs and the keep section on 概要, the
capacity-value sheet, and the moves on each bureau's sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook.export import write_plan_workbook
from dx_planner.planning.keep import Keep, Reference
from dx_planner.planning.requirements import RequirementSpec, Scope
from dx_planner.planning.result import PlanResult
from dx_planner.planning.service import run_plan
from dx_planner.planning.settings import PlanSettings

Q = [Quarter(2021, 4) + i for i in range(4)]


def _inventory() -> Inventory:
    processes = [Process(id="done", name="済", bureau="A", status=Status.DIGITIZED,
                         digitized_quarter=Quarter(2021, 3))]
    processes += [Process(id=f"A{i}", name=f"手続{i}", bureau="A", annual_volume=100 * (i + 1),
                          effort=1.0) for i in range(6)]
    processes += [Process(id=f"B{i}", name=f"手続{i}", bureau="B", annual_volume=10 * (i + 1),
                          effort=1.0, priority=True) for i in range(4)]
    bureaus = [Bureau("A", {q: 2.0 for q in Q}), Bureau("B", {q: 1.0 for q in Q})]
    return Inventory(processes, bureaus, [Channel("共同電子申請")])


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    return [r for r in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)
            if any(c is not None for c in r)]


@pytest.fixture(scope="module")
def plan() -> PlanResult:
    settings = PlanSettings(deadline=Q[-1], target_count=5, time_limit=2, requirements=(
        RequirementSpec(Scope(priority=True), Q[2], count=3),))
    return run_plan(_inventory(), settings)


def test_summary_lists_every_requirement_with_its_cost(plan: PlanResult, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan_workbook(_inventory(), plan, path, name="req")
    rows = _rows(path, "概要")
    start = next(i for i, r in enumerate(rows) if r[0] == "達成条件と費用")
    table = rows[start + 3: start + 3 + len(plan.requirements)]
    assert [r[0] for r in table] == [f"目標: 全手続 の 5件（{Q[-1].label}まで）",
                                     f"達成条件: 重点 の 3件（{Q[2].label}まで）"]
    for row, outcome in zip(table, plan.requirements, strict=True):
        assert row[3:6] == (outcome.requirement.needed, outcome.reached, "達成")


def test_the_capacity_value_sheet_holds_the_plans_prices(plan: PlanResult,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan_workbook(_inventory(), plan, path, name="req")
    rows = _rows(path, "処理能力の価値")
    header = next(i for i, r in enumerate(rows) if r[0] == "所管局")
    grid = {(r[0], q.code): v for r in rows[header + 1: header + 3]
            for q, v in zip(Q, r[1:], strict=False)}
    assert grid == {(v.bureau, v.quarter.code): pytest.approx(v.per_person_month)
                    for v in plan.capacity_value}
    assert any(v.per_person_month > 0 for v in plan.capacity_value)


def test_bureau_sheets_show_the_moves_when_the_plan_kept_a_reference(tmp_path: Path) -> None:
    inventory = _inventory()
    # A5 (the biggest) was committed to the last quarter; moving it first gains more than 50
    reference = Reference("ref", {"A5": Q[3]})
    kept = run_plan(inventory, PlanSettings(deadline=Q[-1], target_count=0, time_limit=2,
                                            keep=Keep("ref", None, 50.0)), reference=reference)
    assert kept.changes is not None and [m[0] for m in kept.changes.moved] == ["A5"]
    path = tmp_path / "kept.xlsx"
    write_plan_workbook(inventory, kept, path, name="kept")
    rows = _rows(path, "A")
    assert rows[3][-2:] == ("前回計画", "前回からの変更")
    by_id = {r[2]: r for r in rows[4:]}
    assert by_id["A5"][-2:] == (Q[3].code, f"前倒し → {kept.assignments['A5'].code}")
    assert "前回計画からの変更: 前倒し 1件" in rows[1][0]
    summary = _rows(path, "概要")
    assert any(r[0] == "前回計画の維持（安定した再計画）" for r in summary)
    assert ("移動", 1) in [r[:2] for r in summary]


def test_no_price_of_stability_is_shown_when_the_plans_miss_different_requirements(
        tmp_path: Path) -> None:
    """Review finding 7: a negative 'price' was printed where the objectives are not
    comparable (the kept plan misses the milestone the free re-plan meets)."""
    from tests.dx_planner.planning.test_keep import _frozen_big_misses_the_milestone

    inventory, reference, settings = _frozen_big_misses_the_milestone()
    kept = run_plan(inventory, settings, reference=Reference("ref", reference))
    assert kept.changes is not None and kept.changes.price_of_stability is None
    path = tmp_path / "kept.xlsx"
    write_plan_workbook(inventory, kept, path, name="kept")
    summary = [r[:2] for r in _rows(path, "概要")]
    assert ("安定性の価格", "比較できません：この計画は必要な手続が 1 件不足、自由な再計画は 0 件"
            "不足（条件の達成がオンライン申請件数より優先）") in summary
    assert not [r for r in summary if r[0] == "安定性の価格（自由な再計画との差）"]
