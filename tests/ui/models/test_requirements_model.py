"""The requirements table's model: rows to settings and back, counts of the processes in
scope, the planner's mistakes in Japanese, and the outcome of a solved plan per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from dx_planner.domain.enums import Authority, ProcedureType
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.requirements import RequirementSpec, Scope
from dx_planner.planning.service import run_plan
from dx_planner.planning.settings import PlanSettings
from ui.models.requirements_model import (
    AMOUNT,
    COST,
    IN_SCOPE,
    MET,
    NEEDED,
    REACHED,
    UNIT,
    RequirementRow,
    RequirementsModel,
)


def _inventory() -> Inventory:
    from dx_planner.domain.inventory import Bureau

    processes = [Process(id=f"P{i}", name=f"手続{i}", bureau="総務局" if i < 6 else "財務局",
                         type=ProcedureType.PERMIT if i % 2 else ProcedureType.NOTIFICATION,
                         authority=Authority.TOKYO, annual_volume=1_000 * i, effort=1.0)
                 for i in range(10)]
    quarters = [Quarter(2022, 1) + k for k in range(8)]
    bureaus = [Bureau("総務局", dict.fromkeys(quarters, 2.0)),
               Bureau("財務局", dict.fromkeys(quarters, 2.0))]
    return Inventory(processes, bureaus, [])


def test_rows_round_trip_through_settings_and_count_their_scope(qtmodeltester: Any) -> None:
    model = RequirementsModel(_inventory())
    specs = (RequirementSpec(Scope(bureau="総務局", type=ProcedureType.PERMIT), Quarter(2022, 4),
                             count=2),
             RequirementSpec(Scope(min_volume=5_000), None, share=0.5))
    model.set_specs(specs)
    qtmodeltester.check(model, force_py=True)
    assert model.specs() == specs
    # P1, P3, P5 are 総務局 permits; P5..P9 have at least 5,000 applications a year
    assert model.data(model.index(0, IN_SCOPE)) == "3"
    assert model.data(model.index(1, IN_SCOPE)) == "5"
    assert model.data(model.index(1, NEEDED)) == "3"  # ceil(0.5 × 5)
    assert model.data(model.index(1, AMOUNT)) == "50 %"


def test_switching_the_unit_keeps_what_the_row_asks_for() -> None:
    model = RequirementsModel(_inventory())
    model.add_row(RequirementRow(bureau="財務局", amount=50.0))  # 2 of 4
    assert model.setData(model.index(0, UNIT), True)
    assert model.rows[0].by_count and model.rows[0].amount == 2
    assert model.setData(model.index(0, UNIT), False)
    assert model.rows[0].amount == 50.0


def test_mistakes_are_named_in_japanese() -> None:
    model = RequirementsModel(_inventory())
    model.add_row(RequirementRow(bureau="財務局", by_count=True, amount=9))
    model.add_row(RequirementRow(min_volume=1_000_000))
    model.add_row(RequirementRow(bureau="総務局", quarter=Quarter(2030, 1)))
    model.add_row(RequirementRow(bureau="総務局", quarter=Quarter(2030, 1)))
    problems = model.problems(Quarter(2022, 1), Quarter(2023, 4))
    assert problems == [
        "要件 1：件数 9 が条件に当てはまる対象の手続 4 件を超えています",
        "要件 2：条件に当てはまる対象の手続がありません（条件を緩めてください）",
        "要件 3：期限 FY2030Q1 が計画の期間（FY2022Q1〜FY2023Q4）の外です",
        "要件 4：期限 FY2030Q1 が計画の期間（FY2022Q1〜FY2023Q4）の外です",
        "要件 4：要件 3 と同じです",
    ]


def test_outcome_and_cost_of_a_solved_plan_are_shown_per_row(qtmodeltester: Any) -> None:
    inventory = _inventory()
    model = RequirementsModel(inventory)
    model.add_row(RequirementRow(bureau="財務局", by_count=True, amount=3))
    settings = PlanSettings(start=Quarter(2022, 1), deadline=Quarter(2022, 4), target_share=0.5,
                            requirements=model.specs(), time_limit=2)
    result = run_plan(inventory, settings)
    model.set_result(result)
    qtmodeltester.check(model, force_py=True)
    reached = sum(1 for p in inventory.processes if p.bureau == "財務局"
                  and result.assignments.get(p.id, Quarter(2099, 1)) <= Quarter(2022, 4))
    assert model.data(model.index(0, NEEDED)) == "3"
    assert model.data(model.index(0, REACHED)) == str(reached)
    assert model.data(model.index(0, MET)) == ("達成" if reached >= 3 else "未達")
    assert model.data(model.index(0, COST)) != "—"
    # an edited row no longer states what was solved: no outcome beside it
    model.setData(model.index(0, AMOUNT), 4)
    assert model.data(model.index(0, REACHED)) == "—"


def test_a_requirement_quarter_is_chosen_from_the_plannable_quarters() -> None:
    from dx_planner.domain.quarters import plannable_quarters
    from ui.models.requirements_model import QUARTER

    model = RequirementsModel(_inventory())
    model.add_row()
    spec = model.editor_spec(model.index(0, QUARTER))
    assert spec is not None
    assert [q for _, q in spec.choices] == [None, *plannable_quarters()]


def test_the_rows_are_numbered_and_the_columns_titled() -> None:
    model = RequirementsModel(_inventory())
    model.add_row()
    model.add_row(RequirementRow(bureau="財務局"))
    assert model.rowCount() == 2
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "所管局"
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) is None
    model.remove_rows([0])
    assert model.rows == [RequirementRow(bureau="財務局")]
