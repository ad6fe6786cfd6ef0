"""四半期計画 of a what-if plan, end to end (real demo, real solve, real .xlsx): the capacity
it shows is the capacity the plan was solved with, so a feasible plan is never painted as
overloaded (acceptance finding: 福祉保健局 ×1.2 showed the unscaled capacity and 120% use)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dx_planner.cli.main import main
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.planning.scenarios import load_scenario
from tests.helpers.workbooks import sheet_rows

BUREAU = "福祉保健局"
FACTOR = 1.5


@pytest.fixture(scope="module")
def scaled_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("whatif")
    db = folder / "demo.db"
    assert main(["--db", str(db), "demo", "--processes", "1500", "--seed", "5"]) == 0
    assert main(["--db", str(db), "solve", "--scenario", "scaled", "--time-limit", "4",
                 "--capacity-scale", f"{BUREAU}={FACTOR}"]) == 0
    workbook = folder / "plan.xlsx"
    assert main(["--db", str(db), "export-plan", str(workbook), "--scenario", "scaled"]) == 0
    return db, workbook


def _block(rows: list[tuple[object, ...]], label: str) -> dict[str, list[float]]:
    """Bureau → the quarter cells of the block headed ``label``."""
    first = next(i for i, row in enumerate(rows) if row[0] == label) + 1
    block: dict[str, list[float]] = {}
    for row in rows[first:]:
        if row[0] in (None, "合計"):
            break
        block[str(row[0])] = [float(v or 0) for v in row[1:-1]]  # type: ignore[arg-type]
    return block


def test_capacity_is_the_scaled_capacity_and_the_plan_fits_it(
        scaled_export: tuple[Path, Path]) -> None:
    db, path = scaled_export
    engine = open_database(db)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    sheet = load_workbook(path)["四半期計画"]
    rows = list(sheet.iter_rows(values_only=True))
    with engine.connect() as connection:
        quarters = load_scenario(connection, "scaled").settings.quarters
    engine.dispose()
    effort = _block(rows, "計画工数（人月）")
    capacity = _block(rows, "処理能力（人月）")
    stated = next(b for b in inventory.bureaus if b.name == BUREAU).capacity
    assert capacity[BUREAU] == pytest.approx(
        [stated.get(q, 0.0) * FACTOR for q in quarters])
    # the scaled capacity is used: the plan needs more than the stated capacity somewhere
    assert any(e > stated.get(q, 0.0) + 0.01 for e, q in zip(effort[BUREAU], quarters,
                                                             strict=True))
    for bureau, row in effort.items():
        for used, room in zip(row, capacity[bureau], strict=True):
            assert used <= room + 1e-6, bureau
    usage = _block(rows, "処理能力の使用率（計画工数 ÷ 処理能力）")
    assert max(max(r) for r in usage.values()) <= 1.0 + 1e-9


def test_summary_says_capacity_is_as_assumed(scaled_export: tuple[Path, Path]) -> None:
    _, path = scaled_export
    rows = sheet_rows(path, "概要")
    assumed = next(row for row in rows if row and row[0] == "仮定: 処理能力の倍率")
    assert f"{BUREAU} ×{FACTOR:g}" in str(assumed[1])
    assert "この倍率を適用した値" in str(assumed[1])


def test_bureau_sheet_states_the_scaled_capacity(scaled_export: tuple[Path, Path]) -> None:
    _, path = scaled_export
    text = " ".join(str(cell) for row in sheet_rows(path, BUREAU) for cell in row
                    if isinstance(cell, str))
    loads = re.findall(r"件（([\d,.]+)/([\d,.]+)人月）", text)  # FY2022Q2 261件（486.8/405.8人月）
    assert loads
    assert any(float(used.replace(",", "")) > 0 for used, _ in loads)
    for used, room in loads:
        assert float(used.replace(",", "")) <= float(room.replace(",", "")) + 0.05
