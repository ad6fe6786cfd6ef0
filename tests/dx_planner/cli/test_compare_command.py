"""``dx-planner compare A B [--xlsx FILE]`` on two real scenarios of a small demo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dx_planner.cli.main import main
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.planning.compare import ChangeKind, compare_scenarios
from dx_planner.planning.scenarios import load_scenario


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("compare") / "demo.db"
    assert main(["--db", str(path), "demo", "--processes", "800", "--seed", "3"]) == 0
    assert main(["--db", str(path), "solve", "--scenario", "A", "--time-limit", "2"]) == 0
    assert main(["--db", str(path), "solve", "--scenario", "B", "--time-limit", "2",
                 "--target", "0.6", "--milestone", "FY2022Q4:300"]) == 0
    return path


def test_the_report_sets_settings_figures_bureaus_and_changes_side_by_side(
        demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), "compare", "A", "B"]) == 0
    out = capsys.readouterr().out
    assert "compare A = A with B = B" in out
    assert "≠ target " in out and "≠ milestones" in out
    assert "  start " in out  # same settings are listed too, unmarked
    for key in ("objective", "digitized_by_deadline", "planned", "gap"):
        assert f"  {key} " in out
    assert "planned completions by bureau" in out and "changes (B against A):" in out


def test_the_comparison_counts_agree_with_the_plans(demo: Path) -> None:
    engine = open_database(demo)
    with engine.connect() as connection:
        a, b = load_scenario(connection, "A"), load_scenario(connection, "B")
        processes = repository.load_processes(connection)
    engine.dispose()
    c = compare_scenarios("A", a, "B", b, processes)
    assert sum(c.counts_a.values()) == len(a.assignments)
    assert sum(c.counts_b.values()) == len(b.assignments)
    kinds = c.change_counts()
    added_minus_dropped = kinds[ChangeKind.ADDED] - kinds[ChangeKind.DROPPED]
    assert added_minus_dropped == len(b.assignments) - len(a.assignments)
    assert {f.key: f.difference for f in c.figures}["planned"] == added_minus_dropped
    assert len(c.changes) > 0


def test_the_workbook_is_a_real_print_ready_xlsx(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "compare.xlsx"
    assert main(["--db", str(demo), "compare", "A", "B", "--xlsx", str(path)]) == 0
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["比較概要", "局別四半期", "変更"]
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows
    bureaus = workbook["局別四半期"]
    rows = list(bureaus.iter_rows(values_only=True))
    blocks = [i for i, row in enumerate(rows) if row[0] == "所管局"]
    assert len(blocks) == 3  # B − A, A, B
    diff_total, a_total, b_total = (
        next(row for row in rows[start:] if row[0] == "計")[-1] for start in blocks)
    assert diff_total == b_total - a_total
    changes = list(workbook["変更"].iter_rows(min_row=5, values_only=True))
    engine = open_database(demo)
    with engine.connect() as connection:
        a, b = load_scenario(connection, "A"), load_scenario(connection, "B")
    engine.dispose()
    assert len(changes) == len(a.assignments.keys() ^ b.assignments.keys()) + sum(
        1 for pid in a.assignments.keys() & b.assignments.keys()
        if a.assignments[pid] != b.assignments[pid])


@pytest.mark.parametrize(("argv", "message"), [
    (["compare", "A", "nope"], "no scenario named 'nope'"),
    (["compare", "A", "B", "--xlsx", "out.csv"], "must be an .xlsx file"),
])
def test_bad_input_is_one_line_and_exit_1(demo: Path, argv: list[str], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
