"""One delegate for the small settings tables: it builds the editor a model's
``editor_spec(index)`` asks for (``ui.models.editor_spec``) and commits its value."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.models.editor_spec import CHOICE, NUMBER, TEXT, EditorSpec
from ui.models.table_base import AnyIndex


def _spec(index: AnyIndex) -> EditorSpec | None:
    model = index.model()
    ask = getattr(model, "editor_spec", None)
    return ask(index) if ask is not None else None


class SpecDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        spec = _spec(index)
        if spec is None or spec.kind == TEXT:
            editor = QLineEdit(parent)
            editor.setMaxLength(200)
            return editor
        if spec.kind == CHOICE:
            combo = QComboBox(parent)
            combo.setMaxVisibleItems(18)
            for label, value in spec.choices:
                combo.addItem(label, value)
            return combo
        assert spec.kind == NUMBER, spec.kind
        # A double spin box also for whole numbers: an int one stops at 2**31.
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(spec.decimals)
        spin.setRange(spec.minimum, spec.maximum)
        spin.setSingleStep(spec.step)
        spin.setSuffix(spec.suffix)
        spin.setGroupSeparatorShown(True)
        return spin

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            # By equality: findData() misses None and plain Python objects.
            matches = [i for i in range(editor.count()) if editor.itemData(i) == value]
            editor.setCurrentIndex(matches[0] if matches else 0)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            value: object = editor.currentData()
        elif isinstance(editor, QDoubleSpinBox):
            number = round(editor.value(), editor.decimals())
            value = int(number) if editor.decimals() == 0 else number
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
