"""Results page: where one more person-month helps most (the plan's capacity values by
bureau × quarter, as a heat map), with the figure in each cell's tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from ui.models.capacity_value_model import CapacityValueModel
from ui.session import Session
from ui.tasks import TaskRunner
from ui.texts import tr_format
from ui.views.results.analysis_tables import note_label, plan_capacity, read_only_table

TOP = 5


class CapacityValuePage(QWidget):
    def __init__(self, session: Session, _runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = CapacityValueModel(self)
        self.table = read_only_table(self.model, self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        self.explanation = note_label(self.tr(
            "各セルは、その局・四半期の処理能力を1人月増やしたときに計画期間のオンライン申請が"
            "増える件数の目安（計画の双対価格）です。色が濃いほど効果が大きく、「·」は能力に"
            "余裕があり増やしても変わらないセルです。増やす人月が多いほど1人月あたりの効果は"
            "下がります。"), self)
        layout.addWidget(self.explanation)
        self.top = QLabel(self)
        self.top.setWordWrap(True)
        layout.addWidget(self.top)
        self.show_plan()
        session.planChanged.connect(self.show_plan)

    def show_plan(self) -> None:
        result = self.session.plan
        self.model.set_result(result, plan_capacity(self.session, result))
        best = self.model.top(TOP)
        if not best:
            self.top.setText(self.tr("計画がないか、どの局・四半期にも処理能力の余裕があります。")
                             if result is None or not result.capacity_value else
                             self.tr("どの局・四半期も処理能力に余裕があります。"))
            return
        cells = "、".join(tr_format(self.tr("%1 %2（%3件）"), b, q.code, f"{v:,.0f}")
                         for b, q, v in best)
        self.top.setText(tr_format(self.tr("効果が最も大きいのは：%1"), cells))
