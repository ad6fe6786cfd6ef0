"""The columns of the inventory table: the process fields (``dx_planner.domain.fields``)
in their declared order, plus the plan's quarter, which is not a field of the process."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from dx_planner.domain import fields
from dx_planner.domain.fields import PROCESS_FIELDS, Field, FieldKind
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP

PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the Process attribute, or PLANNED for the plan's quarter
    header: str  # source text, translated in ``context`` when shown
    context: str
    width: int
    field: Field | None = None  # None: the plan's column, read-only

    @property
    def kind(self) -> FieldKind | None:
        return self.field.kind if self.field is not None else None

    @property
    def editable(self) -> bool:
        return self.field is not None

    @property
    def is_quarter(self) -> bool:
        return self.field is None or self.field.kind is FieldKind.QUARTER


def _field_column(field: Field) -> Column:
    return Column(field.name, field.header, fields.CONTEXT, field.gui_width, field)


_PLANNED_COLUMN = Column(PLANNED, QT_TRANSLATE_NOOP("Columns", "計画四半期"), "Columns", 170)

# The plan's quarter sits next to the locks, where a planner compares them.
COLUMNS: tuple[Column, ...] = tuple(
    column
    for field in PROCESS_FIELDS
    for column in ((_field_column(field), _PLANNED_COLUMN) if field.name == "locked_quarter"
                   else (_field_column(field),))
)
COLUMN_INDEX: dict[str, int] = {column.key: i for i, column in enumerate(COLUMNS)}


def header_text(column: Column) -> str:
    return QCoreApplication.translate(column.context, column.header)
