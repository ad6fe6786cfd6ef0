"""Dialogs for the outputs that go to the bureaus: the plan workbook (scenario and an
optional scenario to compare with), the quarterly progress report (quarter and scenario),
and the quarter a plan is published as the baseline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.scenarios import list_scenarios
from ui.texts import tr_format
from ui.widgets.quarter_picker import QuarterPicker


def scenario_names(engine: Engine) -> list[str]:
    """Stored scenarios, the newest first."""
    with engine.connect() as connection:
        return [scenario.name for scenario in list_scenarios(connection)]


def _scenario_box(parent: QWidget, names: list[str], current: str | None) -> QComboBox:
    box = QComboBox(parent)
    for name in names:
        box.addItem(name, name)
    if current in names:
        box.setCurrentIndex(names.index(current))
    return box


class ExportPlanDialog(QDialog):
    """Which scenario goes into the plan workbook, and which (if any) to compare it with."""

    def __init__(self, names: list[str], current: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("計画ワークブックを出力"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scenario = _scenario_box(self, names, current)
        self.compare = QComboBox(self)
        self.compare.addItem(self.tr("比較しない"), None)
        for name in names:
            self.compare.addItem(name, name)
        form.addRow(self.tr("シナリオ"), self.scenario)
        form.addRow(self.tr("比較するシナリオ（前回比較シート）"), self.compare)
        layout.addLayout(form)
        note = QLabel(self.tr("手続一覧はデータベースの内容（保存済みの状態）で出力します。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5d6d7e")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str | None, str | None]:
        scenario = self.scenario.currentData()
        compare = self.compare.currentData()
        return scenario, (compare if compare != scenario else None)


class ReportDialog(QDialog):
    """The quarter and scenario of a quarterly progress report."""

    def __init__(self, names: list[str], current: str | None, quarter: Quarter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("進捗報告書を作成"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.quarter = QuarterPicker(self, allow_blank=False)
        self.quarter.set_quarter(quarter)
        self.scenario = QComboBox(self)
        self.scenario.addItem(self.tr("最新のシナリオ"), None)
        for name in names:
            self.scenario.addItem(name, name)
        if current in names:
            self.scenario.setCurrentIndex(names.index(current) + 1)
        form.addRow(self.tr("報告する四半期"), self.quarter)
        form.addRow(self.tr("今後の計画に使うシナリオ"), self.scenario)
        layout.addLayout(form)
        note = QLabel(self.tr("形式はファイルの拡張子で決まります（.md、.html、.xlsx）。"
                              "実績はデータベースの内容（保存済みの状態）を使います。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5d6d7e")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[Quarter, str | None]:
        quarter = self.quarter.quarter()
        assert quarter is not None  # no blank entry
        return quarter, self.scenario.currentData()


class PublishBaselineDialog(QDialog):
    """The quarter a scenario becomes the plan of record as of, and a note."""

    def __init__(self, scenario: str, quarter: Quarter, existing: list[Quarter],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ベースラインとして公表"))
        self.existing = existing
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr_format(
            self.tr("シナリオ「%1」を計画の基準（ベースライン）として公表します。"), scenario),
            self))
        form = QFormLayout()
        self.quarter = QuarterPicker(self, allow_blank=False)
        self.quarter.set_quarter(quarter)
        self.note = QLineEdit(self)
        form.addRow(self.tr("公表時点の四半期"), self.quarter)
        form.addRow(self.tr("メモ"), self.note)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setStyleSheet("color: #b03a2e")
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.quarter.currentIndexChanged.connect(self._update_warning)
        self._update_warning()

    def _update_warning(self) -> None:
        replaces = self.quarter.quarter() in self.existing
        self.warning.setText(self.tr("この四半期のベースラインは既にあります。置き換えます。")
                             if replaces else "")

    def chosen(self) -> tuple[Quarter, str]:
        quarter = self.quarter.quarter()
        assert quarter is not None
        return quarter, self.note.text().strip()
