"""Plan vs actual as a table: one row per quarter (actual, baseline, forecast, variance),
and the data a load of it brings from the database (no Qt in ``load_burnup_data``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import Engine

from dx_planner.domain.baselines import BaselineSummary
from dx_planner.domain.quarters import Quarter
from dx_planner.tracking.burnup import Burnup
from ui.i18n import quarter_label
from ui.models.table_base import AnyIndex

BEHIND = QBrush(QColor("#b03a2e"))


@dataclass(frozen=True, slots=True)
class BurnupData:
    """What the worker loads: the burn-up and the baseline it compares with."""

    burnup: Burnup
    baseline: BaselineSummary | None  # the one in force (published before the quarter)
    scenario: str | None
    published: tuple[Quarter, ...] = ()  # every baseline's as-of quarter


def load_burnup_data(engine: Engine, as_of: Quarter, scenario: str | None,
                     bureau: str | None) -> BurnupData:
    """The worker's job (no Qt): the burn-up and which baseline is in force."""
    from dx_planner.persistence.baselines import list_baselines
    from dx_planner.persistence.scenarios import latest_scenario_name
    from dx_planner.tracking.service import load_burnup

    with engine.connect() as connection:
        name = scenario or latest_scenario_name(connection)
        burnup = load_burnup(connection, as_of, scenario_name=name, bureau=bureau)
        baselines = list_baselines(connection)
    in_force = next((b for b in baselines if b.as_of < as_of), None)
    return BurnupData(burnup, in_force, name, tuple(b.as_of for b in baselines))


class BurnupModel(QAbstractTableModel):
    """One row per quarter: actual, baseline, forecast (cumulative) and actual − baseline."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.burnup: Burnup | None = None
        self.headers = [self.tr("実績（累計）"), self.tr("ベースライン（累計）"),
                        self.tr("見通し（累計）"), self.tr("差異（実績−ベースライン）")]

    def set_burnup(self, burnup: Burnup | None) -> None:
        self.beginResetModel()
        self.burnup = burnup
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.burnup is None:
            return 0
        return len(self.burnup.points)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        if self.burnup is None or not 0 <= section < len(self.burnup.points):
            return None
        return quarter_label(self.burnup.points[section].quarter)

    def value(self, row: int, column: int) -> int | None:
        assert self.burnup is not None
        point = self.burnup.points[row]
        return (point.actual, point.baseline, point.forecast, point.variance)[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.burnup is None:
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return f"{value:+,}" if index.column() == 3 else f"{value:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and value is not None:
            return BEHIND if value < 0 else None
        return None
