"""The requirements of a plan in 計画の条件と実行: a target per bureau (``bureau_target``),
segment and bureau requirements as a table, and after a solve what each needs, reaches and
costs (planning-model.md §6)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dx_planner.domain.enums import Authority
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.requirements import BUREAU_TARGET
from dx_planner.planning.result import PlanResult
from dx_planner.planning.settings import PlanSettings, ResolvedSettings
from ui.models.requirements_model import RequirementRow, RequirementsModel
from ui.texts import tr_format
from ui.views.plan.tables import selected_rows, settings_table

#: The segment the programme names first: 都's own high-volume procedures.
HIGH_VOLUME = 10_000


class RequirementsEditor(QWidget):
    changed = Signal()

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("全体の目標に加えて、局ごと・区分ごとの目標を指定できます。"
                               "最適化はすべてを満たす計画を探し、満たせないときは要件ごとの"
                               "不足と必要な処理能力を示します。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        bureau_row = QHBoxLayout()
        self.bureau_target_on = QCheckBox(self.tr("各局の目標：どの局も対象の手続の"), self)
        self.bureau_target = QDoubleSpinBox(self)
        self.bureau_target.setRange(0.0, 100.0)
        self.bureau_target.setDecimals(1)
        self.bureau_target.setSuffix(" %")
        self.bureau_target.setValue(70.0)
        self.bureau_target.setEnabled(False)
        self.bureau_target_on.toggled.connect(self.bureau_target.setEnabled)
        bureau_row.addWidget(self.bureau_target_on)
        bureau_row.addWidget(self.bureau_target)
        bureau_row.addWidget(QLabel(self.tr("以上を目標期限までに"), self))
        bureau_row.addStretch(1)
        layout.addLayout(bureau_row)
        self.bureau_outcome = QLabel(self)
        self.bureau_outcome.setStyleSheet("color: #5d6d7e")
        layout.addWidget(self.bureau_outcome)

        self.model = RequirementsModel(inventory, self)
        self.table = settings_table(self.model, self)
        for column, width in enumerate((104, 68, 48, 48, 62, 100, 100, 46, 66, 120,
                                        74, 56, 72, 44)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("要件を追加"), self)
        self.add_button.clicked.connect(self.add_bureau_requirement)
        self.presets = QToolButton(self)
        self.presets.setText(self.tr("区分の目標を追加"))
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.presets)
        self.preset_actions: list[QAction] = []
        for label, row in self._preset_rows():
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, r=row: self.add(r))
            self.preset_actions.append(action)
        self.presets.setMenu(menu)
        self.remove_button = QPushButton(self.tr("選択した要件を削除"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.add_button, self.presets, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        cost_row = QHBoxLayout()
        cost_row.addWidget(QLabel(self.tr("要件の費用を再計算で測る時間（各要件、0 = 推定のみ）"),
                                  self))
        self.cost_time = QDoubleSpinBox(self)
        self.cost_time.setRange(0.0, 600.0)
        self.cost_time.setSuffix(self.tr(" 秒"))
        cost_row.addWidget(self.cost_time)
        cost_row.addStretch(1)
        layout.addLayout(cost_row)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c0392b")
        layout.addWidget(self.problem_label)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(self.changed)
        self.bureau_target_on.toggled.connect(self.changed)
        self.bureau_target.valueChanged.connect(self.changed)

    def _preset_rows(self) -> list[tuple[str, RequirementRow]]:
        return [
            (self.tr("都の権限で年間1万件以上の手続を100%"),
             RequirementRow(authority=Authority.TOKYO, min_volume=HIGH_VOLUME)),
            (self.tr("重点手続を100%"), RequirementRow(priority=True)),
            (self.tr("主要手続を100%"), RequirementRow(major=True)),
            (self.tr("年間1万件以上の手続を100%"), RequirementRow(min_volume=HIGH_VOLUME)),
        ]

    # -- editing -------------------------------------------------------------------------
    def add(self, row: RequirementRow) -> int:
        position = self.model.add_row(row)
        self.table.selectRow(position)
        return position

    def add_bureau_requirement(self) -> int:
        """A new row: the first bureau, 70 % by the deadline (the planner edits it)."""
        names = self.model.inventory.bureau_names()
        return self.add(RequirementRow(bureau=names[0] if names else None, amount=70.0))

    def remove_selected(self) -> None:
        self.model.remove_rows(selected_rows(self.table))

    def set_inventory(self, inventory: Inventory) -> None:
        self.model.set_inventory(inventory)

    # -- settings ------------------------------------------------------------------------
    def bureau_target_share(self) -> float | None:
        if not self.bureau_target_on.isChecked():
            return None
        return round(self.bureau_target.value() / 100, 6)

    def load(self, settings: PlanSettings | ResolvedSettings) -> None:
        self.model.set_specs(settings.requirements)
        self.bureau_target_on.setChecked(settings.bureau_target is not None)
        if settings.bureau_target is not None:
            self.bureau_target.setValue(settings.bureau_target * 100)
        self.cost_time.setValue(settings.cost_time)

    def check(self, start: Quarter | None, end: Quarter) -> list[str]:
        """The rows' problems, also shown under the table."""
        problems = self.model.problems(start, end)
        self.problem_label.setText("\n".join(problems))
        return problems

    def show_result(self, result: PlanResult | None) -> None:
        self.model.set_result(result)
        bureaus = [r for r in (result.requirements if result else [])
                   if r.requirement.kind == BUREAU_TARGET]
        if not bureaus:
            self.bureau_outcome.setText("")
            return
        missed = [r.requirement.scope.bureau or "" for r in bureaus if not r.met]
        text = tr_format(self.tr("表示中の計画：各局の目標は %1 局中 %2 局で達成"),
                         len(bureaus), len(bureaus) - len(missed))
        if missed:
            text += tr_format(self.tr("（未達：%1）"), "、".join(missed))
        self.bureau_outcome.setText(text)
