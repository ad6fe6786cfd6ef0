"""Results page: every requirement of the plan (target, milestones, bureau and segment
targets) with needed / reached / met and its cost; when some are missed, the extra capacity
per bureau × quarter that closes each gap, and which requirement it serves."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.models.analysis_texts import requirement_label
from ui.models.outcome_models import ALL, RequirementOutcomesModel, ShortfallCapacityModel
from ui.session import Session
from ui.tasks import TaskRunner
from ui.texts import tr_format
from ui.views.results.analysis_tables import note_label, plan_capacity, read_only_table


class RequirementsPage(QWidget):
    def __init__(self, session: Session, _runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RequirementOutcomesModel(self)
        self.table = read_only_table(self.model, self)
        for column, width in enumerate((96, 210, 74, 70, 56, 66, 40, 48, 96)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 3)
        layout.addWidget(note_label(self.tr(
            "費用：その要件を満たすために諦めたオンライン申請件数（計画期間の合計）。"
            "推定は双対価格によるもので、「局・区分の目標」で再計算の時間を与えると"
            "要件あり・なしの計画を解き比べて測ります。"), self))

        self.shortfall_box = QGroupBox(
            self.tr("不足を埋めるのに必要な追加の処理能力（人月）"), self)
        box_layout = QVBoxLayout(self.shortfall_box)
        self.shortfall_summary = QLabel(self.shortfall_box)
        self.shortfall_summary.setWordWrap(True)
        box_layout.addWidget(self.shortfall_summary)
        self.serves = QComboBox(self.shortfall_box)
        self.serves.currentIndexChanged.connect(self._show_shortfall)
        box_layout.addWidget(self.serves)
        self.shortfall_model = ShortfallCapacityModel(self)
        self.shortfall_table = read_only_table(self.shortfall_model, self.shortfall_box)
        self.shortfall_table.horizontalHeader().setDefaultSectionSize(96)
        box_layout.addWidget(self.shortfall_table, 1)
        box_layout.addWidget(note_label(self.tr(
            "追加は合計が最も少なく、期限までの四半期になるべく均等に（どの四半期も2倍を"
            "超えないように）配分しています。各行の局・四半期に、表示した人月を上乗せすると"
            "選んだ要件を満たす計画があります。"), self.shortfall_box))
        layout.addWidget(self.shortfall_box, 2)
        self.show_plan()
        session.planChanged.connect(self.show_plan)

    def show_plan(self) -> None:
        result = self.session.plan
        self.model.set_result(result)
        if result is None:
            self.summary.setText(self.tr("計画がまだありません。"))
        else:
            met = sum(o.met for o in result.requirements)
            self.summary.setText(tr_format(self.tr("要件 %1 件中 %2 件を達成（全体の目標・"
                                                   "中間目標・局と区分の目標・各局の目標）"),
                                           len(result.requirements), met))
        self.serves.blockSignals(True)
        self.serves.clear()
        self.serves.addItem(self.tr("すべての不足"), ALL)
        if result is not None:
            for k in self.model.missed_rows():
                self.serves.addItem(requirement_label(result.requirements[k].requirement), k)
        self.serves.blockSignals(False)
        self.shortfall_box.setVisible(result is not None and result.shortfall is not None)
        self._show_shortfall()

    def _show_shortfall(self) -> None:
        result = self.session.plan
        requirement = self.serves.currentData()
        self.shortfall_model.set_result(result, requirement if isinstance(requirement, int)
                                        else ALL, plan_capacity(self.session, result))
        shortfall = result.shortfall if result is not None else None
        if shortfall is None:
            self.shortfall_summary.setText("")
            return
        text = tr_format(self.tr("不足 %1 件。"), f"{shortfall.missing:,}")
        if not shortfall.capacity_closes_it:
            text += tr_format(self.tr("処理能力を増やして埋められるのは最大 %1 件です"
                                      "（残りは国の対応時期や申請基盤の利用開始を待つ手続）。"),
                              f"{shortfall.closable_by_capacity or 0:,}")
        text += tr_format(self.tr("表示中の追加：合計 %1 人月"),
                          f"{self.shortfall_model.total:,.1f}")
        if shortfall.verified:
            text += self.tr("（この追加で要件を満たす計画を確認済み）")
        self.shortfall_summary.setText(text)
