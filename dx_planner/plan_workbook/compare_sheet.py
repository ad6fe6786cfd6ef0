"""Sheet 前回比較: processes whose planned quarter moved, or that were added or dropped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.fast_rows import FastSheets
from dx_planner.planning.compare import ChangeKind, PlanChange

SHEET = "前回比較"
HEADERS = ("所管局", "手続ID", "手続名", "変更", "前回四半期", "今回四半期", "移動（四半期）",
           "年間申請件数", "工数")
WIDTHS = (16, 12, 44, 10, 14, 14, 12, 13, 8)
HEADER_ROW = 4
NOT_IN_INVENTORY = "（手続一覧にない）"

Progress = Callable[[int], None]


def _quarter(quarter: Quarter | None) -> str | None:
    return quarter.code if quarter is not None else None


def write_compare_sheet(workbook: Workbook, changes: Sequence[PlanChange],
                        fast_sheets: FastSheets, *, current: str, previous: str,
                        progress: Progress | None = None, name: str = SHEET) -> None:
    """The changes of ``current`` against ``previous`` on a sheet named ``name``."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(name)
    styles.set_widths(sheet, WIDTHS)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.auto_filter.ref = (f"A{HEADER_ROW}:{get_column_letter(len(HEADERS))}"
                             f"{HEADER_ROW + max(len(changes), 1)}")
    styles.print_setup(sheet, title_rows=f"1:{HEADER_ROW}",
                       heading=f"{name} — {current} / {previous}", widths=WIDTHS,
                       title_columns="B:C")
    counts = Counter(change.kind for change in changes)
    sheet.append(styles.title(sheet, f"{name} — 今回: {current} / 前回: {previous}"))
    sheet.append(styles.note(sheet, " · ".join(f"{kind.ja} {counts[kind]:,}件"
                                              for kind in ChangeKind)
                             + f" · 計 {len(changes):,}件"))
    sheet.append(styles.note(sheet, "移動: 今回 − 前回（四半期数、負は前倒し）。"
                                    "追加 = 今回だけ計画、削除 = 前回だけ計画。"))
    sheet.row_dimensions[HEADER_ROW].height = styles.header_height(HEADERS, WIDTHS)
    sheet.append(styles.headers(sheet, HEADERS))
    fast = fast_sheets.add(sheet, first_row=HEADER_ROW + 1)
    column_styles = [0] * len(HEADERS)
    column_styles[6] = fast.style(number_format='+0;-0;0')
    column_styles[7] = fast.style(number_format=styles.COUNT)
    column_styles[8] = fast.style(number_format="#,##0.0#")
    for change in changes:
        process = change.process
        fast.append([
            process.bureau if process else NOT_IN_INVENTORY, change.process_id,
            process.name if process else None, change.kind.ja, _quarter(change.before),
            _quarter(change.after), change.shift,
            process.annual_volume if process else None, process.effort if process else None,
        ], column_styles)
    if progress is not None:
        progress(len(changes))
