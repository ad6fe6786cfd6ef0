"""The capacity tab: bureau × quarter and channel × quarter grids, with totals."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.capacity_model import BureauCapacityModel, ChannelCapacityModel
from ui.widgets.delegates import CapacityDelegate


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
