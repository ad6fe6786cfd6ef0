"""The filter bar above the inventory: text search and one combo box per criterion."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QToolButton, QWidget

from dx_planner.domain.enums import Authority, LabelledEnum, ProcedureType, Status
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter, plannable_quarters
from ui.i18n import enum_label, quarter_label
from ui.models.filter import UNPLANNED, InventoryFilter

E = TypeVar("E", bound=LabelledEnum)


class FilterBar(QWidget):
    changed = Signal(object)  # InventoryFilter

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("検索（手続ID・手続名・備考）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        layout.addWidget(self.search, 2)
        everything = self.tr("すべて")
        self.bureau = self._combo(self.tr("所管局"), everything, [
            (name, name) for name in dict.fromkeys(
                inventory.bureau_names() + sorted({p.bureau for p in inventory.processes}))])
        self.type = self._enum_combo(self.tr("手続類型"), everything, ProcedureType)
        self.authority = self._enum_combo(self.tr("権限"), everything, Authority)
        self.status = self._enum_combo(self.tr("状況"), everything, Status)
        self.channel = self._combo(self.tr("申請基盤"), everything,
                                   [(c.name, c.name) for c in inventory.channels])
        self.priority = self._combo(self.tr("重点"), everything, [
            (self.tr("重点のみ"), True), (self.tr("重点以外"), False)])
        self.planned = self._combo(self.tr("計画四半期"), everything, [
            (self.tr("未計画"), UNPLANNED),
            *[(quarter_label(q), q) for q in plannable_quarters()]])
        for combo in (self.bureau, self.type, self.authority, self.status, self.channel,
                      self.priority, self.planned):
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._emit)
        self.min_volume = QSpinBox(self)
        self.min_volume.setRange(0, 2_000_000_000)
        self.min_volume.setSingleStep(1_000)
        self.min_volume.setGroupSeparatorShown(True)
        self.min_volume.setPrefix(self.tr("年間件数 ≥ "))
        self.min_volume.setSpecialValueText(self.tr("年間件数：すべて"))
        self.min_volume.setToolTip(
            self.tr("年間申請件数がこの件数以上の手続だけを表示（0 = すべて）"))
        self.min_volume.setAccelerated(True)
        layout.addWidget(self.min_volume, 1)
        self.min_volume.valueChanged.connect(self._emit)
        clear = QToolButton(self)
        clear.setText(self.tr("条件をクリア"))
        clear.clicked.connect(self.clear)
        layout.addWidget(clear)
        self.search.textChanged.connect(self._emit)

    def _combo(self, label: str, everything: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(label)
        combo.addItem(f"{label}: {everything}", None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _enum_combo(self, label: str, everything: str, enum: type[LabelledEnum]) -> QComboBox:
        # The item data is the member's code: Qt hands a str-based enum back as a plain str.
        return self._combo(label, everything, [(enum_label(m), m.value) for m in enum])

    @staticmethod
    def _member(combo: QComboBox, enum: type[E]) -> E | None:
        code = combo.currentData()
        return enum.parse(code) if code is not None else None

    def criteria(self) -> InventoryFilter:
        planned = self.planned.currentData()
        return InventoryFilter(
            text=self.search.text(), bureau=self.bureau.currentData(),
            type=self._member(self.type, ProcedureType),
            authority=self._member(self.authority, Authority),
            status=self._member(self.status, Status), channel=self.channel.currentData(),
            priority=self.priority.currentData(),
            planned=planned if isinstance(planned, Quarter | str) else None,
            min_volume=self.min_volume.value() or None,
        )

    def show_criteria(self, criteria: InventoryFilter) -> None:
        """Show ``criteria`` (e.g. the model's filter after the widgets were rebuilt)
        without emitting ``changed``."""
        def code(member: LabelledEnum | None) -> str | None:
            return member.value if member is not None else None

        combos = {self.bureau: criteria.bureau, self.type: code(criteria.type),
                  self.authority: code(criteria.authority), self.status: code(criteria.status),
                  self.channel: criteria.channel, self.priority: criteria.priority,
                  self.planned: criteria.planned}
        for widget in (self.search, *combos):
            widget.blockSignals(True)
        self.search.setText(criteria.text)
        for combo, value in combos.items():
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
        for widget in (self.search, *combos):
            widget.blockSignals(False)

    def clear(self) -> None:
        combos = (self.bureau, self.type, self.authority, self.status, self.channel,
                  self.priority, self.planned)
        for widget in (self.search, self.min_volume, *combos):
            widget.blockSignals(True)
        self.search.clear()
        self.min_volume.setValue(0)
        for combo in combos:
            combo.setCurrentIndex(0)
        for widget in (self.search, self.min_volume, *combos):
            widget.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.criteria())
