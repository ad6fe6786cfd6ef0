"""What-if assumptions in 計画の条件と実行: national dates by national status or by process,
a capacity factor per bureau, an assumed start per channel. Stored with the scenario; the
inventory is not touched (planning-model.md §6)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dx_planner.domain.enums import NationalStatus
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import Assumptions
from ui.i18n import enum_label
from ui.models.whatif_models import BureauScaleModel, ChannelStartModel, ProcessDateModel
from ui.texts import tr_format
from ui.views.plan.tables import selected_rows, settings_table
from ui.widgets.quarter_picker import QuarterPicker


class WhatIfEditor(QWidget):
    changed = Signal()

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("仮定はこの計画（シナリオ）だけに使われ、シナリオとともに"
                              "保存されます。手続一覧は変更されません。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)

        national = QGroupBox(self.tr("国の対応時期の仮定"), self)
        national_layout = QVBoxLayout(national)
        form = QFormLayout()
        self.status_dates: dict[NationalStatus, QuarterPicker] = {}
        for status in NationalStatus:
            picker = QuarterPicker(national, blank_text=self.tr("仮定しない"))
            picker.currentIndexChanged.connect(self.changed)
            self.status_dates[status] = picker
            form.addRow(tr_format(self.tr("国の対応状況が「%1」の手続すべて"),
                                  enum_label(status)), picker)
        national_layout.addLayout(form)
        self.process_model = ProcessDateModel(inventory, self)
        self.process_table = settings_table(self.process_model, national)
        self.process_table.setColumnWidth(0, 110)
        self.process_table.setColumnWidth(1, 220)
        self.process_table.setMaximumHeight(120)
        national_layout.addWidget(QLabel(self.tr("手続ごと（状況による仮定より優先）"), national))
        national_layout.addWidget(self.process_table)
        buttons = QHBoxLayout()
        self.add_process = QPushButton(self.tr("手続を追加"), national)
        self.add_process.clicked.connect(self._add_process)
        self.remove_process = QPushButton(self.tr("選択を削除"), national)
        self.remove_process.clicked.connect(
            lambda: self.process_model.remove_rows(selected_rows(self.process_table)))
        buttons.addWidget(self.add_process)
        buttons.addWidget(self.remove_process)
        buttons.addStretch(1)
        national_layout.addLayout(buttons)
        layout.addWidget(national)

        lower = QHBoxLayout()
        capacity = QGroupBox(self.tr("局の処理能力の倍率（全四半期）"), self)
        capacity_layout = QVBoxLayout(capacity)
        self.scale_model = BureauScaleModel(inventory, self)
        self.scale_table = settings_table(self.scale_model, capacity)
        self.scale_table.setColumnWidth(0, 150)
        self.scale_table.setColumnWidth(1, 160)
        capacity_layout.addWidget(self.scale_table)
        lower.addWidget(capacity, 1)
        channels = QGroupBox(self.tr("申請基盤の利用開始"), self)
        channel_layout = QVBoxLayout(channels)
        self.channel_model = ChannelStartModel(inventory, self)
        self.channel_table = settings_table(self.channel_model, channels)
        self.channel_table.setColumnWidth(0, 130)
        self.channel_table.setColumnWidth(1, 150)
        channel_layout.addWidget(self.channel_table)
        lower.addWidget(channels, 1)
        layout.addLayout(lower, 1)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #c0392b")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)
        for model in (self.process_model, self.scale_model, self.channel_model):
            for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                           model.modelReset):
                signal.connect(self.changed)

    def _add_process(self) -> None:
        row = self.process_model.add_row()
        self.process_table.selectRow(row)

    def set_inventory(self, inventory: Inventory) -> None:
        for model in (self.process_model, self.scale_model, self.channel_model):
            model.set_inventory(inventory)

    def assumptions(self) -> Assumptions:
        by_status: list[tuple[str, Quarter]] = []
        for status, picker in self.status_dates.items():
            quarter = picker.quarter()
            if quarter is not None:
                by_status.append((status.ja, quarter))
        return Assumptions(tuple(by_status) + self.process_model.assumptions(),
                           self.scale_model.assumptions(), self.channel_model.assumptions())

    def load(self, assumptions: Assumptions) -> None:
        statuses = {status.ja: status for status in NationalStatus}
        for picker in self.status_dates.values():
            picker.set_quarter(None)
        processes = []
        for key, quarter in assumptions.national_ready:
            if key in statuses:
                self.status_dates[statuses[key]].set_quarter(quarter)
            else:
                processes.append((key, quarter))
        self.process_model.load(tuple(processes))
        self.scale_model.load(assumptions.capacity_scale)
        self.channel_model.load(assumptions.channel_from)

    def check(self) -> list[str]:
        problems = self.process_model.problems()
        self.problem_label.setText("\n".join(problems))
        return problems

    def summary(self) -> str:
        """One line for the tab title: how many assumptions are set."""
        a = self.assumptions()
        count = len(a.national_ready) + len(a.capacity_scale) + len(a.channel_from)
        return tr_format(self.tr("前提の仮定（%1）"), count) if count else self.tr("前提の仮定")
