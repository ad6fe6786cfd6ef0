"""The one task runner: start, progress, done, failed, cancel, slots, stop."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from ui.tasks import MAIN, Job, TaskContext, TaskRunner


@pytest.fixture
def runner(qtbot: Any) -> Any:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[tuple[Job, BaseException]] = []
    runner = TaskRunner(lambda job, error: failures.append((job, error)), parent)
    runner.failures = failures  # type: ignore[attr-defined]
    yield runner
    runner.stop()


def test_done_gets_the_result_and_progress_reaches_the_gui(runner: Any, qtbot: Any) -> None:
    results: list[int] = []
    progress: list[tuple[str, int, int]] = []
    runner.progressed.connect(lambda _job, *report: progress.append(report))

    def work(context: TaskContext) -> int:
        context.progress("half", 1, 2)
        return 42

    job = Job("sum", work, results.append)
    with qtbot.waitSignals([runner.started, runner.finished], order="strict"):
        assert runner.start(job)
    assert results == [42]
    assert progress == [("half", 1, 2)]
    assert not runner.busy()


def test_a_failure_goes_to_the_job_or_the_default(runner: Any, qtbot: Any) -> None:
    def broken(_context: TaskContext) -> None:
        raise ValueError("bad input")

    seen: list[BaseException] = []
    with qtbot.waitSignal(runner.finished):
        runner.start(Job("own", broken, lambda _: None, seen.append))
    assert [str(e) for e in seen] == ["bad input"]
    with qtbot.waitSignal(runner.finished):
        runner.start(Job("default", broken, lambda _: None))
    assert [(job.title, str(error)) for job, error in runner.failures] == [
        ("default", "bad input")]


def test_cancel_stops_the_work_at_its_next_check(runner: Any, qtbot: Any) -> None:
    started = threading.Event()

    def long(context: TaskContext) -> None:
        started.set()
        while True:
            context.check_cancelled()
            started.wait(0.01)

    done: list[object] = []
    job = Job("long", long, done.append, cancellable=True)
    runner.start(job)
    assert started.wait(10)
    with qtbot.waitSignals([runner.cancelled, runner.finished], order="strict"):
        runner.cancel(MAIN)
    assert done == [] and runner.failures == []


def test_one_job_per_slot_others_run_alongside(runner: Any, qtbot: Any) -> None:
    gate = threading.Event()
    runner.start(Job("first", lambda _c: gate.wait(10), lambda _: None))
    refused: list[Job] = []
    runner.refused.connect(refused.append)
    second = Job("second", lambda _c: None, lambda _: None)
    assert not runner.start(second)
    assert refused == [second]
    other: list[str] = []
    with qtbot.waitSignal(runner.finished):
        assert runner.start(Job("other", lambda _c: "x", other.append, slot="loader"))
    assert other == ["x"] and runner.busy(MAIN)
    with qtbot.waitSignal(runner.finished):
        gate.set()
    assert not runner.busy()


def test_stop_drops_the_outcome(runner: Any, qtbot: Any) -> None:
    started = threading.Event()

    def wait_for_cancel(context: TaskContext) -> str:
        started.set()
        context.cancel_event.wait(10)
        return "late"

    results: list[str] = []
    runner.start(Job("closing", wait_for_cancel, results.append))
    assert started.wait(10)
    runner.stop()
    qtbot.wait(50)  # a queued outcome would arrive now
    assert results == [] and not runner.busy()


def test_partial_results_reach_the_gui_while_the_job_runs(runner: Any, qtbot: Any) -> None:
    delivered: list[int] = []
    release = threading.Event()

    def work(context: TaskContext) -> str:
        for value in (1, 2):
            context.partial(value)
        release.wait(10)
        return "done"

    results: list[str] = []
    job = Job("listen", work, results.append, partial=delivered.append, slot="live")
    assert runner.start(job)
    qtbot.waitUntil(lambda: delivered == [1, 2])
    assert runner.busy("live") and results == []  # delivered before the job ended
    with qtbot.waitSignal(runner.finished):
        release.set()
    assert results == ["done"]
