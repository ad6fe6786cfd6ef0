"""Small helpers the analysis pages of the results tab share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from dx_planner.domain.quarters import Quarter
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
    assumptions = result.settings.assumptions if result is not None else None
    return {(b.name, q): e * (assumptions.scale(b.name) if assumptions else 1.0)
            for b in session.store.inventory.bureaus for q, e in b.capacity.items()}
