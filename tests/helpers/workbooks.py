"""Building small inventory workbooks for tests, cell by cell, with openpyxl, and reading
workbooks back with every file closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

HEADERS = ["手続ID", "手続名", "所管局", "手続類型", "権限", "国の対応状況", "国の対応時期",
           "年間申請件数", "工数", "状況", "デジタル化完了", "申請基盤", "重点", "主要手続",
           "固定四半期", "備考"]


def process_row(pid: str = "P-1", **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "手続ID": pid, "手続名": "飲食店営業許可申請", "所管局": "福祉保健局", "手続類型": "許認可",
        "権限": "都", "年間申請件数": 1200, "工数": 2.5, "状況": "未着手",
    }
    row.update(overrides)
    return row


def write_workbook(path: Path, processes: list[dict[str, Any]] | None = None, *,
                   headers: list[str] | None = None,
                   capacity: list[list[Any]] | None = None,
                   channels: list[list[Any]] | None = None) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    if processes is not None:
        columns = headers or HEADERS
        sheet = workbook.create_sheet("手続一覧")
        sheet.append(columns)
        for row in processes:
            sheet.append([row.get(column) for column in columns])
    if capacity is not None:
        sheet = workbook.create_sheet("局別処理能力")
        for row in capacity:
            sheet.append(row)
    if channels is not None:
        sheet = workbook.create_sheet("申請基盤")
        for row in channels:
            sheet.append(row)
    workbook.save(path)
    return path


def edit_process_cells(path: Path, edits: dict[str, dict[str, Any]]) -> Path:
    """Change cells of an exported workbook's process sheet, as a planner in Excel would:
    ``{手続ID: {header: new value}}``."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["手続一覧"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        changes = edits.get(str(row[0].value))
        for header, value in (changes or {}).items():
            row[headers.index(header)].value = value
    workbook.save(path)
    return path


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """A sheet's values, row by row. The read-only workbook is closed: one left to the
    garbage collector raised its ResourceWarning inside a later test, which failed it."""
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheet names (read only, closed)."""
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()
