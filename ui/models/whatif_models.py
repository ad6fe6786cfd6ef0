"""What-if assumptions (planning-model.md §6) as editable tables: a capacity factor per
bureau, an assumed start per channel, an assumed national date per process. They change one
scenario's problem only; the inventory is never touched."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from dx_planner.domain.enums import Authority
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter, plannable_quarters
from ui.i18n import quarter_label
from ui.models.editor_spec import CHOICE, NUMBER, TEXT, EditorSpec
from ui.models.table_base import AnyIndex, ListTableModel, RowListModel
from ui.texts import tr_format

CHANGED_COLOUR = QColor("#fdebd0")  # an assumption differs from the inventory
PROBLEM_COLOUR = QColor("#fadbd8")
STATED = "stated"  # channel start: as the inventory says (no assumption)
ALWAYS = "always"  # channel start: available from the first planned quarter


def quarter_choices() -> list[tuple[str, Any]]:
    return [(quarter_label(q), q) for q in plannable_quarters()]



class BureauScaleModel(ListTableModel):
    """Every bureau with its capacity over all quarters and an assumed factor (100 %: as is)."""

    SCALE = 2

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("所管局"), self.tr("処理能力の合計（人月）"), self.tr("倍率")]
        self.scale: dict[str, float] = {}
        self.set_inventory(inventory)

    def set_inventory(self, inventory: Inventory) -> None:
        self.beginResetModel()
        self.bureaus = list(dict.fromkeys(inventory.bureau_names()
                                          + sorted({p.bureau for p in inventory.processes})))
        by_name = {b.name: b for b in inventory.bureaus}
        self.totals = {name: sum(by_name[name].capacity.values()) if name in by_name else 0.0
                       for name in self.bureaus}
        self.rows = self.bureaus
        self.endResetModel()


    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.SCALE else flags

    def editor_spec(self, index: AnyIndex) -> EditorSpec | None:
        if index.column() != self.SCALE:
            return None
        return EditorSpec(NUMBER, minimum=0.0, maximum=1000.0, decimals=0, suffix=" %", step=10)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, column = self.bureaus[index.row()], index.column()
        factor = self.scale.get(name, 1.0)
        if role == Qt.ItemDataRole.EditRole and column == self.SCALE:
            return round(factor * 100)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name
            if column == 1:
                return f"{self.totals[name]:,.0f}"
            return f"{factor * 100:.0f} %"
        if role == Qt.ItemDataRole.BackgroundRole and name in self.scale:
            return QBrush(CHANGED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.SCALE:
            return False
        name = self.bureaus[index.row()]
        factor = max(0.0, float(value or 0)) / 100
        if abs(factor - 1.0) < 1e-9:
            self.scale.pop(name, None)
        else:
            self.scale[name] = factor
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.SCALE))
        return True

    def assumptions(self) -> tuple[tuple[str, float], ...]:
        return tuple((name, self.scale[name]) for name in self.bureaus if name in self.scale)

    def load(self, scale: tuple[tuple[str, float], ...]) -> None:
        self.beginResetModel()
        self.scale = dict(scale)
        self.endResetModel()


class ChannelStartModel(ListTableModel):
    """Every channel with its stated start and an assumed one."""

    ASSUMED = 2

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("申請基盤"), self.tr("利用開始（手続一覧）"),
                        self.tr("利用開始（仮定）")]
        self.assumed: dict[str, Quarter | None] = {}
        self.set_inventory(inventory)

    def set_inventory(self, inventory: Inventory) -> None:
        self.beginResetModel()
        self.stated = {c.name: c.available_from for c in inventory.channels}
        self.channels = list(dict.fromkeys(list(self.stated)
                                           + sorted({p.channel for p in inventory.processes})))
        self.rows = self.channels
        self.endResetModel()


    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.ASSUMED else flags

    def editor_spec(self, index: AnyIndex) -> EditorSpec | None:
        if index.column() != self.ASSUMED:
            return None
        return EditorSpec(CHOICE, [(self.tr("手続一覧のとおり"), STATED),
                                   (self.tr("いつでも（制限なし）"), ALWAYS), *quarter_choices()])

    def _start_text(self, quarter: Quarter | None) -> str:
        return quarter_label(quarter) if quarter is not None else self.tr("いつでも")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, column = self.channels[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole and column == self.ASSUMED:
            if name not in self.assumed:
                return STATED
            assumed = self.assumed[name]
            return ALWAYS if assumed is None else assumed
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name
            if column == 1:
                return self._start_text(self.stated.get(name))
            if name not in self.assumed:
                return self.tr("手続一覧のとおり")
            return self._start_text(self.assumed[name])
        if role == Qt.ItemDataRole.BackgroundRole and name in self.assumed:
            return QBrush(CHANGED_COLOUR)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.ASSUMED:
            return False
        name = self.channels[index.row()]
        if value == STATED:
            self.assumed.pop(name, None)
        elif value == ALWAYS:
            self.assumed[name] = None
        elif isinstance(value, Quarter):
            self.assumed[name] = value
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.ASSUMED))
        return True

    def assumptions(self) -> tuple[tuple[str, Quarter | None], ...]:
        return tuple((name, self.assumed[name]) for name in self.channels
                     if name in self.assumed)

    def load(self, starts: tuple[tuple[str, Quarter | None], ...]) -> None:
        self.beginResetModel()
        self.assumed = dict(starts)
        self.endResetModel()


class ProcessDateModel(RowListModel):
    """Assumed national dates for single 国 processes (wins over the date by status)."""

    ID, NAME, QUARTER = range(3)

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("手続ID"), self.tr("手続名"), self.tr("国の対応時期（仮定）")]
        self.rows: list[list[Any]] = []  # [process id, quarter]
        self.set_inventory(inventory)

    def set_inventory(self, inventory: Inventory) -> None:
        self.beginResetModel()
        self.processes = {p.id: p for p in inventory.processes}
        self.endResetModel()


    def add_row(self) -> int:
        return self.append_row(["", Quarter(2023, 1)])

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or index.column() == self.NAME:
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def editor_spec(self, index: AnyIndex) -> EditorSpec | None:
        if index.column() == self.ID:
            return EditorSpec(TEXT)
        if index.column() == self.QUARTER:
            return EditorSpec(CHOICE, quarter_choices())
        return None

    def problem(self, row: int) -> str | None:
        pid = self.rows[row][0].strip()
        process = self.processes.get(pid)
        if process is None:
            return tr_format(self.tr("手続ID「%1」は手続一覧にありません"), pid)
        if process.authority is not Authority.NATIONAL:
            return tr_format(self.tr("%1 は国の権限の手続ではありません"), pid)
        return None

    def problems(self) -> list[str]:
        return [tr_format(self.tr("国の対応時期の仮定 %1 行目：%2"), k + 1, message)
                for k in range(len(self.rows)) if (message := self.problem(k)) is not None]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pid, quarter = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return pid if column == self.ID else quarter if column == self.QUARTER else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ID:
                return pid
            if column == self.NAME:
                process = self.processes.get(pid.strip())
                return process.name if process is not None else ""
            return quarter_label(quarter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.ID and \
                self.problem(index.row()) is not None:
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ID:
            return self.problem(index.row())
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() == self.NAME:
            return False
        if index.column() == self.ID:
            self.rows[index.row()][0] = str(value).strip()
        elif isinstance(value, Quarter):
            self.rows[index.row()][1] = value
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.QUARTER))
        return True

    def assumptions(self) -> tuple[tuple[str, Quarter], ...]:
        return tuple((pid, quarter) for pid, quarter in self.rows if pid)

    def load(self, dates: tuple[tuple[str, Quarter], ...]) -> None:
        self.beginResetModel()
        self.rows = [[pid, quarter] for pid, quarter in dates]
        self.endResetModel()
