"""Sheet names, headers and aliases of the inventory workbook template.

The process sheet's columns are the process fields (``dx_planner.domain.fields``), then 版.
"""

from __future__ import annotations

import unicodedata

PROCESS_SHEET = "手続一覧"
CAPACITY_SHEET = "局別処理能力"
CHANNEL_SHEET = "申請基盤"

SHEET_ALIASES = {
    PROCESS_SHEET: "processes",
    CAPACITY_SHEET: "bureau_capacity",
    CHANNEL_SHEET: "channels",
}

# The row's version (the database's counter when it was exported; blank for a new row): an
# import refuses a row that someone changed in the database since (planning-model.md §5).
VERSION_HEADER = "版"
VERSION_ALIAS = "version"
VERSION_WIDTH = 5

# The plan workbook's own columns, after the template's in its 手続一覧 (written by
# dx_planner.plan_workbook.process_sheet): output of a plan, so importing that sheet skips
# them without a warning (any other unknown column is still reported).
PLAN_HEADERS = ("計画四半期", "計画時期", "計画区分", "計画外の理由")
PLAN_WIDTHS = (12, 14, 10, 40)

CAPACITY_BUREAU_HEADER = "所管局"
CHANNEL_NAME_HEADER = "申請基盤"
CHANNEL_AVAILABLE_HEADER = "利用開始"
CHANNEL_AVAILABLE_ALIAS = "available_from"
CAPACITY_BUREAU_ALIAS = "bureau"
CHANNEL_NAME_ALIAS = "channel"


def normalize_header(text: object) -> str:
    """Headers match regardless of width, case and surrounding spaces."""
    if text is None:
        return ""
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


def canonical_sheet(name: str) -> str | None:
    """The canonical sheet a workbook sheet name stands for, or None."""
    key = normalize_header(name)
    for canonical, alias in SHEET_ALIASES.items():
        if key in (normalize_header(canonical), alias):
            return canonical
    return None
