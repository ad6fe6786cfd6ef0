"""The fields of a process, declared once.

Each :class:`Field` says what a column of the inventory is everywhere it appears: the
``Process`` attribute, the Japanese header (canonical in workbooks, shown in the app) and the
English alias, what kind of value it holds (which tells the app its editor), its limits, its
widths in the workbook and the app, and how it is written to the database and to a
workbook cell and read back. The template, the importer, the exporter, the repository and
the app's table all iterate :data:`PROCESS_FIELDS`; adding a field means adding it here and
to the ``Process`` dataclass (a test checks they agree) and to the schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dx_planner.domain import validation
from dx_planner.domain.enums import (
    Authority,
    LabelledEnum,
    NationalStatus,
    ProcedureType,
    Status,
)
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP


class FieldKind(StrEnum):
    """What a field holds; the app picks the cell editor by it."""

    ID = "id"  # unique text; a stored process keeps it
    TEXT = "text"
    BUREAU = "bureau"  # a bureau name (a new one may be typed)
    CHANNEL = "channel"  # the name of a known channel
    ENUM = "enum"
    QUARTER = "quarter"
    COUNT = "count"  # whole number from 0
    AMOUNT = "amount"  # number above 0 (person-months)
    FLAG = "flag"


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # the Process attribute
    header: str  # Japanese header: canonical in workbooks, source text in the app
    alias: str  # English header accepted on import
    kind: FieldKind
    enum: type[LabelledEnum] | None = None
    required: bool = False  # a blank cell is an error (else blank = the default)
    maximum: float | None = None
    sheet_width: int = 12  # workbook column width (characters)
    gui_width: int = 90  # app column width (pixels)

    @property
    def default(self) -> Any:
        """The value a blank cell means: the ``Process`` default."""
        declared = _DATACLASS_FIELDS[self.name]
        if declared.default is not dataclasses.MISSING:
            return declared.default
        return ""

    @property
    def nullable(self) -> bool:
        return self.default is None

    # -- input: a cell, a typed text or an editor's value ------------------------------
    def parse(self, value: Any) -> Any:
        """The domain value of ``value``; raises ``validation.InvalidValue``.

        A blank is the default (or an error for a required field). Accepts what a
        workbook cell holds, what a user typed and what an editor returns alike, so an
        enum code or label becomes its member: no string code reaches the domain.
        """
        if validation.is_blank(value):
            if self.required:
                raise validation.InvalidValue(validation.REQUIRED)
            return self.default
        return _PARSERS[self.kind](self, value)

    # -- output ------------------------------------------------------------------------
    def to_cell(self, value: Any) -> Any:
        """The workbook cell for ``value`` (blank as None); ``parse`` reads it back."""
        return _TO_CELL[self.kind](self, value)

    def to_db(self, value: Any) -> Any:
        """The database column value (enums as their English value, quarters as codes)."""
        if value is None:
            return None
        if self.kind is FieldKind.ENUM:
            return value.value
        if self.kind is FieldKind.QUARTER:
            return value.code
        return value

    def from_db(self) -> Callable[[Any], Any] | None:
        """A converter from the database value, or None where it is already the value.

        Converters are memoised: a column holds only a few dozen distinct values and
        loading 28,000 rows must stay fast.
        """
        if self.kind is FieldKind.ENUM and self.enum is not None:
            members: dict[Any, Any] = {m.value: m for m in self.enum}
            members[None] = None
            return members.__getitem__
        if self.kind is FieldKind.QUARTER:
            return _QuarterCodes().__getitem__
        if self.kind is FieldKind.FLAG:
            return bool  # SQLite stores 0 / 1
        return None  # text and numbers are what the driver returns


class _QuarterCodes(dict[str | None, Quarter | None]):
    """Quarter by code (None for NULL), each code parsed once."""

    def __missing__(self, code: str | None) -> Quarter | None:
        quarter = self[code] = Quarter.parse(code) if code is not None else None
        return quarter


def _parse_text(field: Field, value: Any) -> str:
    text = validation.parse_text(value)
    if field.required and not text:
        raise validation.InvalidValue(validation.REQUIRED)
    return text


def _parse_name(field: Field, value: Any) -> str:
    text = validation.parse_name(value)
    if field.required and not text:
        raise validation.InvalidValue(validation.REQUIRED)
    return text


def _parse_enum(field: Field, value: Any) -> LabelledEnum:
    assert field.enum is not None
    return validation.parse_enum(field.enum, value)


def _parse_count(field: Field, value: Any) -> int:
    return validation.parse_count(value, int(field.maximum or validation.MAX_VOLUME))


def _parse_amount(field: Field, value: Any) -> float:
    return validation.parse_positive(value, field.maximum or validation.MAX_EFFORT)


_PARSERS: dict[FieldKind, Callable[[Field, Any], Any]] = {
    FieldKind.ID: _parse_name,
    FieldKind.TEXT: _parse_text,
    FieldKind.BUREAU: _parse_name,
    FieldKind.CHANNEL: _parse_name,
    FieldKind.ENUM: _parse_enum,
    FieldKind.QUARTER: lambda _field, value: validation.parse_quarter(value),
    FieldKind.COUNT: _parse_count,
    FieldKind.AMOUNT: _parse_amount,
    FieldKind.FLAG: lambda _field, value: validation.parse_flag(value),
}

_TO_CELL: dict[FieldKind, Callable[[Field, Any], Any]] = {
    FieldKind.ID: lambda _f, value: value,
    FieldKind.TEXT: lambda _f, value: value or None,
    FieldKind.BUREAU: lambda _f, value: value,
    FieldKind.CHANNEL: lambda _f, value: value,
    FieldKind.ENUM: lambda _f, value: value.ja if value is not None else None,
    FieldKind.QUARTER: lambda _f, value: value.code if value is not None else None,
    FieldKind.COUNT: lambda _f, value: value,
    FieldKind.AMOUNT: lambda _f, value: value,
    FieldKind.FLAG: lambda _f, value: validation.TRUE_MARK if value else None,
}

_DATACLASS_FIELDS = {f.name: f for f in dataclasses.fields(Process)}

CONTEXT = "Fields"
PROCESS_FIELDS: tuple[Field, ...] = (
    Field("id", QT_TRANSLATE_NOOP("Fields", "手続ID"), "id", FieldKind.ID, required=True,
          sheet_width=12, gui_width=90),
    Field("name", QT_TRANSLATE_NOOP("Fields", "手続名"), "name", FieldKind.TEXT, required=True,
          sheet_width=44, gui_width=260),
    Field("bureau", QT_TRANSLATE_NOOP("Fields", "所管局"), "bureau", FieldKind.BUREAU,
          required=True, sheet_width=16, gui_width=110),
    Field("type", QT_TRANSLATE_NOOP("Fields", "手続類型"), "type", FieldKind.ENUM,
          ProcedureType, sheet_width=10, gui_width=80),
    Field("authority", QT_TRANSLATE_NOOP("Fields", "権限"), "authority", FieldKind.ENUM,
          Authority, sheet_width=7, gui_width=60),
    Field("national_status", QT_TRANSLATE_NOOP("Fields", "国の対応状況"), "national_status",
          FieldKind.ENUM, NationalStatus, sheet_width=12, gui_width=90),
    Field("national_ready", QT_TRANSLATE_NOOP("Fields", "国の対応時期"), "national_ready",
          FieldKind.QUARTER, sheet_width=12, gui_width=170),
    Field("annual_volume", QT_TRANSLATE_NOOP("Fields", "年間申請件数"), "annual_volume",
          FieldKind.COUNT, maximum=validation.MAX_VOLUME, sheet_width=13, gui_width=95),
    Field("effort", QT_TRANSLATE_NOOP("Fields", "工数"), "effort", FieldKind.AMOUNT,
          maximum=validation.MAX_EFFORT, sheet_width=8, gui_width=60),
    Field("status", QT_TRANSLATE_NOOP("Fields", "状況"), "status", FieldKind.ENUM, Status,
          sheet_width=12, gui_width=95),
    Field("digitized_quarter", QT_TRANSLATE_NOOP("Fields", "デジタル化完了"),
          "digitized_quarter", FieldKind.QUARTER, sheet_width=14, gui_width=170),
    Field("channel", QT_TRANSLATE_NOOP("Fields", "申請基盤"), "channel", FieldKind.CHANNEL,
          sheet_width=16, gui_width=110),
    Field("priority", QT_TRANSLATE_NOOP("Fields", "重点"), "priority", FieldKind.FLAG,
          sheet_width=6, gui_width=45),
    Field("major", QT_TRANSLATE_NOOP("Fields", "主要手続"), "major", FieldKind.FLAG,
          sheet_width=8, gui_width=65),
    Field("locked_quarter", QT_TRANSLATE_NOOP("Fields", "固定四半期"), "locked_quarter",
          FieldKind.QUARTER, sheet_width=12, gui_width=170),
    Field("notes", QT_TRANSLATE_NOOP("Fields", "備考"), "notes", FieldKind.TEXT,
          sheet_width=30, gui_width=200),
)
FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in PROCESS_FIELDS}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in PROCESS_FIELDS)
