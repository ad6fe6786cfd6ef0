"""Sheet 処理能力の価値: where one more person-month helps most.

For each bureau and quarter, the online applications (within the plan) that one more
person-month of capacity is worth: the plan's shadow prices (planning-model.md §6,
``capacity_value``); 0 where capacity does not bind. A colour scale marks the valuable
cells; below the grid, the most valuable cells in order.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.plan_workbook import styles
from dx_planner.planning.result import PlanResult

SHEET = "処理能力の価値"
HEADER_ROW = 4
TOP = 15
VALUE = "#,##0"


def write_capacity_value_sheet(workbook: Workbook, result: PlanResult, name: str) -> bool:
    """The sheet (False, and no sheet, when the plan has no capacity values)."""
    values = result.capacity_value
    if not values:
        return False
    quarters = sorted({v.quarter for v in values})
    bureaus = list(dict.fromkeys(v.bureau for v in values))
    grid = {(v.bureau, v.quarter): v.per_person_month for v in values}
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET)
    widths = [20] + [11] * len(quarters)
    styles.set_widths(sheet, widths)
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    styles.print_setup(sheet, title_rows=f"1:{HEADER_ROW}", heading=f"{SHEET} — {name}",
                       widths=widths, title_columns="A:A")
    sheet.append(styles.title(sheet, "処理能力の価値 — 1人月の追加でどれだけ増えるか"))
    sheet.append(styles.note(sheet, "各局・各四半期の処理能力を1人月増やしたときに増えるオンライン"
                                    "申請件数（計画期間内、計画の双対価格）。0 = 処理能力が制約に"
                                    "なっていない。色が濃いほど価値が高い。"))
    sheet.append(styles.note(sheet, f"シナリオ: {name}"))
    sheet.append(styles.headers(sheet, ["所管局", *(q.code for q in quarters)]))
    for bureau in bureaus:
        sheet.append([styles.styled(sheet, bureau, font=styles.BOLD)]
                     + [styles.styled(sheet, grid.get((bureau, q), 0.0), number_format=VALUE,
                                      border=styles.BOX) for q in quarters])
    last_row = HEADER_ROW + len(bureaus)
    cells = f"B{HEADER_ROW + 1}:{get_column_letter(len(quarters) + 1)}{last_row}"
    sheet.conditional_formatting.add(cells, ColorScaleRule(
        start_type="num", start_value=0, start_color="FFFFFF",
        end_type="max", end_color="F4B183"))
    sheet.append([])
    sheet.append(styles.section(sheet, f"価値の高い上位{TOP}"))
    sheet.append(styles.headers(sheet, ["所管局", "四半期", "1人月あたり"]))
    for v in sorted(values, key=lambda v: -v.per_person_month)[:TOP]:
        if v.per_person_month <= 0:
            break
        sheet.append([v.bureau, v.quarter.label,
                      styles.styled(sheet, v.per_person_month, number_format=VALUE)])
    return True
