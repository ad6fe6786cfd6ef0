"""One sheet per bureau: what that bureau receives — its processes, by planned quarter."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.domain.quarters import Quarter
from dx_planner.domain.validation import TRUE_MARK
from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.analysis_text import RELEASE_JA
from dx_planner.plan_workbook.fast_rows import FastSheets
from dx_planner.plan_workbook.figures import BureauFigures, PlanCategory, PlanFigures, ProcessPlan
from dx_planner.workbook.template import canonical_sheet

HEADERS = ("計画四半期", "計画時期", "手続ID", "手続名", "手続類型", "権限", "年間申請件数",
           "工数", "申請基盤", "状況", "デジタル化完了", "重点", "主要手続", "固定四半期",
           "計画区分", "計画外の理由")
# At most 212 characters in all: one page wide at 70% (styles.MIN_SCALE), so long text wraps.
WIDTHS = (12, 14, 12, 36, 10, 7, 13, 8, 14, 12, 14, 6, 8, 12, 10, 24)
#: With stable re-planning (keep): the reference quarter and the change against it.
CHANGE_HEADERS = ("前回計画", "前回からの変更")
CHANGE_WIDTHS = (12, 24)
HEADER_ROW = 4
MAX_SHEET_NAME = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

# Planned first, by quarter; then what is not planned; what was done before the plan last.
_CATEGORY_ORDER = {PlanCategory.BY_DEADLINE: 0, PlanCategory.AFTER_DEADLINE: 0,
                   PlanCategory.UNPLANNED: 1, PlanCategory.NOT_IN_SCENARIO: 1,
                   PlanCategory.ALREADY: 2, PlanCategory.OUT_OF_SCOPE: 3}

Progress = Callable[[int], None]


def sheet_names(bureaus: Iterable[str], taken: Iterable[str]) -> dict[str, str]:
    """A valid, unique sheet name for every bureau.

    Excel allows 31 characters and no ``[]:*?/\\``; names compare case-insensitively. A name
    the importer would take for one of its sheets (e.g. a bureau called 申請基盤) gets a
    suffix, so that the plan workbook still imports as just its 手続一覧.
    """
    used = {name.casefold() for name in taken}
    names: dict[str, str] = {}
    for bureau in bureaus:
        base = _FORBIDDEN.sub("_", bureau).strip().strip("'") or "局"
        base = base[:MAX_SHEET_NAME]
        candidate, number = base, 1
        while candidate.casefold() in used or canonical_sheet(candidate) is not None \
                or candidate.casefold() == "history":
            number += 1
            suffix = f" ({number})"
            candidate = base[:MAX_SHEET_NAME - len(suffix)] + suffix
        used.add(candidate.casefold())
        names[bureau] = candidate
    return names


def _sort_key(row: ProcessPlan) -> tuple[int, int, int, str]:
    quarter = row.quarter.ordinal if row.quarter is not None else 0
    return (_CATEGORY_ORDER[row.category], quarter, -row.process.annual_volume, row.process.id)


def _quarter(quarter: Quarter | None) -> str | None:
    return quarter.code if quarter is not None else None


def _cells(row: ProcessPlan) -> list[object]:
    p, quarter = row.process, row.quarter
    return [
        _quarter(quarter), quarter.label_months if quarter else None, p.id, p.name, p.type.ja,
        p.authority.ja, p.annual_volume, p.effort, p.channel, p.status.ja,
        _quarter(p.digitized_quarter), TRUE_MARK if p.priority else None,
        TRUE_MARK if p.major else None, _quarter(p.locked_quarter), row.category.ja,
        row.reason if row.category is not PlanCategory.ALREADY else None,
    ]


def _overview(bureau: BureauFigures, figures: PlanFigures) -> str:
    return (f"シナリオ: {figures.name} · 対象 {bureau.in_scope:,}件"
            f" · 開始前に済 {bureau.already:,}件"
            f" · 計画（期限内）{bureau.by_deadline:,}件 · 計画（期限後）{bureau.after_deadline:,}件"
            f" · 計画外 {bureau.unplanned:,}件 · 期限時点 {bureau.digitized_by_deadline:,}件"
            f"（{bureau.share_by_deadline:.1%}）"
            + (f" · シナリオ外（計画後に追加）{bureau.not_in_plan:,}件"
               if bureau.not_in_plan else ""))


def _by_quarter(bureau: BureauFigures, figures: PlanFigures) -> str:
    parts = []
    for figure in figures.quarters:
        quarter = figure.quarter
        parts.append(f"{quarter.code} {bureau.count.get(quarter, 0):,}件（"
                     f"{bureau.effort.get(quarter, 0.0):,.1f}/"
                     f"{bureau.capacity.get(quarter, 0.0):,.1f}人月）")
    return "四半期別の計画件数（計画工数/処理能力）: " + " · ".join(parts)


def write_bureau_sheets(workbook: Workbook, figures: PlanFigures, taken: Iterable[str],
                        fast_sheets: FastSheets, progress: Progress | None = None) -> int:
    """One sheet per bureau with in-scope processes, in the inventory's bureau order;
    returns the number of sheets."""
    rows_by_bureau: dict[str, list[ProcessPlan]] = {b.name: [] for b in figures.bureaus}
    for row in figures.processes:
        if row.category is not PlanCategory.OUT_OF_SCOPE:
            rows_by_bureau[row.process.bureau].append(row)
    names = sheet_names(rows_by_bureau, taken)
    changes = _changes(figures)
    for bureau in figures.bureaus:
        rows = sorted(rows_by_bureau[bureau.name], key=_sort_key)
        _write_one(workbook, fast_sheets, names[bureau.name], bureau, rows, figures, changes)
        if progress is not None:
            progress(len(rows))
    return len(figures.bureaus)


def _changes(figures: PlanFigures) -> dict[str, tuple[str | None, str]] | None:
    """With keep: for each process that changed against the reference, (its reference
    quarter, what happened); None for a plan made without keep."""
    changes = figures.result.changes
    if changes is None:
        return None
    out: dict[str, tuple[str | None, str]] = {}
    for pid, before, after in changes.moved:
        out[pid] = (before.code, f"{'前倒し' if after < before else '後ろ倒し'} → {after.code}")
    for pid, before in changes.dropped:
        out[pid] = (before.code, "削除（計画から外れた）")
    for pid, after in changes.added:
        out[pid] = (None, f"追加 → {after.code}")
    for release in changes.released:
        out[release.process_id] = (release.quarter.code,
                                   f"解除: {RELEASE_JA.get(release.reason, release.reason)}")
    return out


def _change_note(rows: list[ProcessPlan], changes: dict[str, tuple[str | None, str]]) -> str:
    kinds: dict[str, int] = {}
    for row in rows:
        change = changes.get(row.process.id)
        if change is not None:
            kind = change[1].split(" ")[0].split("（")[0].rstrip(":")
            kinds[kind] = kinds.get(kind, 0) + 1
    summary = " · ".join(f"{kind} {n:,}件" for kind, n in kinds.items()) or "なし"
    return f" · 前回計画からの変更: {summary}"


def _write_one(workbook: Workbook, fast_sheets: FastSheets, name: str, bureau: BureauFigures,
               rows: list[ProcessPlan], figures: PlanFigures,
               changes: dict[str, tuple[str | None, str]] | None) -> None:
    headers = HEADERS + (CHANGE_HEADERS if changes is not None else ())
    widths = WIDTHS + (CHANGE_WIDTHS if changes is not None else ())
    sheet: WriteOnlyWorksheet = workbook.create_sheet(name)
    styles.set_widths(sheet, widths)
    sheet.freeze_panes = f"E{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}" \
                            f"{HEADER_ROW + max(len(rows), 1)}"
    styles.print_setup(sheet, title_rows=f"1:{HEADER_ROW}",
                       heading=f"{bureau.name} — {figures.name}", widths=widths,
                       title_columns="C:D")  # 手続ID and 手続名 on every page
    sheet.append(styles.title(sheet, f"{bureau.name} デジタル化計画"))
    overview = _overview(bureau, figures)
    if changes is not None:
        overview += _change_note(rows, changes)
    sheet.append(styles.note(sheet, overview))
    sheet.append(styles.note(sheet, _by_quarter(bureau, figures)))
    sheet.row_dimensions[HEADER_ROW].height = styles.header_height(headers, widths)
    sheet.append(styles.headers(sheet, headers))
    fast = fast_sheets.add(sheet, first_row=HEADER_ROW + 1)
    column_styles = [fast.style(alignment=styles.TOP)] * len(headers)
    column_styles[0] = fast.style(font=styles.BOLD, alignment=styles.TOP)
    column_styles[6] = fast.style(number_format=styles.COUNT, alignment=styles.TOP)
    column_styles[7] = fast.style(number_format="#,##0.0#", alignment=styles.TOP)
    # Long text wraps in its cell: overflowing, it printed over the next cells or pages.
    column_styles[3] = column_styles[15] = fast.style(alignment=styles.WRAP)  # see below
    wrapped = (3, 15)  # 手続名, 計画外の理由
    wrapped_widths = [WIDTHS[i] for i in wrapped]
    for row in rows:
        values = _cells(row)
        if changes is not None:
            values += list(changes.get(row.process.id, (None, None)))
        fast.append(values, column_styles,
                    styles.wrapped_height([values[i] for i in wrapped], wrapped_widths))
