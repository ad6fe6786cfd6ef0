"""The comparison workbook of ``dx-planner compare A B --xlsx FILE``.

Sheets: 比較概要 (the settings side by side, differences marked, and the key figures with
B − A), 局別四半期 (planned completions by bureau and quarter: B − A, then A, then B) and
変更 (the processes B moved, added or dropped against A). Print-ready like the plan workbook:
A4 landscape, one page wide, titles repeated.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.compare_sheet import write_compare_sheet
from dx_planner.plan_workbook.errors import PlanExportError
from dx_planner.plan_workbook.export import discard_workbook, save_workbook
from dx_planner.plan_workbook.fast_rows import FastSheets
from dx_planner.planning.compare import Comparison

SUMMARY_SHEET = "比較概要"
BUREAU_SHEET = "局別四半期"
CHANGES_SHEET = "変更"
DIFFERS_FILL = PatternFill("solid", fgColor="FFF2CC")
MORE_FILL = PatternFill("solid", fgColor="E2EFDA")
FEWER_FILL = PatternFill("solid", fgColor="F8CBAD")

SETTING_LABELS = {
    "start": "計画開始", "deadline": "期限", "end": "計画終了", "target": "目標割合",
    "target_count": "目標件数", "milestones": "マイルストーン", "requirements": "達成条件",
    "bureau_target": "局別目標割合", "keep": "前回計画の維持", "assumptions": "仮定",
    "time_limit": "計算時間の上限（秒）", "cost_time": "達成条件の費用計算（秒）",
}
FIGURE_LABELS = {
    "status": "状態", "objective": "目的関数（オンライン申請件数）", "bound": "上界",
    "gap": "ギャップ", "digitized_by_deadline": "期限までのデジタル化手続数",
    "share_by_deadline": "期限時点の割合", "target_count": "目標件数",
    "in_scope": "対象手続数", "planned": "計画手続数", "requirements_met": "達成条件（達成/全体）",
    "solve_seconds": "計算時間（秒）", "applications": "オンライン申請件数",
    "move_penalty": "変更ペナルティ", "price_of_stability": "安定性の価格",
}
FIGURE_FORMATS = {"gap": "0.000%", "share_by_deadline": styles.PERCENT,
                  "solve_seconds": "0.0"}


def check_path(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise PlanExportError(f"{path}: the comparison workbook must be an .xlsx file")
    if path.is_dir():
        raise PlanExportError(f"{path} is a folder, not a file")
    if not path.parent.is_dir():
        raise PlanExportError(f"{path.parent}: no such folder")


def write_compare_workbook(comparison: Comparison, path: Path) -> None:
    """Write the workbook; the file appears complete or not at all."""
    check_path(path)
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"シナリオ比較 {comparison.a_name} / {comparison.b_name}"
    workbook.properties.creator = "dx-planner"
    with FastSheets() as fast_sheets:
        try:
            _summary(workbook, comparison)
            _bureaus(workbook, comparison)
            write_compare_sheet(workbook, comparison.changes, fast_sheets,
                                current=comparison.b_name, previous=comparison.a_name,
                                name=CHANGES_SHEET)
            save_workbook(workbook, fast_sheets, path)
        except BaseException:
            discard_workbook(workbook)
            raise


def _summary(workbook: Workbook, c: Comparison) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SUMMARY_SHEET)
    widths = (30, 34, 34, 16)
    styles.set_widths(sheet, widths)
    heading = f"シナリオ比較 — A: {c.a_name} / B: {c.b_name}"
    styles.print_setup(sheet, title_rows="1:2", heading=heading, widths=widths)
    sheet.append(styles.title(sheet, heading))
    sheet.append(styles.note(sheet, "差 = B − A。設定が異なる行は黄色。"))
    sheet.append([])
    sheet.append(styles.section(sheet, "設定"))
    sheet.append(styles.headers(sheet, ["設定", "A", "B"]))
    differ = {key for key, _, _ in c.settings_differ}
    for key, a, b in c.settings:
        fill = DIFFERS_FILL if key in differ else None
        sheet.append([styles.styled(sheet, SETTING_LABELS.get(key, key), font=styles.BOLD,
                                    fill=fill),
                      styles.styled(sheet, _text(a), alignment=styles.WRAP, fill=fill),
                      styles.styled(sheet, _text(b), alignment=styles.WRAP, fill=fill)])
    sheet.append([])
    sheet.append(styles.section(sheet, "主要指標"))
    sheet.append(styles.headers(sheet, ["指標", "A", "B", "差（B − A）"]))
    for figure in c.figures:
        number = FIGURE_FORMATS.get(figure.key, styles.COUNT)
        diff = figure.difference
        sheet.append([
            styles.styled(sheet, FIGURE_LABELS.get(figure.key, figure.key), font=styles.BOLD),
            styles.styled(sheet, figure.a, number_format=number),
            styles.styled(sheet, figure.b, number_format=number),
            styles.styled(sheet, diff, number_format=number if figure.key in FIGURE_FORMATS
                          else "+#,##0;-#,##0;0"),
        ])
    sheet.append([])
    counts = c.change_counts()
    sheet.append(styles.section(sheet, "変更（B の A に対する）"))
    sheet.append(styles.note(sheet, " · ".join(f"{kind.ja} {n:,}件" for kind, n in
                                              ((k, counts[k]) for k in counts))
                             or "変更なし"))


def _bureaus(workbook: Workbook, c: Comparison) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(BUREAU_SHEET)
    quarters = c.quarters
    widths = [18] + [10] * len(quarters) + [10]
    styles.set_widths(sheet, widths)
    heading = f"局別・四半期別の計画手続数 — A: {c.a_name} / B: {c.b_name}"
    styles.print_setup(sheet, title_rows="1:2", heading=heading, widths=widths,
                       title_columns="A:A")
    sheet.append(styles.title(sheet, heading))
    sheet.append(styles.note(sheet, "差 = B − A（緑: B が多い、赤: B が少ない）"))
    blocks: list[tuple[str, Callable[[str, Quarter], int]]] = [
        ("差（B − A）", lambda b, q: c.counts_b[b, q] - c.counts_a[b, q]),
        (f"A: {c.a_name}", lambda b, q: c.counts_a[b, q]),
        (f"B: {c.b_name}", lambda b, q: c.counts_b[b, q]),
    ]
    for label, value in blocks:
        is_diff = label.startswith("差")
        sheet.append([])
        sheet.append(styles.section(sheet, label))
        sheet.append(styles.headers(sheet, ["所管局", *(q.code for q in quarters), "計"]))
        totals = [0] * len(quarters)
        for bureau in c.bureaus:
            values = [value(bureau, q) for q in quarters]
            totals = [t + v for t, v in zip(totals, values, strict=True)]
            sheet.append([styles.styled(sheet, bureau, font=styles.BOLD)]
                         + [_count(sheet, v, is_diff) for v in values]
                         + [_count(sheet, sum(values), is_diff, total=True)])
        sheet.append([styles.styled(sheet, "計", font=styles.BOLD, fill=styles.TOTAL_FILL)]
                     + [_count(sheet, v, is_diff, total=True) for v in totals]
                     + [_count(sheet, sum(totals), is_diff, total=True)])


def _count(sheet: WriteOnlyWorksheet, value: int, signed: bool, total: bool = False) -> object:
    fill = styles.TOTAL_FILL if total else None
    if signed and value:
        fill = MORE_FILL if value > 0 else FEWER_FILL
    return styles.styled(sheet, value, number_format="+#,##0;-#,##0;0" if signed
                         else styles.COUNT, fill=fill, border=styles.BOX)


def _text(value: object) -> object:
    if value is None:
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
