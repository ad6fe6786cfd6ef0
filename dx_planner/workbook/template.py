"""Sheet names, headers and aliases of the inventory workbook template."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PROCESS_SHEET = "手続一覧"
CAPACITY_SHEET = "局別処理能力"
CHANNEL_SHEET = "申請基盤"

SHEET_ALIASES = {
    PROCESS_SHEET: "processes",
    CAPACITY_SHEET: "bureau_capacity",
    CHANNEL_SHEET: "channels",
}


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # canonical Japanese header
    alias: str  # accepted English header; also the Process field name
    required: bool = False


PROCESS_COLUMNS: tuple[Column, ...] = (
    Column("手続ID", "id", required=True),
    Column("手続名", "name", required=True),
    Column("所管局", "bureau", required=True),
    Column("手続類型", "type"),
    Column("権限", "authority"),
    Column("国の対応状況", "national_status"),
    Column("国の対応時期", "national_ready"),
    Column("年間申請件数", "annual_volume"),
    Column("工数", "effort"),
    Column("状況", "status"),
    Column("デジタル化完了", "digitized_quarter"),
    Column("申請基盤", "channel"),
    Column("重点", "priority"),
    Column("主要手続", "major"),
    Column("固定四半期", "locked_quarter"),
    Column("備考", "notes"),
)

CAPACITY_BUREAU_HEADER = "所管局"
CHANNEL_NAME_HEADER = "申請基盤"
CHANNEL_AVAILABLE_HEADER = "利用開始"
CHANNEL_AVAILABLE_ALIAS = "available_from"
CAPACITY_BUREAU_ALIAS = "bureau"
CHANNEL_NAME_ALIAS = "channel"

TRUE_MARK = "○"
TRUE_WORDS = frozenset({"○", "〇", "◯", "1", "true", "yes", "y", "はい"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "n", "×", "いいえ", "-"})


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
