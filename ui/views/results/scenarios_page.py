"""Results page: the stored scenarios, newest first, and what a planner does with them:
open one, load its settings to run it again, rename it, write a note, delete it."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from ui.models.scenario_model import ScenarioListModel


class ScenariosPage(QWidget):
    openRequested = Signal(str)
    settingsRequested = Signal(str)
    renameRequested = Signal(str)
    noteRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model = ScenarioListModel(engine, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 124, 120, 96, 60, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(
            lambda index: self.openRequested.emit(self.model.name_at(index.row())))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = self._button(self.tr("開く"), self.openRequested, buttons)
        self.settings_button = self._button(self.tr("条件を読み込んで再実行"),
                                            self.settingsRequested, buttons)
        self.rename_button = self._button(self.tr("名前を変更"), self.renameRequested, buttons)
        self.note_button = self._button(self.tr("メモ"), self.noteRequested, buttons)
        self.delete_button = self._button(self.tr("削除"), self.deleteRequested, buttons)
        buttons.addStretch(1)
        self.refresh_button = QPushButton(self.tr("再読み込み"), self)
        self.refresh_button.clicked.connect(self.model.refresh)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.model.modelReset.connect(self._enable)
        self._enable()

    def _button(self, text: str, signal: SignalInstance, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: self._emit_selected(signal))
        row.addWidget(button)
        return button

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.name_at(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row is not None:
            self.table.selectRow(row)

    def _emit_selected(self, signal: SignalInstance) -> None:
        name = self.selected()
        if name is not None:
            signal.emit(name)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.settings_button, self.rename_button,
                       self.note_button, self.delete_button):
            button.setEnabled(chosen)
