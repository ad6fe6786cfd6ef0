"""Results page of a re-plan made with keep: how it differs from its reference per bureau,
the price of stability (applications given up and move penalty), and the commitments
released with their reasons."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.models.changes_models import ChangesByBureauModel, ReleasedModel
from ui.session import Session
from ui.tasks import TaskRunner
from ui.texts import tr_format
from ui.views.results.analysis_tables import read_only_table


class ChangesPage(QWidget):
    def __init__(self, session: Session, _runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        self.by_bureau_model = ChangesByBureauModel(self)
        self.by_bureau = read_only_table(self.by_bureau_model, splitter)
        self.by_bureau.setColumnWidth(0, 150)
        self.released_model = ReleasedModel(self)
        released_page = QWidget(splitter)
        released_layout = QVBoxLayout(released_page)
        released_layout.setContentsMargins(0, 0, 0, 0)
        self.released_title = QLabel(released_page)
        released_layout.addWidget(self.released_title)
        self.released = read_only_table(self.released_model, released_page)
        self.released.setColumnWidth(1, 220)
        released_layout.addWidget(self.released)
        splitter.addWidget(self.by_bureau)
        splitter.addWidget(released_page)
        layout.addWidget(splitter, 1)
        self.show_plan()
        session.planChanged.connect(self.show_plan)

    def _reference(self, reference: str) -> str:
        """``scenario X`` / ``baseline as of FY2021Q3`` (the plan file's words) as shown."""
        if reference.startswith("scenario "):
            return tr_format(self.tr("シナリオ「%1」"), reference.removeprefix("scenario "))
        if reference.startswith("baseline as of "):
            return tr_format(self.tr("公表済みのベースライン（%1 時点）"),
                             reference.removeprefix("baseline as of "))
        return reference

    def show_plan(self) -> None:
        result = self.session.plan
        changes = result.changes if result is not None else None
        processes = {p.id: p for p in self.session.store.processes}
        self.by_bureau_model.set_changes(changes, processes)
        self.released_model.set_changes(changes, processes)
        self.released_title.setText(tr_format(self.tr("解除した約束 %1 件（理由つき）"),
                                              len(changes.released) if changes else 0))
        if result is None or changes is None:
            self.summary.setText(self.tr(
                "この計画は基準を守る再計画ではありません。「計画の条件と実行」の"
                "「基準を守る再計画」で、公表済みのベースラインや保存済みの計画を基準に"
                "再計画すると、ここに変更と安定化の代償が表示されます。"))
            return
        keep = result.settings.keep
        lines = [tr_format(self.tr("基準：%1"), self._reference(changes.reference))]
        if keep is not None:
            freeze = keep.freeze_until.code if keep.freeze_until else self.tr("なし")
            cost = self.tr("∞（有効な約束はすべて守る）") if math.isinf(keep.move_cost) \
                else f"{keep.move_cost:,.0f}"
            lines.append(tr_format(self.tr("凍結：%1 まで　変更1件あたりの必要な効果：%2 件"),
                                   freeze, cost))
        # with move cost ∞ every still-valid commitment is kept, not only the frozen ones
        if keep is not None and math.isinf(keep.move_cost):
            counts = self.tr(
                "そのまま守った約束 %1 件（変更の費用∞：有効な約束はすべて）、時期の変更 %2 件、"
                "計画から外した %3 件、追加 %4 件、解除 %5 件")
        else:
            counts = self.tr(
                "凍結して守った約束 %1 件、時期の変更 %2 件、計画から外した %3 件、追加 %4 件、"
                "解除 %5 件")
        lines.append(tr_format(counts, f"{changes.frozen:,}", f"{len(changes.moved):,}",
                               f"{len(changes.dropped):,}", f"{len(changes.added):,}",
                               f"{len(changes.released):,}"))
        price = changes.price_of_stability
        if price is None and changes.free_objective is not None:
            # a plan meeting more requirements ranks first, whatever its objective
            lines.append(tr_format(self.tr(
                "安定化の代償：比較できません（この計画は必要な手続が %1 件不足、基準なしの"
                "再計画は %2 件不足。条件の達成がオンライン申請件数より優先されます）"),
                f"{changes.missing:,}", f"{changes.free_missing or 0:,}"))
        elif price is None:
            lines.append(self.tr("安定化の代償：不明（基準なしの再計画が中断されました）"))
        else:
            share = price / changes.free_objective if changes.free_objective else 0.0
            given_up = (changes.free_objective or 0.0) - changes.applications
            lines.append(tr_format(self.tr(
                "安定化の代償：%1 件（目的値の %2）＝ 諦めたオンライン申請 %3 件 ＋ "
                "変更のペナルティ %4 件"), f"{price:,.0f}", f"{share:.3%}",
                f"{given_up:,.0f}", f"{changes.move_penalty:,.0f}"))
            if changes.free_moved is not None:
                lines.append(tr_format(self.tr(
                    "基準なしで再計画すると：時期の変更 %1 件、計画から外す %2 件"),
                    f"{changes.free_moved:,}", f"{changes.free_dropped or 0:,}"))
        self.summary.setText("\n".join(lines))
