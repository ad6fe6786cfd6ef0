"""The live outlook: after an edit, the KPI tiles show what the optimized plan now looks like.

Every edit (inventory cell, capacity cell, lock, undo, redo) restarts a short timer; when the
planner pauses, a warm re-solve (``dx_planner.planning.outlook``: about a second) runs in the
background through the app's task runner, in its own slot, on a copy of the inventory as it
is then. Edits made while it runs start the timer again when it has finished. The result is
shown as an estimate until the next full solve. No outlook runs before the session's first
solve, while the optimizer runs, or with stable re-planning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from dx_planner.planning.settings import PlanningInputError
from ui.session import Session
from ui.tasks import Job, TaskContext, TaskRunner
from ui.texts import tr_format
from ui.views.plan_panel import SLOT as OPTIMIZE_SLOT
from ui.views.plan_panel import snapshot

if TYPE_CHECKING:  # the solver loads with the first run, not at start
    from dx_planner.domain.inventory import Inventory
    from dx_planner.planning.outlook import Outlook, OutlookStart

SLOT = "outlook"
#: Milliseconds without an edit before the outlook is computed.
DEBOUNCE_MS = 700


def compute(inventory: Inventory, start: OutlookStart, context: TaskContext
            ) -> tuple[Outlook, OutlookStart]:
    """The worker's job: the warm re-solve (the planning layer's outlook)."""
    from dx_planner.planning.outlook import outlook

    context.check_cancelled()
    return outlook(inventory, start)


class LiveOutlook(QObject):
    """Follows the session's edits; emits ``ready`` with each new outlook."""

    ready = Signal(object)  # Outlook
    failed = Signal(str)  # why the outlook cannot be computed (e.g. an illegal lock)
    running = Signal()

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.timer = QTimer(self)
        self.timer.setObjectName("live_outlook")
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._run)
        self._again = False  # edited while a re-solve ran
        session.undo_stack.indexChanged.connect(self._edited)
        runner.finished.connect(self._finished)

    def stop(self) -> None:
        """No outlook any more (the window closes or the session is switched)."""
        self.timer.stop()
        self._again = False
        if self.runner.busy(SLOT):
            self.runner.stop(SLOT)

    def _edited(self, *_: Any) -> None:
        if self.session.outlook_start is None:
            return
        if self.runner.busy(SLOT):
            self._again = True
            return
        self.timer.start()

    def _run(self) -> None:
        start = self.session.outlook_start
        if start is None or self.runner.busy(OPTIMIZE_SLOT) or self.runner.busy(SLOT):
            return
        plan = self.session.plan
        inventory = snapshot(self.session.store.inventory)
        job = Job(self.tr("見込みの更新"), lambda context: compute(inventory, start, context),
                  lambda outcome: self._done(plan, outcome), self._failed,
                  cancellable=True, slot=SLOT)
        self.running.emit()
        self.runner.start(job)

    def _done(self, plan: Any, outcome: tuple[Outlook, OutlookStart]) -> None:
        if self.session.plan is not plan or self.session.outlook_start is None:
            return  # a full solve (or another plan) came in meanwhile: it wins
        figures, self.session.outlook_start = outcome
        self.ready.emit(figures)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PlanningInputError):
            self.failed.emit(tr_format(self.tr("見込みを計算できません：%1"), str(error)))
        else:
            self.failed.emit(tr_format(self.tr("見込みの計算に失敗しました：%1"), str(error)))

    def _finished(self, job: Job) -> None:
        if job.slot == SLOT and self._again:
            self._again = False
            self.timer.start()  # not a new job from a done handler: the timer starts it
