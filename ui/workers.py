"""Heavy work off the GUI thread: a QThread per task, with progress and cancel.

The work itself is a plain function taking a ``TaskContext`` (no Qt inside), in the spirit
of Orange3's ``run(data, state)``: it reports progress and checks ``cancelled`` between steps.
Signals emitted from the worker thread reach the GUI through queued connections.
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

_tasks: weakref.WeakSet[Task] = weakref.WeakSet()
_keep_alive: set[Task] = set()  # a running QThread must not be garbage-collected


def running_tasks() -> list[Task]:
    # A finished task may already be deleted (deleteLater); its wrapper lingers a moment.
    return [task for task in list(_tasks) if shiboken6.isValid(task) and task.isRunning()]


class TaskCancelled(Exception):
    """Raised inside a task's work when the user cancelled it (see ``check_cancelled``)."""


class TaskContext:
    """What a task function sees: a progress callback and the cancel flag."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.cancel_event = threading.Event()

    def progress(self, message: str, done: int | None = None, total: int | None = None) -> None:
        self._task.progressed.emit(message, -1 if done is None else done,
                                   -1 if total is None else total)

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancelled(self) -> None:
        """Stop the work here when it was cancelled (raises ``TaskCancelled``)."""
        if self.cancel_event.is_set():
            raise TaskCancelled()

    def fraction_reporter(self, message: str = "", steps: int = 200
                          ) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` callback for domain code: checks for cancel on every
        call, reports at most ``steps`` times (a row-by-row caller must not flood the GUI)."""
        last = [-1]

        def report(done: int, total: int) -> None:
            self.check_cancelled()
            step = done * steps // total if total > 0 else 0
            if step != last[0] or done >= total:
                last[0] = step
                self.progress(message, done, total)

        return report


class Task(QThread):
    progressed = Signal(str, int, int)  # message, done (-1 unknown), total (-1 unknown)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.context = TaskContext(self)
        _tasks.add(self)
        self.finished.connect(self._release)

    def run(self) -> None:
        try:
            result = self._work(self.context)
        except Exception as error:  # shown to the user by the GUI thread
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def start_work(self) -> None:
        _keep_alive.add(self)
        self.start()

    def cancel(self) -> None:
        self.context.cancel_event.set()

    def _release(self) -> None:
        _keep_alive.discard(self)


@dataclass(frozen=True, slots=True)
class SolverUpdate:
    phase: str
    objective: float | None
    bound: float | None
    elapsed: float

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None or not self.bound:
            return None
        if not (math.isfinite(self.objective) and math.isfinite(self.bound)):
            return None
        return max(0.0, (self.bound - self.objective) / abs(self.bound))


class SolverProgress(QObject):
    """Adapts ``solver.progress.Progress`` (report / is_cancelled) to a Qt signal.

    Reports are thinned to one every ``interval`` seconds (phase changes always pass) so a
    chatty solver cannot flood the GUI's event queue.
    """

    updated = Signal(object)  # SolverUpdate

    def __init__(self, cancel_event: threading.Event, interval: float = 0.1,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = cancel_event
        self._interval = interval
        self._last = 0.0
        self._phase = ""

    def report(self, phase: str, objective: float | None = None, bound: float | None = None,
               elapsed: float = 0.0) -> None:
        now = time.monotonic()
        if phase == self._phase and now - self._last < self._interval:
            return
        self._phase, self._last = phase, now
        self.updated.emit(SolverUpdate(phase, objective, bound, elapsed))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()
