"""The one place where the app's parts are listed: the tabs of the main window, the action
modules, and how the menus and the toolbar are laid out.

To add a feature (a history view, a what-if panel, …): write its view under ``ui/views``
and/or its actions under ``ui/actions``, then list them here — a ``TabSpec`` in ``TABS``,
the module in ``ACTION_MODULES`` and its action keys in ``MENUS`` / ``TOOLBAR``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from ui.actions import (
    baselines,
    compare,
    database,
    history,
    inventory_io,
    language,
    outputs,
    planning,
    saving,
    scenarios,
)
from ui.actions.base import ActionSpec
from ui.session import Session
from ui.tasks import TaskRunner
from ui.views.capacity_view import CapacityView
from ui.views.compare.compare_view import CompareView
from ui.views.history_view import HistoryView
from ui.views.inventory_view import InventoryView
from ui.views.plan_panel import PlanPanel
from ui.views.results.capacity_value_page import CapacityValuePage
from ui.views.results.changes_page import ChangesPage
from ui.views.results.requirements_page import RequirementsPage
from ui.views.results.results_view import ResultPage, ResultsView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class TabSpec:
    key: str
    title: str  # source text, marked with QT_TRANSLATE_NOOP("Tabs", …)
    build: Callable[[Session, TaskRunner, QWidget], QWidget]
    wire: Callable[[MainWindow, QWidget], None] | None = None  # connect it to the actions


def _wire_inventory(window: MainWindow, view: QWidget) -> None:
    assert isinstance(view, InventoryView)
    view.explainRequested.connect(lambda process: planning.explain(window, process))
    view.historyRequested.connect(
        lambda process: history.show_process_history(window, process))


def _wire_plan(window: MainWindow, view: QWidget) -> None:
    assert isinstance(view, PlanPanel)
    view.planReady.connect(lambda result, name: planning.show_plan(window, result, name))


def _wire_results(window: MainWindow, view: QWidget) -> None:
    assert isinstance(view, ResultsView)
    view.openScenario.connect(lambda name: planning.open_scenario(window, name))
    page = view.scenario_page
    page.settingsRequested.connect(lambda name: scenarios.load_settings(window, name))
    page.renameRequested.connect(lambda name: scenarios.ask_rename(window, name))
    page.noteRequested.connect(lambda name: scenarios.ask_note(window, name))
    page.deleteRequested.connect(lambda name: scenarios.ask_delete(window, name))
    # A database just opened (or switched) shows its newest plan; a rebuild keeps the plan.
    scenarios.open_newest(window)


def _wire_compare(window: MainWindow, view: QWidget) -> None:
    assert isinstance(view, CompareView)
    view.exportRequested.connect(lambda comparison: compare.choose_export(window, comparison))


#: Pages beside the results' chart, after the built-in ones.
RESULT_PAGES: tuple[ResultPage, ...] = (
    ResultPage("requirements", QT_TRANSLATE_NOOP("ResultPages", "要件と費用"),
               RequirementsPage),
    ResultPage("capacity_value", QT_TRANSLATE_NOOP("ResultPages", "1人月の効果"),
               CapacityValuePage),
    ResultPage("changes", QT_TRANSLATE_NOOP("ResultPages", "再計画の変更"), ChangesPage),
)


TABS: tuple[TabSpec, ...] = (
    TabSpec("inventory", QT_TRANSLATE_NOOP("Tabs", "手続一覧"),
            lambda session, _runner, parent: InventoryView(session, parent), _wire_inventory),
    TabSpec("capacity", QT_TRANSLATE_NOOP("Tabs", "処理能力"),
            lambda session, _runner, parent: CapacityView(
                session.bureau_model, session.channel_model, parent)),
    TabSpec("plan", QT_TRANSLATE_NOOP("Tabs", "計画の条件と実行"), PlanPanel, _wire_plan),
    TabSpec("results", QT_TRANSLATE_NOOP("Tabs", "結果"),
            lambda session, runner, parent: ResultsView(session, runner, parent, RESULT_PAGES),
            _wire_results),
    TabSpec("compare", QT_TRANSLATE_NOOP("Tabs", "シナリオ比較"), CompareView, _wire_compare),
    TabSpec("history", QT_TRANSLATE_NOOP("Tabs", "変更履歴"), HistoryView),
)

ACTION_MODULES = (database, saving, inventory_io, outputs, baselines, planning, scenarios,
                  compare, history)


def actions() -> dict[str, ActionSpec]:
    return {spec.key: spec for module in ACTION_MODULES for spec in module.ACTIONS}


# Menus: action keys in order; None is a separator. Besides the registered actions, the
# window provides "undo", "redo", "quit", the inventory view's actions ("add", "delete",
# "status", "digitized", "lock", "unlock", "priority_on", "priority_off", "explain") and
# "@recent" (the recent databases). A menu with a filler function builds its own entries.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "ファイル(&F)"),
     ("open_database", "connect_team", "@recent", None, "save", None, "import", "export",
      "demo", None, "export_plan", "report", None, "quit")),
    (QT_TRANSLATE_NOOP("Menus", "編集(&E)"),
     ("undo", "redo", None, "add", "delete", None, "status", "digitized", "lock", "unlock",
      "priority_on", "priority_off", None, "explain", "process_history", "history")),
    (QT_TRANSLATE_NOOP("Menus", "計画(&P)"),
     ("optimize", None, "export_plan", "report", None, "publish_baseline", "plan_vs_actual")),
)
MENU_FILLERS: tuple[tuple[str, Callable[[MainWindow, QMenu], None]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "言語 / Language"), language.fill_menu),
)
TOOLBAR: tuple[str | None, ...] = ("save", "undo", "redo", None, "add", "delete", None,
                                   "optimize")
