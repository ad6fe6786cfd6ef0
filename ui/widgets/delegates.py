"""Cell editors.

Inventory cells get an editor by the field's kind (``dx_planner.domain.fields``): combo boxes
for enumerations, bureaus and channels, spin boxes bounded by the field's limits for numbers,
the quarter picker for quarters. What an editor returns goes to the model, which checks it
with the shared validation (the importer's rules and limits). Capacity cells get spin boxes
(person-months; processes, with "no limit") and the quarter picker for a channel's start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dx_planner.domain.fields import Field, FieldKind
from dx_planner.domain.validation import MAX_TEXT
from ui.i18n import enum_label
from ui.models.capacity_model import ChannelCapacityModel
from ui.models.columns import COLUMNS
from ui.models.inventory_model import InventoryModel
from ui.models.table_base import AnyIndex
from ui.widgets.quarter_picker import QuarterPicker

NO_LIMIT = -1  # the capacity spin box's special value: no limit in that quarter


class InventoryDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        field = COLUMNS[index.column()].field
        model = index.model()
        if field is None:
            return super().createEditor(parent, option, index)
        kind = field.kind
        if kind is FieldKind.ENUM:
            return _enum_combo(parent, field)
        if kind is FieldKind.QUARTER:
            return QuarterPicker(parent)
        if kind in (FieldKind.COUNT, FieldKind.AMOUNT):
            return _number_spin(parent, field)
        if kind in (FieldKind.BUREAU, FieldKind.CHANNEL) and isinstance(model, InventoryModel):
            combo = QComboBox(parent)
            inventory = model.store.inventory
            if kind is FieldKind.BUREAU:
                combo.setEditable(True)  # a new bureau may be typed in
                names = list(dict.fromkeys(inventory.bureau_names()
                                           + sorted({p.bureau for p in inventory.processes})))
            else:
                names = [channel.name for channel in inventory.channels]
            for name in names:
                combo.addItem(name, name)
            return combo
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_TEXT)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QuarterPicker):
            editor.set_quarter(value)
        elif isinstance(editor, QComboBox):
            position = editor.findData(getattr(value, "value", value))
            if position >= 0:
                editor.setCurrentIndex(position)
            elif editor.isEditable():
                editor.setEditText(str(value or ""))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(value or 0)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        value: Any
        if isinstance(editor, QuarterPicker):
            value = editor.quarter()
        elif isinstance(editor, QComboBox):
            value = editor.currentText() if editor.isEditable() else editor.currentData()
        elif isinstance(editor, QDoubleSpinBox):
            value = round(editor.value(), editor.decimals())
        else:
            super().setModelData(editor, model, index)
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def _enum_combo(parent: QWidget, field: Field) -> QComboBox:
    """The members as items; each item's data is the member's code, which the model parses
    back into the member (Qt hands a str-based enum back as a plain string)."""
    assert field.enum is not None
    combo = QComboBox(parent)
    if field.nullable:
        combo.addItem("—", None)  # blank: e.g. 国の対応状況 must be blank when 権限 is 都
    for member in field.enum:
        combo.addItem(enum_label(member), member.value)
    return combo


def _number_spin(parent: QWidget, field: Field) -> QDoubleSpinBox:
    """A spin box bounded by the field's limit. A double spin box also for whole numbers:
    an int spin box stops at 2**31, below the volume limit (doubles are exact to 2**53)."""
    spin = QDoubleSpinBox(parent)
    whole = field.kind is FieldKind.COUNT
    spin.setDecimals(0 if whole else 2)
    spin.setSingleStep(1 if whole else 0.25)
    spin.setRange(0.0, float(field.maximum or 0.0))
    spin.setGroupSeparatorShown(True)
    return spin


class CapacityDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        model = index.model()
        if isinstance(model, ChannelCapacityModel):
            if model.is_available_column(index.column()):
                return QuarterPicker(parent, blank_text=self.tr("常時"))
            spin = QSpinBox(parent)
            spin.setRange(NO_LIMIT, 1_000_000)
            spin.setSpecialValueText(self.tr("制限なし"))
            return spin
        double = QDoubleSpinBox(parent)
        double.setRange(0.0, 1_000_000.0)
        double.setDecimals(2)
        return double

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QuarterPicker):
            editor.set_quarter(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(NO_LIMIT if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0.0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QuarterPicker):
            model.setData(index, editor.quarter())
        elif isinstance(editor, QSpinBox):
            model.setData(index, None if editor.value() == NO_LIMIT else editor.value())
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, round(editor.value(), 2))
