"""The columns of the inventory table: which field, which header, which editor."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for lupdate (same name as Qt's macro); translated when shown."""
    return text


@dataclass(frozen=True, slots=True)
class Column:
    field: str  # Process attribute, or "planned" for the plan's quarter
    header: str  # Japanese source text; translated when shown
    kind: str  # text | id | bureau | channel | enum | quarter | int | float | bool | planned
    enum: type[Enum] | None = None
    width: int = 90

    @property
    def editable(self) -> bool:
        return self.kind != "planned"


COLUMNS: tuple[Column, ...] = (
    Column("id",
           QT_TRANSLATE_NOOP("Columns", "手続ID"), "id", width=90),
    Column("name",
           QT_TRANSLATE_NOOP("Columns", "手続名"), "text", width=260),
    Column("bureau",
           QT_TRANSLATE_NOOP("Columns", "所管局"), "bureau", width=110),
    Column("type",
           QT_TRANSLATE_NOOP("Columns", "手続類型"), "enum", ProcedureType, width=80),
    Column("authority",
           QT_TRANSLATE_NOOP("Columns", "権限"), "enum", Authority, width=60),
    Column("national_status",
           QT_TRANSLATE_NOOP("Columns", "国の対応状況"), "enum", NationalStatus, width=90),
    Column("national_ready",
           QT_TRANSLATE_NOOP("Columns", "国の対応時期"), "quarter", width=170),
    Column("annual_volume",
           QT_TRANSLATE_NOOP("Columns", "年間申請件数"), "int", width=95),
    Column("effort",
           QT_TRANSLATE_NOOP("Columns", "工数"), "float", width=60),
    Column("status",
           QT_TRANSLATE_NOOP("Columns", "状況"), "enum", Status, width=95),
    Column("digitized_quarter",
           QT_TRANSLATE_NOOP("Columns", "デジタル化完了"), "quarter", width=170),
    Column("channel",
           QT_TRANSLATE_NOOP("Columns", "申請基盤"), "channel", width=110),
    Column("priority",
           QT_TRANSLATE_NOOP("Columns", "重点"), "bool", width=45),
    Column("major",
           QT_TRANSLATE_NOOP("Columns", "主要手続"), "bool", width=65),
    Column("locked_quarter",
           QT_TRANSLATE_NOOP("Columns", "固定四半期"), "quarter", width=170),
    Column("planned",
           QT_TRANSLATE_NOOP("Columns", "計画四半期"), "planned", width=170),
    Column("notes",
           QT_TRANSLATE_NOOP("Columns", "備考"), "text", width=200),
)
COLUMN_INDEX: dict[str, int] = {column.field: i for i, column in enumerate(COLUMNS)}


def header_text(column: Column) -> str:
    return QCoreApplication.translate("Columns", column.header)

