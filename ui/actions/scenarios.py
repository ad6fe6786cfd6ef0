"""Managing stored scenarios in the app: rename, add a note, delete (after asking), load a
plan's settings back into the plan panel, and open the newest plan when a database opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox
from sqlalchemy import Connection

from dx_planner.persistence.database import write_transaction
from dx_planner.persistence.scenarios import ScenarioNotFound
from ui.texts import tr_format

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
ACTIONS = ()  # reached from the scenario list's buttons (ui/views/results/scenarios_page.py)


def _change(window: MainWindow, change: Callable[[Connection], Any]) -> bool:
    """Run one change of the stored scenarios; a refusal (not the author, name taken,
    unknown) is said in the status bar, not raised."""
    from dx_planner.planning.scenarios import ScenarioTaken

    try:
        with write_transaction(window.session.engine) as connection:
            change(connection)
    except (ScenarioTaken, ScenarioNotFound, ValueError) as error:
        window.last_error = str(error)
        window.show_message(str(error))
        return False
    window.results_view.scenario_model.refresh()
    window.plan_panel.refresh_references()
    return True


def rename(window: MainWindow, old: str, new: str) -> bool:
    from dx_planner.planning.scenarios import rename_scenario

    new = new.strip()
    if not _change(window, lambda connection: rename_scenario(connection, old, new)):
        return False
    session = window.session
    if session.plan_name == old:
        session.set_plan(session.plan, new)
    window.show_message(tr_format(translate("Scenarios", "シナリオ「%1」を「%2」に変更しました"),
                                  old, new))
    return True


def ask_rename(window: MainWindow, name: str) -> None:
    new, accepted = QInputDialog.getText(
        window, translate("Scenarios", "シナリオの名前を変更"),
        translate("Scenarios", "新しい名前"), QLineEdit.EchoMode.Normal, name)
    if accepted and new.strip() and new.strip() != name:
        rename(window, name, new)


def set_note(window: MainWindow, name: str, note: str) -> bool:
    from dx_planner.planning.scenarios import set_scenario_note

    if not _change(window, lambda connection: set_scenario_note(connection, name, note)):
        return False
    window.show_message(tr_format(translate("Scenarios", "シナリオ「%1」のメモを保存しました"),
                                  name))
    return True


def ask_note(window: MainWindow, name: str) -> None:
    model = window.results_view.scenario_model
    row = model.row_of(name)
    current = model.rows[row].note if row is not None else ""
    note, accepted = QInputDialog.getMultiLineText(
        window, translate("Scenarios", "シナリオのメモ"),
        tr_format(translate("Scenarios", "「%1」のメモ（前提、目的、相談先など）"), name),
        current)
    if accepted:
        set_note(window, name, note)


def delete(window: MainWindow, name: str) -> bool:
    from dx_planner.planning.scenarios import delete_scenario

    if not _change(window, lambda connection: delete_scenario(connection, name)):
        return False
    session = window.session
    if session.plan_name == name:  # still shown, but no longer stored
        session.set_plan(session.plan, None)
    window.show_message(tr_format(translate("Scenarios", "シナリオ「%1」を削除しました"), name))
    return True


def ask_delete(window: MainWindow, name: str) -> None:
    answer = QMessageBox.question(
        window, translate("Scenarios", "シナリオを削除"),
        tr_format(translate("Scenarios", "シナリオ「%1」を削除しますか？\n"
                                         "削除すると元に戻せません（公表済みのベースラインは"
                                         "残ります）。"), name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer == QMessageBox.StandardButton.Yes:
        delete(window, name)


def load_settings(window: MainWindow, name: str) -> None:
    """Put a stored plan's settings into the plan panel, ready to be run again."""
    from dx_planner.planning.scenarios import load_scenario

    with window.session.engine.connect() as connection:
        result = load_scenario(connection, name)
    window.plan_panel.show_settings(result.settings)
    window.show_plan_panel()
    window.show_message(tr_format(translate(
        "Scenarios", "シナリオ「%1」の条件を読み込みました。実行すると同じ条件で計画します"), name))


def open_newest(window: MainWindow) -> None:
    """Show the newest stored plan when the session has none yet (a database just opened)."""
    from dx_planner.persistence.scenarios import list_scenarios
    from dx_planner.planning.scenarios import load_scenario

    session = window.session
    if session.plan is not None:
        return
    try:
        with session.engine.connect() as connection:
            stored = list_scenarios(connection)
            if not stored:
                return
            result = load_scenario(connection, stored[0].name)
    except Exception as error:  # an old or damaged database: start without a plan
        window.show_message(str(error))
        return
    session.set_plan(result, stored[0].name)
    window.plan_panel.show_settings(result.settings)
    window.show_message(tr_format(translate("Scenarios", "最新の計画「%1」を開きました"),
                                  stored[0].name))
