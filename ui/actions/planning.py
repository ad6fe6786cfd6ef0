"""Optimizing, opening a stored scenario, and "why not earlier?" for a process."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dx_planner.domain.inventory import Process
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.planning.result import PlanResult
from ui.actions.base import ActionSpec
from ui.texts import tr_format

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def optimize(window: MainWindow) -> None:
    window.show_plan_panel()
    window.plan_panel.start_optimize()


def show_plan(window: MainWindow, result: PlanResult, name: str | None) -> None:
    """A plan just solved: it becomes the session's plan, shown in the results; the live
    outlook follows edits from it."""
    window.session.set_plan(result, name, window.plan_panel.outlook_start)
    window.show_results()


def open_scenario(window: MainWindow, name: str) -> None:
    from dx_planner.planning.scenarios import load_scenario

    with window.session.engine.connect() as connection:
        result = load_scenario(connection, name)
    window.session.set_plan(result, name)
    window.plan_panel.show_settings(result.settings)
    window.show_message(tr_format(translate("Planning", "シナリオ「%1」を開きました"), name))


def explain(window: MainWindow, process: Process) -> None:
    """Why ``process`` is not planned earlier, shown on the results tab."""
    plan = window.session.plan
    if plan is None:
        window.show_message(translate("Planning",
                                      "計画がまだありません。先に最適化を実行してください"))
        return
    from dx_planner.planning.service import explain_process

    view = window.results_view.explanation
    inventory = window.session.store.inventory
    try:
        explanation = explain_process(inventory, plan, process.id)
    except KeyError:  # already digitized, out of scope, or added since the plan was made
        view.show_message(tr_format(translate(
            "Planning", "%1 はこの計画の対象ではありません（計画開始前にデジタル化済、"
                        "対象外、または計画後に追加された手続）。"), process.id))
    else:
        view.show_explanation(explanation, process, plan.settings.quarters,
                              {p.id: p.name for p in inventory.processes},
                              inventory.channel_by_name())
    window.results_view.show_explanation_page()
    window.show_results()


ACTIONS = (
    ActionSpec("optimize", QT_TRANSLATE_NOOP("Actions", "最適化を実行"), optimize, "F5",
               ":/icons/optimize.svg"),
)
