"""Live refresh on a team database: other users' commits appear within seconds.

A job in its own slot of the task runner listens on a dedicated connection (PostgreSQL
``LISTEN``, ``persistence.team.notify``) and hands each batch of notices to the GUI thread,
where the named rows are read again: rows not edited here follow the database, rows edited
here become conflicts. After a lost connection everything is read again (notifications are
not replayed). An SQLite file has one user: nothing to listen to.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import psycopg
from PySide6.QtCore import QCoreApplication

from dx_planner.persistence.team.notify import ChangeListener, ChangeNotice
from ui.session import Session
from ui.tasks import Job, TaskContext
from ui.texts import tr_format

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
SLOT = "live"
WAIT = 0.5  # seconds per wait: how soon a cancel (closing, switching database) takes effect
RETRY = 5.0  # seconds between attempts while the server cannot be reached
GRIDS = frozenset({"bureaus", "bureau_capacity", "channels", "channel_limits"})


def listen(url: str, context: TaskContext) -> None:
    """The job's work: deliver notices until cancelled; survive a lost connection."""
    listener = ChangeListener(url)
    try:
        while not context.cancelled:
            try:
                notices = listener.wait(WAIT)
            except psycopg.OperationalError:
                context.progress(translate("Live", "サーバーに接続できません：再接続します"))
                deadline = time.monotonic() + RETRY
                while not context.cancelled and time.monotonic() < deadline:
                    time.sleep(0.1)
                continue
            if notices:
                context.partial(notices)
    finally:
        listener.close()


def start(window: MainWindow) -> bool:
    """Listen for the window's session, if it is a team database."""
    session = window.session
    if not session.is_team_database or window.runner.busy(SLOT):
        return False
    url = session.engine.url.render_as_string(hide_password=False)
    return window.runner.start(Job(
        translate("Live", "他の利用者の変更を受信"), lambda context: listen(url, context),
        done=lambda _result: None, partial=lambda notices: take(window, session, notices),
        cancellable=True, slot=SLOT))


def take(window: MainWindow, session: Session, notices: list[ChangeNotice]) -> None:
    """On the GUI thread: read the rows the notices name and show them."""
    if session is not window.session:
        return
    everything = any(n.everything for n in notices)
    process_notices = [n for n in notices if n.table == "processes" or n.everything]
    if process_notices:
        keys: set[str] | None = set()
        for notice in process_notices:
            if notice.keys is None or keys is None:
                keys = None
            else:
                keys |= notice.keys
        changes = session.take_remote(session.stored_rows(keys))
        if changes.conflicts:
            window.show_message(tr_format(translate(
                "Live",
                "他の利用者が、編集中の手続 %1件を変更しました（競合：保存時に確認します）"),
                f"{len(changes.conflicts):,}"))
        elif changes:
            window.show_message(tr_format(translate(
                "Live", "他の利用者の変更を反映しました（%1件）"),
                f"{len(changes.changed) + len(changes.added) + len(changes.removed):,}"))
    if (everything or any(n.table in GRIDS for n in notices)) \
            and not session.reload_grids_unless_edited():
        window.show_message(translate(
            "Live", "他の利用者が処理能力を変更しました（編集中のため、保存時に確認します）"))
