"""The main window: it assembles the tabs, menus and toolbar listed in ``ui.registry`` over a
session, shows messages, and owns the one task runner every background job goes through.
What the user does lives in ``ui.actions``; what is shown lives in ``ui.views``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from dx_planner.persistence.rights import ADMIN, EDITOR, Rights
from ui import registry
from ui.actions import live
from ui.actions.database import open_location, recent_databases, remember_database
from ui.actions.saving import confirm_discard
from ui.session import Session
from ui.tasks import Job, TaskRunner
from ui.texts import tr_format
from ui.views.capacity_view import CapacityView
from ui.views.inventory_view import InventoryView
from ui.views.plan_panel import PlanPanel
from ui.views.results.results_view import ResultsView
from ui.widgets.task_progress import TaskProgressDialogs
from ui.widgets.undo_actions import UndoRedoActions

GEOMETRY_KEY = "ui/geometry"
V = TypeVar("V", bound=QWidget)


def identity_text(rights: Rights) -> str:
    """``tanaka — 局編集者（福祉保健局）`` for the status bar."""
    translate = QCoreApplication.translate
    if rights.role == ADMIN:
        role = translate("Identity", "管理者")
    elif rights.role == EDITOR:
        role = tr_format(translate("Identity", "局編集者（%1）"), "、".join(sorted(rights.bureaus)))
    else:
        role = translate("Identity", "閲覧者（変更はできません）")
    return f"{rights.login} — {role}"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = TaskRunner(self._task_failed, self)
        self.progress_dialogs = TaskProgressDialogs(self.runner, self)
        self.runner.refused.connect(
            lambda _job: self.show_message(self.tr("他の処理が実行中です")))
        self.runner.cancelled.connect(lambda job: self.show_message(
            tr_format(self.tr("%1をキャンセルしました"), job.title)))
        self.last_error: str | None = None  # the last failure shown (scripts and tests)
        # Off only in tests and scripts: closing then discards unsaved edits silently.
        self.confirm_close = True
        self.views: dict[str, QWidget] = {}
        self.action_by_key: dict[str, QAction] = {}
        self._actions_owner: QObject | None = None
        self.resize(1400, 860)
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.identity = QLabel(self)  # who is logged in, with which rights
        self.statusBar().addPermanentWidget(self.identity)
        self._build()
        remember_database(session.location)
        live.start(self)

    # -- the views -----------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.views = {}
        for spec in registry.TABS:
            view = spec.build(self.session, self.runner, self.tabs)
            self.views[spec.key] = view
            self.tabs.addTab(view, QCoreApplication.translate("Tabs", spec.title))
            message = getattr(view, "message", None)
            if message is not None:
                message.connect(self.show_message)
            if spec.wire is not None:
                spec.wire(self, view)
        self.setCentralWidget(self.tabs)
        self.session.dirtyChanged.connect(self._update_title)
        self._build_menus()
        self._update_title()
        self.identity.setText(identity_text(self.session.rights))

    def _view(self, key: str, kind: type[V]) -> V:
        view = self.views[key]
        assert isinstance(view, kind)
        return view

    @property
    def inventory_view(self) -> InventoryView:
        return self._view("inventory", InventoryView)

    @property
    def capacity_view(self) -> CapacityView:
        return self._view("capacity", CapacityView)

    @property
    def plan_panel(self) -> PlanPanel:
        return self._view("plan", PlanPanel)

    @property
    def results_view(self) -> ResultsView:
        return self._view("results", ResultsView)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.views[key])

    def show_results(self) -> None:
        self.show_tab("results")

    def show_plan_panel(self) -> None:
        self.show_tab("plan")

    # -- menus and toolbar ---------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        if self._actions_owner is not None:  # the actions of the previous build
            self._actions_owner.deleteLater()
        self._actions_owner = owner = QObject(self)
        self.action_by_key = self._window_actions(owner)
        for spec in registry.actions().values():
            action = QAction(spec.label(), owner)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.icon is not None:
                action.setIcon(QIcon(spec.icon))
            action.triggered.connect(partial(self._run_action, spec.run))
            if spec.admin_only and not self.session.rights.is_admin:
                action.setEnabled(False)
                action.setToolTip(self.tr("管理者だけが実行できます"))
            self.action_by_key[spec.key] = action
        for title, entries in registry.MENUS:
            menu = bar.addMenu(QCoreApplication.translate("Menus", title))
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif entry == "@recent":
                    recent = menu.addMenu(self.tr("最近使ったデータベース"))
                    for location in recent_databases():
                        recent.addAction(location, partial(open_location, self, location))
                else:
                    menu.addAction(self.action_by_key[entry])
        for title, fill in registry.MENU_FILLERS:
            fill(self, bar.addMenu(QCoreApplication.translate("Menus", title)))
        toolbar = self.addToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in registry.TOOLBAR:
            if entry is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.action_by_key[entry])

    def _run_action(self, run: Callable[[MainWindow], object], _checked: bool = False) -> None:
        run(self)  # a slot returns nothing (see ui.tasks)

    def _window_actions(self, owner: QObject) -> dict[str, QAction]:
        """The actions the window itself provides: undo/redo, quit, the inventory view's."""
        undo_redo = UndoRedoActions(self.session.undo_stack, owner)
        quit_action = QAction(self.tr("終了"), owner)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        return {"undo": undo_redo.undo, "redo": undo_redo.redo, "quit": quit_action,
                **self.inventory_view.menu_actions()}

    # -- session, language, messages -----------------------------------------------------
    def rebuild(self, keep_state: bool = True) -> None:
        """Build the widgets again over the same session (a language switch; also a new
        inventory or database, then with ``keep_state`` False). A view with ``save_state``
        and ``restore_state`` keeps what was entered in it."""
        current = self.tabs.currentIndex()
        states = {key: view.save_state() for key, view in self.views.items()
                  if keep_state and hasattr(view, "save_state")}
        old = self.centralWidget()
        self._build()
        for key, state in states.items():
            self.views[key].restore_state(state)  # type: ignore[attr-defined]
        self.tabs.setCurrentIndex(current)
        if old is not None:
            old.deleteLater()

    def set_session(self, session: Session) -> None:
        """Show another database: stop its background work, rebuild, close the old one."""
        self.runner.stop()
        old, self.session = self.session, session
        self.rebuild(keep_state=False)
        old.close()
        old.deleteLater()
        live.start(self)

    def _update_title(self, *_: Any) -> None:
        self.setWindowTitle(f"dx-planner — {self.session.location}[*]")
        self.setWindowModified(self.session.dirty)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _task_failed(self, job: Job, error: BaseException) -> None:
        self.last_error = str(error)
        QMessageBox.warning(self, job.title, str(error))

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not confirm_discard(self):
            event.ignore()
            return
        self.stop_work()
        self.statusBar().clearMessage()  # stops the message's timeout timer
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.session.close()  # the database's connections (a server's, on a team database)
        event.accept()

    def stop_work(self) -> None:
        """Cancel and wait for background work, so no thread outlives the window."""
        self.results_view.outlook.stop()
        self.runner.stop()
