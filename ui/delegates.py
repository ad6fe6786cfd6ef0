"""Editors for the inventory cells: combo boxes for enumerations, bureaus and channels,
spin boxes for numbers, the quarter picker for quarters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dx_planner.domain.enums import NationalStatus
from ui.i18n import enum_label
from ui.models.columns import COLUMNS
from ui.models.inventory_model import InventoryModel
from ui.quarter_picker import QuarterPicker

AnyIndex = QModelIndex | QPersistentModelIndex


class InventoryDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        column = COLUMNS[index.column()]
        model = index.model()
        if column.kind == "enum" and column.enum is not None:
            combo = QComboBox(parent)
            if column.enum is NationalStatus:
                combo.addItem("—", None)  # blank: required blank when authority is 都
            for member in column.enum:
                combo.addItem(enum_label(member), member)
            return combo
        if column.kind == "quarter":
            return QuarterPicker(parent)
        if column.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(0, 2_000_000_000)
            spin.setGroupSeparatorShown(True)
            return spin
        if column.kind == "float":
            double = QDoubleSpinBox(parent)
            double.setRange(0.0, 100_000.0)
            double.setDecimals(2)
            double.setSingleStep(0.25)
            return double
        if column.kind in ("bureau", "channel") and isinstance(model, InventoryModel):
            combo = QComboBox(parent)
            inventory = model.store.inventory
            if column.kind == "bureau":
                combo.setEditable(True)  # a new bureau may be typed in
                names = list(dict.fromkeys(inventory.bureau_names()
                                           + sorted({p.bureau for p in inventory.processes})))
            else:
                names = [channel.name for channel in inventory.channels]
            for name in names:
                combo.addItem(name, name)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QuarterPicker):
            editor.set_quarter(value)
        elif isinstance(editor, QComboBox):
            position = editor.findData(value)
            if position >= 0:
                editor.setCurrentIndex(position)
            elif editor.isEditable():
                editor.setEditText(str(value or ""))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
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
            value = round(editor.value(), 2)
        elif isinstance(editor, QSpinBox):
            value = editor.value()
        else:
            super().setModelData(editor, model, index)
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
