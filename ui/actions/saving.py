"""Saving the editing session, and what happens when someone else changed the same rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from dx_planner.domain.translatable import QT_TRANSLATE_NOOP
from dx_planner.persistence import repository
from ui.actions.base import ActionSpec
from ui.session import Saved, ValidationFailed
from ui.texts import tr_format
from ui.widgets.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from ui.widgets.dialogs import ProblemListDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def save(window: MainWindow) -> bool:
    """Write every pending change in one transaction; False when nothing was written."""
    try:
        saved = window.session.save()
    except ValidationFailed as error:
        window.last_error = str(error)
        ProblemListDialog(translate("Saving", "保存できません：入力に問題があります"),
                          error.problems, window).exec()
        return False
    except repository.ConflictError as error:
        window.last_error = str(error)
        resolve_conflict(window, error.process_ids)
        return False
    window.show_message(saved_message(saved))
    return True


def saved_message(saved: Saved) -> str:
    processes = tr_format(translate("Saving", "手続 %1件"), f"{saved.processes:,}")
    cells = tr_format(translate("Saving", "処理能力 %1セル"), f"{saved.capacity_cells:,}")
    parts = [text for text, count in ((processes, saved.processes),
                                      (cells, saved.capacity_cells)) if count]
    if not parts:
        return translate("Saving", "保存する変更はありませんでした")
    return tr_format(translate("Saving", "保存しました：%1"), translate("Saving", "、").join(parts))


def resolve_conflict(window: MainWindow, process_ids: list[str]) -> None:
    """Rows changed by someone else: never overwritten unseen. The dialog shows what they
    changed (from the history) beside the local edits; the planner keeps theirs or theirs."""
    session = window.session
    session.model.set_conflicts(session.model.conflicts | set(process_ids))
    dialog = ConflictDialog(session.conflict_details(process_ids), window)
    dialog.exec()
    if dialog.choice == TAKE_THEIRS:
        session.take_database_rows(process_ids)
        window.show_message(translate("Saving", "競合した行をデータベースの内容に置き換えました"))
    elif dialog.choice == KEEP_MINE:
        session.keep_mine(process_ids)
        save(window)  # the user has seen theirs: write mine over it


def confirm_discard(window: MainWindow) -> bool:
    """Ask about unsaved changes; True when it is fine to go on."""
    if not window.session.dirty:
        return True
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        window, translate("Saving", "未保存の変更"),
        translate("Saving", "変更が保存されていません。保存しますか？"),
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    if answer == buttons.Save:
        return save(window)
    return answer == buttons.Discard


ACTIONS = (
    ActionSpec("save", QT_TRANSLATE_NOOP("Actions", "保存"), save, QKeySequence.StandardKey.Save,
               ":/icons/save.svg"),
)
