"""The stored scenarios (plans saved by name), listed newest first, with their author and
note; a cancelled run's plan is marked as such."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from sqlalchemy import Engine

from dx_planner.persistence.scenarios import ScenarioSummary, list_scenarios
from ui.models.table_base import AnyIndex, ListTableModel
from ui.texts import plan_status_text

NOTE = 6


class ScenarioListModel(ListTableModel):
    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.rows: list[ScenarioSummary] = []
        self.headers = [self.tr("シナリオ"), self.tr("作成日時"), self.tr("状態"),
                        self.tr("期限までの件数"), self.tr("割合"), self.tr("作成者"),
                        self.tr("メモ")]

    def refresh(self) -> None:
        with self.engine.connect() as connection:
            scenarios = list_scenarios(connection)
        self.beginResetModel()
        self.rows = scenarios
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        scenario = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTE:
            return scenario.note or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        kpis = scenario.kpis
        column = index.column()
        if column == 0:
            return scenario.name
        if column == 1:
            return scenario.created_at.strftime("%Y-%m-%d %H:%M")
        if column == 2:
            text = plan_status_text(scenario.status)
            return text + self.tr("（キャンセルした実行の途中の計画）") if scenario.cancelled \
                else text
        if column == 3:
            return f"{kpis.get('digitized_by_deadline', 0):,}"
        if column == 4:
            return f"{kpis.get('share_by_deadline', 0.0):.1%}"
        if column == 5:
            return scenario.author
        return scenario.note.splitlines()[0] if scenario.note else ""

    def name_at(self, row: int) -> str:
        return self.rows[row].name

    def row_of(self, name: str) -> int | None:
        return next((row for row, s in enumerate(self.rows) if s.name == name), None)
