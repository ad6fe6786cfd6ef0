"""Publishing a plan as the baseline (plan of record), and plan vs actual."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from dx_planner.domain.quarters import Quarter
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence.baselines import list_baselines
from dx_planner.tracking.actuals import default_actual_quarter
from ui.actions.base import ActionSpec
from ui.actions.outputs import no_scenario
from ui.actions.saving import confirm_discard
from ui.tasks import Job, TaskContext
from ui.texts import tr_format
from ui.widgets.report_dialogs import PublishBaselineDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def choose_publish_baseline(window: MainWindow) -> None:
    name = window.session.plan_name
    if name is None:
        if no_scenario(window):
            return
        QMessageBox.information(window, translate("Baselines", "ベースラインとして公表"),
                                translate("Baselines",
                                          "表示中の計画はシナリオとして保存されていません。"
                                          "「保存済みシナリオ」からシナリオを開いてから"
                                          "公表してください。"))
        return
    with window.session.engine.connect() as connection:
        existing = [b.as_of for b in list_baselines(connection)]
    dialog = PublishBaselineDialog(
        name, default_actual_quarter(window.session.store.inventory), existing, window)
    if dialog.exec() != PublishBaselineDialog.DialogCode.Accepted:
        return
    quarter, note = dialog.chosen()
    publish_baseline(window, quarter, name, note)


def publish_baseline(window: MainWindow, as_of: Quarter, scenario: str | None = None,
                     note: str = "") -> bool:
    """Publish ``scenario`` (the newest when None) as the baseline as of ``as_of``."""
    if not confirm_discard(window):
        return False
    engine = window.session.engine

    def work(context: TaskContext) -> Any:
        from dx_planner.persistence.database import write_transaction
        from dx_planner.tracking.baselines import publish_baseline as publish

        with write_transaction(engine) as connection:  # queues behind another writer
            return publish(connection, as_of, scenario_name=scenario, note=note)

    def done(baseline: Any) -> None:
        window.show_message(tr_format(
            translate("Baselines", "ベースラインを公表しました：%1 時点（シナリオ「%2」、%3件）"),
            baseline.as_of.code, baseline.scenario_name, f"{len(baseline.items):,}"))
        window.results_view.plan_vs_actual.invalidate()

    return window.runner.start(Job(translate("Baselines", "ベースラインとして公表"), work, done))


def show_plan_vs_actual(window: MainWindow) -> None:
    window.show_results()
    window.results_view.show_plan_vs_actual()


ACTIONS = (
    ActionSpec("publish_baseline",
               QT_TRANSLATE_NOOP("Actions", "この計画をベースラインとして公表…"),
               choose_publish_baseline, admin_only=True),
    ActionSpec("plan_vs_actual", QT_TRANSLATE_NOOP("Actions", "計画と実績を表示"),
               show_plan_vs_actual),
)
