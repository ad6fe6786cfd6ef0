"""A table whose first columns stay in place while the others scroll (Qt's "frozen column"
example): a second view over the same model and selection lies on the left edge of the
viewport, shows only those columns, and scrolls vertically with the table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ui.models.table_base import AnyIndex


class FrozenColumnsTable(QTableView):
    def __init__(self, frozen_columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_columns = frozen_columns
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozen_columns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#frozen_columns { border: none;"
                                  " border-right: 2px solid #aab7b8; }")
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.show()

    # -- what the two views share ----------------------------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._hide_scrolling_columns)
            model.layoutChanged.connect(self._hide_scrolling_columns)
        self._hide_scrolling_columns()

    def setItemDelegate(self, delegate: QAbstractItemDelegate) -> None:
        super().setItemDelegate(delegate)
        self.frozen.setItemDelegate(type(delegate)(self.frozen))

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setEditTriggers(self, triggers: QAbstractItemView.EditTrigger) -> None:
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setSortingEnabled(self, enable: bool) -> None:
        """The table sorts; the frozen view's header only mirrors and forwards clicks (its
        own sorting would sort the model by its first column when switched on)."""
        super().setSortingEnabled(enable)
        header, frozen = self.horizontalHeader(), self.frozen.horizontalHeader()
        frozen.setSectionsClickable(enable)
        frozen.setSortIndicatorShown(enable)
        frozen.setSortIndicator(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if enable:
            header.sortIndicatorChanged.connect(self._mirror_sort_indicator)
            frozen.sectionClicked.connect(self._sort_from_frozen_header)

    def _mirror_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        frozen = self.frozen.horizontalHeader()
        frozen.blockSignals(True)
        frozen.setSortIndicator(section, order)
        frozen.blockSignals(False)

    def _sort_from_frozen_header(self, section: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == section and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        header.setSortIndicator(section, order)  # the table sorts on it

    def setContextMenuPolicy(self, policy: Qt.ContextMenuPolicy) -> None:
        super().setContextMenuPolicy(policy)
        self.frozen.setContextMenuPolicy(policy)

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.frozen.setWordWrap(on)

    def _hide_scrolling_columns(self) -> None:
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        self.frozen.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column in range(columns):
            self.frozen.setColumnHidden(column, column >= self.frozen_columns)
            if column < self.frozen_columns:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self._place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_columns:
            self.frozen.setColumnWidth(column, new)
            self._place()

    # -- geometry ---------------------------------------------------------------------------
    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen_columns))

    def _place(self) -> None:
        # Rows as tall as the table's (fixed-height rows), so both scroll alike.
        rows = self.frozen.verticalHeader()
        if rows.defaultSectionSize() != self.verticalHeader().defaultSectionSize():
            rows.setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        frame = self.frameWidth()
        self.frozen.setGeometry(self.verticalHeader().width() + frame, frame,
                                self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Moving left into the frozen area scrolls the table so the cell is not hidden."""
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft
                and current.column() >= self.frozen_columns
                and self.visualRect(current).topLeft().x() < self.frozen_width()):
            shift = self.visualRect(current).topLeft().x() - self.frozen_width()
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + shift)
        return current

    def scrollTo(self, index: AnyIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        if index.column() >= self.frozen_columns:
            super().scrollTo(index, hint)
        else:  # frozen cells are always in view horizontally; only follow the row
            rect = self.visualRect(index)
            if rect.top() < 0 or rect.bottom() > self.viewport().height():
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + rect.top())
