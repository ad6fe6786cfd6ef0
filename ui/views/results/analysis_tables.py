"""Small helpers the analysis pages of the results tab share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.plan_capacity import plan_capacity as solved_capacity
from dx_planner.planning.result import PlanResult
from ui.session import Session


def read_only_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def note_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("color: #5d6d7e")
    return label


def plan_capacity(session: Session, result: PlanResult | None
                  ) -> dict[tuple[str, Quarter], float]:
    """Each bureau's capacity per quarter as the plan saw it (what-if factors applied)."""
    inventory = session.store.inventory
    if result is None:
        return {(b.name, q): e for b in inventory.bureaus for q, e in b.capacity.items()}
    return {(name, q): e for name, by_quarter in
            solved_capacity(inventory, result.settings).items() for q, e in by_quarter.items()}
