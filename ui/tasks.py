"""Every background job of the app runs through one :class:`TaskRunner`.

A job's work is a plain function of a :class:`TaskContext` (no Qt inside), in the spirit of
Orange3's ``run(data, state)``: it reports progress and checks for cancel between steps. The
runner runs it on a worker thread and calls the job's ``done`` or ``failed`` on the GUI
thread; its signals (started, progressed, finished) let one place show progress dialogs.
Jobs run one at a time per *slot*: the main slot (import, export, demo, report, baselines)
shows a progress dialog; the optimizer and the plan-vs-actual loader have their own slots, so
a planner can keep working while they run.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

MAIN = "main"

_threads: weakref.WeakSet[_Worker] = weakref.WeakSet()
_keep_alive: set[_Worker] = set()  # a running QThread must not be garbage-collected


def running_tasks() -> list[_Worker]:
    """Worker threads still running (tests check that none outlives a test)."""
    # A finished worker may already be deleted (deleteLater); its wrapper lingers a moment.
    return [task for task in list(_threads) if shiboken6.isValid(task) and task.isRunning()]


class TaskCancelled(Exception):
    """Raised inside a job's work when the user cancelled it (see ``check_cancelled``)."""


class TaskContext:
    """What a job's work sees: a progress callback, the cancel flag and, for a job that
    delivers results as it goes (a listener), ``partial``."""

    def __init__(self, report: Callable[[str, int, int], None],
                 deliver: Callable[[object], None] | None = None) -> None:
        self._report = report
        self._deliver = deliver
        self.cancel_event = threading.Event()

    def partial(self, value: object) -> None:
        """Hand ``value`` to the job's ``partial`` handler on the GUI thread (in the spirit
        of Orange3's ``set_partial_result``)."""
        if self._deliver is not None:
            self._deliver(value)

    def progress(self, message: str, done: int | None = None, total: int | None = None) -> None:
        self._report(message, -1 if done is None else done, -1 if total is None else total)

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


@dataclass(eq=False)
class Job:
    """A piece of background work and what to do with its outcome (on the GUI thread)."""

    title: str
    work: Callable[[TaskContext], Any]
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None] | None = None  # None: the runner's default
    # Results the work delivers before it ends (``TaskContext.partial``), on the GUI thread.
    partial: Callable[[Any], None] | None = None
    cancellable: bool = False
    slot: str = MAIN
    context: TaskContext = field(init=False)
    dropped: bool = field(default=False, init=False)  # stopped: its outcome is ignored


class _Worker(QThread):
    progressed = Signal(str, int, int)  # message, done (-1 unknown), total (-1 unknown)
    delivered = Signal(object)  # a partial result
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        job.context = TaskContext(self.progressed.emit, self.delivered.emit)
        _threads.add(self)

    def run(self) -> None:
        try:
            result = self.job.work(self.job.context)
        except Exception as error:  # handed to the GUI thread
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts jobs on worker threads; one job per slot at a time."""

    started = Signal(object)  # Job
    refused = Signal(object)  # Job: not started, another job runs in its slot
    progressed = Signal(object, str, int, int)  # Job, message, done, total
    cancelled = Signal(object)  # Job: its work stopped at a cancel (not an error)
    finished = Signal(object)  # Job: after its done / failed handler, whatever the outcome

    def __init__(self, on_failure: Callable[[Job, BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_failure = on_failure
        self._workers: dict[str, _Worker] = {}

    def start(self, job: Job) -> bool:
        """Run ``job``; False (and nothing started) when its slot is busy."""
        if job.slot in self._workers:
            self.refused.emit(job)
            return False
        worker = _Worker(job, self)
        # Slots return nothing: PySide mishandles a value (e.g. emit()'s bool) returned from
        # a slot called through a queued connection, and the interpreter later crashes.
        worker.progressed.connect(partial(self._relay_progress, job))
        worker.delivered.connect(partial(self._delivered, job))
        worker.succeeded.connect(partial(self._succeeded, job))
        worker.failed.connect(partial(self._failed, job))
        worker.finished.connect(partial(self._finished, worker))
        self._workers[job.slot] = worker
        _keep_alive.add(worker)
        self.started.emit(job)
        worker.start()
        return True

    def busy(self, slot: str | None = None) -> bool:
        """A job runs (in ``slot``, or in any slot)."""
        return bool(self._workers) if slot is None else slot in self._workers

    def job(self, slot: str = MAIN) -> Job | None:
        worker = self._workers.get(slot)
        return worker.job if worker is not None else None

    def cancel(self, slot: str = MAIN) -> None:
        """Ask the job in ``slot`` to stop at its next check."""
        worker = self._workers.get(slot)
        if worker is not None:
            worker.job.context.cancel_event.set()

    def stop(self, slot: str | None = None) -> None:
        """Cancel the job in ``slot`` (None: every job), wait for its thread to end and drop
        its outcome (closing the window, switching database)."""
        for name in [slot] if slot is not None else list(self._workers):
            worker = self._workers.get(name)
            if worker is None:
                continue
            worker.job.dropped = True
            worker.job.context.cancel_event.set()
            worker.wait()
            self._finished(worker)

    def _relay_progress(self, job: Job, message: str, done: int, total: int) -> None:
        self.progressed.emit(job, message, done, total)

    def _delivered(self, job: Job, value: Any) -> None:
        if not job.dropped and job.partial is not None:
            job.partial(value)

    def _succeeded(self, job: Job, result: Any) -> None:
        if not job.dropped:
            job.done(result)

    def _failed(self, job: Job, error: BaseException) -> None:
        if job.dropped:
            return
        if isinstance(error, TaskCancelled):
            self.cancelled.emit(job)
        elif job.failed is not None:
            job.failed(error)
        else:
            self._on_failure(job, error)

    def _finished(self, worker: _Worker) -> None:
        job = worker.job
        if self._workers.get(job.slot) is not worker:
            return  # already handled (stop() and then the queued finished signal)
        del self._workers[job.slot]
        _keep_alive.discard(worker)
        worker.deleteLater()
        self.finished.emit(job)
