"""Stable re-planning in 計画の条件と実行 (planning-model.md §6, ``settings.keep``): keep a
reference plan (the published baseline or any scenario), freeze its quarters up to a
quarter, and say how much a move must gain (``move_cost``)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.baselines import list_baselines
from dx_planner.persistence.scenarios import list_scenarios
from dx_planner.planning.keep import Keep
from ui.texts import tr_format
from ui.widgets.quarter_picker import QuarterPicker

#: The slider's stops: online applications a move must gain (the spin box takes any value).
MOVE_COSTS = (0, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
DEFAULT_MOVE_COST = 2_000
NEWEST_BASELINE = "baseline"


class KeepEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "前の計画（公表済みのベースラインや保存済みシナリオ）を基準に再計画します。"
            "凍結する四半期までは基準の計画をそのまま守り、それ以降は、動かすことで"
            "オンライン申請が「変更1件あたりの必要な効果」以上に増えるときだけ変更します。"
            "無効になった約束（対象外・完了済み・時期が合わない等）は理由とともに解除されます。"),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.enabled = QCheckBox(self.tr("基準の計画を守って再計画する"), self)
        layout.addWidget(self.enabled)
        form = QFormLayout()
        self.reference = QComboBox(self)
        self.reference.setMinimumContentsLength(24)
        form.addRow(self.tr("基準の計画"), self.reference)
        self.freeze_until = QuarterPicker(self, blank_text=self.tr("凍結しない"))
        form.addRow(self.tr("この四半期まで凍結"), self.freeze_until)
        cost_row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, len(MOVE_COSTS) - 1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setPageStep(1)
        self.move_cost = QDoubleSpinBox(self)
        self.move_cost.setRange(0.0, 1e9)
        self.move_cost.setDecimals(0)
        self.move_cost.setSingleStep(100)
        self.move_cost.setGroupSeparatorShown(True)
        self.move_cost.setSuffix(self.tr(" 件"))
        self.keep_all = QCheckBox(self.tr("有効な約束はすべて守る（∞）"), self)
        cost_row.addWidget(self.slider, 2)
        cost_row.addWidget(self.move_cost, 1)
        cost_row.addWidget(self.keep_all)
        form.addRow(self.tr("変更1件あたりの必要な効果"), cost_row)
        layout.addLayout(form)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #5d6d7e")
        layout.addWidget(self.explain)
        layout.addStretch(1)
        self.slider.valueChanged.connect(lambda stop: self.move_cost.setValue(MOVE_COSTS[stop]))
        self.move_cost.valueChanged.connect(self._cost_changed)
        self.keep_all.toggled.connect(self._cost_changed)
        self.enabled.toggled.connect(self._enable)
        for signal in (self.enabled.toggled, self.reference.currentIndexChanged,
                       self.freeze_until.currentIndexChanged, self.move_cost.valueChanged,
                       self.keep_all.toggled):
            signal.connect(self.changed)
        self.move_cost.setValue(DEFAULT_MOVE_COST)
        self._enable(False)

    def refresh(self, engine: Engine) -> None:
        """List the published baselines and stored scenarios (keeping the choice)."""
        chosen = self.reference.currentData()
        self.reference.blockSignals(True)
        self.reference.clear()
        with engine.connect() as connection:
            baselines = list_baselines(connection)
            scenarios = list_scenarios(connection)
        if baselines:
            self.reference.addItem(tr_format(self.tr("公表済みの最新ベースライン（%1 時点）"),
                                             baselines[0].as_of.code), NEWEST_BASELINE)
            for baseline in baselines[1:]:
                self.reference.addItem(tr_format(self.tr("ベースライン（%1 時点）"),
                                                 baseline.as_of.code),
                                       f"baseline-{baseline.as_of.code}")
        for scenario in scenarios:
            self.reference.addItem(tr_format(self.tr("シナリオ：%1"), scenario.name),
                                   scenario.name)
        position = self.reference.findData(chosen)
        self.reference.setCurrentIndex(max(position, 0))
        self.reference.blockSignals(False)

    def _enable(self, on: bool) -> None:
        for widget in (self.reference, self.freeze_until, self.slider, self.move_cost,
                       self.keep_all):
            widget.setEnabled(on)
        self.move_cost.setEnabled(on and not self.keep_all.isChecked())
        self.slider.setEnabled(on and not self.keep_all.isChecked())

    def _cost_changed(self) -> None:
        value = self.move_cost.value()
        stops = [abs(stop - value) for stop in MOVE_COSTS]
        self.slider.blockSignals(True)
        self.slider.setValue(stops.index(min(stops)))
        self.slider.blockSignals(False)
        self._enable(self.enabled.isChecked())
        if self.keep_all.isChecked():
            self.explain.setText(self.tr("まだ有効な約束は動かしません（凍結期間の後も）。"))
        elif value == 0:
            self.explain.setText(self.tr("0 件：基準なしの再計画と同じ（変更に費用なし）。"))
        else:
            self.explain.setText(tr_format(self.tr(
                "基準の計画の手続を動かす・外すのは、それで計画期間のオンライン申請が %1 件"
                "以上増えるときだけです。"), f"{value:,.0f}"))

    # -- settings ------------------------------------------------------------------------
    def keep(self) -> Keep | None:
        if not self.enabled.isChecked():
            return None
        name = self.reference.currentData()
        if not isinstance(name, str):
            return None
        cost = math.inf if self.keep_all.isChecked() else self.move_cost.value()
        return Keep(name, self.freeze_until.quarter(), cost)

    def problems(self) -> list[str]:
        if self.enabled.isChecked() and self.reference.currentData() is None:
            return [self.tr("再計画：基準にできる計画がありません（ベースラインを公表するか、"
                            "先に計画を保存してください）")]
        return []

    def load(self, keep: Keep | None) -> None:
        self.enabled.setChecked(keep is not None)
        if keep is None:
            return
        position = self.reference.findData(keep.scenario)
        if position < 0:  # a reference not listed (e.g. deleted since): show it anyway
            self.reference.addItem(keep.scenario, keep.scenario)
            position = self.reference.count() - 1
        self.reference.setCurrentIndex(position)
        self.freeze_until.set_quarter(keep.freeze_until)
        self.keep_all.setChecked(math.isinf(keep.move_cost))
        if not math.isinf(keep.move_cost):
            self.move_cost.setValue(keep.move_cost)

    def default_freeze(self, start: Quarter | None) -> None:
        """Freeze the first planned quarter unless the planner chose otherwise."""
        if start is not None and self.freeze_until.quarter() is None:
            self.freeze_until.set_quarter(start)
