"""The capacity tab: bureau × quarter and channel × quarter grids, with totals."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.capacity_model import BureauCapacityModel, ChannelCapacityModel
from ui.quarter_picker import QuarterPicker

AnyIndex = QModelIndex | QPersistentModelIndex
NO_LIMIT = -1  # the spin box's special value: no limit in that quarter


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


def _grid(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(CapacityDelegate(view))
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setDefaultSectionSize(118)
    view.horizontalHeader().setMinimumHeight(40)
    return view


class CapacityView(QWidget):
    def __init__(self, bureau_model: BureauCapacityModel, channel_model: ChannelCapacityModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("局別処理能力（人月／四半期）"), top))
        self.bureau_view = _grid(bureau_model, top)
        top_layout.addWidget(self.bureau_view)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(
            self.tr("申請基盤：利用開始と四半期ごとの受入上限（件、空欄＝制限なし）"), bottom))
        self.channel_view = _grid(channel_model, bottom)
        self.channel_view.setColumnWidth(0, 170)
        bottom_layout.addWidget(self.channel_view)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
