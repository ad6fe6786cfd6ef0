"""Sheet 四半期計画: bureau × quarter — planned processes, effort, capacity, utilisation.

All four blocks share one column layout (bureau, one column per quarter, total) under one
frozen header row. Conditional formatting compares each effort cell with the capacity cell
of the same bureau and quarter: red where the plan needs more than the capacity, yellow where
less than half of it is used (idle capacity).
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.cursor import RowCursor
from dx_planner.plan_workbook.figures import BureauFigures, PlanFigures

SHEET = "四半期計画"
IDLE_BELOW = 0.5  # share of capacity under which a bureau-quarter counts as idle
OVERLOAD_TOLERANCE = "0.000001"  # person-months, as Excel formula text

Value = Callable[[BureauFigures, Quarter], float | int | None]


def write_quarterly_sheet(workbook: Workbook, figures: PlanFigures) -> WriteOnlyWorksheet:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET)
    quarters = [q.quarter for q in figures.quarters]
    widths = [18] + [14] * len(quarters) + [12]
    styles.set_widths(sheet, widths)
    sheet.freeze_panes = "B5"
    styles.print_setup(sheet, title_rows="1:4", heading=f"四半期計画 — {figures.name}",
                       widths=widths, title_columns="A:A")
    cursor = RowCursor(sheet)
    cursor.append(styles.title(sheet, f"四半期計画（局 × 四半期）— シナリオ: {figures.name}"))
    cursor.append(styles.note(sheet, (
        f"赤: 計画工数が処理能力を超える / 黄: 処理能力の{IDLE_BELOW:.0%}未満しか使わない（遊休）"
        " · 工数・処理能力の単位は人月"
        " · 処理能力は計画を解いたときの値（仮定の倍率と実績の工数を含む）")))
    cursor.skip()
    texts = ["所管局", *(q.label for q in quarters), "合計"]
    cursor.append(styles.headers(sheet, texts), height=styles.header_height(texts, widths))

    counts = _block(cursor, figures, "計画件数（手続）",
                    lambda b, q: b.count.get(q, 0), styles.COUNT)
    effort = _block(cursor, figures, "計画工数（人月）",
                    lambda b, q: b.effort.get(q, 0.0), styles.EFFORT)
    capacity = _block(cursor, figures, "処理能力（人月）",
                      lambda b, q: b.capacity.get(q, 0.0), styles.EFFORT)
    usage = _usage_block(cursor, figures, quarters)
    if figures.bureaus and quarters:
        for block in (counts, effort, usage):
            _mark_load(sheet, block, effort, capacity, len(figures.bureaus), len(quarters))
    return sheet


def _block(cursor: RowCursor, figures: PlanFigures, label: str, value: Value,
           number_format: str) -> int:
    """One bureau × quarter block with row and column totals; returns its first bureau row."""
    sheet = cursor.sheet
    quarters = [q.quarter for q in figures.quarters]
    last_quarter = get_column_letter(len(quarters) + 1)
    cursor.skip()
    cursor.append(styles.section(sheet, label))
    first = cursor.row + 1
    for bureau in figures.bureaus:
        row = cursor.row + 1
        cursor.append([
            styles.styled(sheet, bureau.name, font=styles.BOLD),
            *(styles.styled(sheet, value(bureau, quarter), number_format=number_format)
              for quarter in quarters),
            styles.formula(sheet, f"=SUM(B{row}:{last_quarter}{row})",
                           number_format=number_format),
        ])
    last = cursor.row
    if last >= first:
        cursor.append([
            styles.styled(sheet, "合計", font=styles.BOLD, fill=styles.TOTAL_FILL),
            *(styles.formula(sheet, f"=SUM({letter}{first}:{letter}{last})",
                             number_format=number_format)
              for letter in (get_column_letter(i + 2) for i in range(len(quarters) + 1))),
        ])
    return first


def _usage_block(cursor: RowCursor, figures: PlanFigures, quarters: list[Quarter]) -> int:
    """Effort ÷ capacity, as values (blank where a bureau has no capacity)."""
    sheet = cursor.sheet
    cursor.skip()
    cursor.append(styles.section(sheet, "処理能力の使用率（計画工数 ÷ 処理能力）"))
    first = cursor.row + 1

    def ratio(effort: float, capacity: float) -> float | None:
        return effort / capacity if capacity > 0 else None

    for bureau in figures.bureaus:
        cursor.append([
            styles.styled(sheet, bureau.name, font=styles.BOLD),
            *(styles.styled(sheet, ratio(bureau.effort.get(q, 0.0), bureau.capacity.get(q, 0.0)),
                            number_format=styles.PERCENT) for q in quarters),
            styles.styled(sheet, ratio(sum(bureau.effort.values()),
                                       sum(bureau.capacity.get(q, 0.0) for q in quarters)),
                          number_format=styles.PERCENT),
        ])
    if figures.bureaus:
        effort = {q: sum(b.effort.get(q, 0.0) for b in figures.bureaus) for q in quarters}
        capacity = {q: sum(b.capacity.get(q, 0.0) for b in figures.bureaus) for q in quarters}
        cursor.append([
            styles.styled(sheet, "全体", font=styles.BOLD, fill=styles.TOTAL_FILL),
            *(styles.styled(sheet, ratio(effort[q], capacity[q]), number_format=styles.PERCENT,
                            font=styles.BOLD, fill=styles.TOTAL_FILL) for q in quarters),
            styles.styled(sheet, ratio(sum(effort.values()), sum(capacity.values())),
                          number_format=styles.PERCENT, font=styles.BOLD,
                          fill=styles.TOTAL_FILL),
        ])
    return first


def _mark_load(sheet: WriteOnlyWorksheet, block_first: int, effort_first: int,
               capacity_first: int, rows: int, quarters: int) -> None:
    """Colour the bureau × quarter cells of a block by the load of that bureau-quarter."""
    last_column = get_column_letter(quarters + 1)
    cells = f"B{block_first}:{last_column}{block_first + rows - 1}"
    effort, capacity = f"B{effort_first}", f"B{capacity_first}"
    sheet.conditional_formatting.add(cells, FormulaRule(
        formula=[f"{effort}>{capacity}+{OVERLOAD_TOLERANCE}"], fill=styles.OVERLOADED_FILL,
        stopIfTrue=True))
    sheet.conditional_formatting.add(cells, FormulaRule(
        formula=[f"AND({capacity}>0,{effort}<{IDLE_BELOW}*{capacity})"], fill=styles.IDLE_FILL))

