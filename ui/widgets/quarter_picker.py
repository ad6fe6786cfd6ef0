"""A combo box of fiscal quarters shown as code and months (``FY2021Q4 · 2022年1~3月``)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from dx_planner.domain.quarters import FIRST_QUARTER, LAST_QUARTER, Quarter, quarter_range
from ui.i18n import quarter_label


class QuarterPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None, *, allow_blank: bool = True,
                 blank_text: str = "—", first: Quarter = FIRST_QUARTER,
                 last: Quarter = LAST_QUARTER) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(16)
        if allow_blank:
            self.addItem(blank_text, None)
        for quarter in quarter_range(first, last):
            self.addItem(quarter_label(quarter), quarter)

    def quarter(self) -> Quarter | None:
        value = self.currentData()
        return value if isinstance(value, Quarter) else None

    def set_quarter(self, quarter: Quarter | None) -> None:
        # findData compares Python objects by identity: equal quarters would not be found
        index = next((i for i in range(self.count()) if self.itemData(i) == quarter), -1)
        if index < 0 and quarter is not None:  # outside the list: add it rather than lose it
            self.addItem(quarter_label(quarter), quarter)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
