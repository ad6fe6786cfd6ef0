"""The report's tables are complete: every authority has every figure, and 計 sums them."""

from __future__ import annotations

from dx_planner.progress_report.document import Table
from dx_planner.progress_report.figures import ReportFigures
from dx_planner.progress_report.narrative import build_document


def _table(figures: ReportFigures, title_start: str) -> Table:
    return next(block for block in build_document(figures).blocks
                if isinstance(block, Table) and block.title.startswith(title_start))


def test_the_major_procedure_table_is_complete_and_its_total_row_adds_up(
        figures: ReportFigures) -> None:
    table = _table(figures, "主要")
    *authorities, total = table.rows
    assert [row[0] for row in authorities] == ["都", "国", "その他"] and total[0] == "計"
    assert all(cell is not None for row in table.rows for cell in row[1:])
    for column in range(1, len(table.columns)):
        assert total[column] == sum(row[column] for row in authorities)  # type: ignore[misc]
